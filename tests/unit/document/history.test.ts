import { describe, expect, it } from 'vitest';
import { applyDiff, diff, invertDiff } from '../../../src/lib/document/diff';
import { History } from '../../../src/lib/document/history';
import {
	addLayer,
	deleteLayers,
	duplicateLayers,
	groupLayers,
	moveLayers,
	reorderLayers,
	ungroupLayers,
	updateLayer
} from '../../../src/lib/document/operations';
import { PosterDocument, type TextLayer } from '../../../src/lib/document/schema';
import { makeDoc, rect, text } from './fixtures';

const base = () =>
	makeDoc([rect('bg', 0, 0, 600, 800), text('a', 10, 10), text('b', 200, 10), rect('c', 400, 400)]);

describe('diff', () => {
	it('records only what changed and can be applied and inverted', () => {
		const a = base();
		const b = updateLayer<TextLayer>(a, 'a', { x: 50, align: 'center' });
		const d = diff(a, b);
		expect(d).toEqual([
			{ op: 'set', path: ['layers', 1, 'x'], before: 10, after: 50 },
			{ op: 'set', path: ['layers', 1, 'align'], before: 'start', after: 'center' }
		]);
		expect(applyDiff(a, d)).toEqual(b);
		expect(applyDiff(b, invertDiff(d))).toEqual(a);
		// Untouched layers keep their identity through apply.
		expect(applyDiff(a, d).layers[2]).toBe(a.layers[2]);
	});

	it('splices arrays for inserts, deletions and reorders', () => {
		const a = base();
		const added = addLayer(a, PosterDocument.shape.layers.element.parse(rect('n', 0, 0)), { index: 2 });
		expect(diff(a, added)).toEqual([
			{ op: 'splice', path: ['layers'], index: 2, remove: [], insert: [added.layers[2]] }
		]);
		const reordered = reorderLayers(a, ['a'], 'front');
		const d = diff(a, reordered);
		expect(d).toHaveLength(1);
		expect(d[0]).toMatchObject({ op: 'splice', index: 1 });
		expect(applyDiff(reordered, invertDiff(d))).toEqual(a);
	});

	it('handles keys that appear and disappear', () => {
		const a = { x: 1, stroke: { color: '#000000', width: 1 } };
		const b = { x: 1, stroke: { color: '#000000', width: 1, dash: [2, 2] }, extra: true };
		const d = diff(a, b);
		expect(applyDiff(a, d)).toEqual(b);
		expect(applyDiff(b, invertDiff(d))).toEqual(a);
		expect('extra' in applyDiff(b, invertDiff(d))).toBe(false);
	});
});

describe('History', () => {
	it('undoes and redoes every kind of operation back to the exact documents', () => {
		const steps: ((d: PosterDocument) => PosterDocument)[] = [
			(d) => moveLayers(d, ['a'], 5, 7),
			(d) => groupLayers(d, ['a', 'b'], { id: 'g1' }).document,
			(d) => duplicateLayers(d, ['g1']).document,
			(d) => reorderLayers(d, ['c'], 'back'),
			(d) =>
				updateLayer<TextLayer>(d, 'a', {
					runs: [
						{
							text: '新的标题',
							family: 'Smiley Sans',
							weight: 400,
							italic: false,
							size: 30,
							color: '#FF0000'
						}
					]
				}),
			(d) => ungroupLayers(d, ['g1']).document,
			(d) => deleteLayers(d, ['bg', 'c'])
		];
		const history = new History(base());
		const versions = [history.current];
		for (const step of steps) versions.push(history.commit(step(history.current)));
		expect(history.undoDepth).toBe(steps.length);
		for (let i = versions.length - 2; i >= 0; i--) expect(history.undo()).toEqual(versions[i]);
		expect(history.canUndo).toBe(false);
		expect(history.undo()).toBeNull();
		for (let i = 1; i < versions.length; i++) expect(history.redo()).toEqual(versions[i]);
		expect(history.canRedo).toBe(false);
	});

	it('squashes a marked drag into one undo step', () => {
		const history = new History(base());
		const start = history.current;
		history.commit(updateLayer(history.current, 'c', { opacity: 0.5 }));
		const beforeDrag = history.current;
		history.mark('move');
		for (let i = 0; i < 50; i++) history.commit(moveLayers(history.current, ['a'], 1, 2));
		history.end();
		expect(history.undoDepth).toBe(2);
		expect(history.undoLabels()[0]).toBe('move');
		expect(history.undo()).toEqual(beforeDrag);
		expect(history.undo()).toEqual(start);
		const redone = history.redo() && history.redo();
		expect(redone && redone.layers[1]).toMatchObject({ x: 60, y: 110 });
	});

	it('a drag that ends where it began records nothing; bail restores the mark', () => {
		const history = new History(base());
		const start = history.current;
		history.mark();
		history.commit(moveLayers(history.current, ['a'], 10, 0));
		history.commit(moveLayers(history.current, ['a'], -10, 0));
		expect(history.undoDepth).toBe(0);
		const atMark = history.current;
		history.mark();
		history.commit(moveLayers(history.current, ['a'], 10, 0));
		expect(history.bail()).toBe(atMark);
		expect(atMark).toEqual(start);
		expect(history.canUndo).toBe(false);
	});

	it('a new commit clears redo; no-op commits record nothing; length is bounded', () => {
		const history = new History(base(), { limit: 3 });
		history.commit(history.current);
		expect(history.canUndo).toBe(false);
		for (let i = 0; i < 5; i++) history.commit(moveLayers(history.current, ['a'], 1, 0));
		expect(history.undoDepth).toBe(3);
		history.undo();
		expect(history.canRedo).toBe(true);
		history.commit(moveLayers(history.current, ['b'], 1, 0));
		expect(history.canRedo).toBe(false);
		while (history.undo());
		expect(history.current.layers[1].x).toBe(12); // the two oldest steps were dropped
	});
});
