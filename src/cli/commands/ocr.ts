// `haibao ocr IMAGE [--expect TEXT …] [--json]`: reads the text in an image with PP-OCRv4 and, for
// each expected string, says whether it reads back (exact / near / missing) and where.
// Without --expect, a PNG made by `haibao generate` is checked against its prompt's quoted strings.
// Exit code: 0 when every expected string reads back exactly, 2 when one does not, 1 on errors.
import { readFile } from 'node:fs/promises';
import { parseOptions, UsageError } from '../args';
import { readPngText } from '../../lib/server/generation/png-text';
import { checkTexts, quotedStrings, type TextCheck } from '../../lib/templates/text-check';

const usage = `haibao ocr IMAGE [--expect TEXT …] [--max-side N] [--json]

  --expect TEXT   a string the image should show (repeatable); default: the quoted strings of
                  the prompt stored in a generated PNG
  --max-side N    longest side the text detector sees (default 960; larger finds smaller text)
  --json          print the lines read and the verdicts as JSON

Exit code 0: every expected string reads back exactly; 2: one does not; 1: an error.`;

const options = {
	expect: { type: 'string', multiple: true },
	'max-side': { type: 'string' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

const MARK = { exact: '✓', near: '⚠', missing: '✗' } as const;

export async function run(argv: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseOptions(argv, options, true);
		if (parsed.values.help) {
			console.log(usage);
			return 0;
		}
		if (parsed.positionals.length !== 1) throw new UsageError('give exactly one IMAGE file');
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`haibao ocr: ${error.message}\n\n${usage}`);
			return 1;
		}
		throw error;
	}
	const { values, positionals } = parsed;
	const file = positionals[0];
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch {
		throw new Error(`cannot read image file "${file}"`);
	}
	const maxSide = values['max-side'] === undefined ? undefined : Number(values['max-side']);
	if (maxSide !== undefined && !(Number.isInteger(maxSide) && maxSide >= 32 && maxSide <= 4096))
		throw new Error(`--max-side expects a whole number from 32 to 4096, got "${values['max-side']}"`);
	let expected = values.expect ?? [];
	let source = '--expect';
	if (!values.expect && bytes.subarray(1, 4).toString('latin1') === 'PNG') {
		const prompt = readPngText(bytes).prompt;
		if (prompt) {
			expected = quotedStrings(prompt);
			source = 'the prompt stored in the image';
		}
	}
	const { OcrEngine } = await import('../../lib/server/ocr/engine');
	const engine = await OcrEngine.open();
	const started = performance.now();
	const result = await engine.read(bytes, maxSide ? { maxSide } : {});
	const ms = Math.round(performance.now() - started);
	await engine.release();
	const lines = result.lines.map(({ text, confidence, bounds, vertical }) => ({
		text,
		confidence: Math.round(confidence * 1000) / 1000,
		bounds: roundBox(bounds),
		vertical
	}));
	const check: TextCheck = checkTexts(
		expected.map((text) => ({ text })),
		{ lines, width: result.width, height: result.height, ms }
	);
	if (values.json) {
		console.log(
			JSON.stringify(
				{
					image: file,
					width: result.width,
					height: result.height,
					ms,
					lines,
					expected: check.fields.map((f) => ({ ...f, box: f.box && roundBox(f.box) })),
					verdict: expected.length ? check.verdict : null
				},
				null,
				2
			)
		);
	} else {
		console.log(`${file}: ${result.width}×${result.height}, ${lines.length} line(s) read in ${ms} ms`);
		for (const l of lines) {
			const b = l.bounds;
			console.log(
				`  "${l.text}"  ${(l.confidence * 100).toFixed(0)}%  at ${b.x},${b.y} ${b.width}×${b.height}${l.vertical ? ' vertical' : ''}`
			);
		}
		if (expected.length) console.log(`expected (from ${source}):`);
		for (const f of check.fields) {
			const where = f.box ? ` at ${Math.round(f.box.x)},${Math.round(f.box.y)}` : '';
			const read = f.verdict === 'exact' || !f.found ? '' : ` (read "${f.found}")`;
			console.log(`  ${MARK[f.verdict]} ${f.verdict.padEnd(7)} "${f.expected}"${read}${where}`);
		}
	}
	return expected.length && check.verdict !== 'exact' ? 2 : 0;
}

function roundBox(b: { x: number; y: number; width: number; height: number }) {
	return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
}
