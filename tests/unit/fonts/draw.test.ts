// drawTextLayout on @napi-rs/canvas with the real fonts: ink must land inside each glyph's box
// (and nowhere else), rotated Latin turns clockwise, colours, stroke under fill and shadows.
import { describe, expect, it, beforeAll } from 'vitest';
import path from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { getServerFonts } from '../../../src/lib/server/fonts';
import { drawTextLayout, glyphOutline, type DrawContext } from '../../../src/lib/text/draw';
import type { LoadedFace, PositionedGlyph, TextLayout } from '../../../src/lib/text/types';

const fonts = getServerFonts(path.resolve('fonts'));
let sans: LoadedFace;
let black: LoadedFace;
let inter: LoadedFace;

beforeAll(async () => {
	await fonts.ensure([
		{ family: 'Noto Sans SC', weight: 400 },
		{ family: 'Noto Sans SC', weight: 900 },
		{ family: 'Inter', weight: 400 }
	]);
	sans = fonts.face('Noto Sans SC', 400)!;
	black = fonts.face('Noto Sans SC', 900)!;
	inter = fonts.face('Inter', 400)!;
});

/** A layout of single characters placed by hand (pen positions in pt), with real glyph ids and advances. */
function layoutOf(items: { face: LoadedFace; char: string; x: number; y: number; size: number; rotation?: 0 | 90; color?: string }[]): TextLayout {
	const glyphs: PositionedGlyph[] = items.map((it, i) => {
		const glyphId = it.face.font.charToGlyphIndex(it.char);
		expect(glyphId).toBeGreaterThan(0);
		const advance = (it.face.font.glyphs.get(glyphId).advanceWidth * it.size) / it.face.ref.unitsPerEm;
		return { face: it.face.ref.key, glyphId, char: it.char, index: i, run: 0, line: 0, x: it.x, y: it.y, advance, size: it.size, rotation: it.rotation ?? 0, color: it.color ?? '#000000' };
	});
	return { size: items[0].size, scale: 1, lines: [], glyphs, missing: [], overflow: false, width: 0, height: 0, faces: [] };
}

/** The glyph's ink box in pt, from its outline's bounding box (font units, y up). */
function inkBox(face: LoadedFace, g: PositionedGlyph) {
	const bb = face.font.glyphs.get(g.glyphId).getBoundingBox();
	const s = g.size / face.ref.unitsPerEm;
	if (g.rotation === 90) return { x1: g.x + bb.y1 * s, x2: g.x + bb.y2 * s, y1: g.y + bb.x1 * s, y2: g.y + bb.x2 * s };
	return { x1: g.x + bb.x1 * s, x2: g.x + bb.x2 * s, y1: g.y - bb.y2 * s, y2: g.y - bb.y1 * s };
}

function canvas(w: number, h: number) {
	const c = createCanvas(w, h);
	const ctx = c.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, w, h);
	return { ctx, px: (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data), data: () => ctx.getImageData(0, 0, w, h) };
}

const asDraw = (ctx: SKRSContext2D) => ctx as unknown as DrawContext;

/** Inked (non-white) pixels counted inside and outside a set of boxes (px), with a margin for antialiasing. */
function inkStats(img: { width: number; height: number; data: Uint8ClampedArray<ArrayBufferLike> }, boxes: { x1: number; y1: number; x2: number; y2: number }[], margin = 1.5) {
	let inside = 0;
	let outside = 0;
	const perBox = boxes.map(() => 0);
	for (let y = 0; y < img.height; y++) {
		for (let x = 0; x < img.width; x++) {
			const o = (y * img.width + x) * 4;
			if (img.data[o] > 200 && img.data[o + 1] > 200 && img.data[o + 2] > 200) continue;
			const cx = x + 0.5;
			const cy = y + 0.5;
			const hit = boxes.findIndex((b) => cx >= b.x1 - margin && cx <= b.x2 + margin && cy >= b.y1 - margin && cy <= b.y2 + margin);
			if (hit >= 0) {
				inside++;
				perBox[hit]++;
			} else outside++;
		}
	}
	return { inside, outside, perBox };
}

describe('drawTextLayout', () => {
	it('puts ink inside every glyph box and nowhere else (Han and Latin faces)', () => {
		const layout = layoutOf([
			{ face: sans, char: '海', x: 10, y: 60, size: 48 },
			{ face: sans, char: '报', x: 60, y: 60, size: 48 },
			{ face: inter, char: 'A', x: 120, y: 60, size: 48 },
			{ face: inter, char: 'g', x: 160, y: 60, size: 48 }
		]);
		const { ctx, data } = canvas(220, 90);
		drawTextLayout(asDraw(ctx), layout, fonts);
		const boxes = layout.glyphs.map((g) => inkBox(g.face === inter.ref.key ? inter : sans, g));
		const stats = inkStats(data(), boxes);
		expect(stats.outside).toBe(0);
		for (const n of stats.perBox) expect(n).toBeGreaterThan(60);
		// 'g' has a descender: ink below the baseline.
		expect(boxes[3].y2).toBeGreaterThan(62);
	});

	it('rotates a glyph 90° clockwise about its pen position', () => {
		const g = { face: inter, char: 'L', x: 50, y: 10, size: 60, rotation: 90 as const };
		const layout = layoutOf([g]);
		const { ctx, data } = canvas(120, 120);
		drawTextLayout(asDraw(ctx), layout, fonts);
		const box = inkBox(inter, layout.glyphs[0]);
		// Upright 'L' is taller than wide; turned clockwise it is wider than tall, top pointing right (x > pen).
		expect(box.x2 - box.x1).toBeGreaterThan(box.y2 - box.y1);
		expect(box.x1).toBeGreaterThanOrEqual(g.x - 1);
		const stats = inkStats(data(), [box]);
		expect(stats.outside).toBe(0);
		expect(stats.inside).toBeGreaterThan(200);
		// The foot of the 'L' (its bottom bar) lies at the baseline side: left edge of the rotated box,
		// running downward from the pen; the ink at the far end of the stem is only near the top (x1 side).
		const img = data();
		const inkAt = (x: number, y: number) => img.data[(Math.floor(y) * img.width + Math.floor(x)) * 4] < 128;
		let footInk = 0;
		for (let y = Math.ceil(box.y1); y < box.y2; y++) if (inkAt(box.x1 + 2, y)) footInk++;
		expect(footInk).toBeGreaterThan((box.y2 - box.y1) * 0.6);
	});

	it('colours each glyph with its own colour, or the override', () => {
		const layout = layoutOf([
			{ face: black, char: '一', x: 10, y: 50, size: 40, color: '#ff0000' },
			{ face: black, char: '一', x: 60, y: 50, size: 40, color: '#0000ff' }
		]);
		const bar = (g: PositionedGlyph) => {
			const b = inkBox(black, g);
			return [Math.round((b.x1 + b.x2) / 2), Math.round((b.y1 + b.y2) / 2)] as const;
		};
		const a = canvas(110, 70);
		drawTextLayout(asDraw(a.ctx), layout, fonts);
		expect(a.px(...bar(layout.glyphs[0])).slice(0, 3)).toEqual([255, 0, 0]);
		expect(a.px(...bar(layout.glyphs[1])).slice(0, 3)).toEqual([0, 0, 255]);
		const b = canvas(110, 70);
		drawTextLayout(asDraw(b.ctx), layout, fonts, { color: '#00ff00' });
		expect(b.px(...bar(layout.glyphs[1])).slice(0, 3)).toEqual([0, 255, 0]);
	});

	it('draws the stroke under the fill', () => {
		const layout = layoutOf([{ face: black, char: '一', x: 10, y: 60, size: 60, color: '#ffffff' }]);
		const { ctx, px } = canvas(90, 90);
		ctx.fillStyle = '#808080';
		ctx.fillRect(0, 0, 90, 90);
		drawTextLayout(asDraw(ctx), layout, fonts, { stroke: { color: '#000000', width: 8 } });
		const box = inkBox(black, layout.glyphs[0]);
		const cx = Math.round((box.x1 + box.x2) / 2);
		const cy = Math.round((box.y1 + box.y2) / 2);
		expect(px(cx, cy).slice(0, 3)).toEqual([255, 255, 255]); // the fill covers the stroke's inner half
		expect(px(cx, Math.floor(box.y1) - 2).slice(0, 3)).toEqual([0, 0, 0]); // the outer half shows
		expect(px(cx, Math.floor(box.y1) - 8).slice(0, 3)).toEqual([128, 128, 128]); // and no further
	});

	it('casts a shadow offset in pt, scaled with the transform, without repainting the text', () => {
		const layout = layoutOf([{ face: black, char: '一', x: 5, y: 30, size: 30, color: '#ff0000' }]);
		const { ctx, px } = canvas(200, 100);
		ctx.scale(2, 2);
		drawTextLayout(asDraw(ctx), layout, fonts, { shadow: { color: '#0000ff', blur: 0, offsetX: 0, offsetY: 10 } });
		const box = inkBox(black, layout.glyphs[0]);
		const cx = Math.round(box.x1 + box.x2); // centre in device px (scale 2)
		const cy = Math.round(box.y1 + box.y2);
		expect(px(cx, cy).slice(0, 3)).toEqual([255, 0, 0]);
		expect(px(cx, cy + 20).slice(0, 3)).toEqual([0, 0, 255]); // 10 pt × 2 = 20 px below
		expect(px(cx, cy - 20).slice(0, 3)).toEqual([255, 255, 255]);
		// Nothing was drawn at the far-away shadow-pass position's neighbourhood either.
		expect(px(cx + 60, cy).slice(0, 3)).toEqual([255, 255, 255]);
	});

	it('never draws .notdef or glyphs of unknown faces, and caches outlines', () => {
		const layout = layoutOf([{ face: sans, char: '海', x: 10, y: 40, size: 30 }]);
		layout.glyphs.push({ ...layout.glyphs[0], glyphId: 0, x: 50 }, { ...layout.glyphs[0], face: 'Nope/400/normal', x: 90 });
		const { ctx, data } = canvas(130, 50);
		drawTextLayout(asDraw(ctx), layout, fonts);
		const stats = inkStats(data(), [inkBox(sans, layout.glyphs[0])]);
		expect(stats.outside).toBe(0);
		expect(stats.inside).toBeGreaterThan(50);
		const id = layout.glyphs[0].glyphId;
		expect(glyphOutline(sans, id)).toBe(glyphOutline(sans, id));
		expect(glyphOutline(sans, id).commands.length).toBeGreaterThan(10);
	});
});
