import { bar, box, field, image, leaf, linear, path, rect, solid, text } from '../art.mjs';

// A botanical sprig (viewBox 60×100): a curved stem with paired leaves, drawn as thin gold line art.
function sprig() {
	let d = '';
	const stem = (t) => [30 + 10 * Math.sin(t * 2.2), 100 - t * 96];
	for (let i = 0; i < 24; i++) d += bar(...stem(i / 24), ...stem((i + 1) / 24), 0.9);
	for (let i = 1; i < 8; i++) {
		const t = i / 8.5;
		const [x, y] = stem(t);
		const s = 15 * (1 - t * 0.55);
		d += leaf(x, y, x + s, y - s * 0.8, 0.3) + leaf(x, y, x - s, y - s * 0.75, 0.3);
	}
	return [d, 60, 100];
}

export default {
	schemaVersion: 1,
	id: 'beauty-salon',
	name: { zh: '焕颜美容', en: 'Glow Beauty Salon' },
	description: {
		zh: '裸粉与玫瑰金的杂志感版式：照片带错位金色线框，细衬线大标题，植物线描点缀',
		en: 'A nude pink and rose-gold editorial layout: the photo with an offset gold outline, a fine serif headline and botanical line art'
	},
	category: 'fitness-beauty',
	tags: ['美容', '美容院', '护肤', '医美', '美甲', 'SPA', 'beauty', 'skincare', 'salon', 'spa'],
	fields: [
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '焕颜新生',
				en: 'Glow Renewal',
				long: {
					zh: '春季焕颜季 深层补水护理 让肌肤重新发光',
					en: 'Spring Glow Season: Deep Hydration Facials for Radiant Skin'
				}
			},
			{ required: true }
		),
		field('subtitle', 'text', '副标题', 'Subtitle', {
			zh: '深层补水 · 光子嫩肤 · 私人定制护理',
			en: 'Hydration · light therapy · tailored care'
		}),
		field(
			'services',
			'text',
			'项目（每行一条）',
			'Treatments (one per line)',
			{
				zh: '小气泡深层清洁\n玻尿酸补水导入\n肩颈舒缓 SPA',
				en: 'Deep pore cleansing\nHyaluronic hydration\nNeck and shoulder spa'
			},
			{ multiline: true }
		),
		field('price', 'price', '体验价', 'Trial price', { zh: '199', en: '199' }),
		field('booking', 'text', '预约方式', 'Booking', {
			zh: '海报美学馆 · 预约 021-6666 8888',
			en: 'Haibao Beauty · book on 021-6666 8888'
		})
	],
	formats: ['xhs-1242x1660', 'a3', 'rollup-80x200', 'square-1080'],
	palette: {
		background: '#F6E4DE',
		blush: '#F6E4DE',
		petal: '#EBCBC3',
		rose: '#9A4F4A',
		deep: '#5B3A3A',
		gold: '#B8976A',
		bronze: '#7A5A38',
		white: '#FFFDFB',
		photo: '#E2BDB4'
	},
	fonts: [
		{ family: 'Noto Serif SC', weights: [400, 900] },
		{ family: 'Noto Sans SC', weights: [400] },
		{ family: 'League Spartan', weights: [500] }
	],
	slots: [{ id: 'portrait', role: 'framed' }],
	layout: {
		margin: 0.08,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), solid('@blush')),
			path(
				'petal',
				box(0.3, -0.12, 0.9, 0.7, 'page', { aspect: 1, align: [0, 0] }),
				['M50 0C78 0 100 22 100 50C100 78 78 100 50 100C22 100 0 78 0 50C0 22 22 0 50 0Z', 100, 100],
				solid('@petal')
			),
			path(
				'sprig',
				box(0, 0.16, 0.28, 0.36, 'page', { aspect: 0.6, align: [0.5, 0.5] }),
				sprig(),
				solid('@gold'),
				{ opacity: 0.8 }
			),
			rect('outline', box(0.33, 0.02, 0.67, 0.56), null, { stroke: { color: '@gold', width: 0.003 } }),
			image('portrait', 'portrait', box(0.3, 0, 0.67, 0.56), linear(135, '@white', '@photo'), {
				cornerRadius: 0.02
			}),
			text('kicker', { zh: 'BEAUTY · SKIN CARE', en: 'BEAUTY · SKIN CARE' }, box(0, 0.62, 1, 0.03), {
				family: 'League Spartan',
				weight: 500,
				size: 0.022,
				color: '@bronze',
				verticalAlign: 'middle',
				letterSpacing: 0.45
			}),
			text('headline', 'headline', box(0, 0.655, 1, 0.12), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.12,
				color: '@deep',
				verticalAlign: 'middle',
				lineHeight: 1.1,
				letterSpacing: 0.06,
				minScale: 0.16
			}),
			text('subtitle', 'subtitle', box(0, 0.78, 1, 0.035), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.03,
				color: '@rose',
				verticalAlign: 'middle',
				letterSpacing: 0.06
			}),
			rect('divider', box(0, 0.835, 1, 0.0015), solid('@gold')),
			text('services', 'services', box(0, 0.85, 0.55, 0.12), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.024,
				color: '@deep',
				lineHeight: 1.6,
				verticalAlign: 'top'
			}),
			text('price-label', { zh: '新客体验价', en: 'FIRST VISIT' }, box(0.55, 0.85, 0.45, 0.03), {
				family: 'Noto Serif SC',
				weight: 400,
				latinFamily: 'League Spartan',
				latinWeight: 500,
				size: 0.024,
				color: '@rose',
				align: 'end',
				verticalAlign: 'middle',
				letterSpacing: 0.1
			}),
			text('price', 'price', box(0.5, 0.88, 0.5, 0.08), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.08,
				color: '@rose',
				align: 'end',
				verticalAlign: 'middle',
				currencyScale: 0.45,
				lineHeight: 1
			}),
			text('booking', 'booking', box(0, 0.97, 1, 0.03), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.02,
				color: '@deep',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'price-group', name: { zh: '体验价', en: 'Trial price' }, members: ['price-label', 'price'] }
		],
		overrides: {
			square: {
				petal: { hidden: true },
				sprig: { box: box(0.84, 0.62, 0.2, 0.4, 'page', { aspect: 0.6, align: [1, 1] }) },
				outline: { box: box(0.03, 0.03, 0.44, 0.94) },
				portrait: { box: box(0, 0, 0.44, 0.94) },
				kicker: { box: box(0.52, 0.02, 0.48, 0.05), style: { size: 0.018, letterSpacing: 0.3 } },
				headline: { box: box(0.52, 0.08, 0.48, 0.3), style: { size: 0.1 } },
				subtitle: { box: box(0.52, 0.4, 0.48, 0.1), style: { size: 0.026, letterSpacing: 0 } },
				divider: { box: box(0.52, 0.53, 0.48, 0.002) },
				services: { box: box(0.52, 0.56, 0.48, 0.16) },
				'price-label': { box: box(0.52, 0.74, 0.48, 0.04), style: { align: 'start' } },
				price: { box: box(0.52, 0.78, 0.48, 0.1), style: { align: 'start' } },
				booking: { box: box(0.52, 0.92, 0.48, 0.06), style: { size: 0.018 } }
			},
			tall: {
				petal: { box: box(0.2, -0.05, 1, 0.5, 'page', { aspect: 1, align: [0, 0] }) },
				sprig: { hidden: true },
				outline: { box: box(0.18, 0.01, 0.82, 0.45) },
				portrait: { box: box(0.14, 0, 0.82, 0.45) },
				kicker: { box: box(0, 0.485, 1, 0.018), style: { size: 0.034 } },
				headline: { box: box(0, 0.515, 1, 0.1), style: { size: 0.16, minScale: 0.16 } },
				subtitle: { box: box(0, 0.625, 1, 0.03), style: { size: 0.045 } },
				divider: { box: box(0, 0.67, 1, 0.001) },
				services: { box: box(0, 0.685, 1, 0.1), style: { size: 0.045 } },
				'price-label': { box: box(0, 0.8, 1, 0.025), style: { align: 'start', size: 0.04 } },
				price: { box: box(0, 0.83, 1, 0.06), style: { align: 'start', size: 0.14 } },
				booking: { box: box(0, 0.94, 1, 0.03), style: { size: 0.035 } }
			}
		}
	},
	prompt: {
		slot: 'portrait',
		scene: {
			zh: '美容护肤广告摄影：一位年轻女性闭着眼微笑，皮肤通透有光泽，手指轻触脸颊，背景是柔和的裸粉色，旁边有几朵白色芍药，柔光箱正面光，干净高级的杂志风格，85 毫米人像镜头。',
			en: 'Skincare advertising photography: a young woman smiling with her eyes closed, glowing translucent skin, fingertips touching her cheek, a soft nude pink background with a few white peonies, soft frontal light from a softbox, clean upmarket magazine style, 85 mm portrait lens.'
		},
		composition: {
			zh: '竖构图，人物脸部位于画面中上部，肩部以上，四周背景简洁。',
			en: 'Portrait framing, the face in the upper middle, head and shoulders, with a plain background around.'
		},
		avoid: {
			zh: '不要文字，不要品牌标志，不要水印。',
			en: 'No text, no brand logos, no watermark.'
		}
	}
};
