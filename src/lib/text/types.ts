// The contract of the text engine: styled runs and a box in, positioned glyphs out.
// Pure: fonts come in already parsed (opentype.js Font + a harfbuzz shaper), never loaded here.

/** A styled run of text, sizes in pt. Same shape as the document's TextRun. */
export interface StyledRun {
	text: string;
	family: string;
	weight: number;
	italic?: boolean;
	size: number;
	color: string;
}

export interface TextLayoutInput {
	runs: readonly StyledRun[];
	/** Box size in pt. Horizontal text wraps at `width`; vertical text wraps columns at `height`. */
	width: number;
	height?: number;
	align?: 'start' | 'center' | 'end' | 'justify';
	verticalAlign?: 'top' | 'middle' | 'bottom';
	vertical?: boolean;
	/** em, added after every character. */
	letterSpacing?: number;
	/** Multiple of the font size. */
	lineHeight?: number;
	/** Space between Han and Latin letters or digits, in em (clreq: a quarter em). 0 disables. */
	hanLatinSpacing?: number;
	/** clreq line-breaking prohibition strictness. */
	strictness?: 'loose' | 'basic' | 'strict';
	/** Prefer BudouX phrase boundaries inside Han runs (default true; false breaks between any two characters). */
	phraseBreaks?: boolean;
	fit?: { mode: 'none' | 'shrink' | 'grow'; minSize?: number; maxSize?: number };
}

/** A font face the engine may use; `key` identifies it across painters ("Noto Sans SC/900/normal"). */
export interface FaceRef {
	key: string;
	family: string;
	weight: number;
	style: 'normal' | 'italic';
	unitsPerEm: number;
	ascender: number;
	descender: number;
}

export interface PositionedGlyph {
	/** FaceRef.key of the face that draws it. */
	face: string;
	glyphId: number;
	/** The source character(s) this glyph draws (a cluster). */
	char: string;
	/** Index of the cluster's first character in the concatenated run text. */
	index: number;
	run: number;
	line: number;
	/**
	 * Glyph origin in pt from the box's top-left: the pen position on the baseline in horizontal
	 * text; in vertical text x is the outline's origin across the column and y its baseline.
	 * A full-width opening mark compressed at line start starts at the line's start (its blank half
	 * is cut off); `origin` then says where its outline is drawn.
	 */
	x: number;
	y: number;
	/**
	 * Advance along the line in pt, after spacing adjustments: a mark compressed at line end
	 * (，。」 set at half width) reports the compressed width, so [x, x + advance] stays in the line.
	 */
	advance: number;
	/**
	 * Where painters draw the outline when it is not (x, y): only for a mark compressed at line
	 * start, or at a column's end in vertical text (whose baseline would lie past its cell, so y
	 * reports the cell's end). Painters use glyphOrigin(g) from draw.ts.
	 */
	origin?: { x: number; y: number };
	/**
	 * The glyph's cell in pt from the box's top-left: along the line its (compressed) advance,
	 * across it the font's em box (ascender to descender; the column's em in vertical text).
	 * Never outside the line (column) box; the cells of one text never overlap. Always set by
	 * layoutText (optional only so hand-made glyph lists in tests and fixtures stay valid).
	 */
	box?: { x: number; y: number; width: number; height: number };
	/** Font size in pt actually used for this glyph (after fitting). */
	size: number;
	/** 90: the glyph is rotated clockwise (Latin in vertical text); 0 otherwise. */
	rotation: 0 | 90;
	color: string;
}

export interface LineBox {
	text: string;
	/** Line (or column, in vertical text) box in pt from the box's top-left. */
	x: number;
	y: number;
	width: number;
	height: number;
	/** Baseline offset from the line's top (horizontal) or the column's centre line (vertical). */
	baseline: number;
}

export interface TextLayout {
	/** Font size actually used, in pt, of the first run (fitting scales all runs together). */
	size: number;
	/** The scale applied to every run's size by fitting (1 when not fitted). */
	scale: number;
	lines: LineBox[];
	glyphs: PositionedGlyph[];
	/** Characters no font in the chain covers; they are not drawn. */
	missing: string[];
	/** True when the text does not fit the box even at the minimum size. */
	overflow: boolean;
	/** Extent of the laid-out text in pt. */
	width: number;
	height: number;
	faces: FaceRef[];
}

/**
 * One font face, loaded. `font` is an opentype.js Font (parsed with lowMemory: true); `bytes` are
 * the file's bytes, for harfbuzz shaping and for PDF embedding.
 */
export interface LoadedFace {
	ref: FaceRef;
	file: string;
	bytes: Uint8Array;
	// opentype.js Font; typed loosely so this contract does not depend on opentype's typings.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	font: any;
	/** True when the face has a glyph for this code point. */
	covers(codePoint: number): boolean;
}

/**
 * The fonts a layout may use, already loaded (layout is synchronous and pure).
 * Built by src/lib/text/fonts (shared by server and browser, bytes fetched by an injected loader).
 */
export interface FontLibrary {
	/** The closest loaded face of a family (nearest weight, then style), or undefined if the family is unknown or not loaded. */
	face(family: string, weight: number, italic?: boolean): LoadedFace | undefined;
	/** Faces tried, in order, for characters the requested family lacks (Latin family, CJK family, CJK sans). */
	fallbacks(family: string, weight: number): readonly LoadedFace[];
	/** Face by FaceRef.key (painters use it to find glyph outlines). */
	byKey(key: string): LoadedFace | undefined;
}
