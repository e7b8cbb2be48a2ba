import { box, field, image, linear, path, rays, rect, rng, solid, star, text } from '../art.mjs';

// Small stars scattered over the red sky (viewBox 100×60), none near the centre line of the headline.
function stars() {
	const rand = rng(10);
	let d = '';
	for (let i = 0; i < 14; i++) {
		const x = i % 2 ? 2 + rand() * 6 : 92 + rand() * 6;
		const y = 4 + rand() * 52;
		const r = 0.8 + rand() * 1.2;
		d += star(x, y, r, r * 0.42, 5, -90 + rand() * 40);
	}
	return [d, 100, 60];
}
// A gold ribbon sweeping across the page (viewBox 100×20): a band between two curves.
const ribbon = ['M-2 12C20 2 38 2 54 9C70 16 86 14 102 4L102 9C86 19 70 21 54 14C38 7 20 7 -2 17Z', 100, 20];

export default {
	schemaVersion: 1,
	id: 'festival-national-day',
	name: { zh: '国庆黄金周', en: 'National Day Golden Week' },
	description: {
		zh: '中国红天空放射金光与星星，金色衬线大标题，一条金绸带把城市夜景照片托在下半幅',
		en: 'A red sky with gold rays and stars, a gold serif headline, and a gold ribbon over the city photo in the lower half'
	},
	category: 'festival',
	tags: [
		'国庆',
		'国庆节',
		'黄金周',
		'十一',
		'节日',
		'National Day',
		'Golden Week',
		'festival',
		'holiday sale'
	],
	fields: [
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '喜迎国庆',
				en: 'Happy National Day',
				long: {
					zh: '喜迎国庆 举国同庆 海报城黄金周购物狂欢节',
					en: 'Golden Week Celebration: Seven Days of Festive Shopping Downtown'
				}
			},
			{ required: true }
		),
		field('subtitle', 'text', '副标题', 'Subtitle', {
			zh: '黄金周七天乐 · 全场满 500 减 100',
			en: 'Seven festive days · ¥100 off every ¥500'
		}),
		field(
			'date',
			'date',
			'活动时间',
			'Dates',
			{ zh: '2026-10-01 ~ 2026-10-07', en: '2026-10-01 ~ 2026-10-07' },
			{ required: true }
		),
		field('venue', 'text', '地点', 'Venue', {
			zh: '海报城中心广场 · 1–5 层',
			en: 'Haibao City Plaza, floors 1–5'
		})
	],
	formats: ['a3', 'rollup-80x200', 'banner-300x70', 'xhs-1242x1660'],
	palette: {
		background: '#C41230',
		red: '#D81E2C',
		deep: '#9E0B1C',
		gold: '#FFD36B',
		goldDeep: '#E0A43A',
		cream: '#FFF3D6',
		photo: '#5A0A14'
	},
	fonts: [
		{ family: 'Noto Serif SC', weights: [400, 900] },
		{ family: 'Noto Sans SC', weights: [700] },
		{ family: 'League Spartan', weights: [700] }
	],
	slots: [{ id: 'city', role: 'background' }],
	layout: {
		margin: 0.07,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), linear(90, '@background', '@deep')),
			path(
				'rays',
				box(-0.2, -0.1, 1.4, 0.75, 'page'),
				[rays(50, 0, 30, 160, 0.45, Math.PI / 60), 100, 100],
				solid('@gold'),
				{ opacity: 0.12 }
			),
			path('stars', box(0, 0.02, 1, 0.42, 'page'), stars(), solid('@gold'), { opacity: 0.85 }),
			image('city', 'city', box(0, 0.56, 1, 0.44, 'bleed'), linear(90, '@photo', '#2A0409')),
			rect('city-shade', box(0, 0.78, 1, 0.22, 'bleed'), linear(90, '#9E0B1C00', '#9E0B1CF2')),
			path(
				'ribbon',
				box(-0.02, 0.5, 1.04, 0.12, 'bleed'),
				ribbon,
				linear(0, '@goldDeep', '@gold', '@goldDeep')
			),
			text('kicker', { zh: 'NATIONAL DAY · GOLDEN WEEK', en: 'GOLDEN WEEK · 10.1' }, box(0, 0.02, 1, 0.03), {
				family: 'League Spartan',
				weight: 700,
				size: 0.024,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.45
			}),
			text('headline', 'headline', box(0.06, 0.07, 0.88, 0.24), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.17,
				color: '@gold',
				align: 'center',
				verticalAlign: 'middle',
				lineHeight: 1.08,
				letterSpacing: 0.04,
				minScale: 0.16,
				shadow: { color: '#5A0612B3', blur: 0.03, x: 0, y: 0.04 }
			}),
			text('subtitle', 'subtitle', box(0, 0.33, 1, 0.05), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.036,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.06
			}),
			text('date', 'date', box(0, 0.86, 1, 0.05), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.04,
				color: '@gold',
				align: 'center',
				verticalAlign: 'middle'
			}),
			text('venue', 'venue', box(0, 0.92, 1, 0.045), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.03,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle'
			})
		],
		overrides: {
			tall: {
				rays: { box: box(-0.4, -0.05, 1.8, 0.45, 'page') },
				stars: { hidden: true },
				city: { box: box(0, 0.45, 1, 0.55, 'bleed') },
				'city-shade': { box: box(0, 0.62, 1, 0.22, 'page'), fill: linear(90, '#9E0B1C00', '@deep') },
				ribbon: { box: box(-0.05, 0.41, 1.1, 0.07, 'bleed') },
				kicker: { box: box(0, 0.02, 1, 0.02), style: { size: 0.036 } },
				headline: { box: box(0, 0.06, 1, 0.22), style: { size: 0.24 } },
				subtitle: { box: box(0, 0.3, 1, 0.03), style: { size: 0.05 } },
				date: { box: box(0, 0.86, 1, 0.04), style: { size: 0.06 } },
				venue: { box: box(0, 0.91, 1, 0.035), style: { size: 0.045 } }
			},
			wide: {
				rays: { box: box(0.1, -0.4, 0.8, 2.2, 'page') },
				stars: { hidden: true },
				city: { hidden: true },
				'city-shade': { hidden: true },
				ribbon: { box: box(-0.02, 0.72, 1.04, 0.35, 'bleed') },
				kicker: { box: box(0.2, 0, 0.6, 0.12), style: { size: 0.06 } },
				headline: { box: box(0.2, 0.12, 0.6, 0.52), style: { size: 0.42, minScale: 0.16 } },
				subtitle: { box: box(0.2, 0.66, 0.6, 0.13), style: { size: 0.08 } },
				date: { box: box(0, 0.2, 0.2, 0.4), style: { size: 0.065, align: 'start' } },
				venue: { box: box(0.8, 0.2, 0.2, 0.4), style: { size: 0.065, align: 'end' } }
			}
		}
	},
	prompt: {
		slot: 'city',
		scene: {
			zh: '国庆之夜的城市广场：现代高楼亮起红色与金色的灯光，夜空中绽放着金色烟花，街道两旁挂满小红旗和红灯笼，人群的剪影，长曝光，喜庆热烈，广角镜头，真实摄影。',
			en: 'A city square on National Day night: modern towers lit in red and gold, gold fireworks bursting in the night sky, streets lined with small red flags and red lanterns, silhouettes of the crowd, long exposure, festive and joyful, wide-angle lens, realistic photography.'
		},
		composition: {
			zh: '烟花在画面上半部，楼群在中下部，底部是较暗的人群剪影。',
			en: 'Fireworks fill the upper half, the towers the middle and lower part, with a darker crowd silhouette at the bottom.'
		},
		avoid: {
			zh: '不要文字，不要标语，不要水印，不要清晰人脸。',
			en: 'No text, no slogans, no watermark, no recognisable faces.'
		}
	}
};
