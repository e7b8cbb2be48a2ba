import { describe, expect, it } from 'vitest';
import {
	align,
	distribute,
	duplicateSelection,
	editableIds,
	group,
	newImageLayer,
	newTextLayer,
	nudge,
	removeSelection,
	reorder,
	toggleFlag,
	ungroup
} from '../../../src/lib/editor/actions';
import { EditorState } from '../../../src/lib/editor/state.svelte';
import { PosterDocument } from '../../../src/lib/document/schema';
import { layer, makeDoc, rect } from './fixtures';

describe('actions', () => {
	it('nudges selected layers but never locked ones', () => {
		const doc = makeDoc([rect('a', 10, 10), rect('b', 50, 50, 100, 50, { locked: true })]);
		const r = nudge(doc, ['a', 'b'], 10, 0);
		expect(layer(r.doc, 'a').x).toBe(20);
		expect(layer(r.doc, 'b').x).toBe(50);
		expect(editableIds(doc, ['a', 'b'])).toEqual(['a']);
	});

	it('deletes the selection (locked stays) and updates the selection', () => {
		const doc = makeDoc([rect('a', 0, 0), rect('b', 0, 0, 10, 10, { locked: true })]);
		const r = removeSelection(doc, ['a', 'b']);
		expect(r.doc.layers.map((l) => l.id)).toEqual(['b']);
		expect(r.selection).toEqual(['b']);
	});

	it('duplicates above the originals and selects the copies', () => {
		const doc = makeDoc([rect('a', 0, 0), rect('b', 0, 0)]);
		const r = duplicateSelection(doc, ['a']);
		expect(r.doc.layers).toHaveLength(3);
		expect(r.doc.layers[1].id).toBe(r.selection[0]);
		expect(r.doc.layers[1].x).toBe(12);
	});

	it('aligns one layer to the page, several to each other; distributes three', () => {
		const doc = makeDoc([rect('a', 10, 10, 100), rect('b', 200, 100, 50), rect('c', 500, 200, 50)]);
		expect(layer(align(doc, ['a'], 'center').doc, 'a').x).toBe(250);
		const two = align(doc, ['a', 'b'], 'left').doc;
		expect(layer(two, 'b').x).toBe(10);
		const d = distribute(doc, ['a', 'b', 'c'], 'horizontal').doc;
		// span 10..550, widths 200 → gap 170: b at 10+100+170 = 280
		expect(layer(d, 'b').x).toBeCloseTo(280, 6);
	});

	it('reorders, groups, ungroups and toggles flags', () => {
		const doc = makeDoc([rect('a', 0, 0), rect('b', 100, 100), rect('c', 300, 300)]);
		expect(reorder(doc, ['a'], 'front').doc.layers.map((l) => l.id)).toEqual(['b', 'c', 'a']);
		const g = group(doc, ['a', 'b'], '编组');
		expect(g.doc.layers).toHaveLength(2);
		expect(g.doc.layers[0].type).toBe('group');
		const u = ungroup(g.doc, g.selection);
		expect(u.doc.layers.map((l) => l.id).sort()).toEqual(['a', 'b', 'c']);
		expect(layer(u.doc, 'b').x).toBeCloseTo(100, 6);
		const locked = toggleFlag(doc, ['a', 'b'], 'locked').doc;
		expect(locked.layers.filter((l) => l.locked).map((l) => l.id)).toEqual(['a', 'b']);
		expect(toggleFlag(locked, ['a', 'b'], 'locked').doc.layers.every((l) => !l.locked)).toBe(true);
	});

	it('makes schema-valid new layers', () => {
		const doc = makeDoc();
		const t = newTextLayer(doc, 'zh');
		const img = newImageLayer(doc, { id: 'asset1', width: 2000, height: 1000 }, 'photo');
		expect(() => PosterDocument.parse({ ...doc, layers: [t, img] })).not.toThrow();
		expect(img.width / img.height).toBeCloseTo(2, 6);
		expect(img.width).toBeCloseTo(360, 6);
	});
});

describe('EditorState history', () => {
	it('records one undo step per gesture, and undo/redo restore documents', () => {
		const doc = makeDoc([rect('a', 0, 0)]);
		const ed = new EditorState(doc);
		ed.select(['a']);
		ed.beginGesture('drag');
		for (let i = 1; i <= 10; i++) ed.preview(nudge(ed.doc, ['a'], 1, 0).doc);
		ed.endGesture();
		expect(layer(ed.doc, 'a').x).toBe(10);
		ed.apply(nudge(ed.doc, ['a'], 0, 5));
		expect(ed.history.undoDepth).toBe(2);
		ed.undo();
		expect(layer(ed.doc, 'a')).toMatchObject({ x: 10, y: 0 });
		ed.undo();
		expect(layer(ed.doc, 'a').x).toBe(0);
		expect(ed.canUndo).toBe(false);
		ed.redo();
		expect(layer(ed.doc, 'a').x).toBe(10);
		expect(ed.canRedo).toBe(true);
	});

	it('drops selected ids that an undo removed', () => {
		const doc = makeDoc([rect('a', 0, 0)]);
		const ed = new EditorState(doc);
		ed.apply(duplicateSelection(ed.doc, ['a']));
		expect(ed.selection).toHaveLength(1);
		ed.undo();
		expect(ed.selection).toEqual([]);
	});
});
