// Plain-text editing of styled runs: the in-place editor edits the concatenated text (what a
// textarea holds) and these functions carry the change back into the runs, keeping their styles.
import type { TextRun } from '../document/schema';
import type { PositionedGlyph, TextLayout } from '../text/types';

export const runsText = (runs: readonly TextRun[]) => runs.map((r) => r.text).join('');

/**
 * Replace characters [start, end) of the concatenated text with `insert`. Inserted text takes the
 * style of the run the insertion point is in (the run before it at a boundary); emptied runs are
 * dropped, but at least one run always remains.
 */
export function spliceRuns(runs: readonly TextRun[], start: number, end: number, insert: string): TextRun[] {
	const total = runsText(runs).length;
	start = Math.max(0, Math.min(start, total));
	end = Math.max(start, Math.min(end, total));
	// The run that receives the insertion: the one containing `start`, or ending exactly at it
	// (the style of the preceding character); the first run when inserting at 0.
	let receiver = 0;
	for (let i = 0, offset = 0; i < runs.length; offset += runs[i].text.length, i++) {
		if (start > offset && start <= offset + runs[i].text.length) {
			receiver = i;
			break;
		}
	}
	const out: TextRun[] = [];
	let offset = 0;
	runs.forEach((run, i) => {
		const len = run.text.length;
		const a = Math.max(0, Math.min(len, start - offset));
		const b = Math.max(0, Math.min(len, end - offset));
		offset += len;
		const text = run.text.slice(0, a) + (i === receiver ? insert : '') + run.text.slice(b);
		if (text.length > 0) out.push({ ...run, text });
	});
	if (out.length === 0) return [{ ...runs[0], text: '' }];
	return mergeAdjacent(out);
}

const sameStyle = (a: TextRun, b: TextRun) =>
	a.family === b.family &&
	a.weight === b.weight &&
	a.italic === b.italic &&
	a.size === b.size &&
	a.color === b.color;

function mergeAdjacent(runs: TextRun[]): TextRun[] {
	const out: TextRun[] = [];
	for (const r of runs) {
		const last = out[out.length - 1];
		if (last && sameStyle(last, r)) out[out.length - 1] = { ...last, text: last.text + r.text };
		else out.push(r);
	}
	return out;
}

/** The smallest edit turning `before` into `after`: common prefix and suffix kept. */
export function diffText(before: string, after: string): { start: number; end: number; insert: string } {
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before[start] === after[start]) start++;
	let tail = 0;
	while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
	return { start, end: before.length - tail, insert: after.slice(start, after.length - tail) };
}

/** Replace the whole text with `next`, keeping the styles of the unchanged parts. */
export function setRunsText(runs: readonly TextRun[], next: string): TextRun[] {
	const d = diffText(runsText(runs), next);
	return spliceRuns(runs, d.start, d.end, d.insert);
}

/** Apply a style change to every run (the properties panel edits the whole layer). */
export function styleAllRuns(runs: readonly TextRun[], patch: Partial<Omit<TextRun, 'text'>>): TextRun[] {
	return mergeAdjacent(runs.map((r) => ({ ...r, ...patch })));
}

/** Caret geometry in the text box's local coordinates (pt, before vertical-align offset). */
export interface Caret {
	x: number;
	y: number;
	/** Length of the caret bar; horizontal text: a vertical bar; vertical text: a horizontal one. */
	length: number;
	vertical: boolean;
}

/**
 * Where the caret stands before character `index` of the concatenated text, from the engine's
 * layout (so the caret sits on the glyphs that are actually drawn).
 */
export function caretAt(layout: TextLayout, index: number, vertical: boolean): Caret {
	const glyphs = layout.glyphs;
	const lineOf = (n: number) => layout.lines[n] ?? layout.lines[layout.lines.length - 1];
	const size = layout.size || 12;
	if (glyphs.length === 0) {
		const line = layout.lines[0];
		if (vertical)
			return {
				x: (line?.x ?? 0) + (line?.width ?? size) / 2 - size / 2,
				y: line?.y ?? 0,
				length: size,
				vertical
			};
		return { x: line?.x ?? 0, y: line?.y ?? 0, length: line?.height ?? size * 1.2, vertical };
	}
	// The first glyph at or after the index: the caret stands at its pen position.
	let after = glyphs.find((g) => g.index >= index);
	const before = [...glyphs].reverse().find((g) => g.index < index);
	// A line break between `before` and `after`: stay at the end of the earlier line unless the
	// index is past a newline character.
	if (after && before && after.line !== before.line && !/\n/.test(before.char)) after = undefined;
	const g = after ?? before!;
	const line = lineOf(g.line);
	const atEnd = !after;
	if (vertical) {
		const cy = cellStart(g, true) + (atEnd ? g.advance : 0);
		return { x: line.x, y: cy, length: line.width, vertical };
	}
	const x = atEnd ? g.x + g.advance : g.x;
	return { x, y: line.y, length: line.height, vertical };
}

/** Where a glyph's cell starts along its line (x) or column (y), compressed punctuation included. */
export function cellStart(g: PositionedGlyph, vertical: boolean): number {
	if (g.box) return vertical ? g.box.y : g.box.x;
	return vertical ? (g.rotation === 90 ? g.y : g.y - g.size * 0.88) : g.x;
}

/** The character index nearest a point in the box's local coordinates (click to place caret). */
export function indexAtPoint(layout: TextLayout, p: { x: number; y: number }, vertical: boolean): number {
	let best = runsLengthFromLayout(layout);
	let bestD = Infinity;
	for (const g of layout.glyphs) {
		const line = layout.lines[g.line];
		if (!line) continue;
		const inLine = vertical
			? p.x >= line.x && p.x <= line.x + line.width
			: p.y >= line.y && p.y <= line.y + line.height;
		const along = vertical ? p.y - cellStart(g, true) : p.x - g.x;
		const d = (inLine ? 0 : 1e6) + Math.abs(along < g.advance / 2 ? along : along - g.advance);
		if (d < bestD) {
			bestD = d;
			best = along < g.advance / 2 ? g.index : g.index + g.char.length;
		}
	}
	return best;
}

const runsLengthFromLayout = (layout: TextLayout) =>
	layout.glyphs.reduce((m, g) => Math.max(m, g.index + g.char.length), 0);
