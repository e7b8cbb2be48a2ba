import { box, circle, field, image, leaf, linear, path, rect, solid, text, waves } from '../art.mjs';

// Bamboo leaves fanning out from the top-right corner (viewBox 100×100).
const leavesDark = [
	[100, -4, 30, 26, 0.13, 0.03],
	[104, 8, 44, 58, 0.12, -0.02],
	[96, -6, 58, 44, 0.12, 0.04]
]
	.map((a) => leaf(...a))
	.join('');
const leavesLight = [
	[102, 2, 20, 12, 0.1, 0.05],
	[104, 14, 70, 72, 0.1, -0.03]
]
	.map((a) => leaf(...a))
	.join('');
const river = (y, phase) => [waves(100, y, 2.2, 16, 30, phase), 100, 30];

export default {
	schemaVersion: 1,
	id: 'festival-dragon-boat',
	name: { zh: '端午安康', en: 'Dragon Boat Festival' },
	description: {
		zh: '米色宣纸底，竖排毛笔标题与红色印章，粽叶从右上角伸出，底部是层层碧波',
		en: 'Rice-paper cream, a vertical brush headline with a red seal, bamboo leaves from the corner and layered green waves'
	},
	category: 'festival',
	tags: ['端午', '端午节', '粽子', '龙舟', '节日', 'Dragon Boat', 'Duanwu', 'zongzi', 'festival'],
	fields: [
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '端午安康',
				en: 'Happy Dragon Boat Festival',
				long: {
					zh: '粽情端午 龙舟竞渡 海报城第五届端午民俗文化节',
					en: 'Zongzi, Drums and Dragon Boats: the Fifth Riverside Duanwu Fair'
				}
			},
			{ required: true }
		),
		field('subtitle', 'text', '副标题', 'Subtitle', {
			zh: '农历五月初五 · 粽叶飘香 · 龙舟竞渡',
			en: 'Fifth day of the fifth lunar month'
		}),
		field(
			'date',
			'date',
			'日期',
			'Date',
			{ zh: '2026-06-19 09:00', en: '2026-06-19 09:00' },
			{ required: true }
		),
		field('venue', 'text', '地点', 'Venue', { zh: '海报城 · 滨江龙舟码头', en: 'Riverside Dragon Boat Pier' })
	],
	formats: ['a3', 'xhs-1242x1660', 'banner-300x70', 'wechat-900x383'],
	palette: {
		background: '#F3EFE2',
		paper: '#F3EFE2',
		jade: '#0E6B4F',
		leaf: '#3E9B6A',
		leafLight: '#8CC79A',
		ink: '#17392C',
		red: '#C8102E',
		white: '#FFFFFF',
		photo: '#D8E6D4'
	},
	fonts: [
		{ family: 'Ma Shan Zheng', weights: [400] },
		{ family: 'Noto Serif SC', weights: [400, 900] },
		{ family: 'League Spartan', weights: [600] }
	],
	slots: [{ id: 'scene', role: 'framed' }],
	layout: {
		margin: 0.07,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), solid('@paper')),
			path(
				'sun',
				box(0.04, 0.08, 0.2, 0.2, 'page', { aspect: 1 }),
				[circle(50, 50, 50), 100, 100],
				solid('#E9DFC6')
			),
			path(
				'leaves-light',
				box(0.6, -0.02, 0.42, 0.2, 'page', { aspect: 1, align: [1, 0] }),
				[leavesLight, 100, 100],
				solid('@leafLight')
			),
			path(
				'leaves',
				box(0.6, -0.02, 0.42, 0.2, 'page', { aspect: 1, align: [1, 0] }),
				[leavesDark, 100, 100],
				solid('@leaf')
			),
			path('wave-back', box(0, 0.8, 1, 0.22, 'bleed'), river(6, 0), solid('@leafLight'), { opacity: 0.7 }),
			path('wave-mid', box(0, 0.84, 1, 0.18, 'bleed'), river(8, 6), solid('@leaf')),
			path('wave-front', box(0, 0.89, 1, 0.13, 'bleed'), river(8, 11), solid('@jade')),
			text('kicker', { zh: 'DRAGON BOAT FESTIVAL', en: 'DUANWU · 2026' }, box(0, 0, 0.7, 0.03), {
				family: 'League Spartan',
				weight: 600,
				size: 0.022,
				color: '@jade',
				verticalAlign: 'middle',
				letterSpacing: 0.4
			}),
			image(
				'scene-han',
				'scene',
				box(0, 0.06, 0.7, 0.56, 'content', { aspect: 1, align: [0, 0] }),
				linear(90, '@photo', '#B9D3B4'),
				{ cornerRadius: 0.5, requires: 'headline', script: 'han' }
			),
			image(
				'scene-latin',
				'scene',
				box(0, 0.06, 0.62, 0.44, 'content', { aspect: 1, align: [0, 0] }),
				linear(90, '@photo', '#B9D3B4'),
				{ cornerRadius: 0.5, requires: 'headline', script: 'latin' }
			),
			text(
				'headline-han',
				'headline',
				box(0.74, 0.2, 0.26, 0.43),
				{
					family: 'Ma Shan Zheng',
					size: 0.15,
					color: '@ink',
					vertical: true,
					align: 'start',
					verticalAlign: 'top',
					lineHeight: 1.1,
					minScale: 0.16
				},
				{ script: 'han' }
			),
			rect('seal', box(0.87, 0.64, 0.1, 0.1, 'content', { aspect: 1, align: [0.5, 0] }), solid('@red'), {
				cornerRadius: 0.006,
				requires: 'headline',
				script: 'han'
			}),
			text(
				'seal-mark',
				{ zh: '粽', en: '粽' },
				box(0.87, 0.64, 0.1, 0.1, 'content', { aspect: 1, align: [0.5, 0] }),
				{ family: 'Ma Shan Zheng', size: 0.05, color: '@white', align: 'center', verticalAlign: 'middle' },
				{ requires: 'headline', script: 'han' }
			),
			text(
				'headline-latin',
				'headline',
				box(0, 0.52, 1, 0.14),
				{
					family: 'Noto Serif SC',
					weight: 900,
					size: 0.075,
					color: '@ink',
					verticalAlign: 'middle',
					lineHeight: 1.1,
					minScale: 0.16
				},
				{ script: 'latin' }
			),
			text('subtitle', 'subtitle', box(0, 0.67, 0.84, 0.045), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.03,
				color: '@jade',
				verticalAlign: 'middle',
				letterSpacing: 0.06
			}),
			text('date', 'date', box(0, 0.73, 0.84, 0.045), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.034,
				color: '@ink',
				verticalAlign: 'middle'
			}),
			text('venue', 'venue', box(0, 0.78, 0.84, 0.04), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.028,
				color: '@ink',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'leaf-group', name: { zh: '粽叶', en: 'Leaves' }, members: ['leaves-light', 'leaves'] },
			{ id: 'waves', name: { zh: '水波', en: 'Waves' }, members: ['wave-back', 'wave-mid', 'wave-front'] },
			{ id: 'seal-group', name: { zh: '印章', en: 'Seal' }, members: ['seal', 'seal-mark'] }
		],
		overrides: {
			wide: {
				sun: { hidden: true },
				'leaves-light': { box: box(0.82, -0.05, 0.2, 0.6, 'page', { aspect: 1, align: [1, 0] }) },
				leaves: { box: box(0.82, -0.05, 0.2, 0.6, 'page', { aspect: 1, align: [1, 0] }) },
				'wave-back': { box: box(0, 0.72, 1, 0.3, 'bleed') },
				'wave-mid': { box: box(0, 0.78, 1, 0.24, 'bleed') },
				'wave-front': { box: box(0, 0.86, 1, 0.16, 'bleed') },
				kicker: { box: box(0.34, 0, 0.5, 0.1), style: { size: 0.05 } },
				'scene-han': { box: box(0, 0, 0.3, 0.78, 'content', { aspect: 1, align: [0, 0] }) },
				'scene-latin': { box: box(0, 0, 0.3, 0.78, 'content', { aspect: 1, align: [0, 0] }) },
				'headline-han': {
					box: box(0.34, 0.12, 0.46, 0.38),
					style: { vertical: false, size: 0.24, minScale: 0.16 }
				},
				seal: { hidden: true },
				'seal-mark': { hidden: true },
				'headline-latin': { box: box(0.34, 0.1, 0.46, 0.36), style: { size: 0.15, minScale: 0.16 } },
				subtitle: { box: box(0.34, 0.5, 0.5, 0.1), style: { size: 0.055 } },
				date: { box: box(0.34, 0.6, 0.6, 0.1), style: { size: 0.06 } },
				venue: { hidden: true }
			},
			'banner-300x70': {
				sun: { hidden: true },
				'leaves-light': { box: box(0.82, -0.05, 0.2, 0.7, 'page', { aspect: 1, align: [1, 0] }) },
				leaves: { box: box(0.82, -0.05, 0.2, 0.7, 'page', { aspect: 1, align: [1, 0] }) },
				kicker: { box: box(0.18, 0, 0.4, 0.1), style: { size: 0.06 } },
				'scene-han': { box: box(0, 0, 0.16, 0.8, 'content', { aspect: 1, align: [0, 0] }) },
				'scene-latin': { box: box(0, 0, 0.16, 0.8, 'content', { aspect: 1, align: [0, 0] }) },
				'headline-han': { box: box(0.18, 0.12, 0.44, 0.45), style: { size: 0.34, minScale: 0.16 } },
				'headline-latin': { box: box(0.18, 0.12, 0.44, 0.45), style: { size: 0.2 } },
				subtitle: { box: box(0.18, 0.6, 0.44, 0.12), style: { size: 0.07 } },
				date: { box: box(0.64, 0.18, 0.22, 0.14), style: { size: 0.08 } },
				venue: { hidden: false, box: box(0.64, 0.34, 0.22, 0.14), style: { size: 0.07 } }
			}
		}
	},
	prompt: {
		slot: 'scene',
		scene: {
			zh: '端午节静物摄影：竹编托盘上放着几只用粽叶包好、系着红绳的三角粽子，旁边是新鲜的粽叶和一枝艾草，浅米色亚麻桌布，清晨柔和的自然光，清新的绿色调，俯拍四十五度，50 毫米镜头。',
			en: 'A Dragon Boat Festival still life: a few pyramid-shaped zongzi wrapped in bamboo leaves and tied with red string on a woven bamboo tray, fresh leaves and a sprig of mugwort beside them, a pale linen tablecloth, soft morning light, fresh green tones, 45-degree overhead view, 50 mm lens.'
		},
		composition: {
			zh: '粽子位于画面正中，四周留出均匀的空间，便于裁成圆形。',
			en: 'The zongzi sit in the exact centre with even space all round, so the picture can be cropped to a circle.'
		},
		avoid: {
			zh: '不要文字，不要包装上的字，不要水印。',
			en: 'No text, no lettering on packaging, no watermark.'
		}
	}
};
