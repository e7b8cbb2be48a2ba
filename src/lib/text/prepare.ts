// Preparation: segment the text into font runs (with fallback), shape each with HarfBuzz, and
// turn the glyphs into units (clusters) measured in pt at scale 1. Everything after this is
// arithmetic, so fitting can try many sizes without shaping again (shaping scales linearly).
import { breakLevels, Brk } from './breaks';
import { Cls, classify, isAmbiguous, isHanSide, isLatinSide, looksForward } from './chars';
import { punctuationTrims } from './punctuation';
import { INSEPARABLE_PAIRS } from './rules';
import { shape } from './shaper';
import type { FontLibrary, LoadedFace, TextLayoutInput } from './types';

export const Orient = { Horizontal: 0, Upright: 1, Rotated: 2, AcrossColumn: 3 } as const;
export type Orient = (typeof Orient)[keyof typeof Orient];

/** One glyph relative to its unit's origin, in pt at scale 1. */
export interface UnitGlyph {
	id: number;
	x: number;
	y: number;
	advance: number;
	/** Multiplier of the unit's size (tate-chu-yoko numbers are set smaller to fit the column). */
	sizeFactor: number;
}

/**
 * A cluster: the smallest piece the line breaker moves, with its spacing to the next one.
 * A class so every unit has one hidden shape (the line breaker reads thousands per layout).
 */
export class Unit {
	/** Advance along the line (pt at scale 1). */
	adv = 0;
	/** Space added after this unit when the next one is on the same line (can be negative). */
	gap = 0;
	/** Blank that may be removed at line start / line end (full-width punctuation). */
	trimStart = 0;
	trimEnd = 0;
	/** Break level after this unit (see Brk). */
	brk: number = Brk.Emergency;
	/** Whether justification may widen the gap after this unit. */
	justifiable = false;
	glyphs: UnitGlyph[] = [];

	constructor(
		public start: number,
		public end: number,
		public text: string,
		public cls: Cls,
		public run: number,
		public face: LoadedFace | null,
		public size: number,
		public orient: Orient,
		/** Ascender and descender (descender negative) in pt at scale 1. */
		public asc: number,
		public desc: number
	) {}
}

export interface Prepared {
	text: string;
	units: Unit[];
	missing: string[];
	vertical: boolean;
}

const HANI = 0;
const LATN = 1;

interface Seg {
	start: number;
	end: number;
	run: number;
	face: LoadedFace;
	script: number;
	orient: Orient;
}

const emBoxes = new WeakMap<LoadedFace, [number, number]>();

/**
 * Ascender and descender that frame the glyphs: OS/2 typo metrics where present (in CJK fonts
 * they are the ideographic em box, 0.88/−0.12 em), else the face's hhea values.
 */
function emBox(face: LoadedFace): [number, number] {
	let box = emBoxes.get(face);
	if (!box) {
		const os2 = face.font?.tables?.os2;
		box =
			os2 && os2.sTypoAscender > 0
				? [os2.sTypoAscender, os2.sTypoDescender]
				: [face.ref.ascender, face.ref.descender];
		emBoxes.set(face, box);
	}
	return box;
}

const originShifts = new WeakMap<LoadedFace, number>();

/** How far (font units) HarfBuzz's vertical origin for an ideograph sits above the em box top. */
function verticalOriginShift(face: LoadedFace, emTop: number): number {
	let shift = originShifts.get(face);
	if (shift === undefined) {
		const probe = shape(face, '\u4e00', { direction: 'ttb', script: 'Hani', language: 'zh-Hans' });
		shift = probe.count === 1 && probe.glyphId[0] !== 0 ? -probe.yOffset[0] - emTop : 0;
		originShifts.set(face, shift);
	}
	return shift;
}

/** Code points nobody draws (controls, format characters, variation selectors): never "missing". */
const IGNORABLE = /^(?:\p{Cc}|\p{Cf}|\p{Zl}|\p{Zp}|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}])$/u;

function chainFor(fonts: FontLibrary, family: string, weight: number, italic: boolean): LoadedFace[] {
	const chain: LoadedFace[] = [];
	const primary = fonts.face(family, weight, italic);
	if (primary) chain.push(primary);
	for (const f of fonts.fallbacks(family, weight)) if (!chain.includes(f)) chain.push(f);
	return chain;
}

function firstCovering(chain: LoadedFace[], cp: number): LoadedFace | null {
	for (const f of chain) if (f.covers(cp)) return f;
	return null;
}

export function prepare(input: TextLayoutInput, fonts: FontLibrary): Prepared {
	const vertical = !!input.vertical;
	const text = input.runs.map((r) => r.text).join('');
	const n = text.length;
	const runOf = new Int32Array(n);
	let off = 0;
	input.runs.forEach((r, i) => {
		runOf.fill(i, off, off + r.text.length);
		off += r.text.length;
	});
	const chains = input.runs.map((r) => chainFor(fonts, r.family, r.weight, !!r.italic));

	// Per code point: class, script (weak characters take their context's), face.
	const cps: number[] = [];
	const idx: number[] = [];
	for (let i = 0; i < n; i++) {
		const cp = text.codePointAt(i)!;
		cps.push(cp);
		idx.push(i);
		if (cp > 0xffff) i++;
	}
	const m = cps.length;
	const cls = cps.map(classify);
	const strong = (k: number) =>
		cls[k] === Cls.Han ||
		(cls[k] === Cls.Punct && !isAmbiguous(cps[k])) ||
		cls[k] === Cls.Latin ||
		cls[k] === Cls.Digit;
	const scriptOf = (k: number) => (cls[k] === Cls.Han || cls[k] === Cls.Punct ? HANI : LATN);
	const script = new Int8Array(m).fill(-1);
	const faces: (LoadedFace | null)[] = new Array(m).fill(null);
	for (let k = 0; k < m; k++)
		if (strong(k)) {
			script[k] = scriptOf(k);
			faces[k] = firstCovering(chains[runOf[idx[k]]], cps[k]);
		}
	const missing = new Set<string>();
	for (let k = 0; k < m; k++) {
		if (cls[k] === Cls.Newline) continue;
		if (script[k] < 0) {
			// Weak: look for the nearest strong neighbour in the same run (forward first for opening marks).
			let ctx = -1;
			const back = () => {
				for (let j = k - 1; j >= 0 && ctx < 0; j--) if (strong(j)) ctx = j;
			};
			const fwd = () => {
				for (let j = k + 1; j < m && ctx < 0; j++) if (strong(j)) ctx = j;
			};
			if (looksForward(cps[k])) {
				fwd();
				back();
			} else {
				back();
				fwd();
			}
			script[k] = ctx >= 0 ? script[ctx] : isAmbiguous(cps[k]) ? HANI : LATN;
			if (isAmbiguous(cps[k]) && script[k] === LATN) cls[k] = Cls.Other;
			const ctxFace = ctx >= 0 && runOf[idx[ctx]] === runOf[idx[k]] ? faces[ctx] : null;
			faces[k] = ctxFace && ctxFace.covers(cps[k]) ? ctxFace : firstCovering(chains[runOf[idx[k]]], cps[k]);
		}
		if (!faces[k] && !IGNORABLE.test(String.fromCodePoint(cps[k]))) missing.add(String.fromCodePoint(cps[k]));
	}

	// Vertical orientation: Chinese upright, Western rotated, 1–3 digit numbers across the column.
	const orient = new Int8Array(m).fill(Orient.Horizontal);
	if (vertical) {
		for (let k = 0; k < m; k++) orient[k] = script[k] === HANI ? Orient.Upright : Orient.Rotated;
		for (let k = 0; k < m;) {
			if (cls[k] !== Cls.Digit) {
				k++;
				continue;
			}
			let e = k;
			while (e < m && cls[e] === Cls.Digit) e++;
			const westernBefore = k > 0 && (cls[k - 1] === Cls.Latin || cps[k - 1] === 0x2e || cps[k - 1] === 0x2c);
			const westernAfter =
				e < m && (cls[e] === Cls.Latin || ((cps[e] === 0x2e || cps[e] === 0x2c) && cls[e + 1] === Cls.Digit));
			if (e - k <= 3 && !westernBefore && !westernAfter)
				for (let j = k; j < e; j++) orient[j] = Orient.AcrossColumn;
			k = e;
		}
	}

	// Shaping segments: same run, face, script and orientation; each across-column number alone.
	const segs: Seg[] = [];
	for (let k = 0; k < m; k++) {
		const face = faces[k];
		if (!face) continue;
		const run = runOf[idx[k]];
		const last = segs[segs.length - 1];
		const end = k + 1 < m ? idx[k + 1] : n;
		if (
			last &&
			last.end === idx[k] &&
			last.face === face &&
			last.run === run &&
			last.script === script[k] &&
			last.orient === orient[k]
		)
			last.end = end;
		else segs.push({ start: idx[k], end, run, face, script: script[k], orient: orient[k] as Orient });
	}

	const resolved = new Array<Cls>(n);
	for (let j = 0; j < m; j++) resolved[idx[j]] = cls[j];
	const levels = breakLevels(text, input.strictness ?? 'basic', input.phraseBreaks !== false, resolved);
	const units: Unit[] = [];
	let k = 0;
	const pushMissingAndNewlines = (upTo: number) => {
		// Characters with no face (missing) or newlines between segments become empty units.
		while (k < m && idx[k] < upTo) {
			const r = input.runs[runOf[idx[k]]];
			const s = idx[k];
			const e = k + 1 < m ? idx[k + 1] : n;
			units.push(emptyUnit(s, e, text.slice(s, e), cls[k], runOf[s], r.size));
			k++;
		}
	};
	for (const seg of segs) {
		pushMissingAndNewlines(seg.start);
		shapeSegment(text, seg, input.runs[seg.run].size, cls, idx, units);
		while (k < m && idx[k] < seg.end) k++;
	}
	pushMissingAndNewlines(n);

	finishUnits(units, input, levels);
	return { text, units, missing: [...missing], vertical };
}

function emptyUnit(start: number, end: number, text: string, cls: Cls, run: number, size: number): Unit {
	return new Unit(start, end, text, cls, run, null, size, Orient.Horizontal, 0, 0);
}

function clsAt(text: string, start: number, cls: Cls[], idx: number[]): Cls {
	// idx is sorted; binary search the code point index of `start`.
	let lo = 0;
	let hi = idx.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (idx[mid] <= start) lo = mid;
		else hi = mid - 1;
	}
	return cls[lo];
}

function shapeSegment(text: string, seg: Seg, size: number, cls: Cls[], idx: number[], out: Unit[]): void {
	const face = seg.face;
	const upem = face.ref.unitsPerEm;
	const k = size / upem;
	const str = text.slice(seg.start, seg.end);
	const ttb = seg.orient === Orient.Upright;
	const shaped = shape(face, str, {
		direction: ttb ? 'ttb' : 'ltr',
		script: seg.script === HANI ? 'Hani' : 'Latn',
		language: seg.script === HANI ? 'zh-Hans' : 'en',
		features: ttb ? ['vert', 'vrt2'] : seg.script === HANI ? ['kern'] : ['kern', 'liga']
	});
	const [ascUnits, descUnits] = emBox(face);
	// Without a VORG table HarfBuzz puts the vertical origin at the hhea ascender, which in CJK
	// fonts lies above the ideographic em box; move glyphs up so the em box fills the slot.
	const vShift = ttb ? verticalOriginShift(face, ascUnits) : 0;
	const asc = (ascUnits / upem) * size;
	const desc = (descUnits / upem) * size;
	if (seg.orient === Orient.AcrossColumn) {
		// The whole number is one unit, one em long, its digits side by side across the column.
		let width = 0;
		for (let g = 0; g < shaped.count; g++) width += shaped.xAdvance[g] * k;
		const factor = Math.min(1, (size * 0.95) / width);
		const glyphs: UnitGlyph[] = [];
		let pen = -(width * factor) / 2;
		const baseline = size / 2 + ((asc + desc) / 2) * factor;
		for (let g = 0; g < shaped.count; g++) {
			const a = shaped.xAdvance[g] * k * factor;
			glyphs.push({
				id: shaped.glyphId[g],
				x: pen + shaped.xOffset[g] * k * factor,
				y: baseline - shaped.yOffset[g] * k * factor,
				advance: a,
				sizeFactor: factor
			});
			pen += a;
		}
		const unit = new Unit(seg.start, seg.end, str, Cls.Digit, seg.run, face, size, seg.orient, asc, desc);
		unit.glyphs = glyphs;
		unit.adv = size;
		out.push(unit);
		return;
	}
	let g = 0;
	while (g < shaped.count) {
		const c = shaped.cluster[g];
		let e = g + 1;
		while (e < shaped.count && shaped.cluster[e] === c) e++;
		const next = e < shaped.count ? shaped.cluster[e] : str.length;
		const start = seg.start + c;
		const end = seg.start + Math.max(next, c + 1);
		const glyphs: UnitGlyph[] = [];
		let pen = 0;
		for (let j = g; j < e; j++) {
			const a = ttb ? -shaped.yAdvance[j] * k : shaped.xAdvance[j] * k;
			const ox = shaped.xOffset[j] * k;
			const oy = shaped.yOffset[j] * k;
			if (seg.orient === Orient.Horizontal)
				glyphs.push({ id: shaped.glyphId[j], x: pen + ox, y: -oy, advance: a, sizeFactor: 1 });
			// Upright in a column: HarfBuzz's offsets move the vertical origin to the glyph origin.
			else if (ttb)
				glyphs.push({ id: shaped.glyphId[j], x: ox, y: pen - oy - vShift * k, advance: a, sizeFactor: 1 });
			// Rotated 90° clockwise about the glyph origin: the baseline runs down the column,
			// placed so the em box (ascender to descender) is centred on the column's centre line.
			else
				glyphs.push({
					id: shaped.glyphId[j],
					x: -(asc + desc) / 2 + oy,
					y: pen + ox,
					advance: a,
					sizeFactor: 1
				});
			pen += a;
		}
		const unitText = text.slice(start, end);
		const unitCls = clsAt(text, start, cls, idx);
		// A typed space upright in a column would be a whole empty cell: set it as a quarter em.
		if (ttb && unitCls === Cls.Space && glyphs.length) {
			pen = size / 4;
			glyphs[0].advance = pen;
			for (let j = 1; j < glyphs.length; j++) glyphs[j].advance = 0;
		}
		const unit = new Unit(start, end, unitText, unitCls, seg.run, face, size, seg.orient, asc, desc);
		unit.glyphs = glyphs;
		unit.adv = pen;
		if (unitCls === Cls.Punct && pen >= size * 0.9) {
			const trims = punctuationTrims(
				face,
				unitText,
				shaped.glyphId[g],
				ttb ? 'ttb' : 'ltr',
				ttb ? -shaped.yOffset[g] - vShift : 0
			);
			unit.trimStart = trims.start * pen;
			unit.trimEnd = trims.end * pen;
		}
		out.push(unit);
		g = e;
	}
}

/** Break levels, spacing and justification opportunities between neighbouring units. */
function finishUnits(units: Unit[], input: TextLayoutInput, levels: Int8Array): void {
	const letter = input.letterSpacing ?? 0;
	const hanLatin = input.hanLatinSpacing ?? 0.25;
	for (let i = 0; i < units.length; i++) {
		const u = units[i];
		const v = units[i + 1];
		u.brk = v ? levels[v.start] : Brk.Required;
		if (u.cls === Cls.Newline) u.brk = Brk.Required;
		if (!v || u.cls === Cls.Newline || v.cls === Cls.Newline) continue;
		let gap = letter * u.size;
		const hu = isHanSide(u.cls, u.text.codePointAt(0)!) || u.orient === Orient.AcrossColumn;
		const hv = isHanSide(v.cls, v.text.codePointAt(0)!) || v.orient === Orient.AcrossColumn;
		const lu = u.orient !== Orient.AcrossColumn && isLatinSide(u.cls, u.text.codePointAt(u.text.length - 1)!);
		const lv = v.orient !== Orient.AcrossColumn && isLatinSide(v.cls, v.text.codePointAt(0)!);
		if ((hu && lv) || (lu && hv)) gap += hanLatin * Math.max(u.size, v.size);
		// Adjacent full-width punctuation: the first loses its trailing blank, else the second its leading one.
		if (u.trimEnd > 0 && (v.trimStart > 0 || v.trimEnd > 0)) gap -= u.trimEnd;
		else if (v.trimStart > 0 && (u.trimStart > 0 || u.trimEnd > 0)) gap -= v.trimStart;
		u.gap = gap;
		const cjkU = u.cls === Cls.Han || u.cls === Cls.Punct;
		const cjkV = v.cls === Cls.Han || v.cls === Cls.Punct;
		// Spread between characters, but never inside a two-character mark (——, ……).
		const inseparable = u.text === v.text && INSEPARABLE_PAIRS.has(u.text.codePointAt(0)!);
		u.justifiable = !inseparable && (u.cls === Cls.Space || cjkU || cjkV);
	}
}
