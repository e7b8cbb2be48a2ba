import { describe, expect, it } from 'vitest';
import { carryUserWork } from '../../../src/lib/editor/resize';
import { PosterDocument, type Layer } from '../../../src/lib/document/schema';
import { makeDoc, rect, text } from './fixtures';

// A template on a 600×800 page (original), the same template on a 1000×500 banner (fresh).
const tpl = (w: number, h: number, layers: unknown[]) =>
	PosterDocument.parse({ ...makeDoc(layers), page: { preset: `p${w}`, width: w, height: h } });
const headline = (x: number, y: number, w: number, h: number) => ({
	...(text('headline', '双十一狂欢节') as object),
	x,
	y,
	width: w,
	height: h,
	field: 'headline'
});
const original = tpl(600, 800, [
	rect('bg', 0, 0, 600, 800),
	headline(50, 100, 500, 120),
	rect('badge', 400, 600, 100, 100)
]);
const fresh = tpl(1000, 500, [
	rect('bg', 0, 0, 1000, 500),
	headline(50, 50, 600, 150),
	rect('badge', 800, 300, 120, 120)
]);
const byId = (d: PosterDocument) =>
	Object.fromEntries(d.layers.map((l) => [l.id, l])) as Record<string, Layer>;
const overlap = (a: Layer, b: Layer) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('resize keeps the user’s own changes', () => {
	it('template layers the user left alone follow the new layout; restyles are carried', () => {
		const old = {
			...original,
			layers: original.layers.map((l) =>
				l.id === 'badge' && l.type === 'shape'
					? { ...l, fill: { type: 'solid' as const, color: '#00FF00' } }
					: l
			)
		};
		const out = byId(carryUserWork(old, fresh, original));
		expect(out.headline).toMatchObject({ x: 50, y: 50, width: 600 });
		expect(out.badge).toMatchObject({ x: 800, y: 300, fill: { color: '#00FF00' } });
	});

	it('a moved or rotated template layer keeps its place relative to the page', () => {
		const old = {
			...original,
			layers: original.layers.map((l) => (l.id === 'badge' ? { ...l, x: 60, y: 650, rotation: 15 } : l))
		};
		const out = byId(carryUserWork(old, fresh, original));
		// centre (110, 700) of 600×800 → (183.3, 437.5) of 1000×500; size × min(1000/600, 500/800)
		expect(out.badge.rotation).toBe(15);
		expect(out.badge.width).toBeCloseTo(62.5, 6);
		expect(out.badge.x + out.badge.width / 2).toBeCloseTo(183.33, 1);
		expect(out.badge.y + out.badge.height / 2).toBeCloseTo(437.5, 6);
	});

	it('an added layer that would land on a text block is moved to the nearest free spot', () => {
		// Over the headline on the old page (centre 300, 160) → (500, 100): on the new headline box.
		const old = { ...original, layers: [...original.layers, rect('sticker', 250, 130, 100, 60) as Layer] };
		const out = carryUserWork(old, fresh, original);
		const o = byId(out);
		expect(out.layers.at(-1)!.id).toBe('sticker');
		expect(overlap(o.sticker, o.headline)).toBe(false);
		expect(o.sticker.x).toBeGreaterThanOrEqual(0);
		expect(o.sticker.y + o.sticker.height).toBeLessThanOrEqual(500);
		// Nearest: just right of the headline's box (x ≈ 650), not somewhere far.
		expect(Math.hypot(o.sticker.x - 500 + 31.25, o.sticker.y - 100 + 18.75)).toBeLessThan(200);
	});

	it('a layer too large to fit beside the text goes beneath it; deletions stay deleted', () => {
		const old = {
			...original,
			layers: [...original.layers.filter((l) => l.id !== 'badge'), rect('photo', 0, 0, 600, 700) as Layer]
		};
		const out = carryUserWork(old, fresh, original);
		const ids = out.layers.map((l) => l.id);
		expect(ids).not.toContain('badge');
		expect(ids.indexOf('photo')).toBeLessThan(ids.indexOf('headline'));
	});

	it('a template layer only the new format has is kept at its depth', () => {
		const wide = tpl(1000, 500, [...fresh.layers, rect('strip', 0, 450, 1000, 50)]);
		const out = carryUserWork(original, wide, original);
		expect(out.layers.map((l) => l.id)).toEqual(['bg', 'headline', 'badge', 'strip']);
	});
});
