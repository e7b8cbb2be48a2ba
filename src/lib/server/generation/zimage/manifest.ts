// The model folder contract: model.json maps each role (tokenizer, text_encoder, transformer,
// vae_decoder) to its file and tensor names, ranks and dtypes, so the code never hard-codes one export.
// A folder without model.json is read with DEFAULT_MANIFEST (the public webnn/Z-Image-Turbo q4f16 layout).
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const MANIFEST_FILE = 'model.json';

const tensor = z.object({
	name: z.string().min(1),
	dtype: z.enum(['float32', 'float16', 'int64', 'int32']),
	rank: z.number().int().min(0).max(6)
});
export type TensorSpec = z.infer<typeof tensor>;

const file = z.string().min(1);
const onnxComponent = { file, externalData: z.array(file).default([]) };

export const manifestSchema = z.object({
	schema: z.literal('haibao.zimage-model/1'),
	/** Stored in job records and PNG metadata. */
	name: z.string().min(1),
	/** What the UI shows, in the user's language; `name` when absent. */
	label: z.object({ zh: z.string().min(1), en: z.string().min(1) }).optional(),
	description: z.string().optional(),
	components: z.object({
		tokenizer: z.object({
			file,
			configFile: file.optional(),
			maxTokens: z.number().int().min(8).max(4096).default(512)
		}),
		text_encoder: z.object({
			...onnxComponent,
			inputs: z.object({ input_ids: tensor, attention_mask: tensor.optional() }),
			outputs: z.object({ caption_features: tensor })
		}),
		transformer: z.object({
			...onnxComponent,
			inputs: z.object({ latents: tensor, caption_features: tensor, timestep: tensor }),
			outputs: z.object({ prediction: tensor }),
			/** Caption rows are padded to a multiple of this by repeating the last row (0 = no padding). */
			captionPadMultiple: z.number().int().min(0).max(1024).default(32)
		}),
		vae_decoder: z.object({
			...onnxComponent,
			inputs: z.object({ latent_sample: tensor }),
			outputs: z.object({ sample: tensor })
		})
	})
});
export type ModelManifest = z.infer<typeof manifestSchema>;
export type OnnxRole = 'text_encoder' | 'transformer' | 'vae_decoder';
export const ONNX_ROLES: OnnxRole[] = ['text_encoder', 'transformer', 'vae_decoder'];

/**
 * The graph boundary every Z-Image-Turbo export shares (tensor names, dtypes, ranks, caption padding),
 * per ONNX role; only the file names differ between exports (and the tiny test model).
 */
export const ZIMAGE_GRAPHS = {
	text_encoder: {
		inputs: {
			input_ids: { name: 'input_ids', dtype: 'int64', rank: 2 },
			attention_mask: { name: 'attention_mask', dtype: 'int64', rank: 2 }
		},
		outputs: { caption_features: { name: 'encoder_hidden_state', dtype: 'float32', rank: 3 } }
	},
	transformer: {
		inputs: {
			latents: { name: 'hidden_states', dtype: 'float32', rank: 5 },
			caption_features: { name: 'encoder_hidden_states', dtype: 'float32', rank: 3 },
			timestep: { name: 'timestep', dtype: 'float32', rank: 1 }
		},
		outputs: { prediction: { name: 'unified_results', dtype: 'float32', rank: 4 } },
		captionPadMultiple: 32
	},
	vae_decoder: {
		inputs: { latent_sample: { name: 'latent_sample', dtype: 'float32', rank: 4 } },
		outputs: { sample: { name: 'sample', dtype: 'float32', rank: 4 } }
	}
} satisfies { [R in OnnxRole]: Omit<ModelManifest['components'][R], 'file' | 'externalData'> };

/** The public q4f16 export (Hugging Face `webnn/Z-Image-Turbo`): float32 at every graph boundary. */
export const DEFAULT_MANIFEST: ModelManifest = {
	schema: 'haibao.zimage-model/1',
	name: 'Z-Image-Turbo q4f16 (webnn/Z-Image-Turbo ONNX)',
	components: {
		tokenizer: {
			file: 'tokenizer/tokenizer.json',
			configFile: 'tokenizer/tokenizer_config.json',
			maxTokens: 512
		},
		text_encoder: {
			file: 'onnx/text_encoder_model_q4f16.onnx',
			externalData: ['onnx/text_encoder_model_q4f16.onnx_data'],
			...ZIMAGE_GRAPHS.text_encoder
		},
		transformer: {
			file: 'onnx/transformer_model_q4f16.onnx',
			externalData: ['onnx/transformer_model_q4f16.onnx_data'],
			...ZIMAGE_GRAPHS.transformer
		},
		vae_decoder: {
			file: 'onnx/vae_decoder_model_f16.onnx',
			externalData: [],
			...ZIMAGE_GRAPHS.vae_decoder
		}
	}
};

export interface ModelFolder {
	dir: string;
	manifest: ModelManifest;
	/** Where the manifest came from: the folder's model.json or the built-in default. */
	manifestSource: 'model.json' | 'default';
	/** Absolute path of a file named in the manifest. */
	path(relative: string): string;
}

export class ModelFolderError extends Error {
	constructor(
		message: string,
		readonly problems: string[]
	) {
		super(message);
		this.name = 'ModelFolderError';
	}
}

/** Reads the manifest of `dir` (or the default one) and checks every named file exists. */
export async function openModelFolder(dir: string): Promise<ModelFolder> {
	const root = resolve(dir);
	if (!existsSync(root) || !statSync(root).isDirectory()) {
		throw new ModelFolderError(`Model folder not found: ${root} (ZIMAGE_MODEL_DIR)`, [
			`folder ${root} does not exist`
		]);
	}
	const manifestPath = join(root, MANIFEST_FILE);
	let manifest = DEFAULT_MANIFEST;
	let manifestSource: ModelFolder['manifestSource'] = 'default';
	if (existsSync(manifestPath)) {
		let raw: unknown;
		try {
			raw = JSON.parse(await readFile(manifestPath, 'utf8'));
		} catch (error) {
			throw new ModelFolderError(`${manifestPath} is not valid JSON: ${(error as Error).message}`, [
				'model.json unreadable'
			]);
		}
		const parsed = manifestSchema.safeParse(raw);
		if (!parsed.success) {
			const problems = parsed.error.issues.map(
				(i) => `model.json ${i.path.join('.') || '(root)'}: ${i.message}`
			);
			throw new ModelFolderError(
				`${manifestPath} does not match the manifest format:\n  ${problems.join('\n  ')}`,
				problems
			);
		}
		manifest = parsed.data;
		manifestSource = 'model.json';
	}
	const missing = requiredFiles(manifest).filter(({ path }) => !existsSync(join(root, path)));
	if (missing.length > 0) {
		const problems = missing.map(({ role, path }) => `${role}: missing file ${path}`);
		const hint =
			manifestSource === 'default'
				? ` (no ${MANIFEST_FILE} in the folder, so the default webnn/Z-Image-Turbo layout was expected)`
				: '';
		throw new ModelFolderError(
			`Model folder ${root} is incomplete${hint}:\n  ${problems.join('\n  ')}`,
			problems
		);
	}
	return { dir: root, manifest, manifestSource, path: (relative) => join(root, relative) };
}

function requiredFiles(m: ModelManifest): { role: string; path: string }[] {
	const c = m.components;
	const files = [{ role: 'tokenizer', path: c.tokenizer.file }];
	if (c.tokenizer.configFile) files.push({ role: 'tokenizer', path: c.tokenizer.configFile });
	for (const role of ONNX_ROLES) {
		files.push({ role, path: c[role].file });
		for (const extra of c[role].externalData) files.push({ role, path: extra });
	}
	return files;
}
