// Text in the PDF: the text engine's glyphs, by glyph id, at its exact pen positions, in subset
// fonts embedded by pdfkit (upstream fontkit subsetter), with a ToUnicode map so the text can be
// selected and searched. Runs of glyphs on one baseline share a TJ; gaps become TJ adjustments.
import type PDFDocument from 'pdfkit';
import type { FontLibrary, PositionedGlyph } from '../../text/types';

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of pdfkit's EmbeddedFont we drive directly (it has no public glyph-id API). */
interface EmbeddedFont {
	id: string;
	// fontkit Font
	font: { getGlyph(id: number): { advanceWidth: number }; unitsPerEm: number };
	subset: { includeGlyph(id: number): number };
	unicode: number[][];
	widths: number[];
	scale: number;
	ref(): unknown;
}

/** Glyph ids of the engine → glyph codes of each face's subset. */
export class PdfFonts {
	private embedded = new Map<string, EmbeddedFont>();
	constructor(
		private doc: Doc,
		private fonts: FontLibrary
	) {}

	font(faceKey: string): EmbeddedFont {
		let font = this.embedded.get(faceKey);
		if (!font) {
			const face = this.fonts.byKey(faceKey);
			if (!face) throw new Error(`font face "${faceKey}" is not loaded`);
			// doc.font(bytes) builds pdfkit's EmbeddedFont (fontkit + subset) and finalizes it at doc.end().
			this.doc.font(Buffer.from(face.bytes.buffer, face.bytes.byteOffset, face.bytes.byteLength));
			font = (this.doc as unknown as { _font: EmbeddedFont })._font;
			this.embedded.set(faceKey, font);
		}
		// Every page that shows the font lists it in its resources.
		const pageFonts = this.doc.page.fonts as Record<string, unknown>;
		if (pageFonts[font.id] == null) pageFonts[font.id] = font.ref();
		return font;
	}

	/** The 4-hex-digit code of a glyph in the subset, and its advance in 1/1000 em. */
	code(font: EmbeddedFont, glyphId: number, char: string): { hex: string; width: number } {
		const gid = font.subset.includeGlyph(glyphId);
		if (font.widths[gid] == null) font.widths[gid] = font.font.getGlyph(glyphId).advanceWidth * font.scale;
		if (font.unicode[gid] == null) font.unicode[gid] = Array.from(char, (c) => c.codePointAt(0)!);
		return { hex: gid.toString(16).padStart(4, '0'), width: font.widths[gid] };
	}
}

const n = (v: number) => {
	const r = Math.round(v * 1000) / 1000;
	return Object.is(r, -0) ? '0' : String(r);
};

/** Consecutive glyphs that one TJ can show: same face, size, colour, rotation and baseline. */
function segments(glyphs: readonly PositionedGlyph[]): PositionedGlyph[][] {
	const out: PositionedGlyph[][] = [];
	let current: PositionedGlyph[] = [];
	for (const g of glyphs) {
		const prev = current[current.length - 1];
		const sameLine =
			prev &&
			prev.face === g.face &&
			prev.size === g.size &&
			prev.color === g.color &&
			prev.rotation === g.rotation &&
			prev.line === g.line &&
			(g.rotation === 0
				? Math.abs(prev.y - g.y) < 1e-6 && g.x >= prev.x
				: Math.abs(prev.x - g.x) < 1e-6 && g.y >= prev.y);
		if (!sameLine && current.length) {
			out.push(current);
			current = [];
		}
		current.push(g);
	}
	if (current.length) out.push(current);
	return out;
}

export interface TextPaint {
	/** Sets the fill (and stroke) colour of one colour string before a segment is shown. */
	setColor(color: string): void;
	/** 0 fill, 1 stroke (the outline pass under the fill), as the PDF Tr operator. */
	renderMode: 0 | 1;
}

/**
 * Shows glyphs in the current coordinate system (y down, box top-left at the origin): pen
 * positions are the engine's; a glyph with rotation 90 is turned clockwise about its pen position.
 */
export function showGlyphs(
	doc: Doc,
	fonts: PdfFonts,
	glyphs: readonly PositionedGlyph[],
	paint: TextPaint
): void {
	let color: string | null = null;
	// Outlines are shown where they are drawn (a compressed mark at a line edge has its own origin).
	const drawn = glyphs.map((g) => (g.origin ? { ...g, x: g.origin.x, y: g.origin.y } : g));
	for (const seg of segments(drawn)) {
		const first = seg[0];
		const font = fonts.font(first.face);
		if (first.color !== color) {
			paint.setColor(first.color);
			color = first.color;
		}
		const size = first.size;
		// Text space is y-up; our user space is y-down: flip, and turn for rotated glyphs.
		const tm = first.rotation === 90 ? [0, 1, 1, 0, first.x, first.y] : [1, 0, 0, -1, first.x, first.y];
		const parts: string[] = [];
		let pen = 0;
		for (const g of seg) {
			const along = first.rotation === 90 ? g.y - first.y : g.x - first.x;
			const { hex, width } = fonts.code(font, g.glyphId, g.char);
			const adjust = ((pen - along) * 1000) / size;
			if (Math.abs(adjust) > 0.0005) parts.push(n(adjust));
			parts.push(`<${hex}>`);
			pen = along + (width * size) / 1000;
		}
		doc.addContent(
			`BT ${paint.renderMode} Tr /${font.id} ${n(size)} Tf ${tm.map(n).join(' ')} Tm [${parts.join(' ')}] TJ ET`
		);
	}
}
