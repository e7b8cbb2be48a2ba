// Greedy line filling over prepared units, in pt at scale 1 (fitting divides the box by the scale).
// A line ends at the last allowed opportunity that fits; a line-end mark is measured at half width
// and an opening bracket at line start loses its blank half; trailing spaces hang outside the box.
import { Brk } from './breaks';
import { Cls } from './chars';
import type { Unit } from './prepare';

export interface LineRange {
	start: number;
	/** Exclusive; trailing spaces and the newline are outside [start, end). */
	end: number;
	/** Index after the last unit this line consumed (next line's start). */
	next: number;
	/** Natural length along the line, trims applied, pt at scale 1. */
	length: number;
	/** Largest size on the line (its line height is lineHeight × this). */
	maxSize: number;
	/** The line ends a paragraph (newline or end of text): never justified. */
	hard: boolean;
	/** The line was broken inside a token or phrase because nothing else fitted. */
	emergency: boolean;
}

const EPS = 1e-6;

/** Length of units[s..e) on one line: advances, inner gaps, edge trims. */
export function lineLength(units: readonly Unit[], s: number, e: number): number {
	if (e <= s) return 0;
	let w = -units[s].trimStart;
	for (let i = s; i < e - 1; i++) w += units[i].adv + units[i].gap;
	return w + units[e - 1].adv - units[e - 1].trimEnd;
}

function lastInk(units: readonly Unit[], s: number, e: number): number {
	while (e > s && units[e - 1].cls === Cls.Space) e--;
	return e;
}

export function breakLines(
	units: readonly Unit[],
	max: number
): { lines: LineRange[]; emergency: boolean; overfull: boolean } {
	const lines: LineRange[] = [];
	let emergency = false;
	let overfull = false;
	const n = units.length;
	let s = 0;
	while (s < n) {
		let run = -units[s].trimStart;
		let allowed = -1;
		let fallback = -1;
		let end = -1;
		let next = -1;
		let hard = false;
		let forced = false;
		let j = s;
		for (; j < n; j++) {
			const u = units[j];
			if (u.cls === Cls.Newline) {
				end = j;
				// CR LF is one paragraph break.
				next = u.text === '\r' && units[j + 1]?.text === '\n' ? j + 2 : j + 1;
				hard = true;
				break;
			}
			if (u.cls !== Cls.Space && j > s && run + u.adv - u.trimEnd > max + EPS) {
				if (allowed > s) end = allowed;
				else {
					end = fallback > s ? fallback : j;
					forced = true;
				}
				next = end;
				break;
			}
			run += u.adv + u.gap;
			if (u.brk >= Brk.Allowed) allowed = j + 1;
			if (u.brk >= Brk.Emergency) fallback = j + 1;
		}
		if (end < 0) {
			end = n;
			next = n;
			hard = true;
		}
		const ink = lastInk(units, s, end);
		let maxSize = 0;
		for (let i = s; i < Math.max(end, s + 1) && i < n; i++)
			if (units[i].size > maxSize) maxSize = units[i].size;
		const length = lineLength(units, s, ink);
		if (length > max + EPS) overfull = true;
		if (forced) emergency = true;
		lines.push({ start: s, end: ink, next, length, maxSize, hard, emergency: forced });
		s = next;
		if (hard && s === n && units[n - 1]?.cls === Cls.Newline) {
			// Text ending with a newline has an empty last line.
			lines.push({
				start: n,
				end: n,
				next: n,
				length: 0,
				maxSize: units[n - 1].size,
				hard: true,
				emergency: false
			});
		}
	}
	return { lines, emergency, overfull };
}
