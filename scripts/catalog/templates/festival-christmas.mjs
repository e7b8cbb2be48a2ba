import {
	box,
	circle,
	edgeScatter,
	field,
	image,
	leaf,
	linear,
	path,
	rect,
	snowflake,
	solid,
	text
} from '../art.mjs';

// A wreath around a circle of radius 36 centred in a 100×100 viewBox: overlapping leaves, red berries, a bow.
function wreath() {
	let dark = '';
	let light = '';
	let berries = '';
	for (let i = 0; i < 36; i++) {
		const a = (i / 36) * 2 * Math.PI;
		const r = 40 + (i % 2 ? 3 : -2);
		const [x, y] = [50 + r * Math.cos(a), 50 + r * Math.sin(a)];
		const t = a + Math.PI / 2 + (i % 2 ? 0.5 : -0.4);
		const seg = leaf(x, y, x + 11 * Math.cos(t), y + 11 * Math.sin(t), 0.28);
		if (i % 3 === 0) light += seg;
		else dark += seg;
		if (i % 4 === 1) berries += circle(50 + 44 * Math.cos(a + 0.1), 50 + 44 * Math.sin(a + 0.1), 1.6);
	}
	const bow =
		'M50 88C42 80 33 82 34 90C35 97 44 95 50 90C56 95 65 97 66 90C67 82 58 80 50 88Z' +
		'M49 90L43 100L47 100L50 94L53 100L57 100L51 90Z';
	return {
		dark: [dark, 100, 100],
		light: [light, 100, 100],
		berries: [berries, 100, 100],
		bow: [bow, 100, 100]
	};
}
const w = wreath();
// Snow and flakes fall in the side margins only, so no text ever sits on them.
const snow = [edgeScatter(5, 90, 100, 100, 6, (x, y, r) => circle(x, y, 0.15 + r() * 0.4)), 100, 100];
const flakes = [
	snowflake(3.5, 20, 3.4) + snowflake(96.5, 12, 3) + snowflake(96.5, 70, 3.4) + snowflake(3.5, 78, 3),
	100,
	100
];
const at = (x, y, s, ref = 'content') => box(x, y, s, s, ref, { aspect: 1 });
/** A circle centred in the box (x, y, w, h) of the content area, as large as fits. */
const circ = (x, y, w, h) => box(x, y, w, h, 'content', { aspect: 1 });

export default {
	schemaVersion: 1,
	id: 'festival-christmas',
	name: { zh: '圣诞花环', en: 'Christmas Wreath' },
	description: {
		zh: '松绿色雪夜，圆形照片套在冬青花环里，英文花体标题，红色优惠条',
		en: 'A pine-green snowy night, a round photo inside a holly wreath, a script headline and a red offer strip'
	},
	category: 'festival',
	tags: ['圣诞', '圣诞节', '平安夜', '新年', '节日', 'Christmas', 'Xmas', 'holiday', 'festival', 'winter'],
	fields: [
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '圣诞快乐',
				en: 'Merry Christmas',
				long: {
					zh: '圣诞快乐 平安夜温暖相聚 海报咖啡冬日限定上新',
					en: 'Merry Christmas and a Warm, Bright and Happy New Year to You All'
				}
			},
			{ required: true }
		),
		field('offer', 'text', '优惠信息', 'Offer', {
			zh: '平安夜特惠 全场满 200 减 50',
			en: 'Christmas Eve: ¥50 off every ¥200'
		}),
		field('date', 'date', '日期', 'Date', { zh: '2026-12-24 ~ 2026-12-25', en: '2026-12-24 ~ 2026-12-25' }),
		field('venue', 'text', '店名 / 地点', 'Shop / venue', {
			zh: '海报咖啡 · 梧桐路店',
			en: 'Haibao Café, Wutong Road'
		})
	],
	formats: ['xhs-1242x1660', 'a3', 'square-1080', 'rollup-80x200'],
	palette: {
		background: '#0F3D2E',
		pine: '#0F3D2E',
		deep: '#082519',
		holly: '#2F7A4F',
		hollyLight: '#5FA877',
		red: '#C62B2B',
		gold: '#E3B95B',
		cream: '#FFF6E5',
		snow: '#FFFFFF',
		photo: '#1F5A43'
	},
	fonts: [
		{ family: 'Lobster Two', weights: [700] },
		{ family: 'LXGW WenKai', weights: [400] },
		{ family: 'Noto Sans SC', weights: [400, 700] },
		{ family: 'League Spartan', weights: [600] }
	],
	slots: [{ id: 'window', role: 'framed' }],
	layout: {
		margin: 0.07,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), linear(90, '@pine', '@deep')),
			path('snow', box(0, 0, 1, 1, 'page'), snow, solid('@snow'), { opacity: 0.55 }),
			path('flakes', box(0, 0, 1, 1, 'page'), flakes, solid('@snow'), { opacity: 0.2 }),
			text(
				'kicker',
				{ zh: 'MERRY CHRISTMAS & HAPPY NEW YEAR', en: "SEASON'S GREETINGS" },
				box(0, 0, 1, 0.03),
				{
					family: 'League Spartan',
					weight: 600,
					size: 0.022,
					color: '@gold',
					align: 'center',
					verticalAlign: 'middle',
					letterSpacing: 0.35
				}
			),
			text('headline', 'headline', box(0, 0.04, 1, 0.15), {
				family: 'LXGW WenKai',
				latinFamily: 'Lobster Two',
				latinWeight: 700,
				size: 0.14,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle',
				lineHeight: 1.05,
				minScale: 0.16,
				shadow: { color: '#00000066', blur: 0.04, x: 0, y: 0.02 }
			}),
			image('window', 'window', circ(0.22, 0.18, 0.56, 0.58), linear(90, '@photo', '@pine'), {
				cornerRadius: 0.5
			}),
			path('wreath-dark', circ(0.1, 0.18, 0.8, 0.58), w.dark, solid('@holly')),
			path('wreath-light', circ(0.1, 0.18, 0.8, 0.58), w.light, solid('@hollyLight')),
			path('berries', circ(0.1, 0.18, 0.8, 0.58), w.berries, solid('@red')),
			path('bow', circ(0.1, 0.18, 0.8, 0.58), w.bow, solid('@red')),
			rect('offer-band', box(0.06, 0.8, 0.88, 0.06), solid('@red'), {
				cornerRadius: 0.03,
				requires: 'offer'
			}),
			text('offer', 'offer', box(0.06, 0.8, 0.88, 0.06), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.032,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.04
			}),
			text('date', 'date', box(0, 0.885, 1, 0.045), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.03,
				color: '@gold',
				align: 'center',
				verticalAlign: 'middle'
			}),
			text('venue', 'venue', box(0, 0.935, 1, 0.045), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.027,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{
				id: 'wreath',
				name: { zh: '花环', en: 'Wreath' },
				members: ['wreath-dark', 'wreath-light', 'berries', 'bow']
			},
			{ id: 'offer-group', name: { zh: '优惠条', en: 'Offer strip' }, members: ['offer-band', 'offer'] }
		],
		overrides: {
			portrait: {
				'offer-band': { box: box(0.06, 0.8, 0.88, 0.055) },
				offer: { box: box(0.06, 0.8, 0.88, 0.055) }
			},
			square: {
				kicker: {
					box: box(0.5, 0.08, 0.5, 0.04),
					style: { align: 'start', size: 0.018, letterSpacing: 0.2 }
				},
				headline: { box: box(0.5, 0.14, 0.5, 0.32), style: { align: 'start', size: 0.1 } },
				window: { box: at(0.05, 0.2, 0.38) },
				'wreath-dark': { box: at(-0.04, 0.11, 0.56) },
				'wreath-light': { box: at(-0.04, 0.11, 0.56) },
				berries: { box: at(-0.04, 0.11, 0.56) },
				bow: { box: at(-0.04, 0.11, 0.56) },
				'offer-band': { box: box(0.5, 0.52, 0.5, 0.1) },
				offer: { box: box(0.51, 0.52, 0.48, 0.1), style: { size: 0.025, letterSpacing: 0 } },
				date: { box: box(0.5, 0.66, 0.5, 0.06), style: { align: 'start' } },
				venue: { box: box(0.5, 0.73, 0.5, 0.06), style: { align: 'start' } }
			},
			tall: {
				kicker: { box: box(0, 0.02, 1, 0.02), style: { size: 0.034 } },
				headline: { box: box(0, 0.05, 1, 0.13), style: { size: 0.2 } },
				window: { box: circ(0.15, 0.2, 0.7, 0.5) },
				'wreath-dark': { box: circ(0, 0.2, 1, 0.5) },
				'wreath-light': { box: circ(0, 0.2, 1, 0.5) },
				berries: { box: circ(0, 0.2, 1, 0.5) },
				bow: { box: circ(0, 0.2, 1, 0.5) },
				'offer-band': { box: box(0, 0.73, 1, 0.05) },
				offer: { box: box(0, 0.73, 1, 0.05), style: { size: 0.05 } },
				date: { box: box(0, 0.81, 1, 0.04), style: { size: 0.05 } },
				venue: { box: box(0, 0.86, 1, 0.04), style: { size: 0.045 } }
			}
		}
	},
	prompt: {
		slot: 'window',
		scene: {
			zh: '温馨的圣诞窗景：木桌上一杯冒着热气的热可可和姜饼人饼干，背后是挂着暖黄色串灯的圣诞树，窗外飘着雪，红绿金配色，柔和的暖光，浅景深虚化光斑，50 毫米镜头。',
			en: 'A cosy Christmas window scene: a steaming mug of hot chocolate and gingerbread cookies on a wooden table, a Christmas tree with warm fairy lights behind, snow falling outside the window, red, green and gold, soft warm light, shallow depth of field with bokeh, 50 mm lens.'
		},
		composition: {
			zh: '热可可位于画面正中，四周是柔和的光斑，便于裁成圆形。',
			en: 'The mug sits in the exact centre surrounded by soft bokeh, so the picture can be cropped to a circle.'
		},
		avoid: {
			zh: '不要文字，不要品牌标志，不要水印，不要人脸。',
			en: 'No text, no brand logos, no watermark, no faces.'
		}
	}
};
