import { box, circle, ellipse, field, image, linear, path, rect, scatter, solid, text } from '../art.mjs';

const dots = [scatter(11, 70, 100, 100, (x, y, r) => circle(x, y, 0.35 + r() * 0.6)), 100, 100];

export default {
	schemaVersion: 1,
	id: 'ecommerce-product-hero',
	name: { zh: '爆款商品主图', en: 'Product Hero Image' },
	description: {
		zh: '暖橙色商品主图：圆形商品图坐在展台上，大号到手价、卖点清单和底部促销条',
		en: 'A warm orange product image: the product on a round podium, a big price, selling points and a promo strip'
	},
	category: 'ecommerce',
	tags: ['电商', '主图', '淘宝', '京东', '拼多多', '商品', 'product', 'shop', 'e-commerce', 'listing'],
	fields: [
		field('badge', 'text', '角标', 'Badge', { zh: '官方旗舰店', en: 'OFFICIAL STORE' }, { maxLength: 16 }),
		field(
			'headline',
			'text',
			'商品名',
			'Product',
			{
				zh: '云感轻跑鞋',
				en: 'Cloud Runner',
				long: {
					zh: '云感空气轻跑鞋 全掌缓震 久跑不累 夏季新款上市',
					en: 'Cloud Air Running Shoes with Full-Length Cushioning for Long Summer Runs'
				}
			},
			{ required: true, maxLength: 80 }
		),
		field(
			'subtitle',
			'text',
			'一句话卖点',
			'Tagline',
			{ zh: '一脚踩进云朵里', en: 'Like running on clouds' },
			{ maxLength: 30 }
		),
		field(
			'points',
			'text',
			'卖点（每行一条）',
			'Selling points (one per line)',
			{
				zh: '全掌气垫 缓震回弹\n透气飞织 轻至 198 g\n7 天无理由退换',
				en: 'Full-length air cushion\nBreathable knit, only 198 g\nFree 7-day returns'
			},
			{ maxLength: 90, multiline: true }
		),
		field('price', 'price', '到手价', 'Price', { zh: '299', en: '299' }, { required: true }),
		field(
			'was',
			'text',
			'原价 / 优惠说明',
			'Was price / offer',
			{ zh: '原价 ¥499', en: 'Was ¥499' },
			{ maxLength: 20 }
		),
		field('cta', 'text', '按钮文字', 'Button', { zh: '立即抢购', en: 'BUY NOW' }, { maxLength: 8 }),
		field(
			'promo',
			'text',
			'底部促销条',
			'Promo strip',
			{ zh: '下单立减 50 元 · 顺丰包邮 · 赠运费险', en: '¥50 off at checkout · free shipping' },
			{ maxLength: 40 }
		)
	],
	formats: ['square-1080', 'xhs-1242x1660', 'rollup-80x200', 'wechat-900x383'],
	palette: {
		background: '#FFF4E6',
		cream: '#FFE2C4',
		orange: '#FF7A2F',
		orangeDeep: '#F04E12',
		red: '#C41E14',
		rust: '#B23A0B',
		ink: '#2B1A12',
		muted: '#6E5242',
		white: '#FFFFFF',
		photo: '#FFFFFF'
	},
	fonts: [
		{ family: 'Noto Sans SC', weights: [400, 700, 900] },
		{ family: 'League Spartan', weights: [800] }
	],
	slots: [{ id: 'product', role: 'hero' }],
	layout: {
		margin: 0.06,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), linear(90, '@background', '@cream')),
			path('dots', box(0, 0, 1, 0.6, 'page'), dots, solid('@orange'), { opacity: 0.1 }),
			ellipse('podium-side', box(0.49, 0.635, 0.5, 0.08, 'page'), solid('@orangeDeep')),
			ellipse('podium-top', box(0.49, 0.62, 0.5, 0.07, 'page'), linear(0, '#FFD2A8', '@white')),
			ellipse(
				'sun',
				box(0.45, 0.08, 0.58, 0.58, 'page', { aspect: 1 }),
				linear(135, '#FFB36B', '@orange', '@orangeDeep')
			),
			image(
				'product',
				'product',
				box(0.51, 0.14, 0.46, 0.46, 'page', { aspect: 1 }),
				linear(135, '@white', '#FFE9D6'),
				{ cornerRadius: 0.5 }
			),
			rect('badge-pill', box(0, 0, 0.3, 0.06), solid('@red'), { cornerRadius: 0.03, requires: 'badge' }),
			text('badge', 'badge', box(0, 0, 0.3, 0.06), {
				family: 'Noto Sans SC',
				weight: 700,
				latinFamily: 'League Spartan',
				latinWeight: 800,
				size: 0.028,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.08
			}),
			text('headline', 'headline', box(0, 0.085, 0.43, 0.245), {
				family: 'Noto Sans SC',
				weight: 900,
				size: 0.072,
				color: '@ink',
				lineHeight: 1.12,
				minScale: 0.16
			}),
			text('subtitle', 'subtitle', box(0, 0.35, 0.43, 0.055), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.036,
				color: '@rust',
				verticalAlign: 'middle'
			}),
			rect('points-bar', box(0, 0.43, 0.008, 0.17), solid('@orange'), { requires: 'points' }),
			text('points', 'points', box(0.03, 0.425, 0.44, 0.18), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.029,
				color: '@ink',
				lineHeight: 1.65,
				verticalAlign: 'middle'
			}),
			text('price-label', { zh: '到手价', en: 'NOW' }, box(0, 0.64, 0.3, 0.045), {
				family: 'Noto Sans SC',
				weight: 700,
				latinFamily: 'League Spartan',
				latinWeight: 800,
				size: 0.03,
				color: '@red',
				verticalAlign: 'bottom',
				letterSpacing: 0.1
			}),
			text('price', 'price', box(0, 0.685, 0.5, 0.15), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'League Spartan',
				latinWeight: 800,
				size: 0.15,
				color: '@red',
				verticalAlign: 'middle',
				currencyScale: 0.4,
				lineHeight: 1
			}),
			text('was', 'was', box(0, 0.835, 0.45, 0.04), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.026,
				color: '@muted',
				verticalAlign: 'top'
			}),
			rect('cta-pill', box(0.6, 0.775, 0.36, 0.085), solid('@red'), {
				cornerRadius: 0.05,
				requires: 'cta'
			}),
			text('cta', 'cta', box(0.6, 0.775, 0.36, 0.085), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'League Spartan',
				latinWeight: 800,
				size: 0.04,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.08
			}),
			rect('promo-band', box(0, 0.905, 1, 0.2, 'page'), solid('@red'), {
				requires: 'promo'
			}),
			text('promo', 'promo', box(0, 0.915, 1, 0.07, 'page'), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.032,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.04
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'badge-group', name: { zh: '角标', en: 'Badge' }, members: ['badge-pill', 'badge'] },
			{ id: 'points-group', name: { zh: '卖点', en: 'Selling points' }, members: ['points-bar', 'points'] },
			{ id: 'price-group', name: { zh: '价格', en: 'Price' }, members: ['price-label', 'price', 'was'] },
			{ id: 'cta-group', name: { zh: '按钮', en: 'Button' }, members: ['cta-pill', 'cta'] },
			{ id: 'promo-group', name: { zh: '促销条', en: 'Promo strip' }, members: ['promo-band', 'promo'] }
		],
		overrides: {
			portrait: {
				dots: { box: box(0, 0.1, 1, 0.5, 'page') },
				sun: { box: box(0.15, 0.25, 0.7, 0.507, 'content', { aspect: 1 }) },
				'podium-side': { box: box(0.04, 0.738, 0.92, 0.045, 'content') },
				'podium-top': { box: box(0.04, 0.728, 0.92, 0.04, 'content') },
				product: { box: box(0.22, 0.301, 0.56, 0.405, 'content', { aspect: 1 }) },
				'badge-pill': { box: box(0, 0, 0.3, 0.045) },
				badge: { box: box(0, 0, 0.3, 0.045) },
				headline: { box: box(0, 0.055, 1, 0.135), style: { size: 0.1 } },
				subtitle: { box: box(0, 0.2, 1, 0.035) },
				'points-bar': { box: box(0, 0.805, 0.006, 0.1) },
				points: { box: box(0.03, 0.8, 0.5, 0.11), style: { size: 0.03 } },
				'price-label': { box: box(0.55, 0.785, 0.45, 0.03), style: { align: 'end' } },
				price: { box: box(0.5, 0.825, 0.5, 0.08), style: { align: 'end', size: 0.1 } },
				was: { box: box(0.55, 0.905, 0.45, 0.03), style: { align: 'end' } },
				'cta-pill': { hidden: true },
				cta: { hidden: true },
				'promo-band': { box: box(0, 0.915, 1, 0.2, 'page') },
				promo: { box: box(0, 0.922, 1, 0.06, 'page') }
			},
			tall: {
				dots: { box: box(0, 0.1, 1, 0.3, 'page') },
				sun: { box: box(0.05, 0.24, 0.9, 0.4, 'content', { aspect: 1 }) },
				'podium-side': { box: box(0.02, 0.625, 0.96, 0.045, 'content') },
				'podium-top': { box: box(0.02, 0.615, 0.96, 0.04, 'content') },
				product: { box: box(0.14, 0.282, 0.72, 0.316, 'content', { aspect: 1 }) },
				'badge-pill': { box: box(0.25, 0, 0.5, 0.03) },
				badge: { box: box(0.25, 0, 0.5, 0.03), style: { size: 0.038 } },
				headline: {
					box: box(0, 0.045, 1, 0.13),
					style: { size: 0.14, align: 'center', verticalAlign: 'middle' }
				},
				subtitle: { box: box(0, 0.18, 1, 0.03), style: { size: 0.055, align: 'center' } },
				'points-bar': { hidden: true },
				points: { box: box(0.05, 0.69, 0.9, 0.085), style: { size: 0.048, align: 'center' } },
				'price-label': { box: box(0, 0.775, 1, 0.02), style: { align: 'center', size: 0.045 } },
				price: { box: box(0, 0.8, 1, 0.065), style: { align: 'center', size: 0.11 } },
				was: { box: box(0, 0.867, 1, 0.022), style: { align: 'center', size: 0.04 } },
				'cta-pill': { box: box(0.2, 0.9, 0.6, 0.04) },
				cta: { box: box(0.2, 0.9, 0.6, 0.04), style: { size: 0.048 } },
				'promo-band': { box: box(-0.2, 0.955, 1.4, 0.045) },
				promo: { box: box(0, 0.955, 1, 0.045), style: { size: 0.04 } }
			},
			wide: {
				dots: { box: box(0, 0, 1, 1, 'page') },
				sun: { box: box(0.66, -0.1, 0.4, 1.2, 'page', { aspect: 1 }) },
				'podium-side': { hidden: true },
				'podium-top': { hidden: true },
				product: { box: box(0.693, 0, 0.333, 1, 'page', { aspect: 1 }) },
				'badge-pill': { box: box(0, 0, 0.24, 0.14) },
				badge: { box: box(0, 0, 0.24, 0.14), style: { size: 0.05 } },
				headline: { box: box(0, 0.18, 0.6, 0.4), style: { size: 0.15 } },
				subtitle: { box: box(0, 0.6, 0.6, 0.12), style: { size: 0.065 } },
				'points-bar': { hidden: true },
				points: { hidden: true },
				'price-label': { box: box(0, 0.76, 0.1, 0.24), style: { size: 0.06, verticalAlign: 'middle' } },
				price: { box: box(0.1, 0.74, 0.3, 0.26), style: { size: 0.24 } },
				was: { box: box(0.4, 0.76, 0.22, 0.24), style: { size: 0.05, verticalAlign: 'middle' } },
				'cta-pill': { hidden: true },
				cta: { hidden: true },
				'promo-band': { hidden: true },
				promo: { hidden: true }
			}
		}
	},
	prompt: {
		slot: 'product',
		scene: {
			zh: '一张电商商品摄影：一只白色与浅橙色相间的轻量跑鞋，侧面四十五度角，悬浮在干净的暖白色背景前，柔和的棚拍光，鞋底下方有淡淡的投影，细节清晰，色彩明快，85 毫米镜头。',
			en: 'An e-commerce product photo: a lightweight white and pale orange running shoe at a three-quarter side angle, floating in front of a clean warm white backdrop, soft studio light, a faint shadow beneath the sole, crisp detail, bright colours, 85 mm lens.'
		},
		composition: {
			zh: '商品位于画面正中，约占画面的三分之二，四周留出均匀的纯色背景，便于裁成圆形。',
			en: 'The product sits in the exact centre and fills about two thirds of the frame, with even plain background all round so the picture can be cropped to a circle.'
		},
		avoid: {
			zh: '不要文字，不要品牌标志，不要价签，不要水印。',
			en: 'No text, no brand logos, no price tags, no watermark.'
		}
	}
};
