// One interface for every image backend (DESIGN.md "Generation"): generate(request, {signal, onProgress})
// → PNG bytes with metadata. The job layer (jobs.ts) stores the bytes as an asset.
import { ZIMAGE_SIZES } from '../../templates/presets';
import type { TextCheck, TextExpectation } from '../../templates/text-check';

export type BackendId = 'zimage' | 'comfyui';
export const BACKEND_IDS: BackendId[] = ['zimage', 'comfyui'];

export interface GenerationRequest {
	prompt: string;
	width: number;
	height: number;
	seed: number;
	/** Denoising steps; Z-Image-Turbo's default is 8. */
	steps?: number;
	/** Strings the model is asked to draw (the prompt's quoted strings): read back after generating. */
	textCheck?: TextExpectation[];
	/** Try up to this many seeds (seed, seed+1, …) until every string reads back exactly; keep the best. */
	autoTries?: number;
}

export type GenerationPhase =
	'queued' | 'loading' | 'encoding' | 'denoising' | 'decoding' | 'checking' | 'saving';

export interface GenerationProgress {
	phase: GenerationPhase;
	/** Denoising steps done so far (0 … totalSteps). */
	step: number;
	totalSteps: number;
}

export interface GenerationMetadata {
	prompt: string;
	seed: number;
	steps: number;
	width: number;
	height: number;
	backend: BackendId;
	/** Human-readable model name (for the in-process backend: the manifest's name). */
	model: string;
	/** Milliseconds per phase. */
	timings: Record<string, number>;
	warnings: string[];
	/** The text check of the image kept (when the prompt asked the model to draw text). */
	textCheck?: TextCheck;
	/** With autoTries: every seed tried, in order, and the image each one made. */
	tries?: GenerationTry[];
}

export interface GenerationTry {
	seed: number;
	assetId: string;
	verdict: TextCheck['verdict'];
	/** checkScore(): higher is closer to the asked text. */
	score: number;
}

export interface GeneratedImage {
	png: Buffer;
	width: number;
	height: number;
	metadata: GenerationMetadata;
}

export interface GenerateOptions {
	signal?: AbortSignal;
	onProgress?: (progress: GenerationProgress) => void;
}

export interface GenerationBackend {
	readonly id: BackendId;
	/** Model name shown to the user and stored with each job (honest: the tiny test model says so). */
	readonly modelLabel: string;
	/** The same name in each UI language, when the model has one (manifest `label`). */
	readonly modelDisplayName?: { zh: string; en: string };
	generate(request: GenerationRequest, options?: GenerateOptions): Promise<GeneratedImage>;
	/** Frees what the backend holds (worker thread, sockets). */
	close?(): Promise<void>;
}

/** Thrown when a job was cancelled through its AbortSignal. */
export class GenerationCancelledError extends Error {
	constructor(message = 'Generation cancelled') {
		super(message);
		this.name = 'GenerationCancelledError';
	}
}

export function isCancelled(error: unknown): boolean {
	return error instanceof Error && (error.name === 'GenerationCancelledError' || error.name === 'AbortError');
}

/** A size the model cannot take; carries the message in both UI languages. */
export class SizeError extends RangeError {
	constructor(
		readonly en: string,
		readonly zh: string
	) {
		super(`${en} ${zh}`);
		this.name = 'SizeError';
	}
}

/** Image sizes must be multiples of 16 (reference/zimage-turbo.md §3): rejected, never rounded. */
export function checkSize(width: number, height: number): void {
	for (const [name, zhName, value] of [
		['width', '宽度', width],
		['height', '高度', height]
	] as const) {
		if (!Number.isInteger(value) || value < 16 || value > 4096) {
			throw new SizeError(
				`${name} must be a whole number of pixels from 16 to 4096 (got ${value}).`,
				`${zhName}须为 16–4096 的整数（现为 ${value}）。`
			);
		}
		if (value % 16 !== 0) {
			const lower = value - (value % 16);
			const options = `${lower || 16} or ${lower + 16}`;
			throw new SizeError(
				`${name} ${value} is not a multiple of 16; Z-Image-Turbo needs multiples of 16 (try ${options}).`,
				`${zhName} ${value} 不是 16 的倍数（可改为 ${lower || 16} 或 ${lower + 16}）。`
			);
		}
	}
}

/**
 * Recommended sizes (width × height; their transposes too), reference/zimage-turbo.md "Sizes":
 * the presets' three tiers in one list.
 */
export const RECOMMENDED_SIZES = ZIMAGE_SIZES.flat();
