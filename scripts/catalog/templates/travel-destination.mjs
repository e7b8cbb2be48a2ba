import { bar, box, circle, field, image, linear, path, rect, ring, solid, text } from '../art.mjs';

// A round postmark (viewBox 100×100): two rings and wavy cancellation lines to its right.
function postmark() {
	let d = ring(34, 50, 32, 2.4) + ring(34, 50, 25, 1.2);
	for (let i = 0; i < 4; i++) {
		const y = 34 + i * 10;
		for (let x = 56; x < 100; x += 11)
			d += bar(x, y, x + 5.5, y - 2.5, 1.6) + bar(x + 5.5, y - 2.5, x + 11, y, 1.6);
	}
	return [d + circle(34, 50, 3), 100, 100];
}

export default {
	schemaVersion: 1,
	id: 'travel-destination',
	name: { zh: '目的地大片', en: 'Destination Poster' },
	description: {
		zh: '风景大图铺满画面，超大目的地名压在天空上，邮戳点缀，底部是行程亮点与起价',
		en: 'A full-bleed landscape, a huge destination name across the sky, a postmark, and the highlights and starting price below'
	},
	category: 'travel',
	tags: ['旅游', '旅行', '旅行社', '跟团游', '自由行', '目的地', 'travel', 'tour', 'trip', 'holiday'],
	fields: [
		field(
			'kicker',
			'text',
			'英文小标',
			'Kicker',
			{ zh: 'EXPLORE CHINA · 2026', en: 'EXPLORE CHINA · 2026' },
			{ language: 'en' }
		),
		field(
			'headline',
			'text',
			'目的地',
			'Destination',
			{
				zh: '彩云之南',
				en: 'YUNNAN',
				long: {
					zh: '彩云之南 大理丽江香格里拉七日深度环线',
					en: 'Yunnan in Seven Days: Dali, Lijiang and Shangri-La'
				}
			},
			{ required: true }
		),
		field('subtitle', 'text', '副标题', 'Subtitle', {
			zh: '苍山洱海 · 玉龙雪山 · 香格里拉',
			en: 'Erhai Lake · Jade Dragon Snow Mountain'
		}),
		field(
			'points',
			'text',
			'行程亮点（每行一条）',
			'Highlights (one per line)',
			{
				zh: '7 天 6 晚 · 含往返机票\n精选海景客栈 · 全程无购物\n2–8 人精品小团',
				en: '7 days, 6 nights · flights included\nLakeside inns · no shopping stops\nSmall groups of 2–8'
			},
			{ multiline: true }
		),
		field('price', 'price', '起价', 'From', { zh: '3999', en: '3999' }),
		field('agency', 'text', '旅行社与电话', 'Agency & phone', {
			zh: '海报国旅 · 咨询 400-600-7000',
			en: 'Haibao Travel · 400-600-7000'
		})
	],
	formats: ['a3', 'xhs-1242x1660', 'banner-300x70', 'square-1080'],
	palette: {
		background: '#0B2340',
		ink: '#0B2340',
		sky: '#2C7BD6',
		sunset: '#FFB45A',
		sand: '#FFE7C2',
		white: '#FFFFFF',
		photo: '#4D8FD9'
	},
	fonts: [
		{ family: 'Noto Sans SC', weights: [400, 700, 900] },
		{ family: 'Bebas Neue', weights: [400] },
		{ family: 'League Spartan', weights: [600] }
	],
	slots: [{ id: 'landscape', role: 'background' }],
	layout: {
		margin: 0.07,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), solid('@ink')),
			image(
				'landscape',
				'landscape',
				box(0, 0, 1, 1, 'bleed'),
				linear(90, '#6FB0EE', '@photo', '#2F6A9E', '#1B3F63')
			),
			rect(
				'shade-top',
				box(0, 0, 1, 0.45, 'bleed'),
				linear(90, '#0B2340CC', [0.7, '#0B234080'], '#0B234000')
			),
			rect(
				'shade-bottom',
				box(0, 0.55, 1, 0.45, 'bleed'),
				linear(90, '#0B234000', [0.45, '#0B2340B3'], '#0B2340F2')
			),
			path(
				'postmark',
				box(0.62, 0.5, 0.34, 0.14, 'page', { aspect: 1, align: [1, 0.5] }),
				postmark(),
				solid('@white'),
				{ opacity: 0.55, rotation: -8 }
			),
			text('kicker', 'kicker', box(0, 0, 1, 0.03), {
				family: 'League Spartan',
				weight: 600,
				size: 0.024,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.5
			}),
			text('headline', 'headline', box(0, 0.04, 1, 0.2), {
				family: 'Noto Sans SC',
				weight: 900,
				latinFamily: 'Bebas Neue',
				latinWeight: 400,
				size: 0.2,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				lineHeight: 1,
				letterSpacing: 0.06,
				minScale: 0.16,
				shadow: { color: '#0B234066', blur: 0.06, x: 0, y: 0.02 }
			}),
			text('subtitle', 'subtitle', box(0, 0.25, 1, 0.04), {
				family: 'Noto Sans SC',
				weight: 700,
				size: 0.032,
				color: '@white',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.1
			}),
			rect('rule', box(0, 0.74, 1, 0.002), solid('#FFFFFF66')),
			text('points', 'points', box(0, 0.765, 0.6, 0.15), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.027,
				color: '@white',
				lineHeight: 1.65,
				verticalAlign: 'top'
			}),
			text('price-label', { zh: '每人起', en: 'FROM / PERSON' }, box(0.62, 0.765, 0.38, 0.035), {
				family: 'Noto Sans SC',
				weight: 700,
				latinFamily: 'League Spartan',
				latinWeight: 600,
				size: 0.024,
				color: '@sand',
				align: 'end',
				verticalAlign: 'middle',
				letterSpacing: 0.1
			}),
			text('price', 'price', box(0.55, 0.8, 0.45, 0.11), {
				family: 'Bebas Neue',
				size: 0.14,
				color: '@sunset',
				align: 'end',
				verticalAlign: 'middle',
				currencyScale: 0.45,
				lineHeight: 1
			}),
			text('agency', 'agency', box(0, 0.94, 1, 0.06), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.024,
				color: '@sand',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [{ id: 'price-group', name: { zh: '起价', en: 'Price' }, members: ['price-label', 'price'] }],
		overrides: {
			square: {
				postmark: { box: box(0.7, 0.4, 0.26, 0.2, 'page', { aspect: 1, align: [1, 0.5] }) },
				headline: { box: box(0, 0.04, 1, 0.2), style: { size: 0.17 } },
				subtitle: { box: box(0, 0.25, 1, 0.05), style: { size: 0.03 } },
				rule: { box: box(0, 0.66, 1, 0.002) },
				points: { box: box(0, 0.69, 0.6, 0.22), style: { size: 0.026 } },
				'price-label': { box: box(0.62, 0.69, 0.38, 0.05) },
				price: { box: box(0.55, 0.74, 0.45, 0.16), style: { size: 0.13 } },
				agency: { box: box(0, 0.93, 1, 0.07) }
			},
			wide: {
				'shade-top': { box: box(0, 0, 0.7, 1, 'bleed'), fill: linear(0, '#0B2340B3', '#0B234000') },
				'shade-bottom': { box: box(0.55, 0, 0.45, 1, 'bleed'), fill: linear(0, '#0B234000', '#0B2340D9') },
				postmark: { box: box(0.5, 0.1, 0.12, 0.6, 'page', { aspect: 1 }) },
				kicker: { box: box(0, 0, 0.5, 0.12), style: { align: 'start', size: 0.06 } },
				headline: { box: box(0, 0.14, 0.5, 0.5), style: { align: 'start', size: 0.5, minScale: 0.16 } },
				subtitle: { box: box(0, 0.68, 0.5, 0.14), style: { align: 'start', size: 0.08 } },
				rule: { hidden: true },
				points: { hidden: true },
				'price-label': { box: box(0.66, 0.1, 0.34, 0.14), style: { size: 0.07 } },
				price: { box: box(0.62, 0.25, 0.38, 0.45), style: { size: 0.42 } },
				agency: { box: box(0.62, 0.74, 0.38, 0.14), style: { align: 'end', size: 0.07 } }
			}
		}
	},
	prompt: {
		slot: 'landscape',
		scene: {
			zh: '云南大理洱海边的清晨风光：湛蓝的湖水、远处连绵的苍山，山顶有薄雪，湖边一棵孤独的树和一条小木栈道，天空高远，有几缕白云，阳光明媚，色彩清透，旅行杂志风格，广角镜头。',
			en: 'Early morning on Erhai Lake in Dali, Yunnan: clear blue water, the Cang Mountains stretching in the distance with a little snow on the peaks, a lone tree and a small wooden boardwalk by the shore, a high sky with a few wisps of white cloud, bright sunshine, clear colours, travel magazine style, wide-angle lens.'
		},
		composition: {
			zh: '画面上方三分之一是干净的蓝天，山和湖在中间，下方是较暗的前景湖岸。',
			en: 'The top third is clean blue sky, mountains and lake in the middle, and a darker foreground shore at the bottom.'
		},
		avoid: {
			zh: '不要文字，不要人物，不要水印。',
			en: 'No text, no people, no watermark.'
		}
	}
};
