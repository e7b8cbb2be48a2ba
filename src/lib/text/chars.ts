// Character classes the layout needs: which script a character shapes with, whether it is
// Chinese punctuation, and where Han–Latin spacing and tate-chu-yoko apply.
import { CLOSING, MIDDLE, OPENING } from './rules';

export const Cls = {
	/** Han ideographs, kana, hangul, bopomofo, full-width letters: upright, one em. */
	Han: 0,
	/** Chinese punctuation (may be full width; width adjusted by clreq rules). */
	Punct: 1,
	Latin: 2,
	Digit: 3,
	Space: 4,
	Newline: 5,
	/** Everything else: ASCII punctuation, symbols. */
	Other: 6
} as const;
export type Cls = (typeof Cls)[keyof typeof Cls];

/** Punctuation that is Chinese in a Chinese context and Western in a Western one. */
const AMBIGUOUS = new Set([0x201c, 0x201d, 0x2018, 0x2019, 0x2014, 0x2015, 0x2026, 0x00b7, 0x2e3a, 0x22ef]);

export function isHanLike(cp: number): boolean {
	return (
		(cp >= 0x2e80 && cp <= 0x2fdf) ||
		(cp >= 0x3005 && cp <= 0x3007) ||
		(cp >= 0x3021 && cp <= 0x3029) ||
		(cp >= 0x3040 && cp <= 0x33ff) ||
		(cp >= 0x3400 && cp <= 0x4dbf) ||
		(cp >= 0x4e00 && cp <= 0x9fff) ||
		(cp >= 0xa960 && cp <= 0xa97f) ||
		(cp >= 0xac00 && cp <= 0xd7af) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xff10 && cp <= 0xff19) ||
		(cp >= 0xff21 && cp <= 0xff3a) ||
		(cp >= 0xff41 && cp <= 0xff5a) ||
		(cp >= 0x20000 && cp <= 0x3ffff) ||
		cp === 0x3000
	);
}

function isCjkPunct(cp: number): boolean {
	return (
		OPENING.has(cp) ||
		CLOSING.has(cp) ||
		MIDDLE.has(cp) ||
		(cp >= 0x3001 && cp <= 0x303f) ||
		(cp >= 0xfe10 && cp <= 0xfe1f) ||
		(cp >= 0xfe30 && cp <= 0xfe4f) ||
		(cp >= 0xff01 && cp <= 0xff0f) ||
		(cp >= 0xff1a && cp <= 0xff20) ||
		(cp >= 0xff3b && cp <= 0xff40) ||
		(cp >= 0xff5b && cp <= 0xff65)
	);
}

const LETTER = /\p{L}|\p{M}/u;

export function classify(cp: number): Cls {
	if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029 || cp === 0x0b || cp === 0x0c)
		return Cls.Newline;
	if (
		cp === 0x20 ||
		cp === 0x09 ||
		cp === 0xa0 ||
		(cp >= 0x2000 && cp <= 0x200b) ||
		cp === 0x202f ||
		cp === 0x205f
	)
		return Cls.Space;
	if (cp >= 0x30 && cp <= 0x39) return Cls.Digit;
	if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? Cls.Latin : Cls.Other;
	if (AMBIGUOUS.has(cp) || isCjkPunct(cp)) return Cls.Punct;
	if (isHanLike(cp)) return Cls.Han;
	if (LETTER.test(String.fromCodePoint(cp))) return Cls.Latin;
	return Cls.Other;
}

/** Ambiguous marks take the script of their context (see AMBIGUOUS). */
export function isAmbiguous(cp: number): boolean {
	return AMBIGUOUS.has(cp);
}

/** Marks that look forward for their context (opening quotes). */
export function looksForward(cp: number): boolean {
	return OPENING.has(cp);
}

/** Western signs that travel with numbers and count as Latin for Han–Latin spacing. */
const NUMERIC_SIGNS = new Set([0x25, 0x24, 0x2030, 0x2103, 0x20ac, 0xa3, 0xa5, 0xb0, 0xffe5]);

/** True for characters on the Latin side of Han–Latin spacing (letters, digits, %, $). */
export function isLatinSide(cls: Cls, cp: number): boolean {
	return cls === Cls.Latin || cls === Cls.Digit || (cls === Cls.Other && NUMERIC_SIGNS.has(cp));
}

/** Han-side characters for Han–Latin spacing (ideographs and kana, never punctuation). */
export function isHanSide(cls: Cls, cp: number): boolean {
	return cls === Cls.Han && cp !== 0x3000;
}
