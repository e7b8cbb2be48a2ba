// Does the image say what the prompt asked for? Each quoted string of a prompt is looked for among
// the lines an OCR read: exact, near (small normalised edit distance) or missing, with the box where
// it was found and whether that is where the template asked for it. Pure: the OCR runs elsewhere.

export type TextVerdict = 'exact' | 'near' | 'missing';

/** Fractions of the image (0–1), left/top to right/bottom. */
export interface ImageRegion {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** A string the model was asked to draw. */
export interface TextExpectation {
	text: string;
	/** The template field it came from, when known. */
	field?: string;
	/** Where the prompt asked for it, when known. */
	region?: ImageRegion;
}

/** Pixel rectangle in the image. */
export interface PixelBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface ReadLine {
	text: string;
	confidence: number;
	bounds: PixelBox;
	vertical: boolean;
}

export interface FieldCheck {
	expected: string;
	field: string | null;
	verdict: TextVerdict;
	/** What was read where it matched best (null when nothing came close). */
	found: string | null;
	/** Edit distance over the expected length, 0 (same) to 1. */
	distance: number;
	box: PixelBox | null;
	region: ImageRegion | null;
	/** Whether the found box overlaps the region asked for (null when either is unknown). */
	inRegion: boolean | null;
	vertical: boolean;
}

export interface TextCheck {
	verdict: TextVerdict;
	fields: FieldCheck[];
	lines: ReadLine[];
	width: number;
	height: number;
	/** OCR time in milliseconds. */
	ms: number;
}

/** Beyond this normalised distance a string counts as missing, not near. */
export const NEAR_LIMIT = 0.34;

/** The strings inside ASCII double quotes, in order, each once. */
export function quotedStrings(prompt: string): string[] {
	const out: string[] = [];
	for (const m of prompt.matchAll(/"([^"\n]+)"/g)) {
		const s = m[1].trim();
		if (s && !out.includes(s)) out.push(s);
	}
	return out;
}

/**
 * What counts as the same text: Unicode compatibility forms (full-width ！ = !), no whitespace
 * (OCR and line breaks move spaces), letter case ignored (a template may set capitals), curly
 * quotes as straight ones, and marks no reader can tell apart in print: the dashes and 一 (a
 * horizontal stroke), the middle dots.
 */
export function normaliseText(s: string): string {
	return s
		.normalize('NFKC')
		.replace(/[“”„]/g, '"')
		.replace(/[‘’]/g, "'")
		.replace(/[-‐‑‒–—―−ー一]/g, '-')
		.replace(/[·・•‧]/g, '·')
		.replace(/\s+/g, '')
		.toLowerCase();
}

/** Best match of `needle` anywhere inside `hay` (Sellers): edit distance and the matched span. */
export function substringDistance(
	needle: string[],
	hay: string[]
): { distance: number; start: number; end: number } {
	const m = needle.length;
	const n = hay.length;
	let prev = new Array<number>(n + 1).fill(0);
	let prevStart = Array.from({ length: n + 1 }, (_, j) => j);
	for (let i = 1; i <= m; i++) {
		const cur = new Array<number>(n + 1);
		const curStart = new Array<number>(n + 1);
		cur[0] = i;
		curStart[0] = 0;
		for (let j = 1; j <= n; j++) {
			const sub = prev[j - 1] + (needle[i - 1] === hay[j - 1] ? 0 : 1);
			const del = prev[j] + 1;
			const ins = cur[j - 1] + 1;
			if (sub <= del && sub <= ins) {
				cur[j] = sub;
				curStart[j] = prevStart[j - 1];
			} else if (del <= ins) {
				cur[j] = del;
				curStart[j] = prevStart[j];
			} else {
				cur[j] = ins;
				curStart[j] = curStart[j - 1];
			}
		}
		prev = cur;
		prevStart = curStart;
	}
	let best = 0;
	for (let j = 1; j <= n; j++) if (prev[j] < prev[best]) best = j;
	return { distance: prev[best], start: prevStart[best], end: best };
}

/** The found box's centre lies in the asked region, give or take a quarter of the region's size. */
function overlaps(box: PixelBox, region: ImageRegion, width: number, height: number): boolean {
	const cx = (box.x + box.width / 2) / width;
	const cy = (box.y + box.height / 2) / height;
	const sx = (region.x1 - region.x0) / 4;
	const sy = (region.y1 - region.y0) / 4;
	return cx >= region.x0 - sx && cx <= region.x1 + sx && cy >= region.y0 - sy && cy <= region.y1 + sy;
}

/** The part of a line's box that holds characters start…end of its text (a share of its length). */
function spanBox(line: ReadLine, start: number, end: number, length: number): PixelBox {
	const b = line.bounds;
	if (length <= 0 || (start === 0 && end >= length)) return { ...b };
	const f0 = start / length,
		f1 = end / length;
	return line.vertical
		? { x: b.x, y: b.y + b.height * f0, width: b.width, height: b.height * (f1 - f0) }
		: { x: b.x + b.width * f0, y: b.y, width: b.width * (f1 - f0), height: b.height };
}

function union(boxes: PixelBox[]): PixelBox {
	const x0 = Math.min(...boxes.map((b) => b.x)),
		y0 = Math.min(...boxes.map((b) => b.y));
	const x1 = Math.max(...boxes.map((b) => b.x + b.width)),
		y1 = Math.max(...boxes.map((b) => b.y + b.height));
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Each character that is not blank, normalised on its own, with where it sits in its line. */
function units(text: string): { norm: string; index: number }[] {
	const chars = [...text];
	const out: { norm: string; index: number }[] = [];
	chars.forEach((c, index) => {
		const norm = normaliseText(c);
		if (norm) out.push({ norm, index });
	});
	return out;
}

/** The text as read (not normalised) for units start…end of a group of lines, inner spaces kept. */
function originalText(
	group: readonly ReadLine[],
	lines: { norm: string; index: number }[][],
	start: number,
	end: number
): string {
	const parts: string[] = [];
	let offset = 0;
	lines.forEach((line, g) => {
		const s = Math.max(start, offset) - offset;
		const e = Math.min(end, offset + line.length) - offset;
		if (e > s) parts.push([...group[g].text].slice(line[s].index, line[e - 1].index + 1).join(''));
		offset += line.length;
	});
	return parts.join('');
}

/** One expected string against the lines read: single lines, and runs of up to 3 lines in reading order. */
export function checkOne(
	expectation: TextExpectation,
	lines: readonly ReadLine[],
	width: number,
	height: number
): FieldCheck {
	const needle = units(expectation.text).map((u) => u.norm);
	let best: { distance: number; found: string; box: PixelBox; vertical: boolean } | null = null;
	for (let i = 0; i < lines.length; i++) {
		for (let k = 1; k <= 3 && i + k <= lines.length; k++) {
			const group = lines.slice(i, i + k);
			const texts = group.map((l) => units(l.text));
			const hay = texts.flat().map((u) => u.norm);
			if (hay.length === 0) continue;
			const { distance, start, end } = substringDistance(needle, hay);
			if (best && distance >= best.distance) continue;
			// Which lines (and parts of them) the span covers.
			const boxes: PixelBox[] = [];
			let offset = 0;
			group.forEach((line, g) => {
				const len = texts[g].length;
				const s = Math.max(start, offset),
					e = Math.min(end, offset + len);
				if (e > s) boxes.push(spanBox(line, s - offset, e - offset, len));
				offset += len;
			});
			best = {
				distance,
				found: originalText(group, texts, start, end),
				box: boxes.length ? union(boxes) : { ...group[0].bounds },
				vertical: group.every((l) => l.vertical)
			};
		}
	}
	const norm = best ? best.distance / Math.max(1, needle.length) : 1;
	const verdict: TextVerdict = !best
		? 'missing'
		: best.distance === 0
			? 'exact'
			: norm <= NEAR_LIMIT
				? 'near'
				: 'missing';
	const found = best && verdict !== 'missing' ? best : null;
	const region = expectation.region ?? null;
	return {
		expected: expectation.text,
		field: expectation.field ?? null,
		verdict,
		found: found?.found ?? (best && norm < 0.75 ? best.found : null),
		distance: Math.min(1, norm),
		box: found?.box ?? null,
		region,
		inRegion: found && region ? overlaps(found.box, region, width, height) : null,
		vertical: found?.vertical ?? false
	};
}

const RANK: Record<TextVerdict, number> = { exact: 0, near: 1, missing: 2 };

export function checkTexts(
	expectations: readonly TextExpectation[],
	read: { lines: readonly ReadLine[]; width: number; height: number; ms?: number }
): TextCheck {
	const fields = expectations.map((e) => checkOne(e, read.lines, read.width, read.height));
	const verdict = fields.reduce<TextVerdict>((w, f) => (RANK[f.verdict] > RANK[w] ? f.verdict : w), 'exact');
	return {
		verdict,
		fields,
		lines: [...read.lines],
		width: read.width,
		height: read.height,
		ms: read.ms ?? 0
	};
}

/** Higher is better: how close every field came (1 each when exact). Used to pick among seeds. */
export function checkScore(check: TextCheck): number {
	return check.fields.reduce((s, f) => s + (1 - f.distance) + (f.inRegion === false ? -0.1 : 0), 0);
}
