// "Set it in real type" in the editor as one document change (pure): the patched picture replaces
// the layer's (old one kept), a hidden field layer with the string is shown over the covered text in
// its colour, a string without a layer gets a new one, a string never found keeps a sensible place.
import { describe, expect, it } from 'vitest';
import type { TextLayer } from '../../../src/lib/document/schema';
import { imageBoxOnPage, setInRealType } from '../../../src/lib/editor/set-in-type';
import { image, makeDoc, text } from '../export/fixtures';

const run = (t: string) => [{ text: t, family: 'Noto Sans SC', size: 40, color: '#FFFFFF' }];
const generation = {
	backend: 'zimage',
	model: 'tiny',
	prompt: '标题"双十一狂欢节"，"全场五折"',
	seed: 1,
	steps: 8,
	width: 1000,
	height: 500,
	previousAssetIds: []
};
// A 1000×500 image drawn into a 400×400 frame with cover fit: the middle 500×500 px show.
const doc = () =>
	makeDoc([
		image('hero', 'a1', 100, 100, 400, 400, { generation }),
		text('headline', 120, 120, 360, 80, run('双十一狂欢节'), { hidden: true, field: 'headline' })
	]);

describe('setInRealType', () => {
	it('maps image pixels through the crop and fit', () => {
		const frame = doc().layers[0] as Parameters<typeof imageBoxOnPage>[0];
		expect(imageBoxOnPage(frame, { x: 250, y: 0, width: 500, height: 500 }, 1000, 500)).toEqual({
			x: 100,
			y: 100,
			width: 400,
			height: 400
		});
		expect(imageBoxOnPage(frame, { x: 500, y: 250, width: 125, height: 50 }, 1000, 500)).toEqual({
			x: 300,
			y: 300,
			width: 100,
			height: 40
		});
	});

	it('one change: patched image, the hidden field shown over the covered text, a new layer for the other', () => {
		const next = setInRealType(
			doc(),
			'hero',
			'a2',
			{ width: 1000, height: 500 },
			[
				{ text: '双十一狂欢节', box: { x: 500, y: 250, width: 125, height: 50 }, ink: '#FFE082' },
				{ text: '全场五折', box: null, ink: null }
			],
			'zh',
			() => 'new-1'
		);
		const [hero, headline, added] = [
			next.layers.find((l) => l.id === 'hero')!,
			next.layers.find((l) => l.id === 'headline') as TextLayer,
			next.layers.find((l) => l.id === 'new-1') as TextLayer
		];
		expect(hero).toMatchObject({
			assetId: 'a2',
			generation: { previousAssetIds: ['a1'], prompt: generation.prompt }
		});
		expect(headline.hidden).toBe(false);
		expect(headline.runs[0].color).toBe('#FFE082');
		// Sized like the lettering it replaces (its box is 40 pt tall on the page).
		expect(headline.runs[0].size).toBeCloseTo(40);
		expect(headline.fit).toMatchObject({ mode: 'shrink', maxSize: 40 });
		expect(headline.x).toBeCloseTo(300 - 6);
		expect(headline.y).toBeCloseTo(300 - 6);
		expect(headline.width).toBeCloseTo(112);
		expect(headline.height).toBeCloseTo(52);
		// Not found: a new editable layer with the string, just above the picture.
		expect(added.runs[0].text).toBe('全场五折');
		expect(added.hidden).toBe(false);
		expect(next.layers.findIndex((l) => l.id === 'new-1')).toBe(1);
	});

	it('without a patch the picture stays as it was', () => {
		const next = setInRealType(
			doc(),
			'hero',
			null,
			{ width: 1000, height: 500 },
			[{ text: '双十一狂欢节', box: null, ink: null }],
			'en'
		);
		expect(next.layers[0]).toMatchObject({ assetId: 'a1' });
		expect(next.layers.find((l) => l.id === 'headline')).toMatchObject({ hidden: false, x: 120, y: 120 });
	});
});
