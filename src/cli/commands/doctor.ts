// `haibao doctor`: which execution providers work here, whether the model folder is configured and
// valid, and whether the configured ComfyUI server answers and has the model files.
import { resolve } from 'node:path';
import { parseOptions } from '../args';
import { comfyTarget, TARGET_OPTIONS } from '../generation-target';
import { HOW_TO_CONFIGURE, readGenerationConfig } from '../../lib/server/generation/config';
import {
	checkComfyUI,
	checkExecutionProviders,
	checkModelFolder,
	type Check
} from '../../lib/server/generation/doctor';

const help = `haibao doctor [--model DIR] [--url URL] [--deep] [--json]

  --model  model folder (default ZIMAGE_MODEL_DIR)   --url  ComfyUI address (default COMFYUI_URL)
  --deep   also load each ONNX component (one at a time) and compare its tensors with the manifest`;

export async function run(argv: string[]): Promise<number> {
	const { values } = parseOptions(argv, { ...TARGET_OPTIONS, deep: { type: 'boolean' } });
	if (values.help) {
		console.log(help);
		return 0;
	}
	const config = readGenerationConfig();
	const sections: Record<string, Check[]> = { 'execution providers': await checkExecutionProviders() };
	const modelDir = values.model ? resolve(values.model) : config.zimage?.modelDir;
	sections['model folder'] = modelDir
		? await checkModelFolder(modelDir, values.deep, config.zimage?.executionProvider)
		: [{ name: 'model folder', ok: false, detail: 'not configured (set ZIMAGE_MODEL_DIR)' }];
	const comfy = comfyTarget(values.url, config);
	sections.comfyui = comfy.url
		? await checkComfyUI(comfy.url, comfy.files)
		: [{ name: 'ComfyUI server', ok: false, detail: 'not configured (set COMFYUI_URL)' }];

	const modelOk = sections['model folder'].every((c) => c.ok);
	const comfyOk = sections.comfyui.every((c) => c.ok);
	const usable = modelOk || comfyOk;
	if (values.json) {
		console.log(JSON.stringify({ usable, sections, howTo: usable ? undefined : HOW_TO_CONFIGURE }, null, 2));
	} else {
		for (const [title, checks] of Object.entries(sections)) {
			console.log(`\n${title}`);
			for (const c of checks)
				console.log(`  ${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail.replace(/\n/g, '\n      ')}`);
		}
		console.log(
			usable ? '\nImage generation is available.' : `\n${HOW_TO_CONFIGURE.en}\n${HOW_TO_CONFIGURE.zh}`
		);
	}
	return usable ? 0 : 1;
}
