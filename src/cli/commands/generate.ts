// `haibao generate`: one image from Z-Image-Turbo, in-process on onnxruntime-node or on ComfyUI.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseOptions, UsageError } from '../args';
import { comfyTarget, TARGET_OPTIONS } from '../generation-target';
import { buildPrompt } from '../../lib/templates/prompt';
import { getTemplate } from '../../lib/server/templates/catalog';
import { checkSize, type GeneratedImage, type GenerationProgress } from '../../lib/server/generation/backend';
import { readGenerationConfig } from '../../lib/server/generation/config';
import { ComfyUIBackend } from '../../lib/server/generation/comfyui/backend';
import { applyChatTemplate } from '../../lib/server/generation/zimage/tokenizer';

const help = `haibao generate --backend zimage|comfyui [--model DIR] [--url URL]
                (--prompt TEXT | --template ID [--format FORMAT] [--set field=value …])
                [--width W --height H] [--seed N] [--steps N] [--ep cpu|cuda|…] --out FILE.png [--json]
                [--no-text-check]

  --backend   zimage: in-process ONNX (model folder from --model or ZIMAGE_MODEL_DIR);
              comfyui: a ComfyUI server (--url or COMFYUI_URL; COMFYUI_VARIANT=gguf, COMFYUI_UNET/CLIP/VAE name files)
  --template  build the prompt from a template's recipe and its field values (--set, repeatable)
  --width/--height  multiples of 16 (default: the template's recommended size, else 1024×1024)
  --seed      default: random; --steps default 8; --ep execution provider (default cpu or ZIMAGE_EP)
  --json      print the chat-templated text, token count, sigmas, timesteps and timings as JSON
  text check  the image is read back (OCR) for each quoted string of the prompt: ✓ exact, ⚠ near,
              ✗ missing (in --json: textCheck); --no-text-check skips it

Example: npx haibao generate --backend zimage --model tests/fixtures/tiny-zimage --prompt "红色海报" --width 512 --height 512 --seed 1 --out /tmp/x.png --json`;

const int = (name: string, value: string | undefined) => {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0)
		throw new UsageError(`--${name} must be a whole number (got "${value}")`);
	return n;
};

export async function run(argv: string[]): Promise<number> {
	const { values } = parseOptions(argv, {
		...TARGET_OPTIONS,
		backend: { type: 'string' },
		prompt: { type: 'string' },
		template: { type: 'string' },
		format: { type: 'string' },
		set: { type: 'string', multiple: true },
		locale: { type: 'string' },
		width: { type: 'string' },
		height: { type: 'string' },
		seed: { type: 'string' },
		steps: { type: 'string' },
		ep: { type: 'string' },
		out: { type: 'string' },
		'no-text-check': { type: 'boolean' }
	});
	if (values.help) {
		console.log(help);
		return 0;
	}
	const config = readGenerationConfig();
	const backendId = values.backend ?? config.defaultBackend ?? undefined;
	if (backendId !== 'zimage' && backendId !== 'comfyui')
		throw new UsageError(`--backend must be zimage or comfyui\n\n${help}`);
	if (!values.out) throw new UsageError(`--out FILE.png is required\n\n${help}`);
	if (!values.prompt === !values.template)
		throw new UsageError(`give exactly one of --prompt or --template\n\n${help}`);

	let prompt = values.prompt ?? '';
	let width = int('width', values.width);
	let height = int('height', values.height);
	const promptWarnings: string[] = [];
	if (values.template) {
		const template = await getTemplate(values.template);
		if (!template) throw new UsageError(`unknown template "${values.template}" (see "haibao templates")`);
		const fields: Record<string, string> = {};
		for (const pair of values.set ?? []) {
			const eq = pair.indexOf('=');
			if (eq < 1) throw new UsageError(`--set needs field=value (got "${pair}")`);
			fields[pair.slice(0, eq)] = pair.slice(eq + 1);
		}
		const locale = values.locale === 'en' ? 'en' : 'zh';
		const built = buildPrompt(template, fields, { formatId: values.format, locale });
		prompt = built.prompt;
		width ??= built.size.width;
		height ??= built.size.height;
		promptWarnings.push(...built.warnings.map((w) => w[locale]));
	}
	width ??= 1024;
	height ??= 1024;
	checkSize(width, height);
	const seed = int('seed', values.seed) ?? Math.floor(Math.random() * 2 ** 32);
	const steps = int('steps', values.steps) ?? 8;
	const request = { prompt, width, height, seed, steps };

	const progress = (p: GenerationProgress) => {
		if (p.phase === 'denoising' && p.step > 0) process.stderr.write(`\rstep ${p.step}/${p.totalSteps}`);
		if (p.phase === 'decoding') process.stderr.write('\n');
	};
	const controller = new AbortController();
	process.once('SIGINT', () => controller.abort());

	let image: GeneratedImage;
	let details: Record<string, unknown>;
	if (backendId === 'zimage') {
		const dir = values.model ?? config.zimage?.modelDir;
		if (!dir) throw new UsageError('--model DIR (or ZIMAGE_MODEL_DIR) is required for --backend zimage');
		// The CLI has nothing else to do, so the pipeline runs on this thread.
		const { ZImagePipeline } = await import('../../lib/server/generation/zimage/pipeline');
		const pipeline = await ZImagePipeline.open(resolve(dir), {
			executionProvider: values.ep ?? config.zimage?.executionProvider ?? 'cpu'
		});
		const result = await pipeline.generate(request, { signal: controller.signal, onProgress: progress });
		image = result;
		details = {
			promptText: result.promptText,
			tokenCount: result.tokenCount,
			sigmas: result.sigmas,
			timesteps: result.timesteps
		};
	} else {
		const { url, files } = comfyTarget(values.url, config);
		if (!url) throw new UsageError('--url URL (or COMFYUI_URL) is required for --backend comfyui');
		image = await new ComfyUIBackend(url, files).generate(request, {
			signal: controller.signal,
			onProgress: progress
		});
		// ComfyUI tokenizes and schedules on its side; only the text it is given is known here.
		details = { promptText: applyChatTemplate(prompt), tokenCount: null, sigmas: null, timesteps: null };
	}
	const out = resolve(values.out);
	await writeFile(out, image.png);
	const warnings = [...promptWarnings, ...image.metadata.warnings];
	const textCheck = values['no-text-check'] ? null : await readBack(image.png, prompt);
	if (values.json) {
		console.log(
			JSON.stringify(
				{
					out,
					backend: backendId,
					model: image.metadata.model,
					prompt,
					seed,
					steps,
					width,
					height,
					...details,
					timings: image.metadata.timings,
					warnings,
					...(textCheck ? { textCheck } : {})
				},
				null,
				2
			)
		);
	} else {
		for (const w of warnings) console.error(`warning: ${w}`);
		console.log(
			`${out} (${width}×${height}, seed ${seed}, ${steps} steps, ${image.metadata.model}, ${Math.round(image.metadata.timings.total ?? 0)} ms)`
		);
		const MARK = { exact: '✓', near: '⚠', missing: '✗' } as const;
		for (const f of textCheck?.fields ?? []) {
			const read = f.found && f.verdict !== 'exact' ? ` (read "${f.found}")` : '';
			console.log(`text check ${MARK[f.verdict]} ${f.verdict} "${f.expected}"${read}`);
		}
	}
	return 0;
}

/** The prompt's quoted strings, looked for in the image (null when the prompt asks for no text). */
async function readBack(png: Buffer, prompt: string) {
	const { checkTexts, quotedStrings } = await import('../../lib/templates/text-check');
	const expected = quotedStrings(prompt);
	if (expected.length === 0) return null;
	const { OcrEngine } = await import('../../lib/server/ocr/engine');
	const engine = await OcrEngine.open();
	try {
		const started = performance.now();
		const result = await engine.read(png);
		const ms = Math.round(performance.now() - started);
		return checkTexts(
			expected.map((text) => ({ text })),
			{ ...result, ms }
		);
	} finally {
		await engine.release();
	}
}
