import { box, field, image, linear, path, poly, rect, solid, text } from '../art.mjs';

// Diagonal slashes (viewBox 100×100): one bold lime band and two thin ones, running up to the right.
const slash = (x, w) =>
	poly([
		[x, 100],
		[x + w, 100],
		[x + w + 40, 0],
		[x + 40, 0]
	]);
const slashes = [slash(30, 14) + slash(50, 3) + slash(58, 1.5), 100, 100];

export default {
	schemaVersion: 1,
	id: 'fitness-gym',
	name: { zh: '燃脂训练营', en: 'Burn Camp Gym' },
	description: {
		zh: '黑底荧光绿，大字号粗黑标题左对齐，运动员照片占据右侧，斜切色块制造速度感',
		en: 'Black and neon lime: a heavy left-aligned headline, the athlete photo on the right and diagonal slashes for speed'
	},
	category: 'fitness-beauty',
	tags: ['健身', '健身房', '私教', '燃脂', '减脂', '运动', '瑜伽', 'gym', 'fitness', 'workout', 'training'],
	fields: [
		field(
			'kicker',
			'text',
			'小标（英文）',
			'Kicker',
			{ zh: 'NO EXCUSES · 2026', en: 'NO EXCUSES · 2026' },
			{ language: 'en', maxLength: 24 }
		),
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '燃脂 28 天',
				en: '28-Day Burn Camp',
				long: {
					zh: '夏日 28 天私教燃脂训练营 零基础也能练出马甲线',
					en: 'Summer 28-Day Personal Training Burn Camp for Total Beginners'
				}
			},
			{ required: true, maxLength: 70 }
		),
		field(
			'subtitle',
			'text',
			'副标题',
			'Subtitle',
			{ zh: '私教一对一 · 体态评估 · 饮食指导', en: 'One-to-one coaching · posture check · meal plan' },
			{ maxLength: 50 }
		),
		field(
			'points',
			'text',
			'课程内容（每行一条）',
			'What you get (one per line)',
			{
				zh: '每周 3 次 HIIT 燃脂课\n体脂率、围度每周测量\n结营前后对比照',
				en: 'Three HIIT sessions a week\nWeekly body-fat check\nBefore-and-after photos'
			},
			{ maxLength: 90, multiline: true }
		),
		field('price', 'price', '体验价', 'Price', { zh: '399', en: '399' }),
		field(
			'was',
			'text',
			'价格说明',
			'Price note',
			{ zh: '/ 28 天 原价 ¥1280', en: '/ 28 days · was ¥1280' },
			{ maxLength: 24 }
		),
		field('cta', 'text', '按钮文字', 'Button', { zh: '免费体验一节', en: 'FREE TRIAL' }, { maxLength: 10 }),
		field(
			'contact',
			'text',
			'地址电话',
			'Address & phone',
			{ zh: '海报健身 · 滨江店 138 0000 8888', en: 'Haibao Fitness Riverside · 138 0000 8888' },
			{ maxLength: 50 }
		)
	],
	formats: ['a3', 'rollup-80x200', 'xhs-1242x1660', 'screen-1920x1080'],
	palette: {
		background: '#0E0E10',
		lime: '#C8FF2E',
		white: '#FFFFFF',
		grey: '#1E1F23',
		muted: '#A4A7AE',
		photo: '#2A2C31'
	},
	fonts: [
		{ family: 'Noto Sans SC', weights: [400, 700, 900] },
		{ family: 'Bebas Neue', weights: [400] }
	],
	slots: [{ id: 'athlete', role: 'background' }],
	layout: {
		margin: 0.07,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), solid('@background')),
			image('athlete', 'athlete', box(0.34, 0, 0.68, 0.74, 'bleed'), linear(120, '@photo', '@grey')),
			rect('shade-left', box(0.33, 0, 0.4, 0.76, 'bleed'), linear(0, '@background', '#0E0E1000')),
			rect('shade-bottom', box(0, 0.5, 1, 0.26, 'bleed'), linear(90, '#0E0E1000', '@background')),
			path('slashes', box(0.52, 0.42, 0.5, 0.24, 'page'), slashes, solid('@lime')),
			text('kicker', 'kicker', box(0, 0, 0.6, 0.04), {
				family: 'Bebas Neue',
				size: 0.036,
				color: '@lime',
				verticalAlign: 'middle',
				letterSpacing: 0.3
			}),
			text('headline', 'headline', box(0, 0.05, 0.7, 0.22), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'Bebas Neue',
				latinWeight: 400,
				size: 0.12,
				color: '@white',
				lineHeight: 1.02,
				uppercase: true,
				minScale: 0.16
			}),
			text('subtitle', 'subtitle', box(0, 0.285, 0.58, 0.05), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.032,
				color: '@lime',
				verticalAlign: 'middle'
			}),
			rect('points-bar', box(0, 0.375, 0.012, 0.15), solid('@lime'), { requires: 'points' }),
			text('points', 'points', box(0.04, 0.37, 0.5, 0.16), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.03,
				color: '@white',
				lineHeight: 1.65,
				verticalAlign: 'middle'
			}),
			text('price', 'price', box(0, 0.7, 0.5, 0.13), {
				family: 'Bebas Neue',
				size: 0.17,
				color: '@lime',
				verticalAlign: 'bottom',
				currencyScale: 0.5,
				lineHeight: 1
			}),
			text('was', 'was', box(0, 0.835, 0.5, 0.04), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.026,
				color: '@muted',
				verticalAlign: 'top'
			}),
			rect('cta-pill', box(0.56, 0.75, 0.44, 0.08), solid('@lime'), { cornerRadius: 0.01, requires: 'cta' }),
			text('cta', 'cta', box(0.56, 0.75, 0.44, 0.08), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'Bebas Neue',
				latinWeight: 400,
				size: 0.036,
				color: '@background',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.06
			}),
			rect('rule', box(0, 0.915, 1, 0.002), solid('#FFFFFF33')),
			text('contact', 'contact', box(0, 0.93, 1, 0.07), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.026,
				color: '@muted',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'points-group', name: { zh: '课程内容', en: 'What you get' }, members: ['points-bar', 'points'] },
			{ id: 'price-group', name: { zh: '价格', en: 'Price' }, members: ['price', 'was'] },
			{ id: 'cta-group', name: { zh: '按钮', en: 'Button' }, members: ['cta-pill', 'cta'] }
		],
		overrides: {
			tall: {
				athlete: { box: box(0, 0, 1, 0.46, 'bleed') },
				'shade-left': { hidden: true },
				'shade-bottom': { box: box(0, 0.3, 1, 0.17, 'bleed') },
				slashes: { box: box(0.55, 0.28, 0.47, 0.1, 'page') },
				kicker: { box: box(0, 0.43, 1, 0.025), style: { size: 0.06 } },
				headline: { box: box(0, 0.46, 1, 0.15), style: { size: 0.2 } },
				subtitle: { box: box(0, 0.615, 1, 0.03), style: { size: 0.05 } },
				'points-bar': { box: box(0, 0.66, 0.015, 0.1) },
				points: { box: box(0.05, 0.655, 0.95, 0.11), style: { size: 0.048 } },
				price: { box: box(0, 0.78, 1, 0.08), style: { size: 0.16 } },
				was: { box: box(0, 0.86, 1, 0.02), style: { size: 0.04 } },
				'cta-pill': { box: box(0, 0.895, 1, 0.045) },
				cta: { box: box(0, 0.895, 1, 0.045), style: { size: 0.065 } },
				rule: { box: box(0, 0.955, 1, 0.001) },
				contact: { box: box(0, 0.962, 1, 0.038), style: { size: 0.038 } }
			},
			portrait: {
				headline: { box: box(0, 0.05, 0.72, 0.22) }
			},
			landscape: {
				athlete: { box: box(0.45, 0, 0.56, 1, 'bleed') },
				'shade-left': { box: box(0.44, 0, 0.25, 1, 'bleed') },
				'shade-bottom': { hidden: true },
				slashes: { box: box(0.62, 0.6, 0.4, 0.42, 'page') },
				kicker: { box: box(0, 0, 0.5, 0.06), style: { size: 0.045 } },
				headline: { box: box(0, 0.08, 0.52, 0.34), style: { size: 0.15 } },
				subtitle: { box: box(0, 0.44, 0.5, 0.07), style: { size: 0.04 } },
				'points-bar': { hidden: true },
				points: { hidden: true },
				price: { box: box(0, 0.56, 0.3, 0.2), style: { size: 0.2 } },
				was: { box: box(0, 0.77, 0.3, 0.06), style: { size: 0.03 } },
				'cta-pill': { box: box(0.3, 0.63, 0.2, 0.12) },
				cta: { box: box(0.3, 0.63, 0.2, 0.12), style: { size: 0.04 } },
				rule: { box: box(0, 0.88, 0.5, 0.003) },
				contact: { box: box(0, 0.9, 0.5, 0.1), style: { size: 0.03 } }
			}
		}
	},
	prompt: {
		slot: 'athlete',
		scene: {
			zh: '健身房里一位健美的年轻女性正在做壶铃训练，侧身，汗水在皮肤上发光，深色工业风健身房背景，强烈的侧逆光勾出身体轮廓，高对比度，冷暗色调中点缀一点荧光绿，运动广告摄影，85 毫米镜头。',
			en: 'A fit young woman doing a kettlebell swing in a gym, seen from the side, sweat glowing on her skin, a dark industrial gym behind, strong rim light outlining her body, high contrast, cool dark tones with a touch of neon lime, sports advertising photography, 85 mm lens.'
		},
		composition: {
			zh: '人物位于画面右侧三分之二处，左侧是大片深色的暗部，画面下部逐渐变暗。',
			en: 'The athlete stands in the right two thirds; the left side is a large dark area, and the bottom fades into shadow.'
		},
		avoid: {
			zh: '不要文字，不要品牌标志，不要水印。',
			en: 'No text, no brand logos, no watermark.'
		}
	}
};
