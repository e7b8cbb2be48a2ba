// The ComfyUI backend: the official (or GGUF) Z-Image-Turbo workflow on the user's ComfyUI server.
import sharp from 'sharp';
import {
	checkSize,
	type GeneratedImage,
	type GenerateOptions,
	type GenerationBackend,
	type GenerationRequest
} from '../backend';
import { addPngText } from '../png-text';
import { ComfyClient } from './client';
import { buildWorkflow, SAMPLER_NODE, type ComfyModelFiles } from './workflow';

export class ComfyUIBackend implements GenerationBackend {
	readonly id = 'comfyui' as const;
	readonly client: ComfyClient;

	constructor(
		readonly url: string,
		readonly files: ComfyModelFiles,
		readonly timeoutMs = 600_000
	) {
		this.client = new ComfyClient(url);
	}

	get modelLabel(): string {
		return `Z-Image-Turbo via ComfyUI (${this.files.unet})`;
	}

	async generate(
		request: GenerationRequest,
		{ signal, onProgress }: GenerateOptions = {}
	): Promise<GeneratedImage> {
		checkSize(request.width, request.height);
		const steps = request.steps ?? 8;
		const started = performance.now();
		onProgress?.({ phase: 'queued', step: 0, totalSteps: steps });
		const result = await this.client.run(buildWorkflow(request, this.files), {
			signal,
			progressNode: SAMPLER_NODE,
			timeoutMs: this.timeoutMs,
			onProgress: (value, max) =>
				onProgress?.({ phase: 'denoising', step: Math.min(value, steps), totalSteps: Math.max(max, steps) })
		});
		const bytes = result.images[0].bytes;
		const meta = await sharp(bytes).metadata();
		const timings = { total: performance.now() - started };
		const png = meta.format === 'png' ? bytes : await sharp(bytes).png().toBuffer(); // ComfyUI can be set to save other formats
		return {
			png: addPngText(png, {
				prompt: request.prompt,
				seed: String(request.seed),
				steps: String(steps),
				size: `${request.width}x${request.height}`,
				model: this.modelLabel,
				backend: 'comfyui',
				Software: 'Haibao'
			}),
			width: meta.width ?? request.width,
			height: meta.height ?? request.height,
			metadata: {
				prompt: request.prompt,
				seed: request.seed,
				steps,
				width: meta.width ?? request.width,
				height: meta.height ?? request.height,
				backend: 'comfyui',
				model: this.modelLabel,
				timings,
				warnings: []
			}
		};
	}
}
