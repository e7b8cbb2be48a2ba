// Greedy line filling over prepared units, in pt at scale 1 (fitting divides the box by the scale).
// A line ends at the last allowed opportunity that fits; a line-end mark is measured at half width
// and an opening bracket at line start loses its blank half; trailing spaces hang outside the box.
// Then two refinements a typesetter makes: a phrase that started after a typed space moves down
// whole when it fits a line of its own, and a paragraph never ends with a lone character or number
// while the line above can give it company.
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
	/** The line was broken inside a token (word, number, URL) because nothing else fitted. */
	emergency: boolean;
	/** The line was broken inside a BudouX phrase (its last phrase boundary left it too short). */
	inPhrase?: boolean;
}

const EPS = 1e-6;
/**
 * A phrase boundary is taken if the line is at least this full there and no more than
 * PHRASE_LOSS ems short; else the line breaks inside the phrase (a short headline line may be
 * ragged by a third; a long justified line never has more than four lost ems to spread over its gaps).
 */
const PHRASE_FILL = 2 / 3;
const PHRASE_LOSS = 4;
/** A typed space is taken as the break if the line is at least this full there. */
const SPACE_FILL = 1 / 3;

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

function maxSizeOf(units: readonly Unit[], s: number, e: number): number {
	let maxSize = 0;
	for (let i = s; i < Math.max(e, s + 1) && i < units.length; i++)
		if (units[i].size > maxSize) maxSize = units[i].size;
	return maxSize;
}

/**
 * Where the phrase after the typed space at `pref` ends: after the next typed space, newline or
 * the end of the text. Returns that index, or -1 if the phrase is longer than `max`.
 */
function phraseEnd(units: readonly Unit[], pref: number, max: number): number {
	let e = pref;
	while (e < units.length && units[e].cls !== Cls.Newline) {
		e++;
		if (units[e - 1].brk >= Brk.Preferred) break;
	}
	return lineLength(units, pref, lastInk(units, pref, e)) <= max + EPS ? e : -1;
}

const LONE_NUMBER = /^[¥￥$＄€£]?\d[\d.,:/]*[%％‰]?\p{P}*$/u;

/** A line that would look abandoned as a paragraph's last: one character (with its punctuation) or a number. */
function isWidow(units: readonly Unit[], text: string, l: LineRange): boolean {
	if (l.end <= l.start) return false;
	let ink = 0;
	for (let i = l.start; i < l.end; i++) if (units[i].cls !== Cls.Punct && units[i].cls !== Cls.Space) ink++;
	if (ink <= 1) return true;
	return LONE_NUMBER.test(text.slice(units[l.start].start, units[l.end - 1].end));
}

/**
 * Balancing pass: a paragraph's last line that is a widow takes material from the line above, at
 * the latest allowed break that leaves both lines fitting and the last one no longer a widow.
 */
function balanceWidows(units: readonly Unit[], text: string, lines: LineRange[], max: number): void {
	for (let i = 1; i < lines.length; i++) {
		const last = lines[i];
		const prev = lines[i - 1];
		if (!last.hard || prev.hard || !isWidow(units, text, last)) continue;
		for (let b = prev.end - 1; b > prev.start; b--) {
			if (units[b - 1].brk < Brk.Allowed) continue;
			const prevInk = lastInk(units, prev.start, b);
			if (prevInk <= prev.start) break;
			const length = lineLength(units, b, last.end);
			if (length > max + EPS) break;
			const moved: LineRange = { ...last, start: b, length, maxSize: maxSizeOf(units, b, last.end) };
			if (isWidow(units, text, moved)) continue;
			const shortened: LineRange = {
				...prev,
				end: prevInk,
				next: b,
				length: lineLength(units, prev.start, prevInk),
				maxSize: maxSizeOf(units, prev.start, prevInk),
				emergency: false,
				inPhrase: false
			};
			// Giving away so much that the line above is left with one character moves the problem up.
			if (isWidow(units, text, shortened)) break;
			lines[i] = moved;
			lines[i - 1] = shortened;
			break;
		}
	}
}

export function breakLines(
	units: readonly Unit[],
	max: number,
	text = ''
): { lines: LineRange[]; emergency: boolean; inPhrase: boolean; overfull: boolean } {
	const lines: LineRange[] = [];
	let overfull = false;
	const n = units.length;
	let s = 0;
	while (s < n) {
		let run = -units[s].trimStart;
		// Line length up to the end of the last non-space unit, and at the latest allowed / preferred break.
		let inkRun = 0;
		let allowedFill = 0;
		let preferredFill = 0;
		let allowed = -1;
		let inPhrase = -1;
		let preferred = -1;
		let fallback = -1;
		let end = -1;
		let next = -1;
		let hard = false;
		let forced = false;
		let split = false;
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
				const enough = Math.max(PHRASE_FILL * max, max - PHRASE_LOSS * u.size) - EPS;
				if (allowed > s && (inPhrase <= allowed || allowedFill >= enough)) end = allowed;
				else if (inPhrase > s) {
					end = inPhrase;
					split = true;
				} else {
					end = fallback > s ? fallback : j;
					forced = true;
				}
				// A phrase that began after a typed space on this line moves down whole if it fits a line.
				if (!forced && preferred > s && preferred < end && preferredFill >= SPACE_FILL * max - EPS) {
					const e = phraseEnd(units, preferred, max);
					if (e >= end) {
						end = preferred;
						split = false;
					}
				}
				next = end;
				break;
			}
			if (u.cls !== Cls.Space) inkRun = run + u.adv - u.trimEnd;
			run += u.adv + u.gap;
			if (u.brk >= Brk.Preferred) {
				preferred = j + 1;
				preferredFill = inkRun;
			}
			if (u.brk >= Brk.Allowed) {
				allowed = j + 1;
				allowedFill = inkRun;
			}
			if (u.brk >= Brk.InPhrase) inPhrase = j + 1;
			if (u.brk >= Brk.Emergency) fallback = j + 1;
		}
		if (end < 0) {
			end = n;
			next = n;
			hard = true;
		}
		const ink = lastInk(units, s, end);
		const length = lineLength(units, s, ink);
		if (length > max + EPS) overfull = true;
		lines.push({
			start: s,
			end: ink,
			next,
			length,
			maxSize: maxSizeOf(units, s, end),
			hard,
			emergency: forced,
			inPhrase: split
		});
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
	if (text) balanceWidows(units, text, lines, max);
	return {
		lines,
		emergency: lines.some((l) => l.emergency),
		inPhrase: lines.some((l) => l.inPhrase),
		overfull
	};
}
