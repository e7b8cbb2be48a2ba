// The official Z-Image-Turbo ComfyUI workflow in API form (shared/reference/comfyui-z-image-turbo.api.json),
// with the prompt, size, seed and steps filled in and the loader nodes and files configurable,
// plus the GGUF variant (UnetLoaderGGUF, CLIPLoaderGGUF from ComfyUI-GGUF) for low-VRAM users.
import type { GenerationRequest } from '../backend';

export interface ComfyNode {
	class_type: string;
	inputs: Record<string, unknown>;
}
export type ComfyWorkflow = Record<string, ComfyNode>;

/** Node ids of the official workflow that the client reads from. */
export const SAMPLER_NODE = '8';
export const SAVE_NODE = '10';

export const OFFICIAL_WORKFLOW: ComfyWorkflow = {
	'1': {
		class_type: 'UNETLoader',
		inputs: { unet_name: 'z_image_turbo_bf16.safetensors', weight_dtype: 'default' }
	},
	'2': { class_type: 'ModelSamplingAuraFlow', inputs: { model: ['1', 0], shift: 3.0 } },
	'3': {
		class_type: 'CLIPLoader',
		inputs: { clip_name: 'qwen_3_4b.safetensors', type: 'lumina2', device: 'default' }
	},
	'4': { class_type: 'VAELoader', inputs: { vae_name: 'ae.safetensors' } },
	'5': {
		class_type: 'CLIPTextEncode',
		inputs: { clip: ['3', 0], text: 'A red festival poster with the large title "新春快乐" at the top' }
	},
	'6': { class_type: 'ConditioningZeroOut', inputs: { conditioning: ['5', 0] } },
	'7': { class_type: 'EmptySD3LatentImage', inputs: { width: 1024, height: 1024, batch_size: 1 } },
	'8': {
		class_type: 'KSampler',
		inputs: {
			model: ['2', 0],
			positive: ['5', 0],
			negative: ['6', 0],
			latent_image: ['7', 0],
			seed: 42,
			steps: 8,
			cfg: 1.0,
			sampler_name: 'res_multistep',
			scheduler: 'simple',
			denoise: 1.0
		}
	},
	'9': { class_type: 'VAEDecode', inputs: { samples: ['8', 0], vae: ['4', 0] } },
	'10': { class_type: 'SaveImage', inputs: { filename_prefix: 'z-image-turbo', images: ['9', 0] } }
};

export type ComfyVariant = 'official' | 'gguf';

export interface ComfyModelFiles {
	variant: ComfyVariant;
	/** Diffusion model file (ComfyUI/models/diffusion_models or unet). */
	unet: string;
	/** Text encoder file (ComfyUI/models/text_encoders or clip). */
	clip: string;
	/** VAE file (ComfyUI/models/vae). */
	vae: string;
	/** Loader node classes; default UNETLoader/CLIPLoader, or the ComfyUI-GGUF loaders for the gguf variant. */
	unetLoader?: string;
	clipLoader?: string;
	/** UNETLoader weight dtype, e.g. "fp8_e4m3fn" for FP8 weights. */
	weightDtype?: string;
	sampler?: string;
	filenamePrefix?: string;
}

export const DEFAULT_FILES: Record<ComfyVariant, ComfyModelFiles> = {
	official: {
		variant: 'official',
		unet: 'z_image_turbo_bf16.safetensors',
		clip: 'qwen_3_4b.safetensors',
		vae: 'ae.safetensors'
	},
	gguf: {
		variant: 'gguf',
		unet: 'z_image_turbo-Q4_K_M.gguf',
		clip: 'Qwen3-4B-Q4_K_M.gguf',
		vae: 'ae.safetensors'
	}
};

export function buildWorkflow(request: GenerationRequest, files: ComfyModelFiles): ComfyWorkflow {
	const w: ComfyWorkflow = structuredClone(OFFICIAL_WORKFLOW);
	const gguf = files.variant === 'gguf';
	const unetLoader = files.unetLoader ?? (gguf ? 'UnetLoaderGGUF' : 'UNETLoader');
	const clipLoader = files.clipLoader ?? (gguf ? 'CLIPLoaderGGUF' : 'CLIPLoader');
	// ComfyUI-GGUF loaders take only the file name (and the CLIP type); the stock ones take more.
	w['1'] =
		unetLoader === 'UNETLoader'
			? {
					class_type: unetLoader,
					inputs: { unet_name: files.unet, weight_dtype: files.weightDtype ?? 'default' }
				}
			: { class_type: unetLoader, inputs: { unet_name: files.unet } };
	w['3'] =
		clipLoader === 'CLIPLoader'
			? { class_type: clipLoader, inputs: { clip_name: files.clip, type: 'lumina2', device: 'default' } }
			: { class_type: clipLoader, inputs: { clip_name: files.clip, type: 'lumina2' } };
	w['4'].inputs.vae_name = files.vae;
	w['5'].inputs.text = request.prompt;
	Object.assign(w['7'].inputs, { width: request.width, height: request.height, batch_size: 1 });
	Object.assign(w[SAMPLER_NODE].inputs, {
		seed: request.seed,
		steps: request.steps ?? 8,
		sampler_name: files.sampler ?? 'res_multistep'
	});
	w[SAVE_NODE].inputs.filename_prefix = files.filenamePrefix ?? 'haibao/z-image-turbo';
	return w;
}
