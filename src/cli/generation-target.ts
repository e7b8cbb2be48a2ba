// What `haibao generate` and `haibao doctor` share: the --model/--url/--json/--help options and
// where the ComfyUI server and its model files come from (the flag, else the environment).
import type { GenerationConfig } from '../lib/server/generation/config';
import { DEFAULT_FILES } from '../lib/server/generation/comfyui/workflow';

export const TARGET_OPTIONS = {
	model: { type: 'string' },
	url: { type: 'string' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

/** --url, else COMFYUI_URL; the files named by COMFYUI_* settings, else the official workflow's. */
export function comfyTarget(url: string | undefined, config: GenerationConfig) {
	return { url: url ?? config.comfyui?.url, files: config.comfyui?.files ?? DEFAULT_FILES.official };
}
