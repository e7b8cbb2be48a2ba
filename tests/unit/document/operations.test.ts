import { describe, expect, it } from 'vitest';
import {
	addLayer,
	deleteLayers,
	duplicateLayers,
	findLayer,
	getLayer,
	groupLayers,
	moveLayers,
	pageBounds,
	reorderLayers,
	ungroupLayers,
	updateLayer,
	updateLayers,
	walkLayers
} from '../../../src/lib/document/operations';
import { PosterDocument, type GroupLayer, type TextLayer } from '../../../src/lib/document/schema';
import { group, ids, makeDoc, rect, text } from './fixtures';

const base = () =>
	makeDoc([rect('bg', 0, 0, 600, 800), text('a', 10, 10), text('b', 200, 10), rect('c', 400, 400)]);
const boundsOf = (doc: PosterDocument, id: string) => {
	const b = pageBounds(findLayer(doc, id)!);
	return { x: +b.x.toFixed(6), y: +b.y.toFixed(6), width: +b.width.toFixed(6), height: +b.height.toFixed(6) };
};
const valid = (doc: PosterDocument) => expect(PosterDocument.safeParse(doc).success).toBe(true);

describe('walk and find', () => {
	it('walks groups depth first and finds nested layers with their ancestors', () => {
		const doc = makeDoc([
			group('g', 100, 100, 200, 100, [group('h', 10, 10, 50, 50, [rect('deep', 5, 5, 10, 10)])]),
			text('t', 0, 0)
		]);
		expect([...walkLayers(doc.layers)].map((l) => l.layer.id)).toEqual(['g', 'h', 'deep', 't']);
		const found = findLayer(doc, 'deep')!;
		expect(found.ancestors.map((a) => a.id)).toEqual(['g', 'h']);
		expect(found.parent?.id).toBe('h');
		expect(boundsOf(doc, 'deep')).toEqual({ x: 115, y: 115, width: 10, height: 10 });
		expect(findLayer(doc, 'nope')).toBeNull();
		expect(() => getLayer(doc, 'nope')).toThrow(/no layer with id "nope"/);
	});
});

describe('add and update', () => {
	it('adds on top by default, at an index, or into a group; rejects duplicate ids', () => {
		const doc = base();
		const layer = PosterDocument.shape.layers.element.parse(rect('n', 1, 1));
		expect(ids(addLayer(doc, layer).layers)).toEqual(['bg', 'a', 'b', 'c', 'n']);
		expect(ids(addLayer(doc, layer, { index: 1 }).layers)).toEqual(['bg', 'n', 'a', 'b', 'c']);
		expect(() => addLayer(doc, { ...layer, id: 'a' })).toThrow(/already exists/);
		const grouped = groupLayers(doc, ['a', 'b']);
		const into = addLayer(grouped.document, layer, { parentId: grouped.groupId, index: 0 });
		const g = getLayer(into, grouped.groupId) as GroupLayer;
		expect(ids(g.children)).toEqual(['n', 'a', 'b']);
		valid(into);
	});

	it('updates with structural sharing and is a no-op for equal values', () => {
		const doc = base();
		const next = updateLayer<TextLayer>(doc, 'a', { align: 'center', letterSpacing: 0.1 });
		expect(getLayer(next, 'a')).toMatchObject({ align: 'center', letterSpacing: 0.1 });
		expect(next.layers[0]).toBe(doc.layers[0]);
		expect(next.layers[2]).toBe(doc.layers[2]);
		expect(doc.layers[1]).toMatchObject({ align: 'start' }); // original untouched
		expect(updateLayer(doc, 'a', { x: 10, y: 10 })).toBe(doc);
		expect(
			updateLayers(next, ['a', 'b'], { opacity: 0.5 })
				.layers.slice(1, 3)
				.map((l) => l.opacity)
		).toEqual([0.5, 0.5]);
		expect(() => updateLayer(doc, 'a', { type: 'shape' } as never)).toThrow(/cannot change "type"/);
		expect(() => updateLayer(doc, 'zz', { x: 1 })).toThrow(/no layer/);
	});
});

describe('move', () => {
	it('moves in page space, also inside rotated groups, and refits the group', () => {
		const doc = makeDoc([group('g', 100, 100, 100, 100, [rect('r', 0, 0, 100, 100)], { rotation: 90 })]);
		const before = boundsOf(doc, 'r');
		const moved = moveLayers(doc, ['r'], 30, 0);
		const after = boundsOf(moved, 'r');
		expect(after.x - before.x).toBeCloseTo(30);
		expect(after.y - before.y).toBeCloseTo(0);
		const g = getLayer(moved, 'g') as GroupLayer;
		expect(g.children[0].x).toBeCloseTo(0); // the group box follows its child
		expect(g.children[0].y).toBeCloseTo(0);
		expect(moveLayers(doc, ['r'], 0, 0)).toBe(doc);
	});

	it('moves a group and its selected child only once', () => {
		const doc = makeDoc([group('g', 100, 100, 50, 50, [rect('r', 0, 0, 50, 50)])]);
		const moved = moveLayers(doc, ['g', 'r'], 10, 20);
		expect(boundsOf(moved, 'r')).toEqual({ x: 110, y: 120, width: 50, height: 50 });
	});
});

describe('reorder', () => {
	const order = (doc: PosterDocument) => ids(doc.layers);
	it('brings to front and back, one step forward and backward, and to an index', () => {
		const doc = base(); // bg a b c
		expect(order(reorderLayers(doc, ['a'], 'front'))).toEqual(['bg', 'b', 'c', 'a']);
		expect(order(reorderLayers(doc, ['c'], 'back'))).toEqual(['c', 'bg', 'a', 'b']);
		expect(order(reorderLayers(doc, ['a'], 'forward'))).toEqual(['bg', 'b', 'a', 'c']);
		expect(order(reorderLayers(doc, ['a', 'b'], 'forward'))).toEqual(['bg', 'c', 'a', 'b']);
		expect(order(reorderLayers(doc, ['b', 'c'], 'backward'))).toEqual(['bg', 'b', 'c', 'a']);
		expect(order(reorderLayers(doc, ['c'], 1))).toEqual(['bg', 'c', 'a', 'b']);
		expect(order(reorderLayers(doc, ['bg'], 99))).toEqual(['a', 'b', 'c', 'bg']);
		expect(reorderLayers(doc, ['c'], 'front')).toBe(doc);
		expect(reorderLayers(doc, ['bg'], 'backward')).toBe(doc);
	});

	it('reorders inside groups', () => {
		const doc = makeDoc([
			group('g', 0, 0, 100, 100, [rect('x', 0, 0), rect('y', 10, 10), rect('z', 20, 20)])
		]);
		const g = getLayer(reorderLayers(doc, ['x'], 'front'), 'g') as GroupLayer;
		expect(ids(g.children)).toEqual(['y', 'z', 'x']);
	});
});

describe('delete and duplicate', () => {
	it('deletes layers, their contents and groups left empty', () => {
		const doc = makeDoc([
			group('g', 0, 0, 100, 100, [rect('x', 0, 0), rect('y', 10, 10)]),
			group('empty', 0, 0, 1, 1, []),
			text('t', 0, 0)
		]);
		expect(ids(deleteLayers(doc, ['t']).layers)).toEqual(['g', 'empty']);
		expect(ids(deleteLayers(doc, ['x', 'y']).layers)).toEqual(['empty', 't']);
		const partly = deleteLayers(doc, ['x']);
		expect(getLayer(partly, 'g')).toMatchObject({ x: 10, y: 10, width: 50, height: 50 });
		expect(boundsOf(partly, 'y')).toEqual({ x: 10, y: 10, width: 50, height: 50 });
	});

	it('duplicates above the original with new ids, deep', () => {
		const doc = makeDoc([group('g', 0, 0, 50, 50, [rect('x', 0, 0)]), text('t', 5, 5)]);
		const { document, ids: copies } = duplicateLayers(doc, ['g', 't']);
		expect(copies).toHaveLength(2);
		expect(ids(document.layers)).toEqual(['g', copies[0], 't', copies[1]]);
		const copy = getLayer(document, copies[0]) as GroupLayer;
		expect(copy.children[0].id).not.toBe('x');
		expect(boundsOf(document, copy.children[0].id)).toEqual({ x: 10, y: 10, width: 50, height: 50 });
		expect(getLayer(document, copies[1])).toMatchObject({ x: 15, y: 15, runs: [{ text: 't' }] });
		const all = [...walkLayers(document.layers)].map((l) => l.layer.id);
		expect(new Set(all).size).toBe(all.length);
		valid(document);
	});
});

describe('group and ungroup', () => {
	it('groups keep page positions and sit where the topmost member was', () => {
		const doc = base();
		const before = ['a', 'c'].map((id) => boundsOf(doc, id));
		const { document, groupId } = groupLayers(doc, ['a', 'c'], { name: '组' });
		expect(ids(document.layers)).toEqual(['bg', 'b', groupId]);
		const g = getLayer(document, groupId) as GroupLayer;
		expect(g).toMatchObject({ x: 10, y: 10, width: 440, height: 440, name: '组' });
		expect(g.children.map((c) => [c.id, c.x, c.y])).toEqual([
			['a', 0, 0],
			['c', 390, 390]
		]);
		expect(['a', 'c'].map((id) => boundsOf(document, id))).toEqual(before);
		valid(document);
		const back = ungroupLayers(document, [groupId]);
		expect(ids(back.document.layers)).toEqual(['bg', 'b', 'a', 'c']);
		expect(back.ids).toEqual(['a', 'c']);
		expect(back.document.layers[2]).toEqual(doc.layers[1]);
	});

	it('ungrouping a rotated, translucent group keeps children where they were', () => {
		const doc = makeDoc([
			group(
				'g',
				100,
				100,
				200,
				100,
				[rect('x', 0, 0, 50, 20), rect('y', 150, 80, 50, 20, { rotation: 10 })],
				{ rotation: 30, opacity: 0.5 }
			)
		]);
		const before = ['x', 'y'].map((id) => boundsOf(doc, id));
		const { document } = ungroupLayers(doc, ['g']);
		const after = ['x', 'y'].map((id) => boundsOf(document, id));
		after.forEach((b, i) => {
			expect(b.x).toBeCloseTo(before[i].x, 6);
			expect(b.y).toBeCloseTo(before[i].y, 6);
			expect(b.width).toBeCloseTo(before[i].width, 6);
		});
		expect(getLayer(document, 'y')).toMatchObject({ rotation: 40, opacity: 0.5 });
	});

	it('refuses to group layers from different containers', () => {
		const doc = makeDoc([group('g', 0, 0, 50, 50, [rect('x', 0, 0)]), text('t', 5, 5)]);
		expect(() => groupLayers(doc, ['x', 't'])).toThrow(/same group/);
	});
});
