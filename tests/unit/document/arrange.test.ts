import { describe, expect, it } from 'vitest';
import { mmToPt } from '../../../src/lib/geometry';
import {
	alignLayers,
	changePageSize,
	distributeLayers,
	findLayer,
	getLayer,
	pageBounds,
	safeBox,
	scaleLayer
} from '../../../src/lib/document/operations';
import type { PosterDocument, ShapeLayer, TextLayer } from '../../../src/lib/document/schema';
import { group, makeDoc, rect, text } from './fixtures';

const box = (doc: PosterDocument, id: string) => {
	const b = pageBounds(findLayer(doc, id)!);
	return [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 1000) / 1000);
};

describe('align', () => {
	const doc = makeDoc([rect('a', 10, 10, 50, 50), rect('b', 100, 40, 100, 20), rect('c', 300, 200, 20, 80)], {
		safeMm: 10,
		hiddenBottomMm: 20
	});

	it('aligns to the selection bounds', () => {
		const left = alignLayers(doc, ['a', 'b', 'c'], 'left');
		expect(['a', 'b', 'c'].map((id) => box(left, id)[0])).toEqual([10, 10, 10]);
		const right = alignLayers(doc, ['a', 'b', 'c'], 'right');
		expect(['a', 'b', 'c'].map((id) => box(right, id)[0] + box(right, id)[2])).toEqual([320, 320, 320]);
		const centre = alignLayers(doc, ['a', 'b'], 'center');
		expect(box(centre, 'a')[0] + 25).toBe(box(centre, 'b')[0] + 50);
		const middle = alignLayers(doc, ['a', 'c'], 'middle');
		expect(box(middle, 'a')[1] + 25).toBe(box(middle, 'c')[1] + 40);
		const bottom = alignLayers(doc, ['a', 'b', 'c'], 'bottom');
		expect(['a', 'b', 'c'].map((id) => box(bottom, id)[1] + box(bottom, id)[3])).toEqual([280, 280, 280]);
		expect(alignLayers(doc, ['a'], 'left')).toBe(doc); // one layer aligns to itself
	});

	it('aligns to the page and to the safe area (minus a roll-up foot)', () => {
		const centred = alignLayers(doc, ['b'], 'center', 'page');
		expect(box(centred, 'b')[0]).toBe(250);
		const safe = safeBox(doc.page);
		expect(safe.x).toBeCloseTo(mmToPt(10));
		expect(safe.y + safe.height).toBeCloseTo(800 - mmToPt(10) - mmToPt(20));
		const bottom = alignLayers(doc, ['c'], 'bottom', 'safe');
		expect(box(bottom, 'c')[1] + 80).toBeCloseTo(safe.y + safe.height, 3);
		const top = alignLayers(doc, ['a', 'c'], 'top', 'safe');
		expect([box(top, 'a')[1], box(top, 'c')[1]]).toEqual([+safe.y.toFixed(3), +safe.y.toFixed(3)]);
	});

	it('uses the visible (rotated) bounds', () => {
		const rotated = makeDoc([rect('r', 100, 100, 100, 20, { rotation: 90 })]);
		const left = alignLayers(rotated, ['r'], 'left', 'page');
		expect(box(left, 'r')[0]).toBeCloseTo(0);
		expect(getLayer(left, 'r').x).toBeCloseTo(-40);
	});
});

describe('distribute', () => {
	it('makes equal gaps, keeping the outer layers in place, whatever the selection order', () => {
		const doc = makeDoc([
			rect('c', 500, 0, 100, 10),
			rect('a', 0, 0, 100, 10),
			rect('b', 130, 50, 50, 10),
			rect('d', 200, 0, 30, 10)
		]);
		const out = distributeLayers(doc, ['d', 'c', 'b', 'a'], 'horizontal');
		const xs = ['a', 'b', 'd', 'c'].map((id) => box(out, id));
		const gaps = xs.slice(1).map((b, i) => b[0] - (xs[i][0] + xs[i][2]));
		// span 600, widths 280: three gaps of 320 / 3.
		gaps.forEach((g) => expect(g).toBeCloseTo(320 / 3, 2));
		expect(xs[0][0]).toBe(0);
		expect(xs[3][0]).toBe(500);
		expect(box(out, 'b')[1]).toBe(50); // the other axis untouched
		expect(distributeLayers(doc, ['a', 'b'], 'vertical')).toBe(doc);
	});

	it('distributes vertically inside groups by page bounds', () => {
		const doc = makeDoc([
			group('g', 100, 100, 100, 300, [
				rect('x', 0, 0, 10, 10),
				rect('y', 0, 30, 10, 10),
				rect('z', 0, 290, 10, 10)
			])
		]);
		const out = distributeLayers(doc, ['x', 'y', 'z'], 'vertical');
		expect(['x', 'y', 'z'].map((id) => box(out, id)[1])).toEqual([100, 245, 390]); // span 300, heights 30: gaps of 135
	});
});

describe('page size', () => {
	const doc = makeDoc([
		rect('bg', -9, -9, 618, 818),
		text('title', 100, 100, 400, 100, {
			stroke: { color: '#000000', width: 2 },
			fit: { mode: 'shrink', minSize: 10, maxSize: 100 }
		})
	]);

	it('scale: uniform fit, centred; sizes of strokes and fonts follow', () => {
		const out = changePageSize(doc, { width: 1200, height: 800, mode: 'scale', preset: 'wide' });
		expect(out.page).toMatchObject({ width: 1200, height: 800, preset: 'wide' });
		const t = getLayer(out, 'title') as TextLayer;
		// s = min(2, 1) = 1; content centred horizontally: +300.
		expect([t.x, t.y, t.width, t.runs[0].size]).toEqual([400, 100, 400, 24]);
		const bigger = getLayer(
			changePageSize(doc, { width: 1200, height: 1600, mode: 'scale' }),
			'title'
		) as TextLayer;
		expect([
			bigger.x,
			bigger.y,
			bigger.width,
			bigger.runs[0].size,
			bigger.stroke?.width,
			bigger.fit.maxSize
		]).toEqual([200, 200, 800, 48, 4, 200]);
	});

	it('background layers keep covering the page and its bleed', () => {
		const out = changePageSize(doc, { width: 1200, height: 400, mode: 'proportional' });
		expect(getLayer(out, 'bg')).toMatchObject({ x: -9, y: -9, width: 1218, height: 418 });
	});

	it('proportional: centres keep their relative place, sizes scale by the smaller ratio', () => {
		const out = changePageSize(doc, { width: 1200, height: 400, mode: 'proportional' });
		const t = getLayer(out, 'title') as TextLayer;
		expect([t.x + t.width / 2, t.y + t.height / 2]).toEqual([600, 75]);
		expect([t.width, t.height, t.runs[0].size]).toEqual([200, 50, 12]);
	});

	it('anchor: nothing scales, content keeps its offset from the anchor', () => {
		const out = changePageSize(doc, { width: 800, height: 1000, mode: 'anchor', anchor: 'bottom-right' });
		expect(getLayer(out, 'title')).toMatchObject({ x: 300, y: 300, width: 400 });
		const centred = changePageSize(doc, { width: 800, height: 1000, mode: 'anchor' });
		expect(getLayer(centred, 'title')).toMatchObject({ x: 200, y: 200 });
		expect(() => changePageSize(doc, { width: 0, height: 10, mode: 'anchor' })).toThrow(/positive/);
	});

	it('scaleLayer gives paths without a viewBox their old box so they scale with it', () => {
		const path = makeDoc([rect('p', 0, 0, 40, 20, { shape: 'path', path: 'M0 0 L40 20' })])
			.layers[0] as ShapeLayer;
		expect(scaleLayer(path, 2)).toMatchObject({ width: 80, height: 40, viewBox: { width: 40, height: 20 } });
	});
});
