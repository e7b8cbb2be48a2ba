// The part of opentype.js 2 (which ships no typings) that Haibao uses.
declare module 'opentype.js' {
	export interface PathCommand {
		type: 'M' | 'L' | 'C' | 'Q' | 'Z';
		x?: number;
		y?: number;
		x1?: number;
		y1?: number;
		x2?: number;
		y2?: number;
	}
	export interface Path {
		commands: PathCommand[];
	}
	export interface Glyph {
		index: number;
		name?: string;
		unicode?: number;
		advanceWidth?: number;
		getPath(x: number, y: number, fontSize: number): Path;
		getBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
	}
	export interface Font {
		unitsPerEm: number;
		ascender: number;
		descender: number;
		numGlyphs: number;
		glyphs: { get(index: number): Glyph; length: number };
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		tables: Record<string, any>;
		charToGlyphIndex(s: string): number;
		hasChar(c: string): boolean;
	}
	export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font;
	const opentype: { parse: typeof parse };
	export default opentype;
}
