// Z-Image-Turbo text-to-image on onnxruntime-node, read top to bottom like a diffusers pipeline:
// encode prompt → prepare latents → denoising loop (transformer, Euler step, progress, cancel check)
// → VAE decode → postprocess to PNG. Constants and steps: shared/reference/zimage-turbo.md.
import sharp from 'sharp';
import {
	checkSize,
	GenerationCancelledError,
	type GeneratedImage,
	type GenerateOptions,
	type GenerationRequest
} from '../backend';
import { addPngText } from '../png-text';
import { openModelFolder, type ModelFolder, type OnnxRole } from './manifest';
import { createSession, floatTensor, intTensor, toFloat32, type ModelSession } from './ort';
import { GaussianRng } from './rng';
import { DEFAULT_STEPS, eulerStep, flowMatchSigmas, timestepsFor } from './scheduler';
import { loadTokenizer, type PromptTokenizer } from './tokenizer';

export const LATENT_CHANNELS = 16;
export const VAE_SCALE = 8;
export const VAE_SCALING_FACTOR = 0.3611;
export const VAE_SHIFT_FACTOR = 0.1159;

export interface ZImageOptions {
	/** onnxruntime execution provider: "cpu" (default), "cuda", "webgpu", … */
	executionProvider?: string;
	/** Keep every session loaded between runs (faster, peak memory = all components). Default false. */
	keepResident?: boolean;
	intraOpThreads?: number;
}

export interface ZImageResult extends GeneratedImage {
	promptText: string;
	tokenCount: number;
	sigmas: number[];
	timesteps: number[];
	/** Final latents [1, 16, H/8, W/8] in fp32, before the VAE scale and shift. */
	latents: Float32Array;
}

export class ZImagePipeline {
	private resident = new Map<OnnxRole, ModelSession>();
	private tokenizer: PromptTokenizer | null = null;

	private constructor(
		readonly model: ModelFolder,
		readonly options: ZImageOptions
	) {}

	/** Opens a model folder (validating model.json and every file) without loading any weights yet. */
	static async open(dir: string, options: ZImageOptions = {}): Promise<ZImagePipeline> {
		return new ZImagePipeline(await openModelFolder(dir), options);
	}

	get modelName(): string {
		return this.model.manifest.name;
	}

	async generate(
		request: GenerationRequest,
		{ signal, onProgress }: GenerateOptions = {}
	): Promise<ZImageResult> {
		const { width, height, seed } = request;
		const steps = request.steps ?? DEFAULT_STEPS;
		checkSize(width, height);
		const timings: Record<string, number> = {};
		const started = performance.now();
		const checkCancelled = () => {
			if (signal?.aborted) throw new GenerationCancelledError();
		};
		checkCancelled();

		// 1. Encode the prompt: chat template → tokens → caption features [L, D].
		onProgress?.({ phase: 'encoding', step: 0, totalSteps: steps });
		const tokenizer = await this.getTokenizer();
		const encoded = tokenizer.encode(request.prompt);
		const caption = await this.withSession('text_encoder', timings, (s) => this.encodePrompt(s, encoded.ids));
		checkCancelled();

		// 2. Prepare latents: seeded fp32 Gaussian noise [1, 16, H/8, W/8].
		const latentH = height / VAE_SCALE;
		const latentW = width / VAE_SCALE;
		const latents = new GaussianRng(seed).fillGaussian(new Float32Array(LATENT_CHANNELS * latentH * latentW));

		// 3. Denoising loop: flow-matching Euler, shift 3, t = 1 − σ, v = −output, no guidance.
		const sigmas = flowMatchSigmas(steps);
		const timesteps = timestepsFor(sigmas);
		onProgress?.({ phase: 'denoising', step: 0, totalSteps: steps });
		const spec = this.model.manifest.components.transformer;
		const padded = padCaption(caption, spec.captionPadMultiple);
		await this.withSession('transformer', timings, async (transformer) => {
			const loopStart = performance.now();
			let runMs = 0;
			for (let i = 0; i < steps; i++) {
				const runStart = performance.now();
				const prediction = await this.predict(
					transformer,
					latents,
					{ ...padded, dim: caption.dim },
					timesteps[i],
					latentH,
					latentW
				);
				runMs += performance.now() - runStart;
				eulerStep(latents, prediction, sigmas[i], sigmas[i + 1]);
				onProgress?.({ phase: 'denoising', step: i + 1, totalSteps: steps });
				checkCancelled();
			}
			timings.denoise = performance.now() - loopStart;
			timings.overheadPerStepMs = (timings.denoise - runMs) / steps;
		});

		// 4. Decode: z = x / 0.3611 + 0.1159 → VAE → clamp(out / 2 + 0.5, 0, 1) → uint8 RGB.
		onProgress?.({ phase: 'decoding', step: steps, totalSteps: steps });
		const rgb = await this.withSession('vae_decoder', timings, (s) =>
			this.decode(s, latents, latentH, latentW)
		);

		// 5. Postprocess: PNG with its metadata in text chunks.
		const pngStart = performance.now();
		const png = await encodePng(rgb, width, height, {
			prompt: request.prompt,
			seed: String(seed),
			steps: String(steps),
			size: `${width}x${height}`,
			model: this.modelName,
			backend: 'zimage',
			Software: 'Haibao'
		});
		timings.png = performance.now() - pngStart;
		timings.total = performance.now() - started;

		return {
			png,
			width,
			height,
			metadata: {
				prompt: request.prompt,
				seed,
				steps,
				width,
				height,
				backend: 'zimage',
				model: this.modelName,
				timings,
				warnings: encoded.warnings
			},
			promptText: encoded.text,
			tokenCount: encoded.ids.length,
			sigmas,
			timesteps,
			latents
		};
	}

	/** Releases every resident session. */
	async dispose(): Promise<void> {
		const sessions = [...this.resident.values()];
		this.resident.clear();
		await Promise.all(sessions.map((s) => s.release()));
	}

	// ---------- steps ----------

	private async encodePrompt(
		encoder: ModelSession,
		ids: number[]
	): Promise<{ rows: Float32Array; length: number; dim: number }> {
		const spec = this.model.manifest.components.text_encoder;
		const dims = spec.inputs.input_ids.rank === 2 ? [1, ids.length] : [ids.length];
		const feeds = { [spec.inputs.input_ids.name]: intTensor(ids, dims, spec.inputs.input_ids.dtype) };
		const mask = spec.inputs.attention_mask;
		if (mask)
			feeds[mask.name] = intTensor(
				new Array(ids.length).fill(1),
				mask.rank === 2 ? [1, ids.length] : [ids.length],
				mask.dtype
			);
		const out = await encoder.run(feeds);
		const features = out[spec.outputs.caption_features.name];
		const dim = features.dims[features.dims.length - 1];
		const values = toFloat32(features);
		if (values.length < ids.length * dim) {
			throw new Error(
				`${encoder.label}: output ${spec.outputs.caption_features.name} has shape [${features.dims}], expected ${ids.length} rows`
			);
		}
		return { rows: values.subarray(0, ids.length * dim), length: ids.length, dim };
	}

	private async predict(
		transformer: ModelSession,
		latents: Float32Array,
		caption: { rows: Float32Array; length: number; dim: number },
		timestep: number,
		latentH: number,
		latentW: number
	): Promise<Float32Array> {
		const spec = this.model.manifest.components.transformer;
		const { latents: latentSpec, caption_features: captionSpec, timestep: timeSpec } = spec.inputs;
		const latentDims =
			latentSpec.rank === 5
				? [1, LATENT_CHANNELS, 1, latentH, latentW]
				: [1, LATENT_CHANNELS, latentH, latentW];
		// `caption` arrives already padded to the manifest's multiple (once, before the loop).
		const captionDims =
			captionSpec.rank === 3 ? [1, caption.length, caption.dim] : [caption.length, caption.dim];
		const out = await transformer.run({
			[latentSpec.name]: floatTensor(latents, latentDims, latentSpec.dtype),
			[captionSpec.name]: floatTensor(caption.rows, captionDims, captionSpec.dtype),
			[timeSpec.name]: floatTensor(
				new Float32Array([timestep]),
				timeSpec.rank === 1 ? [1] : [],
				timeSpec.dtype
			)
		});
		return toFloat32(out[spec.outputs.prediction.name]);
	}

	private async decode(
		vae: ModelSession,
		latents: Float32Array,
		latentH: number,
		latentW: number
	): Promise<Uint8Array> {
		const spec = this.model.manifest.components.vae_decoder;
		const z = new Float32Array(latents.length);
		for (let i = 0; i < latents.length; i++) z[i] = latents[i] / VAE_SCALING_FACTOR + VAE_SHIFT_FACTOR;
		const input = spec.inputs.latent_sample;
		const out = await vae.run({
			[input.name]: floatTensor(z, [1, LATENT_CHANNELS, latentH, latentW], input.dtype)
		});
		const sample = out[spec.outputs.sample.name];
		const width = latentW * VAE_SCALE;
		const height = latentH * VAE_SCALE;
		const values = toFloat32(sample);
		if (values.length !== 3 * width * height) {
			throw new Error(
				`${vae.label}: output ${spec.outputs.sample.name} has shape [${sample.dims}], expected [1, 3, ${height}, ${width}]`
			);
		}
		return planarToRgb8(values, width, height);
	}

	// ---------- component lifetime ----------

	private async getTokenizer(): Promise<PromptTokenizer> {
		if (this.tokenizer) return this.tokenizer;
		const t = this.model.manifest.components.tokenizer;
		const tokenizer = await loadTokenizer(
			this.model.path(t.file),
			t.configFile ? this.model.path(t.configFile) : undefined,
			t.maxTokens
		);
		if (this.options.keepResident) this.tokenizer = tokenizer;
		return tokenizer;
	}

	/** Loads one component, runs `use`, and releases it unless kept resident: peak memory ≈ one component. */
	private async withSession<T>(
		role: OnnxRole,
		timings: Record<string, number>,
		use: (s: ModelSession) => Promise<T>
	): Promise<T> {
		let session = this.resident.get(role);
		if (!session) {
			const loadStart = performance.now();
			const spec = this.model.manifest.components[role];
			session = await createSession(this.model.path(spec.file), {
				role,
				executionProvider: this.options.executionProvider,
				intraOpThreads: this.options.intraOpThreads,
				expectInputs: Object.values(spec.inputs).filter((t) => t !== undefined),
				expectOutputs: Object.values(spec.outputs)
			});
			timings[`load_${role}`] = performance.now() - loadStart;
			if (this.options.keepResident) this.resident.set(role, session);
		}
		const runStart = performance.now();
		try {
			return await use(session);
		} finally {
			timings[role] = performance.now() - runStart;
			if (!this.options.keepResident) await session.release();
		}
	}
}

/** Pads caption rows to a multiple of `multiple` by repeating the last row (the reference's padding). */
export function padCaption(
	caption: { rows: Float32Array; length: number; dim: number },
	multiple: number
): { rows: Float32Array; length: number } {
	if (multiple <= 1 || caption.length % multiple === 0) return caption;
	const length = Math.ceil(caption.length / multiple) * multiple;
	const rows = new Float32Array(length * caption.dim);
	rows.set(caption.rows);
	const last = caption.rows.subarray((caption.length - 1) * caption.dim, caption.length * caption.dim);
	for (let r = caption.length; r < length; r++) rows.set(last, r * caption.dim);
	return { rows, length };
}

/** VAE output [1, 3, H, W] in [-1, 1] → interleaved uint8 RGB: round(clamp(v / 2 + 0.5, 0, 1) · 255). */
export function planarToRgb8(values: Float32Array, width: number, height: number): Uint8Array {
	const plane = width * height;
	const rgb = new Uint8Array(plane * 3);
	for (let c = 0; c < 3; c++) {
		for (let p = 0; p < plane; p++) {
			const v = Math.min(1, Math.max(0, values[c * plane + p] / 2 + 0.5));
			rgb[p * 3 + c] = Math.round(v * 255);
		}
	}
	return rgb;
}

export async function encodePng(
	rgb: Uint8Array,
	width: number,
	height: number,
	text: Record<string, string>
): Promise<Buffer> {
	const png = await sharp(rgb, { raw: { width, height, channels: 3 } })
		.png({ compressionLevel: 6 })
		.toBuffer();
	return addPngText(png, text);
}
