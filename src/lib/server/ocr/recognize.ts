// Recognition helpers for PP-OCR's CRNN/SVTR model: its input image (height 48, width in
// proportion), greedy CTC decoding with the character dictionary, and the upright-character strip
// we build from a vertical column (the model reads rows; sideways Han characters it reads badly).
import { readFileSync } from 'node:fs';
import { borderColor, type Raster } from './raster';

export const REC_HEIGHT = 48;
/** PaddleOCR pads every line to at least this width (ratio 320/48). */
export const REC_MIN_WIDTH = 320;

/**
 * Class 0 is CTC's blank; classes 1…n are the dictionary's lines; the last class is a space
 * (PaddleOCR's use_space_char).
 */
export function loadDictionary(path: string): string[] {
	const lines = readFileSync(path, 'utf8').split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	return ['', ...lines.map((l) => l.replace(/\r$/, '')), ' '];
}

export interface Decoded {
	text: string;
	/** Mean probability of the characters kept (0 when none). */
	confidence: number;
	/** For each character, the time step where it was read (its position along the line). */
	steps: number[];
}

/** Greedy CTC: best class per time step, repeats merged, blanks dropped. */
export function ctcGreedy(
	probs: Float32Array,
	steps: number,
	classes: number,
	dictionary: string[]
): Decoded {
	if (dictionary.length !== classes)
		throw new Error(`the recogniser has ${classes} classes but the dictionary gives ${dictionary.length}`);
	let text = '';
	let sum = 0;
	const at: number[] = [];
	let previous = -1;
	for (let t = 0; t < steps; t++) {
		let best = 0;
		let bestP = -Infinity;
		const row = t * classes;
		for (let c = 0; c < classes; c++) {
			const p = probs[row + c];
			if (p > bestP) {
				bestP = p;
				best = c;
			}
		}
		if (best !== 0 && best !== previous) {
			text += dictionary[best];
			sum += bestP;
			at.push(t);
		}
		previous = best;
	}
	const count = at.length;
	return { text, confidence: count ? sum / count : 0, steps: at };
}

/** Width the recogniser input gets for a crop resized to height 48. */
export function recWidth(r: Raster): number {
	return Math.max(1, Math.min(REC_HEIGHT * 40, Math.ceil((REC_HEIGHT * r.width) / r.height)));
}

/**
 * A vertical column of (Han) text re-laid as one row: rows of ink are found by the difference from
 * the column's background, grouped into characters about as tall as the column is wide, and placed
 * side by side with a little space, each still upright.
 */
export function columnToRow(column: Raster): Raster | null {
	const bg = borderColor(column);
	const { width: w, height: h, data } = column;
	const inkRows: boolean[] = [];
	let inkLeft = w;
	let inkRight = 0;
	for (let y = 0; y < h; y++) {
		let ink = 0;
		for (let x = 0; x < w; x++) {
			const i = (y * w + x) * 3;
			const d = Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]);
			if (d > 90) {
				ink++;
				inkLeft = Math.min(inkLeft, x);
				inkRight = Math.max(inkRight, x + 1);
			}
		}
		inkRows.push(ink > 0);
	}
	const runs: [number, number][] = [];
	for (let y = 0; y < h; y++) {
		if (!inkRows[y]) continue;
		const start = y;
		while (y < h && inkRows[y]) y++;
		runs.push([start, y]);
	}
	if (runs.length === 0) return null;
	const chars = groupIntoCharacters(runs, Math.max(1, inkRight - inkLeft));
	const cell = Math.max(w, ...chars.map(([a, b]) => b - a));
	const gap = Math.round(cell * 0.15);
	const outW = chars.length * (cell + gap) + gap;
	const outH = cell + 2 * gap;
	const out = new Uint8Array(outW * outH * 3);
	for (let i = 0; i < out.length; i += 3) out.set(bg, i);
	chars.forEach(([a, b], k) => {
		const ox = gap + k * (cell + gap) + Math.floor((cell - w) / 2);
		const oy = gap + Math.floor((cell - (b - a)) / 2);
		for (let y = a; y < b; y++)
			out.set(data.subarray(y * w * 3, (y + 1) * w * 3), ((oy + y - a) * outW + ox) * 3);
	});
	return { width: outW, height: outH, data: out };
}

/**
 * Strokes of one character (三, 吉, 二) are separate runs of ink: group consecutive runs so each
 * group is about as tall as the column's ink is wide (Han characters are square), by dynamic
 * programming over the cut points; a group taller than 1.25 widths is never formed.
 */
export function groupIntoCharacters(runs: readonly [number, number][], inkWidth: number): [number, number][] {
	const n = runs.length;
	const cost = new Array<number>(n + 1).fill(Infinity);
	const from = new Array<number>(n + 1).fill(0);
	cost[0] = 0;
	for (let j = 1; j <= n; j++)
		for (let i = j - 1; i >= 0; i--) {
			const height = runs[j - 1][1] - runs[i][0];
			if (height > inkWidth * 1.25 && i < j - 1) break;
			const c = cost[i] + ((inkWidth - height) / inkWidth) ** 2;
			if (c < cost[j]) {
				cost[j] = c;
				from[j] = i;
			}
		}
	const groups: [number, number][] = [];
	for (let j = n; j > 0; j = from[j]) groups.unshift([runs[from[j]][0], runs[j - 1][1]]);
	return groups;
}
