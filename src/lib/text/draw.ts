// Draws a TextLayout on any canvas 2D context (browser canvas, a Konva scene function's native
// context, @napi-rs/canvas) from cached glyph outlines, so every painter shows the same glyphs.
// Glyphs are turned into paths in the layout's own units (pt), so the caller's transform scales them.
import type { FontLibrary, LoadedFace, PositionedGlyph, TextLayout } from './types';

/** One outline command in font units, y down, pen at (0, 0) (opentype.js getPath at size = unitsPerEm). */
export type OutlineCommand =
	| { type: 'M' | 'L'; x: number; y: number }
	| { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
	| { type: 'Q'; x1: number; y1: number; x: number; y: number }
	| { type: 'Z' };

export interface GlyphOutline {
	commands: readonly OutlineCommand[];
	unitsPerEm: number;
	/** Advance width in font units. */
	advanceWidth: number;
}

/** Where a glyph's outline is drawn: (x, y), unless the glyph is a compressed mark whose reported position moved (see PositionedGlyph.origin). */
export function glyphOrigin(g: PositionedGlyph): { x: number; y: number } {
	return g.origin ?? g;
}

/** The subset of CanvasRenderingContext2D drawTextLayout uses (browser and @napi-rs/canvas both have it). */
export interface DrawContext {
	fillStyle: unknown;
	strokeStyle: unknown;
	lineWidth: number;
	lineJoin: string;
	lineCap: string;
	miterLimit: number;
	shadowColor: string;
	shadowBlur: number;
	shadowOffsetX: number;
	shadowOffsetY: number;
	save(): void;
	restore(): void;
	translate(x: number, y: number): void;
	beginPath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void;
	quadraticCurveTo(x1: number, y1: number, x: number, y: number): void;
	closePath(): void;
	fill(): void;
	stroke(): void;
	setLineDash?(segments: number[]): void;
	getTransform?(): { a: number; b: number; c: number; d: number };
}

export interface DrawOptions {
	/** Drawn under the fill (paint-order: stroke, like design tools); width and dash in pt, centred on the outline. */
	stroke?: { color: string; width: number; dash?: number[] } | null;
	/** Cast by the whole text (stroke and fill); offsets and blur in pt, scaled with the context's transform. */
	shadow?: { color: string; blur: number; offsetX: number; offsetY: number } | null;
	/** Fill every glyph with this colour instead of its own. */
	color?: string;
}

/** Glyph contours are closed shapes, but opentype.js leaves CFF contours open: close each one (strokes need it). */
function closedContours(commands: readonly OutlineCommand[]): OutlineCommand[] {
	const out: OutlineCommand[] = [];
	let open = false;
	for (const c of commands) {
		if (c.type === 'M' && open) out.push({ type: 'Z' });
		out.push({ ...c });
		open = c.type !== 'Z';
	}
	if (open) out.push({ type: 'Z' });
	return out;
}

const outlines = new WeakMap<object, Map<number, GlyphOutline>>();

/** The outline of one glyph, built once per face and glyph id (also used by the PDF writer). */
export function glyphOutline(face: LoadedFace, glyphId: number): GlyphOutline {
	let perFace = outlines.get(face.font);
	if (!perFace) outlines.set(face.font, (perFace = new Map()));
	let outline = perFace.get(glyphId);
	if (!outline) {
		const upm: number = face.font.unitsPerEm;
		const glyph = face.font.glyphs.get(glyphId);
		const commands = closedContours(glyph.getPath(0, 0, upm).commands as OutlineCommand[]);
		outline = { commands, unitsPerEm: upm, advanceWidth: glyph.advanceWidth ?? upm };
		perFace.set(glyphId, outline);
	}
	return outline;
}

/** The path-building calls traceGlyph makes (a canvas context, or the PDF writer's path sink). */
export type PathSink = Pick<
	DrawContext,
	'moveTo' | 'lineTo' | 'bezierCurveTo' | 'quadraticCurveTo' | 'closePath'
>;

/**
 * Appends a glyph's outline to the current path: scaled to its size, rotated 90° clockwise about the
 * pen if asked, shifted right by `dx` (also used by the PDF writer's sharp text shadows).
 */
export function traceGlyph(ctx: PathSink, outline: GlyphOutline, g: PositionedGlyph, dx = 0) {
	const s = g.size / outline.unitsPerEm;
	const origin = glyphOrigin(g);
	const ox = origin.x + dx;
	const oy = origin.y;
	// Clockwise quarter turn in y-down space: (u, v) → (−v, u).
	const X = g.rotation === 90 ? (u: number, v: number) => ox - v * s : (u: number) => ox + u * s;
	const Y = g.rotation === 90 ? (u: number) => oy + u * s : (_u: number, v: number) => oy + v * s;
	for (const c of outline.commands) {
		switch (c.type) {
			case 'M':
				ctx.moveTo(X(c.x, c.y), Y(c.x, c.y));
				break;
			case 'L':
				ctx.lineTo(X(c.x, c.y), Y(c.x, c.y));
				break;
			case 'C':
				ctx.bezierCurveTo(
					X(c.x1, c.y1),
					Y(c.x1, c.y1),
					X(c.x2, c.y2),
					Y(c.x2, c.y2),
					X(c.x, c.y),
					Y(c.x, c.y)
				);
				break;
			case 'Q':
				ctx.quadraticCurveTo(X(c.x1, c.y1), Y(c.x1, c.y1), X(c.x, c.y), Y(c.x, c.y));
				break;
			case 'Z':
				ctx.closePath();
				break;
		}
	}
}

interface Drawable {
	glyph: PositionedGlyph;
	outline: GlyphOutline;
}

/** Glyphs that have an outline to draw; .notdef (id 0) and unknown faces are never drawn (no tofu boxes). */
function drawables(layout: TextLayout, fonts: FontLibrary): Drawable[] {
	const out: Drawable[] = [];
	for (const glyph of layout.glyphs) {
		if (glyph.glyphId === 0 || glyph.size <= 0) continue;
		const face = fonts.byKey(glyph.face);
		if (!face) continue;
		const outline = glyphOutline(face, glyph.glyphId);
		if (outline.commands.length > 0) out.push({ glyph, outline });
	}
	return out;
}

/** Strokes all glyphs, then fills them grouped by colour (stroke under fill across the whole text). */
function paint(ctx: DrawContext, items: Drawable[], options: DrawOptions, dx: number) {
	const stroke = options.stroke;
	if (stroke && stroke.width > 0) {
		ctx.strokeStyle = stroke.color;
		ctx.lineWidth = stroke.width;
		ctx.lineJoin = 'round';
		ctx.lineCap = 'round';
		ctx.miterLimit = 4;
		ctx.setLineDash?.(stroke.dash ?? []);
		ctx.beginPath();
		for (const it of items) traceGlyph(ctx, it.outline, it.glyph, dx);
		ctx.stroke();
		ctx.setLineDash?.([]);
	}
	let i = 0;
	while (i < items.length) {
		const color = options.color ?? items[i].glyph.color;
		ctx.fillStyle = color;
		ctx.beginPath();
		while (i < items.length && (options.color ?? items[i].glyph.color) === color) {
			traceGlyph(ctx, items[i].outline, items[i].glyph, dx);
			i++;
		}
		ctx.fill();
	}
}

/** The context's transform; a Konva.Context has none of its own, so ask the native context it wraps. */
function currentTransform(ctx: DrawContext): { a: number; b: number; c: number; d: number } {
	const native = (ctx as { _context?: DrawContext })._context;
	return ctx.getTransform?.() ?? native?.getTransform?.() ?? { a: 1, b: 0, c: 0, d: 1 };
}

/** Draws `layout` with its origin (the box's top-left) at the context's current origin. */
export function drawTextLayout(
	ctx: DrawContext,
	layout: TextLayout,
	fonts: FontLibrary,
	options: DrawOptions = {}
): void {
	const items = drawables(layout, fonts);
	if (items.length === 0) return;
	ctx.save();
	const shadow = options.shadow;
	if (shadow && (shadow.blur > 0 || shadow.offsetX !== 0 || shadow.offsetY !== 0)) {
		// Canvas shadow offsets and blur are in device pixels, whatever the transform: convert from pt.
		const t = currentTransform(ctx);
		const scale = Math.sqrt(Math.abs(t.a * t.d - t.b * t.c)) || 1;
		// Shadow-only pass: draw the text far away and offset the shadow back, so the text itself is
		// painted once (a second pass over it would darken antialiased edges).
		const away = 1e5 / scale;
		ctx.shadowColor = shadow.color;
		ctx.shadowBlur = shadow.blur * scale;
		ctx.shadowOffsetX = shadow.offsetX * scale - t.a * away;
		ctx.shadowOffsetY = shadow.offsetY * scale - t.b * away;
		paint(ctx, items, options, away);
		ctx.shadowColor = 'rgba(0,0,0,0)';
		ctx.shadowBlur = 0;
		ctx.shadowOffsetX = 0;
		ctx.shadowOffsetY = 0;
	}
	paint(ctx, items, options, 0);
	ctx.restore();
}
