import { box, circle, field, image, linear, path, poly, rect, scatter, solid, text } from '../art.mjs';

const bolt = [
	poly([
		[58, 0],
		[18, 56],
		[44, 56],
		[32, 100],
		[82, 38],
		[54, 38],
		[70, 0]
	]),
	100,
	100
];
const glints = [scatter(3, 40, 100, 100, (x, y, r) => circle(x, y, 0.2 + r() * 0.5)), 100, 100];

export default {
	schemaVersion: 1,
	id: 'ecommerce-live-flash',
	name: { zh: '直播秒杀', en: 'Live Flash Sale' },
	description: {
		zh: '紫红霓虹配色，LIVE 角标、斜体大标题、霓虹描边商品卡和黄色闪电秒杀价',
		en: 'Purple and magenta neon: a LIVE badge, a slanted headline, a neon-edged product card and a yellow flash price'
	},
	category: 'ecommerce',
	tags: ['直播', '秒杀', '带货', '电商', '抢购', '预告', 'livestream', 'flash sale', 'e-commerce', 'deal'],
	fields: [
		field('live', 'text', '角标', 'Badge', { zh: '直播预告', en: 'LIVE' }),
		field('time', 'text', '开播时间', 'Start time', { zh: '今晚 20:00 准时开抢', en: 'Tonight 8 pm' }),
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '宠粉秒杀夜',
				en: 'Flash Sale Night',
				long: {
					zh: '年货节直播间宠粉秒杀夜 爆款低至一折 限量抢',
					en: 'New Year Livestream Flash Sale: Best Sellers up to 90% Off'
				}
			},
			{ required: true }
		),
		field('price', 'price', '秒杀价', 'Flash price', { zh: '99', en: '99' }, { required: true }),
		field('was', 'text', '日常价', 'Usual price', { zh: '日常价 ¥699', en: 'Usually ¥699' }),
		field('cta', 'text', '按钮文字', 'Button', { zh: '预约直播', en: 'SET REMINDER' }),
		field('host', 'text', '直播间', 'Channel', {
			zh: '海报优选直播间 · 主播小七',
			en: 'Haibao Select Live · host Qi'
		})
	],
	formats: ['xhs-1242x1660', 'square-1080', 'screen-1920x1080', 'banner-300x70'],
	palette: {
		background: '#1B0B3A',
		night: '#1B0B3A',
		magenta: '#7A0F6B',
		pink: '#E0136F',
		yellow: '#FFE14D',
		cyan: '#28E0FF',
		white: '#FFFFFF',
		lilac: '#D9C6FF',
		photo: '#F4EEFF'
	},
	fonts: [
		{ family: 'Smiley Sans', weights: [400] },
		{ family: 'Noto Sans SC', weights: [700, 900] },
		{ family: 'League Spartan', weights: [800] }
	],
	slots: [{ id: 'product', role: 'hero' }],
	layout: {
		margin: 0.06,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), linear(135, '@night', [0.55, '#3D0E5A'], '@magenta')),
			path('glints', box(0, 0, 1, 1, 'page'), glints, solid('@lilac'), {
				opacity: 0.35,
				region: 'backdrop'
			}),
			rect('live-pill', box(0, 0, 0.3, 0.045), solid('@pink'), { cornerRadius: 0.03, requires: 'live' }),
			text('live', 'live', box(0, 0, 0.3, 0.045), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'League Spartan',
				latinWeight: 800,
				size: 0.032,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.1
			}),
			text('time', 'time', box(0.32, 0, 0.68, 0.045), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.032,
				color: '@cyan',
				align: 'end',
				verticalAlign: 'middle'
			}),
			text('headline', 'headline', box(0, 0.065, 1, 0.16), {
				family: 'Smiley Sans',
				size: 0.15,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				lineHeight: 1.05,
				minScale: 0.16,
				stroke: { color: '@pink', width: 0.05 },
				shadow: { color: '#FF2D8799', blur: 0.15, x: 0, y: 0 }
			}),
			rect('card', box(0.04, 0.25, 0.92, 0.43), solid('@photo'), {
				cornerRadius: 0.04,
				stroke: { color: '@cyan', width: 0.006 }
			}),
			image('product', 'product', box(0.07, 0.27, 0.86, 0.39), linear(135, '@white', '@photo'), {
				cornerRadius: 0.06
			}),
			path(
				'bolt',
				box(0.36, 0.7, 0.14, 0.14, 'content', { aspect: 1, align: [0, 0.5] }),
				bolt,
				solid('@yellow')
			),
			text('price-label', { zh: '秒杀价', en: 'FLASH PRICE' }, box(0, 0.7, 0.4, 0.035), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'League Spartan',
				latinWeight: 800,
				size: 0.032,
				color: '@yellow',
				verticalAlign: 'middle',
				letterSpacing: 0.1
			}),
			text('price', 'price', box(0, 0.74, 0.4, 0.105), {
				family: 'Smiley Sans',
				size: 0.14,
				color: '@yellow',
				verticalAlign: 'middle',
				currencyScale: 0.4,
				lineHeight: 1
			}),
			text('was', 'was', box(0, 0.85, 0.4, 0.035), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.028,
				color: '@lilac',
				verticalAlign: 'middle'
			}),
			rect('cta-pill', box(0.54, 0.75, 0.46, 0.075), linear(0, '@yellow', '#FFC53D'), {
				cornerRadius: 0.05,
				requires: 'cta'
			}),
			text('cta', 'cta', box(0.54, 0.75, 0.46, 0.075), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'League Spartan',
				latinWeight: 800,
				size: 0.042,
				color: '@night',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.08
			}),
			text('host', 'host', box(0, 0.93, 1, 0.06), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.028,
				color: '@lilac',
				align: 'center',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'live-group', name: { zh: '角标', en: 'Badge' }, members: ['live-pill', 'live'] },
			{
				id: 'price-group',
				name: { zh: '秒杀价', en: 'Flash price' },
				members: ['bolt', 'price-label', 'price', 'was']
			},
			{ id: 'cta-group', name: { zh: '按钮', en: 'Button' }, members: ['cta-pill', 'cta'] }
		],
		overrides: {
			square: {
				'live-pill': { box: box(0, 0, 0.26, 0.065) },
				live: { box: box(0, 0, 0.26, 0.065) },
				time: { box: box(0, 0.08, 0.5, 0.05), style: { align: 'start', size: 0.03 } },
				headline: { box: box(0, 0.15, 0.5, 0.3), style: { size: 0.1, align: 'start' } },
				card: { box: box(0.54, 0, 0.46, 0.86) },
				product: { box: box(0.57, 0.025, 0.4, 0.81) },
				'price-label': { box: box(0, 0.48, 0.4, 0.045) },
				price: { box: box(0, 0.54, 0.34, 0.15), style: { size: 0.13 } },
				bolt: { box: box(0.34, 0.52, 0.16, 0.16, 'content', { aspect: 1, align: [0, 0.5] }) },
				was: { box: box(0, 0.7, 0.5, 0.05) },
				'cta-pill': { box: box(0, 0.78, 0.44, 0.09) },
				cta: { box: box(0, 0.78, 0.44, 0.09), style: { size: 0.038 } },
				host: { box: box(0, 0.91, 1, 0.09), style: { size: 0.026 } }
			},
			landscape: {
				'live-pill': { box: box(0.5, 0, 0.16, 0.08) },
				live: { box: box(0.5, 0, 0.16, 0.08), style: { size: 0.035 } },
				time: { box: box(0.68, 0, 0.32, 0.08), style: { size: 0.035 } },
				headline: { box: box(0.5, 0.12, 0.5, 0.3), style: { size: 0.13, align: 'start' } },
				card: { box: box(0, 0, 0.46, 1) },
				product: { box: box(0.02, 0.03, 0.42, 0.94) },
				'price-label': { box: box(0.5, 0.46, 0.3, 0.06) },
				price: { box: box(0.5, 0.52, 0.26, 0.18), style: { size: 0.17 } },
				bolt: { box: box(0.76, 0.5, 0.1, 0.2, 'content', { aspect: 1, align: [0, 0.5] }) },
				was: { box: box(0.5, 0.71, 0.3, 0.06) },
				'cta-pill': { box: box(0.5, 0.8, 0.24, 0.12) },
				cta: { box: box(0.5, 0.8, 0.24, 0.12), style: { size: 0.04 } },
				host: { box: box(0.76, 0.8, 0.24, 0.12), style: { size: 0.026, align: 'end', color: '@white' } }
			},
			wide: {
				glints: { box: box(0, 0, 1, 1, 'page') },
				'live-pill': { box: box(0, 0.05, 0.11, 0.22) },
				live: { box: box(0, 0.05, 0.11, 0.22), style: { size: 0.08 } },
				time: { box: box(0, 0.34, 0.2, 0.2), style: { size: 0.085, align: 'start' } },
				headline: { box: box(0.21, 0.05, 0.42, 0.6), style: { size: 0.34, minScale: 0.16 } },
				host: { box: box(0.21, 0.7, 0.42, 0.2), style: { size: 0.075 } },
				card: { hidden: true },
				product: { hidden: true },
				'price-label': { box: box(0.66, 0.05, 0.16, 0.2), style: { size: 0.08 } },
				price: { box: box(0.66, 0.25, 0.18, 0.5), style: { size: 0.42 } },
				bolt: { box: box(0.635, 0.2, 0.025, 0.6, 'content', { aspect: 1 }) },
				was: { box: box(0.66, 0.76, 0.18, 0.18), style: { size: 0.07 } },
				'cta-pill': { box: box(0.85, 0.3, 0.15, 0.34) },
				cta: { box: box(0.85, 0.3, 0.15, 0.34), style: { size: 0.07, letterSpacing: 0 } }
			}
		}
	},
	prompt: {
		slot: 'product',
		scene: {
			zh: '电商直播爆款商品静物：一套粉色系护肤礼盒和一支口红摆在亮面亚克力台上，背景是柔和的紫粉色渐变和霓虹光斑，明亮的棚拍光，高饱和，商业广告摄影，85 毫米镜头。',
			en: 'A best-seller still life for a livestream: a pink skincare gift set and a lipstick on a glossy acrylic stand, a soft purple-pink gradient with neon bokeh behind, bright studio light, high saturation, commercial advertising photography, 85 mm lens.'
		},
		composition: {
			zh: '商品组合位于画面正中，四周留出背景，便于裁成圆角卡片。',
			en: 'The products sit in the centre with background all round, so it can be cropped to a rounded card.'
		},
		avoid: {
			zh: '不要文字，不要品牌标志，不要价签，不要水印。',
			en: 'No text, no brand logos, no price tags, no watermark.'
		}
	}
};
