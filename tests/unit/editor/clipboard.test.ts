import { describe, expect, it } from 'vitest';
import {
	layersForPaste,
	makeClipboard,
	parseClipboard,
	serializeClipboard
} from '../../../src/lib/editor/clipboard';
import { makeDoc, rect } from './fixtures';

describe('clipboard', () => {
	const doc = makeDoc([
		rect('a', 10, 10),
		{ id: 'g', name: 'g', type: 'group', x: 0, y: 0, width: 200, height: 100, children: [rect('c', 0, 0)] }
	]);

	it('round-trips through text and rejects foreign or damaged text', () => {
		const p = makeClipboard(doc.id, doc.page, doc.layers);
		const parsed = parseClipboard(serializeClipboard(p));
		expect(parsed?.layers).toHaveLength(2);
		expect(parseClipboard('hello')).toBeNull();
		expect(parseClipboard('{"kind":"haibao/layers","version":1}')).toBeNull();
		expect(parseClipboard(serializeClipboard(p).slice(0, -5))).toBeNull();
	});

	it('gives pasted layers and group children new ids, offset in the same document', () => {
		const p = makeClipboard(doc.id, doc.page, doc.layers);
		const pasted = layersForPaste(p, doc);
		expect(pasted[0].id).not.toBe('a');
		expect(pasted[0].x).toBe(22);
		const g = pasted[1];
		expect(g.type).toBe('group');
		if (g.type === 'group') expect(g.children[0].id).not.toBe('c');
	});

	it('keeps positions when pasting into another document, clamped onto its page', () => {
		const p = makeClipboard(doc.id, doc.page, [doc.layers[0]]);
		const other = { id: 'other', page: { width: 600, height: 800 } };
		expect(layersForPaste(p, other)[0]).toMatchObject({ x: 10, y: 10 });
		const small = { id: 'small', page: { width: 50, height: 50 } };
		expect(layersForPaste(p, small)[0]).toMatchObject({ x: 0, y: 0 });
	});
});
