// Writes tests/fixtures/tiny-zimage/: a TINY stand-in for Z-Image-Turbo that honours the same model.json
// contract as the real export (same roles, tensor names, ranks and dtypes) and runs in milliseconds.
// It is not a diffusion model: each graph computes a known closed form, so tests can check the
// pipeline's arithmetic exactly. Run: npx tsx scripts/make-tiny-models.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { ZIMAGE_GRAPHS } from '../src/lib/server/generation/zimage/manifest';

const { onnx } = onnxProto;
const here = dirname(fileURLToPath(import.meta.url));
export const TINY_DIR = join(here, '..', 'tests', 'fixtures', 'tiny-zimage');

// ---- the closed forms the tests rely on ----
/** Caption feature width (the real encoder: 2560). */
export const TINY_DIM = 8;
/** transformer: unified_results = A·latents + B·timestep + mean(encoder_hidden_states). */
export const TINY_A = 0.75;
export const TINY_B = -0.5;
/** text encoder: row = embedding(id) · attention_mask. */
export const tinyEmbedding = (id: number, j: number) => Math.fround(Math.sin(0.37 * id + 1.3 * j) * 0.5);
/** VAE: sample = nearest-upsample×8( Σ_k W[c][k]·z_k + bias[c] ). */
export const tinyVaeWeight = (c: number, k: number) => Math.fround(((k % 4) - 1.5) * 0.1 * (c + 1));
export const tinyVaeBias = (c: number) => Math.fround((c - 1) * 0.2);

// ---- tokenizer: real byte-level BPE (Qwen2 layout) with a small vocabulary ----
export function bytesToUnicode(): string[] {
	const bs: number[] = [];
	for (let b = 33; b <= 126; b++) bs.push(b);
	for (let b = 161; b <= 172; b++) bs.push(b);
	for (let b = 174; b <= 255; b++) bs.push(b);
	const map: string[] = new Array(256);
	let n = 0;
	for (let b = 0; b < 256; b++) map[b] = String.fromCodePoint(bs.includes(b) ? b : 256 + n++);
	return map;
}
export const TINY_WORDS = ['user', 'assistant', 'hello', 'Ġworld', 'Ġposter', 'Ġred'];
export const TINY_SPECIAL = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];

export function tinyTokenizerJson() {
	const bytes = bytesToUnicode();
	const vocab: Record<string, number> = {};
	bytes.forEach((ch, b) => (vocab[ch] = b));
	const merges: string[] = [];
	for (const word of TINY_WORDS) {
		const chars = [...word];
		let prefix = chars[0];
		for (const ch of chars.slice(1)) {
			const merged = prefix + ch;
			if (!(merged in vocab)) {
				merges.push(`${prefix} ${ch}`);
				vocab[merged] = Object.keys(vocab).length;
			}
			prefix = merged;
		}
	}
	let next = Object.keys(vocab).length;
	const added = TINY_SPECIAL.map((content) => ({
		id: next++,
		content,
		single_word: false,
		lstrip: false,
		rstrip: false,
		normalized: false,
		special: true
	}));
	const pattern = String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`;
	const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false };
	return {
		version: '1.0',
		truncation: null,
		padding: null,
		added_tokens: added,
		normalizer: { type: 'NFC' },
		pre_tokenizer: {
			type: 'Sequence',
			pretokenizers: [
				{ type: 'Split', pattern: { Regex: pattern }, behavior: 'Isolated', invert: false },
				byteLevel
			]
		},
		post_processor: byteLevel,
		decoder: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false },
		model: {
			type: 'BPE',
			dropout: null,
			unk_token: null,
			continuing_subword_prefix: '',
			end_of_word_suffix: '',
			fuse_unk: false,
			byte_fallback: false,
			ignore_merges: false,
			vocab,
			merges
		}
	};
}

// ---- ONNX graphs ----
const T = onnx.TensorProto.DataType;
type Dim = number | string;
const valueInfo = (name: string, elemType: number, dims: Dim[]) =>
	onnx.ValueInfoProto.create({
		name,
		type: {
			tensorType: {
				elemType,
				shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) }
			}
		}
	});
const floats = (name: string, dims: number[], values: number[]) =>
	onnx.TensorProto.create({ name, dataType: T.FLOAT, dims, floatData: values });
const ints = (name: string, values: number[]) =>
	onnx.TensorProto.create({ name, dataType: T.INT64, dims: [values.length], int64Data: values });
const node = (
	opType: string,
	input: string[],
	output: string[],
	attribute: OnnxTypes.IAttributeProto[] = []
) => onnx.NodeProto.create({ opType, input, output, attribute });
const attrInt = (name: string, i: number) =>
	onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i });
const attrString = (name: string, s: string) =>
	onnx.AttributeProto.create({
		name,
		type: onnx.AttributeProto.AttributeType.STRING,
		s: new TextEncoder().encode(s)
	});

function model(name: string, graph: Partial<OnnxTypes.IGraphProto>): Uint8Array {
	const g = onnx.GraphProto.create({ name, ...graph });
	return onnx.ModelProto.encode(
		onnx.ModelProto.create({
			irVersion: 8,
			producerName: 'haibao make-tiny-models',
			opsetImport: [{ domain: '', version: 17 }],
			graph: g
		})
	).finish();
}

function textEncoder(vocabSize: number): Uint8Array {
	const table: number[] = [];
	for (let id = 0; id < vocabSize; id++) for (let j = 0; j < TINY_DIM; j++) table.push(tinyEmbedding(id, j));
	return model('tiny_text_encoder', {
		input: [
			valueInfo('input_ids', T.INT64, [1, 'sequence_length']),
			valueInfo('attention_mask', T.INT64, [1, 'sequence_length'])
		],
		output: [valueInfo('encoder_hidden_state', T.FLOAT, [1, 'sequence_length', TINY_DIM])],
		initializer: [floats('embedding', [vocabSize, TINY_DIM], table), ints('last_axis', [-1])],
		node: [
			node('Gather', ['embedding', 'input_ids'], ['embedded']),
			node('Cast', ['attention_mask'], ['mask_f'], [attrInt('to', T.FLOAT)]),
			node('Unsqueeze', ['mask_f', 'last_axis'], ['mask_col']),
			node('Mul', ['embedded', 'mask_col'], ['encoder_hidden_state'])
		]
	});
}

/**
 * The paced variant adds real work that does not change the result: a chain of MatMuls on a
 * PACED_SIZE² matrix that depends on the latents (so onnxruntime cannot fold it away), multiplied by
 * zero and added. A step then takes about as long as a real model's on a GPU (~0.1–0.3 s here), so
 * end-to-end tests can watch per-step progress and cancel a running job without any test-only knob.
 */
const PACED_SIZE = 1024;
const PACED_MATMULS = 8;

function pacedWorkNodes(): { initializer: OnnxTypes.ITensorProto[]; node: OnnxTypes.INodeProto[] } {
	const node_: OnnxTypes.INodeProto[] = [
		node('ReduceMean', ['x'], ['x_mean'], [attrInt('keepdims', 0)]),
		node(
			'ConstantOfShape',
			['paced_shape'],
			['paced_base'],
			[
				onnx.AttributeProto.create({
					name: 'value',
					type: onnx.AttributeProto.AttributeType.TENSOR,
					t: floats('', [1], [0.001])
				})
			]
		),
		node('Add', ['paced_base', 'x_mean'], ['paced_0'])
	];
	for (let i = 1; i <= PACED_MATMULS; i++)
		node_.push(node('MatMul', [`paced_${i - 1}`, 'paced_0'], [`paced_${i}`]));
	node_.push(
		node('ReduceMean', [`paced_${PACED_MATMULS}`], ['paced_mean'], [attrInt('keepdims', 0)]),
		node('Mul', ['paced_mean', 'zero'], ['paced_zero'])
	);
	return {
		initializer: [ints('paced_shape', [PACED_SIZE, PACED_SIZE]), floats('zero', [], [0])],
		node: node_
	};
}

function transformer(paced = false): Uint8Array {
	const work = paced ? pacedWorkNodes() : { initializer: [], node: [] };
	const result = paced ? 'unpaced_results' : 'unified_results';
	return model('tiny_transformer', {
		input: [
			valueInfo('hidden_states', T.FLOAT, [1, 16, 1, 'height', 'width']),
			valueInfo('timestep', T.FLOAT, [1]),
			valueInfo('encoder_hidden_states', T.FLOAT, [1, 'seq_len', TINY_DIM])
		],
		output: [valueInfo('unified_results', T.FLOAT, [16, 1, 'height', 'width'])],
		initializer: [
			floats('a', [], [TINY_A]),
			floats('b', [], [TINY_B]),
			ints('batch_axis', [0]),
			...work.initializer
		],
		node: [
			node('Squeeze', ['hidden_states', 'batch_axis'], ['x']),
			node('Mul', ['x', 'a'], ['ax']),
			node('Mul', ['timestep', 'b'], ['bt']),
			node('ReduceMean', ['encoder_hidden_states'], ['caption_mean'], [attrInt('keepdims', 0)]),
			node('Add', ['ax', 'bt'], ['axbt']),
			node('Add', ['axbt', 'caption_mean'], [result]),
			...work.node,
			...(paced ? [node('Add', ['unpaced_results', 'paced_zero'], ['unified_results'])] : [])
		]
	});
}

function vaeDecoder(): Uint8Array {
	const weights: number[] = [];
	for (let c = 0; c < 3; c++) for (let k = 0; k < 16; k++) weights.push(tinyVaeWeight(c, k));
	return model('tiny_vae_decoder', {
		input: [valueInfo('latent_sample', T.FLOAT, [1, 16, 'latent_height', 'latent_width'])],
		output: [valueInfo('sample', T.FLOAT, [1, 3, 'height', 'width'])],
		initializer: [
			floats('w', [3, 16, 1, 1], weights),
			floats('bias', [3], [0, 1, 2].map(tinyVaeBias)),
			floats('scales', [4], [1, 1, 8, 8])
		],
		node: [
			node('Conv', ['latent_sample', 'w', 'bias'], ['rgb_small']),
			node(
				'Resize',
				['rgb_small', '', 'scales'],
				['sample'],
				[
					attrString('mode', 'nearest'),
					attrString('coordinate_transformation_mode', 'asymmetric'),
					attrString('nearest_mode', 'floor')
				]
			)
		]
	});
}

export const TINY_MANIFEST = {
	schema: 'haibao.zimage-model/1',
	name: 'tiny test model (not Z-Image-Turbo)',
	label: { zh: '测试用小模型（不是 Z-Image-Turbo）', en: 'tiny test model (not Z-Image-Turbo)' },
	description:
		'Generated by scripts/make-tiny-models.ts for tests: same tensor contract as webnn/Z-Image-Turbo, closed-form graphs, no learned weights. Its images are colour noise, not pictures.',
	components: {
		tokenizer: { file: 'tokenizer.json', maxTokens: 512 },
		text_encoder: { file: 'text_encoder.onnx', ...ZIMAGE_GRAPHS.text_encoder },
		transformer: { file: 'transformer.onnx', ...ZIMAGE_GRAPHS.transformer },
		vae_decoder: { file: 'vae_decoder.onnx', ...ZIMAGE_GRAPHS.vae_decoder }
	}
};

export const PACED_DIR = join(dirname(TINY_DIR), 'tiny-zimage-paced');

/** The paced variant's manifest: same contract and results, a step takes real time. */
/** The paced variant's manifest: same contract, name and results; a step takes real time. */
export const PACED_MANIFEST = {
	...TINY_MANIFEST,
	description:
		'Generated by scripts/make-tiny-models.ts: the tiny test model plus matrix work that does not change its result, so a step takes real time (progress and cancel can be watched). Its images are colour noise, not pictures.'
};

export function writeTinyModels(dir = TINY_DIR, paced = false): void {
	mkdirSync(dir, { recursive: true });
	const tokenizer = tinyTokenizerJson();
	const vocabSize = Object.keys(tokenizer.model.vocab).length + tokenizer.added_tokens.length;
	writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer, null, 1) + '\n');
	writeFileSync(join(dir, 'text_encoder.onnx'), textEncoder(vocabSize));
	writeFileSync(join(dir, 'transformer.onnx'), transformer(paced));
	writeFileSync(join(dir, 'vae_decoder.onnx'), vaeDecoder());
	writeFileSync(
		join(dir, 'model.json'),
		JSON.stringify(paced ? PACED_MANIFEST : TINY_MANIFEST, null, '\t') + '\n'
	);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	writeTinyModels();
	writeTinyModels(PACED_DIR, true);
	console.log(`tiny Z-Image stand-ins written to ${TINY_DIR} and ${PACED_DIR}`);
}
