// Which generation backends are configured, from environment variables (read at call time so the
// CLI and tests can set them), and the exact words that tell a user how to enable one.
import { resolve } from 'node:path';
import type { BackendId } from './backend';
import { DEFAULT_FILES, type ComfyModelFiles, type ComfyVariant } from './comfyui/workflow';

export interface ZImageConfig {
	modelDir: string;
	executionProvider: string;
	keepResident: boolean;
	intraOpThreads?: number;
}

export interface ComfyConfig {
	url: string;
	files: ComfyModelFiles;
	timeoutMs: number;
}

export interface GenerationConfig {
	zimage: ZImageConfig | null;
	comfyui: ComfyConfig | null;
	/** The backend used when a request names none. */
	defaultBackend: BackendId | null;
	/** Jobs running at once per backend (HAIBAO_GENERATION_CONCURRENCY, default 1). */
	concurrency: number;
}

const positiveInt = (value: string | undefined) => {
	const n = Number(value);
	return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

export function readGenerationConfig(env: NodeJS.ProcessEnv = process.env): GenerationConfig {
	const zimage: ZImageConfig | null = env.ZIMAGE_MODEL_DIR
		? {
				modelDir: resolve(env.ZIMAGE_MODEL_DIR),
				executionProvider: env.ZIMAGE_EP || 'cpu',
				keepResident: env.ZIMAGE_KEEP_RESIDENT === '1' || env.ZIMAGE_KEEP_RESIDENT === 'true',
				intraOpThreads: positiveInt(env.ZIMAGE_THREADS)
			}
		: null;
	const variant: ComfyVariant = env.COMFYUI_VARIANT === 'gguf' ? 'gguf' : 'official';
	const defaults = DEFAULT_FILES[variant];
	const comfyui: ComfyConfig | null = env.COMFYUI_URL
		? {
				url: env.COMFYUI_URL,
				timeoutMs: (positiveInt(env.COMFYUI_TIMEOUT_S) ?? 600) * 1000,
				files: {
					variant,
					unet: env.COMFYUI_UNET || defaults.unet,
					clip: env.COMFYUI_CLIP || defaults.clip,
					vae: env.COMFYUI_VAE || defaults.vae,
					unetLoader: env.COMFYUI_UNET_LOADER || undefined,
					clipLoader: env.COMFYUI_CLIP_LOADER || undefined,
					weightDtype: env.COMFYUI_WEIGHT_DTYPE || undefined,
					sampler: env.COMFYUI_SAMPLER || undefined
				}
			}
		: null;
	const wanted = env.HAIBAO_GENERATION_BACKEND as BackendId | undefined;
	const defaultBackend =
		wanted === 'zimage' && zimage
			? 'zimage'
			: wanted === 'comfyui' && comfyui
				? 'comfyui'
				: zimage
					? 'zimage'
					: comfyui
						? 'comfyui'
						: null;
	return {
		zimage,
		comfyui,
		defaultBackend,
		concurrency: positiveInt(env.HAIBAO_GENERATION_CONCURRENCY) ?? 1
	};
}

/** Shown wherever generation is unavailable. */
export const HOW_TO_CONFIGURE = {
	en:
		'Image generation is not set up. Either (1) download the Z-Image-Turbo ONNX files (Hugging Face: webnn/Z-Image-Turbo) into a folder and start Haibao with ZIMAGE_MODEL_DIR=/path/to/folder, ' +
		'or (2) run ComfyUI with the Z-Image-Turbo weights and start Haibao with COMFYUI_URL=http://127.0.0.1:8188 (COMFYUI_VARIANT=gguf for GGUF weights). ' +
		'Then restart Haibao; "npx haibao doctor" checks the setup. Everything else works without it: templates keep their own artwork.',
	zh:
		'尚未配置图像生成。可任选其一：(1) 下载 Z-Image-Turbo 的 ONNX 文件（Hugging Face：webnn/Z-Image-Turbo）到一个文件夹，并以 ZIMAGE_MODEL_DIR=该文件夹路径 启动海报；' +
		'(2) 运行装有 Z-Image-Turbo 权重的 ComfyUI，并以 COMFYUI_URL=http://127.0.0.1:8188 启动海报（GGUF 权重另设 COMFYUI_VARIANT=gguf）。' +
		'然后重启海报；可用 "npx haibao doctor" 检查配置。未配置时其余功能照常可用，模板使用自带的图片。'
};
