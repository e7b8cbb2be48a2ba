import { box, circle, field, image, linear, path, poly, rect, solid, text } from '../art.mjs';

/** Airmail stripes around a w×h page (viewBox w×h): slanted bars of width s along every edge, every other one. */
function airmail(w, h, s, band, odd) {
	let d = '';
	const step = s * 2;
	let i = 0;
	for (let x = -step; x < w + step; x += step, i++) {
		if (i % 2 !== odd) continue;
		d += poly([
			[x, 0],
			[x + s, 0],
			[x + s - band, band],
			[x - band, band]
		]);
		d += poly([
			[x, h],
			[x + s, h],
			[x + s + band, h - band],
			[x + band, h - band]
		]);
	}
	i = 0;
	for (let y = -step; y < h + step; y += step, i++) {
		if (i % 2 !== odd) continue;
		d += poly([
			[0, y],
			[0, y + s],
			[band, y + s + band],
			[band, y + band]
		]);
		d += poly([
			[w, y],
			[w, y + s],
			[w - band, y + s - band],
			[w - band, y - band]
		]);
	}
	return [d, w, h];
}
// A postage stamp (viewBox 80×100): scalloped edge as a ring of circles around a rectangle.
function stampEdge() {
	let d = 'M6 6L74 6L74 94L6 94Z';
	for (let x = 6; x <= 74; x += 8) d += circle(x, 6, 4.2) + circle(x, 94, 4.2);
	for (let y = 14; y <= 86; y += 8) d += circle(6, y, 4.2) + circle(74, y, 4.2);
	return [d, 80, 100];
}
const stampArt = ['M14 80L30 52L40 64L52 44L66 80Z' + circle(56, 28, 7), 80, 100];
// A plane flying right (viewBox 104×88).
const plane = [
	'M102 46L64 40L42 8L32 8L44 40L16 36L8 26L2 26L6 44L2 62L8 62L16 52L44 48L32 80L42 80L64 48L102 42Z',
	104,
	88
];
const tallBorder = { path: airmail(100, 250, 4, 3.2, 0)[0], viewBox: { width: 100, height: 250 } };
const tallBorderBlue = { path: airmail(100, 250, 4, 3.2, 1)[0], viewBox: { width: 100, height: 250 } };
const wideBorder = { path: airmail(235, 100, 5, 4, 0)[0], viewBox: { width: 235, height: 100 } };
const wideBorderBlue = { path: airmail(235, 100, 5, 4, 1)[0], viewBox: { width: 235, height: 100 } };

export default {
	schemaVersion: 1,
	id: 'travel-postcard',
	name: { zh: '周末明信片', en: 'Weekend Postcard' },
	description: {
		zh: '航空信封红蓝斜纹边框，歪斜的拍立得照片和邮票，手写体标题，适合周末游、自由行',
		en: 'Red and blue airmail stripes, a tilted instant photo and a stamp, a handwritten headline: for weekend trips'
	},
	category: 'travel',
	tags: ['旅游', '周末游', '自由行', '民宿', '明信片', '旅行社', 'travel', 'weekend', 'postcard', 'getaway'],
	fields: [
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '去大理，吹吹风',
				en: 'Off to Dali',
				long: {
					zh: '周末去大理吧 在洱海边骑行 看一场苍山日落',
					en: 'A Weekend in Dali: Cycling Round Erhai Lake and a Cangshan Sunset'
				}
			},
			{ required: true }
		),
		field('route', 'text', '路线', 'Route', {
			zh: '上海 — 大理 · 周末 3 日',
			en: 'Shanghai – Dali · 3 days'
		}),
		field(
			'details',
			'text',
			'包含（每行一条）',
			'Included (one per line)',
			{
				zh: '往返机票 + 2 晚洱海民宿\n环湖骑行 · 古城漫步\n每周五晚出发',
				en: 'Return flights + 2 lakeside nights\nLake cycling · old town walk\nEvery Friday evening'
			},
			{ multiline: true }
		),
		field('price', 'price', '价格', 'Price', { zh: '1688', en: '1688' }),
		field('agency', 'text', '旅行社与电话', 'Agency & phone', {
			zh: '海报旅行 · 微信 haibaotrip',
			en: 'Haibao Trips · WeChat haibaotrip'
		})
	],
	formats: ['xhs-1242x1660', 'a4', 'rollup-80x200', 'wechat-900x383'],
	palette: {
		background: '#FBF5EA',
		paper: '#FBF5EA',
		red: '#B8322A',
		blue: '#2D5DA8',
		sky: '#CFE0F2',
		ink: '#2C2A26',
		muted: '#6A6257',
		white: '#FFFFFF',
		photo: '#BFD6EC'
	},
	fonts: [
		{ family: 'LXGW WenKai', weights: [400] },
		{ family: 'Lobster Two', weights: [700] },
		{ family: 'Noto Sans SC', weights: [400, 900] }
	],
	slots: [{ id: 'photo', role: 'framed' }],
	layout: {
		margin: 0.09,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), solid('@paper')),
			path('stripes-red', box(0, 0, 1, 1, 'page'), airmail(100, 133, 4, 3.2, 0), solid('@red')),
			path('stripes-blue', box(0, 0, 1, 1, 'page'), airmail(100, 133, 4, 3.2, 1), solid('@blue')),
			rect('card-shadow', box(0.03, 0.035, 0.93, 0.56), solid('#2C2A26'), { opacity: 0.12, rotation: -3 }),
			rect('card', box(0.02, 0.02, 0.93, 0.56), solid('@white'), { rotation: -3 }),
			image('photo', 'photo', box(0.05, 0.04, 0.87, 0.44), linear(90, '@sky', '@photo'), { rotation: -3 }),
			path(
				'stamp-edge',
				box(0.76, -0.02, 0.22, 0.16, 'content', { aspect: 0.8, align: [1, 0] }),
				stampEdge(),
				solid('@white'),
				{ rotation: 6 }
			),
			path(
				'stamp-field',
				box(0.76, -0.02, 0.22, 0.16, 'content', { aspect: 0.8, align: [1, 0] }),
				['M12 12L68 12L68 88L12 88Z', 80, 100],
				solid('@blue'),
				{ rotation: 6 }
			),
			path(
				'stamp-art',
				box(0.76, -0.02, 0.22, 0.16, 'content', { aspect: 0.8, align: [1, 0] }),
				stampArt,
				solid('@paper'),
				{ rotation: 6 }
			),
			text('headline', 'headline', box(0, 0.62, 1, 0.14), {
				family: 'LXGW WenKai',
				latinFamily: 'Lobster Two',
				latinWeight: 700,
				size: 0.1,
				color: '@ink',
				verticalAlign: 'middle',
				lineHeight: 1.15,
				minScale: 0.16
			}),
			path(
				'plane',
				box(0, 0.775, 0.07, 0.04, 'content', { aspect: 104 / 88, align: [0, 0.5] }),
				plane,
				solid('@red')
			),
			text('route', 'route', box(0.08, 0.775, 0.92, 0.04), {
				family: 'Noto Sans SC',
				weight: 900,
				size: 0.032,
				color: '@red',
				verticalAlign: 'middle',
				letterSpacing: 0.04
			}),
			text('details', 'details', box(0, 0.835, 0.6, 0.13), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.026,
				color: '@ink',
				lineHeight: 1.6,
				verticalAlign: 'top'
			}),
			text('price', 'price', box(0.58, 0.85, 0.42, 0.09), {
				family: 'Noto Sans SC',
				weight: 900,
				size: 0.09,
				color: '@blue',
				align: 'end',
				verticalAlign: 'middle',
				currencyScale: 0.4,
				lineHeight: 1
			}),
			text('price-note', { zh: '元/人起', en: 'PER PERSON' }, box(0.58, 0.94, 0.42, 0.03), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.022,
				color: '@muted',
				align: 'end',
				verticalAlign: 'middle'
			}),
			text('agency', 'agency', box(0, 0.97, 0.6, 0.03), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.022,
				color: '@muted',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'stamp', name: { zh: '邮票', en: 'Stamp' }, members: ['stamp-edge', 'stamp-field', 'stamp-art'] },
			{ id: 'route-group', name: { zh: '路线', en: 'Route' }, members: ['plane', 'route'] }
		],
		overrides: {
			tall: {
				'stripes-red': tallBorder,
				'stripes-blue': tallBorderBlue,
				'card-shadow': { box: box(0.03, 0.025, 0.93, 0.42) },
				card: { box: box(0.02, 0.01, 0.93, 0.42) },
				photo: { box: box(0.05, 0.02, 0.87, 0.34) },
				'stamp-edge': { box: box(0.7, -0.02, 0.3, 0.1, 'content', { aspect: 0.8, align: [1, 0] }) },
				'stamp-field': { box: box(0.7, -0.02, 0.3, 0.1, 'content', { aspect: 0.8, align: [1, 0] }) },
				'stamp-art': { box: box(0.7, -0.02, 0.3, 0.1, 'content', { aspect: 0.8, align: [1, 0] }) },
				headline: { box: box(0, 0.47, 1, 0.12), style: { size: 0.15 } },
				plane: { box: box(0, 0.6, 0.1, 0.03, 'content', { aspect: 104 / 88, align: [0, 0.5] }) },
				route: { box: box(0.12, 0.6, 0.88, 0.03), style: { size: 0.05 } },
				details: { box: box(0, 0.65, 1, 0.11), style: { size: 0.045 } },
				price: { box: box(0, 0.78, 1, 0.07), style: { align: 'start', size: 0.12 } },
				'price-note': { box: box(0, 0.85, 1, 0.025), style: { align: 'start', size: 0.038 } },
				agency: { box: box(0, 0.93, 1, 0.03), style: { size: 0.038 } }
			},
			wide: {
				'stripes-red': wideBorder,
				'stripes-blue': wideBorderBlue,
				'card-shadow': { box: box(0.01, 0.04, 0.36, 0.96) },
				card: { box: box(0, 0, 0.36, 0.96) },
				photo: { box: box(0.015, 0.04, 0.33, 0.76) },
				'stamp-edge': { box: box(0.86, 0, 0.14, 0.4, 'content', { aspect: 0.8, align: [1, 0] }) },
				'stamp-field': { box: box(0.86, 0, 0.14, 0.4, 'content', { aspect: 0.8, align: [1, 0] }) },
				'stamp-art': { box: box(0.86, 0, 0.14, 0.4, 'content', { aspect: 0.8, align: [1, 0] }) },
				headline: { box: box(0.41, 0.02, 0.45, 0.42), style: { size: 0.13 } },
				plane: { box: box(0.41, 0.48, 0.05, 0.1, 'content', { aspect: 104 / 88, align: [0, 0.5] }) },
				route: { box: box(0.47, 0.48, 0.53, 0.1), style: { size: 0.055 } },
				details: { hidden: true },
				price: { box: box(0.41, 0.64, 0.3, 0.24), style: { align: 'start', size: 0.17 } },
				'price-note': { box: box(0.41, 0.88, 0.3, 0.1), style: { align: 'start', size: 0.04 } },
				agency: { box: box(0.7, 0.8, 0.3, 0.16), style: { align: 'end', size: 0.045 } }
			}
		}
	},
	prompt: {
		slot: 'photo',
		scene: {
			zh: '大理洱海边的午后：一辆复古自行车停在湖边的白色围墙旁，墙边开着三角梅，远处是湛蓝的湖水和苍山，阳光明亮，胶片质感，暖色调，旅行随拍风格，35 毫米镜头。',
			en: 'An afternoon by Erhai Lake in Dali: a vintage bicycle parked by a white lakeside wall with bougainvillea, deep blue water and the Cang Mountains beyond, bright sunshine, film grain, warm tones, casual travel snapshot style, 35 mm lens.'
		},
		composition: {
			zh: '横构图，自行车位于画面中部偏左，右侧和上方是湖水与天空。',
			en: 'Landscape framing; the bicycle sits a little left of centre, with lake and sky to the right and above.'
		},
		avoid: {
			zh: '不要文字，不要人脸，不要水印。',
			en: 'No text, no faces, no watermark.'
		}
	}
};
