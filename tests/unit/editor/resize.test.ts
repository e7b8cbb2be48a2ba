import { describe, expect, it } from 'vitest';
import { carryUserWork, resizeProportionally } from '../../../src/lib/editor/resize';
import { PosterDocument } from '../../../src/lib/document/schema';
import { makeDoc, rect, text } from './fixtures';

describe('resize to another format', () => {
	it('carries images, edited text and added layers onto the fresh layout', () => {
		const img = {
			id: 'photo',
			name: 'photo',
			type: 'image',
			x: 0,
			y: 0,
			width: 100,
			height: 100,
			assetId: 'asset-1',
			flipX: true
		};
		const old = makeDoc([text('headline', '春节大促'), img, rect('mine', 300, 400)]);
		const fresh = PosterDocument.parse({
			...makeDoc([text('headline', '双十一'), { ...img, assetId: null, flipX: false, x: 10, width: 300 }]),
			id: 'new',
			page: { preset: 'square-1080', width: 1080, height: 1080 }
		});
		const out = carryUserWork(old, fresh);
		const byId = Object.fromEntries(out.layers.map((l) => [l.id, l]));
		expect(byId.headline.type === 'text' && byId.headline.runs.map((r) => r.text).join('')).toBe('春节大促');
		expect(byId.photo).toMatchObject({ assetId: 'asset-1', flipX: true, x: 10, width: 300 });
		expect(byId.mine).toBeDefined();
		expect(out.id).toBe('new');
		expect(() => PosterDocument.parse(out)).not.toThrow();
	});

	it('carries edits made inside a template group (a price on its sticker)', () => {
		const group = (price: string, x: number) => ({
			id: 'price-group',
			name: '价格贴纸',
			type: 'group',
			x,
			y: 0,
			width: 200,
			height: 100,
			children: [rect('sticker', 0, 0, 200, 100), text('price', price)]
		});
		const old = makeDoc([group('¥99', 0)]);
		const fresh = PosterDocument.parse({ ...makeDoc([group('¥199', 40)]), id: 'new' });
		const out = carryUserWork(old, fresh);
		expect(out.layers).toHaveLength(1);
		const g = out.layers[0];
		expect(g).toMatchObject({ id: 'price-group', x: 40 });
		const price = g.type === 'group' ? g.children[1] : undefined;
		expect(price?.type === 'text' && price.runs.map((r) => r.text).join('')).toBe('¥99');
	});

	it('scales a document without a template proportionally, as a new document', () => {
		const doc = makeDoc([rect('a', 0, 0, 600, 800), rect('b', 100, 100, 100, 100)]);
		const out = resizeProportionally(
			doc,
			{ id: 'square-1080', width: 1080, height: 1080, bleedMm: 0, safeMm: 0, dpi: 72 },
			'copy',
			'2025-02-02T00:00:00.000Z'
		);
		expect(out.id).toBe('copy');
		expect(out.page).toMatchObject({ width: 1080, height: 1080, preset: 'square-1080', dpi: 72, bleedMm: 0 });
		expect(() => PosterDocument.parse(out)).not.toThrow();
	});
});
