import { describe, expect, it } from 'vitest';
import { layerTitle } from '../../../src/lib/editor/layer-names';
import { setTextVertical } from '../../../src/lib/editor/actions';
import { makeDoc, rect, text } from './fixtures';

describe('layer names in the reader’s language, from their content', () => {
	const doc = makeDoc([
		{ ...(text('h', '双十一狂欢节') as object), name: '主标题', field: 'headline' },
		{ ...(text('t', 'Hello   world') as object), name: 'Hello world' },
		{
			id: 'img',
			name: '生成图片',
			type: 'image',
			x: 0,
			y: 0,
			width: 10,
			height: 10,
			assetId: null,
			field: 'photo'
		},
		{ id: 'up', name: 'photo', type: 'image', x: 0, y: 0, width: 10, height: 10, assetId: 'a' },
		{
			id: 'g',
			name: '编组',
			type: 'group',
			x: 0,
			y: 0,
			width: 100,
			height: 50,
			children: [rect('burst', 0, 0), { ...(text('p', '¥199') as object), field: 'price' }]
		},
		rect('r', 0, 0, 10, 10, { name: '矩形' }),
		rect('bg', 0, 0, 10, 10, { name: '背景' }),
		{ ...(text('mine', 'x') as object), name: '我的标题', named: true }
	]);
	const names = (locale: 'zh' | 'en') => doc.layers.map((l) => layerTitle(l, locale));

	it('Chinese', () => {
		expect(names('zh')).toEqual([
			'标题：双十一狂欢节',
			'文字：Hello world',
			'图片',
			'图片：photo',
			'价格贴纸',
			'矩形',
			'背景',
			'我的标题'
		]);
	});

	it('English, for the same Chinese-made design', () => {
		expect(names('en')).toEqual([
			'Headline: 双十一狂欢节',
			'Text: Hello world',
			'Image',
			'Image: photo',
			'Price sticker',
			'Rectangle',
			'Background',
			'我的标题'
		]);
	});

	it('long content is clipped', () => {
		const long = makeDoc([text('x', '一二三四五六七八九十一二三四五六七八九十')]).layers[0];
		expect(layerTitle(long, 'zh')).toBe('文字：一二三四五六七八九十一二三四五六…');
	});
});

describe('switching text to vertical', () => {
	it('turns the box into a column about its centre, and back', () => {
		const doc = makeDoc([text('t', '竖排文字')]);
		const v = setTextVertical(doc, ['t'], true).layers[0];
		expect(v).toMatchObject({ vertical: true, width: 60, height: 300, x: 130, y: -110 });
		const h = setTextVertical({ ...doc, layers: [v] }, ['t'], false).layers[0];
		expect(h).toMatchObject({ vertical: false, width: 300, height: 60, x: 10, y: 10 });
		expect(setTextVertical(doc, ['t'], false)).toBe(doc);
	});
});
