// One entry per command, loaded lazily so `haibao fonts` never pays for onnxruntime.
// Each module exports `run(argv) → exit code`.
export interface Command {
	summary: string;
	run(argv: string[]): Promise<number>;
}

type Module = { run(argv: string[]): Promise<number> };
const lazy = (summary: string, load: () => Promise<Module>): Command => ({
	summary,
	run: async (argv) => (await load()).run(argv)
});

export const commands: Record<string, Command> = {
	templates: lazy(
		'list templates as JSON; "templates check [DIR]" validates them',
		() => import('./templates')
	),
	fonts: lazy('print the font manifest as JSON', () => import('./fonts')),
	layout: lazy(
		'lay out text with the text engine and print glyph positions as JSON',
		() => import('./layout')
	),
	generate: lazy(
		'generate an image with Z-Image-Turbo (in-process ONNX or ComfyUI)',
		() => import('./generate')
	),
	doctor: lazy(
		'check execution providers, the model folder and the ComfyUI server',
		() => import('./doctor')
	),
	'setup-gpu': lazy(
		"fetch onnxruntime-node's CUDA provider (needs internet access)",
		() => import('./setup-gpu')
	),
	ocr: lazy(
		'read the text in an image (PP-OCRv4) and check expected strings: exact, near or missing',
		() => import('./ocr')
	),
	poster: lazy(
		'export a poster (PNG, JPEG or PDF) from a template, or a batch from a CSV',
		() => import('./poster')
	)
};
