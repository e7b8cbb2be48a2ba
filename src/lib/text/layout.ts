// The text engine's entry point: styled runs and a box in, positioned glyphs out. Pure and
// synchronous (fonts loaded, shaper initialised). Shaping happens once per input (prepare.ts,
// cached); line breaking, fitting and placement are arithmetic on the prepared units.
//
// Use: `await initShaper()` once (Node reads harfbuzz.wasm from node_modules; in the browser pass
// its URL: `import hbWasm from 'harfbuzzjs/dist/harfbuzz.wasm?url'; await initShaper(hbWasm)`),
// `await fonts.ensure([...])`, then `layoutText(input, fonts)` as often as needed.
// Vertical text: columns start at the box's right edge; `align` places text along the column.
import { Cls } from './chars';
import { fitScale } from './fit';
import type { LineRange } from './lines';
import { Orient, prepare, type Prepared, type Unit } from './prepare';
import type { FaceRef, FontLibrary, LineBox, PositionedGlyph, TextLayout, TextLayoutInput } from './types';

export { initShaper } from './shaper';

const preparedCache = new WeakMap<FontLibrary, Map<string, Prepared>>();
const CACHE_SIZE = 32;

/** Prepared units for an input, reused while the text, styles and loaded fonts are the same. */
export function prepared(input: TextLayoutInput, fonts: FontLibrary): Prepared {
	const chains = input.runs.map((r) => {
		const primary = fonts.face(r.family, r.weight, r.italic)?.ref.key ?? '';
		return (
			primary +
			'|' +
			fonts
				.fallbacks(r.family, r.weight)
				.map((f) => f.ref.key)
				.join('|')
		);
	});
	const key = JSON.stringify([
		input.runs,
		chains,
		!!input.vertical,
		input.letterSpacing ?? 0,
		input.hanLatinSpacing ?? 0.25,
		input.strictness ?? 'basic',
		input.phraseBreaks !== false
	]);
	let cache = preparedCache.get(fonts);
	if (!cache) preparedCache.set(fonts, (cache = new Map()));
	let p = cache.get(key);
	if (p) {
		cache.delete(key);
		cache.set(key, p);
		return p;
	}
	p = prepare(input, fonts);
	cache.set(key, p);
	if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
	return p;
}

export function layoutText(input: TextLayoutInput, fonts: FontLibrary): TextLayout {
	const prep = prepared(input, fonts);
	const units = prep.units;
	const lineHeight = input.lineHeight ?? 1.2;
	const inlineBox = prep.vertical ? (input.height ?? Infinity) : input.width;
	const crossBox = prep.vertical ? input.width : (input.height ?? Infinity);
	const size0 = input.runs[0]?.size ?? 0;
	const { scale, lines, overflow } = fitScale(units, {
		inlineBox,
		crossBox,
		lineHeight,
		size0,
		fit: input.fit,
		text: prep.text
	});
	const build = prep.vertical ? placeVertical : placeHorizontal;
	const placed = build(prep, lines, scale, input, lineHeight);
	const faces = new Map<string, FaceRef>();
	for (const u of units) if (u.face && u.glyphs.length) faces.set(u.face.ref.key, u.face.ref);
	return {
		size: size0 * scale,
		scale,
		...placed,
		missing: prep.missing,
		overflow,
		faces: [...faces.values()]
	};
}

interface Placed {
	lines: LineBox[];
	glyphs: PositionedGlyph[];
	width: number;
	height: number;
}

const ALIGN_FACTOR = { start: 0, center: 0.5, end: 1, justify: 0 } as const;
const VALIGN_FACTOR = { top: 0, middle: 0.5, bottom: 1 } as const;

function lineText(prep: Prepared, line: LineRange): string {
	if (line.end <= line.start) return '';
	return prep.text.slice(prep.units[line.start].start, prep.units[line.end - 1].end);
}

/** Extra space per justifiable gap so the line fills `box` (0 for the last line of a paragraph). */
function justification(
	units: readonly Unit[],
	line: LineRange,
	box: number,
	length: number,
	align: string
): number {
	if (align !== 'justify' || line.hard || !Number.isFinite(box) || length >= box) return 0;
	let gaps = 0;
	for (let i = line.start; i < line.end - 1; i++) if (units[i].justifiable) gaps++;
	return gaps ? (box - length) / gaps : 0;
}

/**
 * Emits a unit's glyphs. `pen` is where the unit's cell starts along the line (x in horizontal
 * text, y in vertical), `cross` the baseline y or the column's centre x; `lead` and `tail` are the
 * blank halves cut at line start and line end, `after` the space to the next unit (gap and
 * justification), all in pt. The outline keeps its place; the reported cell loses the cut blanks.
 */
function emit(
	out: PositionedGlyph[],
	u: Unit,
	lineIndex: number,
	pen: number,
	cross: number,
	vertical: boolean,
	scale: number,
	lead: number,
	tail: number,
	after: number,
	color: string
): void {
	const face = u.face!;
	const glyphs = u.glyphs;
	const rotation = u.orient === Orient.Rotated ? 90 : 0;
	// The cell across the line: the em box around the baseline, or the column's em.
	const across = vertical
		? u.orient === Orient.Rotated
			? (u.asc - u.desc) * scale
			: u.size * scale
		: (u.asc - u.desc) * scale;
	const crossStart = vertical ? cross - across / 2 : cross - u.asc * scale;
	const unitOrigin = pen - lead;
	let along = unitOrigin;
	for (let gi = 0; gi < glyphs.length; gi++) {
		const g = glyphs[gi];
		let advance = g.advance * scale;
		let cell = along;
		if (gi === 0 && lead) {
			cell += lead;
			advance -= lead;
		}
		if (gi === glyphs.length - 1) advance += after - tail;
		const ox = vertical ? cross + g.x * scale : unitOrigin + g.x * scale;
		const oy = vertical ? unitOrigin + g.y * scale : cross + g.y * scale;
		const shift = cell - along;
		// The cell ends where the next one starts, less any positive spacing (a negative gap is a
		// compressed blank: it belongs to neither cell).
		const cellLength = Math.max(0, advance - (gi === glyphs.length - 1 ? Math.max(0, after) : 0));
		const box = !vertical
			? { x: cell, y: crossStart, width: cellLength, height: across }
			: u.orient === Orient.AcrossColumn
				? { x: ox, y: unitOrigin + lead, width: g.advance * scale, height: u.adv * scale - lead - tail }
				: { x: crossStart, y: cell, width: across, height: cellLength };
		const glyph: PositionedGlyph = {
			face: face.ref.key,
			glyphId: g.id,
			char: u.text,
			index: u.start,
			run: u.run,
			line: lineIndex,
			x: vertical ? ox : ox + shift,
			y: vertical ? oy + shift : oy,
			advance,
			size: u.size * g.sizeFactor * scale,
			rotation,
			color,
			box
		};
		// Down a column y is the baseline, below the cell's top: a mark compressed at the column's end
		// (its ink in the top half) would report a y past the box; it reports its cell's end instead.
		if (vertical && box.y + box.height < glyph.y) glyph.y = box.y + box.height;
		if (glyph.x !== ox || glyph.y !== oy) glyph.origin = { x: ox, y: oy };
		out.push(glyph);
		// Across-column digits sit side by side: the pen does not move along the column.
		if (u.orient !== Orient.AcrossColumn) along += g.advance * scale;
	}
}

function drawable(u: Unit): boolean {
	return u.face !== null && u.glyphs.length > 0 && u.cls !== Cls.Newline;
}

/**
 * Emits one line's glyphs, the pen moving along the line from `start` (x in horizontal text, y in
 * vertical); `cross` is the baseline y or the column's centre x. The first unit loses its blank
 * before (an opening bracket at line start), the last its blank after (，。 at line end); every
 * gap but the last gets the justification `extra` where the unit allows it.
 */
function emitLine(
	glyphs: PositionedGlyph[],
	units: readonly Unit[],
	l: LineRange,
	li: number,
	start: number,
	cross: number,
	vertical: boolean,
	scale: number,
	extra: number,
	input: TextLayoutInput
): void {
	let pen = start;
	for (let i = l.start; i < l.end; i++) {
		const u = units[i];
		const last = i === l.end - 1;
		const lead = i === l.start ? u.trimStart * scale : 0;
		const tail = last ? u.trimEnd * scale : 0;
		const after = last ? 0 : u.gap * scale + (u.justifiable ? extra : 0);
		if (drawable(u))
			emit(glyphs, u, li, pen, cross, vertical, scale, lead, tail, after, input.runs[u.run].color);
		pen += u.adv * scale - lead + after;
	}
}

function placeHorizontal(
	prep: Prepared,
	lines: LineRange[],
	scale: number,
	input: TextLayoutInput,
	lineHeight: number
): Placed {
	const units = prep.units;
	const align = input.align ?? 'start';
	const out: LineBox[] = [];
	const glyphs: PositionedGlyph[] = [];
	let total = 0;
	for (const l of lines) total += l.maxSize * lineHeight * scale;
	const offsetY =
		input.height !== undefined ? (input.height - total) * VALIGN_FACTOR[input.verticalAlign ?? 'top'] : 0;
	let top = offsetY;
	let width = 0;
	lines.forEach((l, li) => {
		const height = l.maxSize * lineHeight * scale;
		let asc = 0;
		let desc = 0;
		for (let i = l.start; i < l.end; i++) {
			const u = units[i];
			if (!u.face) continue;
			asc = Math.max(asc, u.asc * scale);
			desc = Math.min(desc, u.desc * scale);
		}
		if (asc === 0 && desc === 0) {
			asc = 0.88 * l.maxSize * scale;
			desc = -0.12 * l.maxSize * scale;
		}
		const baseline = height / 2 + (asc + desc) / 2;
		const length = l.length * scale;
		const extra = justification(units, l, input.width, length, align);
		const lineWidth = extra > 0 ? input.width : length;
		const x = (input.width - lineWidth) * ALIGN_FACTOR[align];
		emitLine(glyphs, units, l, li, x, top + baseline, false, scale, extra, input);
		out.push({ text: lineText(prep, l), x, y: top, width: lineWidth, height, baseline });
		width = Math.max(width, lineWidth);
		top += height;
	});
	return { lines: out, glyphs, width, height: total };
}

function placeVertical(
	prep: Prepared,
	lines: LineRange[],
	scale: number,
	input: TextLayoutInput,
	lineHeight: number
): Placed {
	const units = prep.units;
	const align = input.align ?? 'start';
	const out: LineBox[] = [];
	const glyphs: PositionedGlyph[] = [];
	const box = input.height ?? Infinity;
	let right = input.width;
	let total = 0;
	let longest = 0;
	lines.forEach((l, li) => {
		const colWidth = l.maxSize * lineHeight * scale;
		const left = right - colWidth;
		const centre = left + colWidth / 2;
		const length = l.length * scale;
		const extra = justification(units, l, box, length, align);
		const colLength = extra > 0 ? box : length;
		const y = Number.isFinite(box) ? (box - colLength) * ALIGN_FACTOR[align] : 0;
		emitLine(glyphs, units, l, li, y, centre, true, scale, extra, input);
		out.push({ text: lineText(prep, l), x: left, y, width: colWidth, height: colLength, baseline: 0 });
		longest = Math.max(longest, colLength);
		total += colWidth;
		right = left;
	});
	return { lines: out, glyphs, width: total, height: longest };
}
