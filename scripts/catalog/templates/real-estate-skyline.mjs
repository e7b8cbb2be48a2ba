import { box, field, image, linear, path, rect, rng, solid, text } from '../art.mjs';

// A city skyline (viewBox 200×40): towers of varied height along the bottom, lit windows apart.
function skyline(seed) {
	const rand = rng(seed);
	let d = 'M0 40';
	let windows = '';
	let x = 0;
	while (x < 200) {
		const w = 5 + rand() * 9;
		const h = 8 + rand() * 26 * (0.5 + 0.5 * Math.sin((x / 200) * Math.PI));
		const top = 40 - h;
		d += `L${x.toFixed(2)} ${top.toFixed(2)}L${(x + w).toFixed(2)} ${top.toFixed(2)}`;
		if (rand() > 0.6)
			d += `L${(x + w / 2).toFixed(2)} ${(top - 3).toFixed(2)}L${(x + w).toFixed(2)} ${top.toFixed(2)}`;
		for (let wy = top + 2; wy < 38; wy += 3)
			for (let wx = x + 1.2; wx < x + w - 1.5; wx += 2.2)
				if (rand() > 0.72) windows += `M${wx.toFixed(2)} ${wy.toFixed(2)}h0.9v1.1h-0.9Z`;
		x += w;
	}
	return { city: [d + `L${x.toFixed(2)} 40Z`, 200, 40], windows: [windows, 200, 40] };
}
const { city, windows } = skyline(7);

export default {
	schemaVersion: 1,
	id: 'real-estate-skyline',
	name: { zh: '江景府邸', en: 'Riverside Residence' },
	description: {
		zh: '深海军蓝与香槟金：建筑效果图在上，金色天际线剪影，衬线标题与楼盘卖点、VIP 热线',
		en: 'Deep navy and champagne gold: the building render on top, a skyline silhouette, a serif headline, key facts and a VIP hotline'
	},
	category: 'real-estate',
	tags: ['房产', '楼盘', '地产', '售楼', '开盘', '样板间', 'real estate', 'property', 'apartment', 'housing'],
	fields: [
		field(
			'kicker',
			'text',
			'英文小标',
			'Kicker',
			{ zh: 'RIVERSIDE RESIDENCE', en: 'RIVERSIDE RESIDENCE' },
			{ language: 'en', maxLength: 30 }
		),
		field(
			'headline',
			'text',
			'楼盘名 / 主标题',
			'Headline',
			{
				zh: '揽江·云境',
				en: 'The River Terraces',
				long: {
					zh: '城市中轴 揽江而居 云境府邸一期荣耀首开',
					en: 'Live on the River: Phase One of The Terraces Opens This Spring'
				}
			},
			{ required: true, maxLength: 70 }
		),
		field('subtitle', 'text', '副标题', 'Subtitle', {
			zh: '城市中轴 · 一线江景 · 百万方生态公园',
			en: 'City centre · river views · a 100-hectare park'
		}),
		field(
			'facts',
			'text',
			'卖点（每行一条）',
			'Key facts (one per line)',
			{
				zh: '建面约 98–143 m² 江景三至四房\n地铁 2 号线 · 双学区\n首付 30 万起',
				en: '98–143 m² river-view homes\nMetro Line 2 · two school districts\nDown payment from ¥300,000'
			},
			{ maxLength: 90, multiline: true }
		),
		field(
			'hotline',
			'text',
			'热线',
			'Hotline',
			{ zh: '400-888-6666', en: '400-888-6666' },
			{ maxLength: 20 }
		),
		field('developer', 'text', '开发商 / 地址', 'Developer / address', {
			zh: '海报置业 · 营销中心：滨江大道 1 号',
			en: 'Haibao Land · Sales centre: 1 Riverside Avenue'
		})
	],
	formats: ['a3', 'rollup-80x200', 'banner-300x70', 'xhs-1242x1660'],
	palette: {
		background: '#0D1B2A',
		navy: '#0D1B2A',
		deep: '#07111C',
		gold: '#C9A45C',
		champagne: '#EAD9B5',
		white: '#F5F1E8',
		muted: '#9FB0C2',
		photo: '#22384F'
	},
	fonts: [
		{ family: 'Noto Serif SC', weights: [400, 900] },
		{ family: 'Noto Sans SC', weights: [400, 700] },
		{ family: 'League Spartan', weights: [500] }
	],
	slots: [{ id: 'render', role: 'background' }],
	layout: {
		margin: 0.08,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), linear(90, '@navy', [0.6, '@navy'], '@deep')),
			image('render', 'render', box(0, 0, 1, 0.54, 'bleed'), linear(90, '#3B5875', '@photo')),
			rect('shade', box(0, 0.3, 1, 0.25, 'bleed'), linear(90, '#0D1B2A00', '@navy')),
			path('city', box(0, 0.4, 1, 0.145, 'bleed'), city, solid('@navy')),
			path('windows', box(0, 0.4, 1, 0.145, 'bleed'), windows, solid('@gold'), { opacity: 0.8 }),
			rect('frame', box(-0.04, -0.03, 1.08, 1.06), null, { stroke: { color: '@gold', width: 0.002 } }),
			text('kicker', 'kicker', box(0, 0.56, 1, 0.03), {
				family: 'League Spartan',
				weight: 500,
				size: 0.022,
				color: '@gold',
				verticalAlign: 'middle',
				letterSpacing: 0.5
			}),
			text('headline', 'headline', box(0, 0.595, 1, 0.13), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.12,
				color: '@champagne',
				verticalAlign: 'middle',
				lineHeight: 1.1,
				letterSpacing: 0.04,
				minScale: 0.16
			}),
			text('subtitle', 'subtitle', box(0, 0.73, 1, 0.04), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.032,
				color: '@white',
				verticalAlign: 'middle',
				letterSpacing: 0.06
			}),
			rect('divider', box(0, 0.79, 0.14, 0.003), solid('@gold')),
			text('facts', 'facts', box(0, 0.815, 0.6, 0.15), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.024,
				color: '@muted',
				lineHeight: 1.7,
				verticalAlign: 'top'
			}),
			text('hotline-label', { zh: 'VIP 尊享热线', en: 'VIP HOTLINE' }, box(0.6, 0.82, 0.4, 0.035), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.022,
				color: '@gold',
				align: 'end',
				verticalAlign: 'middle',
				letterSpacing: 0.2
			}),
			text('hotline', 'hotline', box(0.55, 0.86, 0.45, 0.06), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.048,
				color: '@champagne',
				align: 'end',
				verticalAlign: 'middle'
			}),
			text('developer', 'developer', box(0, 0.965, 1, 0.035), {
				family: 'Noto Sans SC',
				weight: 400,
				size: 0.018,
				color: '@muted',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'skyline', name: { zh: '天际线', en: 'Skyline' }, members: ['city', 'windows'] },
			{ id: 'hotline-group', name: { zh: '热线', en: 'Hotline' }, members: ['hotline-label', 'hotline'] }
		],
		overrides: {
			tall: {
				render: { box: box(0, 0, 1, 0.43, 'bleed') },
				shade: { box: box(0, 0.25, 1, 0.19, 'bleed') },
				city: { box: box(0, 0.36, 1, 0.072, 'bleed') },
				windows: { box: box(0, 0.36, 1, 0.072, 'bleed') },
				frame: { box: box(-0.04, -0.015, 1.08, 1.03) },
				kicker: { box: box(0, 0.52, 1, 0.02), style: { size: 0.034 } },
				headline: { box: box(0, 0.545, 1, 0.1), style: { size: 0.16 } },
				subtitle: { box: box(0, 0.65, 1, 0.025), style: { size: 0.045 } },
				divider: { box: box(0, 0.69, 0.2, 0.002) },
				facts: { box: box(0, 0.705, 1, 0.1), style: { size: 0.04 } },
				'hotline-label': { box: box(0, 0.82, 1, 0.025), style: { align: 'start', size: 0.034 } },
				hotline: { box: box(0, 0.845, 1, 0.055), style: { align: 'start', size: 0.09 } },
				developer: { box: box(0, 0.96, 1, 0.03), style: { size: 0.03 } }
			},
			wide: {
				render: { box: box(0, 0, 0.36, 1, 'bleed') },
				shade: { box: box(0.24, 0, 0.13, 1, 'bleed'), fill: linear(0, '#0D1B2A00', '@navy') },
				city: { hidden: true },
				windows: { hidden: true },
				frame: { box: box(-0.01, -0.05, 1.02, 1.1) },
				kicker: { box: box(0.38, 0.02, 0.4, 0.1), style: { size: 0.06 } },
				headline: { box: box(0.38, 0.13, 0.35, 0.45), style: { size: 0.36, minScale: 0.16 } },
				subtitle: { box: box(0.38, 0.6, 0.4, 0.14), style: { size: 0.09 } },
				divider: { hidden: true },
				facts: { hidden: true },
				'hotline-label': { box: box(0.78, 0.15, 0.22, 0.15), style: { size: 0.07 } },
				hotline: { box: box(0.78, 0.3, 0.22, 0.25), style: { size: 0.15 } },
				developer: { box: box(0.78, 0.6, 0.22, 0.15), style: { size: 0.06, align: 'end' } }
			}
		}
	},
	prompt: {
		slot: 'render',
		scene: {
			zh: '高端住宅建筑效果图：江边一组现代高层住宅，玻璃幕墙和香槟色金属线条，黄昏时分，天空从深蓝过渡到暖金色，室内灯光点点亮起，前景是平静的江面和绿树，建筑摄影风格，超广角。',
			en: 'An architectural render of premium housing: a group of modern high-rise residences on a riverbank, glass curtain walls with champagne metal lines, at dusk, the sky fading from deep blue to warm gold, windows lighting up, a calm river and trees in the foreground, architectural photography, ultra-wide angle.'
		},
		composition: {
			zh: '楼群位于画面中部偏右，上方是大片干净的渐变天空，下部逐渐变暗。',
			en: 'The towers sit slightly right of centre, with a large clean gradient sky above; the lower part darkens.'
		},
		avoid: {
			zh: '不要文字，不要招牌，不要水印，不要人物。',
			en: 'No text, no signs, no watermark, no people.'
		}
	}
};
