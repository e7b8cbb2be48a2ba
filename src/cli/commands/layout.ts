// `haibao layout`: lay out one text with the text engine and print lines and glyph positions as
// JSON, in pt from the box's top-left. This output format is how layouts are checked from outside:
// keep it stable.
import { parseOptions, UsageError } from '../args';
import { initShaper, layoutText } from '../../lib/text/layout';
import type { TextLayoutInput } from '../../lib/text/types';
import { getServerFonts } from '../../lib/server/fonts';
import { MAX_COORD_PT, MAX_FONT_PT, MAX_TEXT_CHARS, textTooLong } from '../../lib/document/limits';

const help = `haibao layout --font FAMILY [--weight N] --size PT --width PT [--height PT] [--vertical]
              [--align start|center|end|justify] [--fit] [--min-size PT] --text TEXT

Prints { "size", "lines": [{ "text", "x", "y", "width", "height" }],
         "glyphs": [{ "char", "line", "x", "y", "advance", "rotated", "font" }], "missing": [chars] }
with coordinates in pt from the box's top-left. --fit shrinks the size (down to --min-size,
default 6) until the text fits the box. "haibao fonts" lists the families.`;

const ALIGNS = ['start', 'center', 'end', 'justify'] as const;

/** The same bounds as a document's text layer (src/lib/document/limits.ts). */
function positive(
	name: string,
	value: string | undefined,
	required: boolean,
	max: number
): number | undefined {
	if (value === undefined) {
		if (required) throw new UsageError(`--${name} is required\n\n${help}`);
		return undefined;
	}
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0 || n > max)
		throw new UsageError(
			`--${name} must be a number of pt above 0 and at most ${max.toLocaleString('en-US')}, got "${value}"`
		);
	return n;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function run(argv: string[]): Promise<number> {
	const { values } = parseOptions(argv, {
		font: { type: 'string' },
		weight: { type: 'string' },
		size: { type: 'string' },
		width: { type: 'string' },
		height: { type: 'string' },
		vertical: { type: 'boolean' },
		align: { type: 'string' },
		fit: { type: 'boolean' },
		'min-size': { type: 'string' },
		text: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	});
	if (values.help) {
		console.log(help);
		return 0;
	}
	if (!values.font) throw new UsageError(`--font is required\n\n${help}`);
	if (values.text === undefined) throw new UsageError(`--text is required\n\n${help}`);
	if (values.text.length > MAX_TEXT_CHARS)
		throw new UsageError(`--text: ${textTooLong(values.text.length).en}`);
	const size = positive('size', values.size, true, MAX_FONT_PT)!;
	const width = positive('width', values.width, true, MAX_COORD_PT)!;
	const height = positive('height', values.height, false, MAX_COORD_PT);
	const minSize = positive('min-size', values['min-size'], false, MAX_FONT_PT);
	const weight = values.weight === undefined ? 400 : Number(values.weight);
	if (!Number.isInteger(weight) || weight < 100 || weight > 1000)
		throw new UsageError(`--weight must be an integer from 100 to 1000, got "${values.weight}"`);
	const align = (values.align ?? 'start') as (typeof ALIGNS)[number];
	if (!ALIGNS.includes(align))
		throw new UsageError(`--align must be one of ${ALIGNS.join(', ')}, got "${values.align}"`);
	if (minSize !== undefined && !values.fit) throw new UsageError('--min-size only makes sense with --fit');

	const fonts = getServerFonts();
	if (!fonts.hasFamily(values.font)) {
		throw new UsageError(`unknown font family "${values.font}"; available: ${fonts.families().join(', ')}`);
	}
	await Promise.all([initShaper(), fonts.ensure([{ family: values.font, weight }])]);

	const input: TextLayoutInput = {
		runs: [{ text: values.text, family: values.font, weight, size, color: '#000000' }],
		width,
		height,
		vertical: !!values.vertical,
		align,
		fit: values.fit ? { mode: 'shrink', minSize: minSize ?? 6 } : undefined
	};
	const layout = layoutText(input, fonts);
	const familyOf = (key: string) => fonts.byKey(key)?.ref.family ?? key;
	const out = {
		size: round(layout.size),
		lines: layout.lines.map((l) => ({
			text: l.text,
			x: round(l.x),
			y: round(l.y),
			width: round(l.width),
			height: round(l.height)
		})),
		glyphs: layout.glyphs.map((g) => ({
			char: g.char,
			line: g.line,
			x: round(g.x),
			y: round(g.y),
			advance: round(g.advance),
			rotated: g.rotation === 90,
			font: familyOf(g.face)
		})),
		missing: layout.missing
	};
	console.log(JSON.stringify(out, null, 2));
	return 0;
}
