import { box, field, image, linear, path, poly, rect, ring, rng, solid, text } from '../art.mjs';

/** A soft mountain ridge across a 200×60 viewBox, filled down to the bottom. */
function ridge(seed, base, amp, peaks) {
	const rand = rng(seed);
	const tops = Array.from({ length: peaks + 2 }, (_, i) => [(i / (peaks + 1)) * 200, base - rand() * amp]);
	let d = `M-4 60L-4 ${tops[0][1].toFixed(2)}`;
	for (let i = 1; i < tops.length; i++) {
		const [x0, y0] = tops[i - 1];
		const [x1, y1] = tops[i];
		const mid = (x0 + x1) / 2;
		const dip = Math.max(y0, y1) + 4 + rand() * 6;
		d += `C${(x0 + 8).toFixed(2)} ${y0.toFixed(2)} ${(mid - 8).toFixed(2)} ${dip.toFixed(2)} ${mid.toFixed(2)} ${dip.toFixed(2)}`;
		d += `C${(mid + 8).toFixed(2)} ${dip.toFixed(2)} ${(x1 - 8).toFixed(2)} ${y1.toFixed(2)} ${x1.toFixed(2)} ${y1.toFixed(2)}`;
	}
	return [d + 'L204 60Z', 200, 60];
}
const diamond = [
	poly([
		[50, 0],
		[56, 6],
		[50, 12],
		[44, 6]
	]) + 'M0 5.5L40 5.5L40 6.5L0 6.5ZM60 5.5L100 5.5L100 6.5L60 6.5Z',
	100,
	12
];
const gate = (x, y, w, h) => box(x, y, w, h, 'content', { aspect: 1 });

export default {
	schemaVersion: 1,
	id: 'real-estate-garden',
	name: { zh: '东方园居', en: 'Garden Residence' },
	description: {
		zh: '新中式留白：米色宣纸、月洞门圆窗里的庭院，层叠水墨远山，衬线标题居中',
		en: 'New Chinese style with space: rice paper, a courtyard in a moon-gate window, layered ink mountains and a centred serif headline'
	},
	category: 'real-estate',
	tags: ['房产', '新中式', '洋房', '别墅', '园林', '楼盘', 'real estate', 'villa', 'garden', 'residence'],
	fields: [
		field(
			'headline',
			'text',
			'楼盘名 / 主标题',
			'Headline',
			{
				zh: '隐庐·东方园居',
				en: 'The Hidden Garden',
				long: {
					zh: '一方庭院 半城山色 隐庐东方园居 样板园林盛大开放',
					en: 'A Courtyard and Half a Mountain: The Hidden Garden Show Homes Now Open'
				}
			},
			{ required: true }
		),
		field('subtitle', 'text', '副标题', 'Subtitle', {
			zh: '新中式园林洋房 · 建面约 160–220 m²',
			en: 'Garden homes of 160–220 m²'
		}),
		field('hotline', 'text', '品鉴热线', 'Viewing line', {
			zh: '品鉴热线 0571-8888 0000',
			en: 'Viewings 0571-8888 0000'
		}),
		field('developer', 'text', '开发商 / 地址', 'Developer / address', {
			zh: '海报置业 · 西溪路 88 号',
			en: 'Haibao Land · 88 Xixi Road'
		})
	],
	formats: ['xhs-1242x1660', 'a3', 'rollup-80x200', 'wechat-900x383'],
	palette: {
		background: '#EFE9DD',
		rice: '#EFE9DD',
		ink: '#2D2A26',
		mist: '#D3D6CC',
		jadeLight: '#9DB0A2',
		jade: '#4A6757',
		jadeDeep: '#3E5A4A',
		bronze: '#7A5C33',
		gilt: '#9C7A4B',
		photo: '#C7CDBF'
	},
	fonts: [
		{ family: 'Noto Serif SC', weights: [400, 900] },
		{ family: 'League Spartan', weights: [500] }
	],
	slots: [{ id: 'courtyard', role: 'framed' }],
	layout: {
		margin: 0.08,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), solid('@rice')),
			path('hills-far', box(0, 0.68, 1, 0.2, 'bleed'), ridge(3, 30, 22, 4), solid('@mist'), {
				region: 'backdrop'
			}),
			path('hills-mid', box(0, 0.75, 1, 0.16, 'bleed'), ridge(8, 32, 20, 3), solid('@jadeLight'), {
				region: 'backdrop'
			}),
			path('hills-near', box(0, 0.84, 1, 0.17, 'bleed'), ridge(13, 10, 8, 4), solid('@jadeDeep'), {
				region: 'backdrop'
			}),
			path(
				'gate-ring',
				gate(0.1, 0.02, 0.8, 0.44),
				[ring(50, 50, 50, 5) + ring(50, 50, 43, 0.8), 100, 100],
				solid('@gilt')
			),
			image('courtyard', 'courtyard', gate(0.18, 0.064, 0.64, 0.352), linear(90, '@photo', '@mist'), {
				cornerRadius: 0.5
			}),
			text(
				'kicker',
				{ zh: 'ORIENTAL GARDEN RESIDENCE', en: 'ORIENTAL GARDEN RESIDENCE' },
				box(0, 0.49, 1, 0.025),
				{
					family: 'League Spartan',
					weight: 500,
					size: 0.02,
					color: '@bronze',
					align: 'center',
					verticalAlign: 'middle',
					letterSpacing: 0.45
				}
			),
			text('headline', 'headline', box(0, 0.52, 1, 0.1), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.09,
				color: '@ink',
				align: 'center',
				verticalAlign: 'middle',
				lineHeight: 1.15,
				letterSpacing: 0.08,
				minScale: 0.16
			}),
			text('subtitle', 'subtitle', box(0, 0.625, 1, 0.035), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.03,
				color: '@jade',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.08
			}),
			path('divider', box(0.3, 0.672, 0.4, 0.015), diamond, solid('@bronze')),
			text('hotline', 'hotline', box(0, 0.695, 1, 0.04), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.032,
				color: '@bronze',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.06
			}),
			text('developer', 'developer', box(0, 0.955, 1, 0.045), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.022,
				color: '@rice',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.1
			})
		],
		// Layers that move together in the editor.
		groups: [
			{ id: 'hills', name: { zh: '远山', en: 'Hills' }, members: ['hills-far', 'hills-mid', 'hills-near'] }
		],
		overrides: {
			tall: {
				'hills-far': { box: box(0, 0.64, 1, 0.1, 'bleed') },
				'hills-mid': { box: box(0, 0.69, 1, 0.08, 'bleed') },
				'hills-near': { box: box(0, 0.7, 1, 0.31, 'bleed'), path: ridge(13, 4, 3, 3)[0] },
				'gate-ring': { box: gate(0, 0.04, 1, 0.45) },
				courtyard: { box: gate(0.1, 0.04, 0.8, 0.45) },
				kicker: { box: box(0, 0.52, 1, 0.02), style: { size: 0.032 } },
				headline: { box: box(0, 0.545, 1, 0.09), style: { size: 0.13, minScale: 0.16 } },
				subtitle: { box: box(0, 0.64, 1, 0.025), style: { size: 0.045 } },
				divider: { box: box(0.25, 0.675, 0.5, 0.012) },
				hotline: { box: box(0, 0.69, 1, 0.03), style: { size: 0.05 } },
				developer: { box: box(0, 0.95, 1, 0.03), style: { size: 0.036 } }
			},
			wide: {
				'hills-far': { box: box(0, 0.68, 1, 0.3, 'bleed') },
				'hills-mid': { box: box(0, 0.72, 1, 0.28, 'bleed') },
				'hills-near': { box: box(0, 0.76, 1, 0.26, 'bleed'), path: ridge(13, 4, 3, 4)[0] },
				'gate-ring': { box: gate(0, 0, 0.32, 0.78) },
				courtyard: { box: gate(0.03, 0.07, 0.26, 0.64) },
				kicker: { box: box(0.34, 0, 0.66, 0.08), style: { size: 0.04 } },
				headline: { box: box(0.34, 0.1, 0.66, 0.3), style: { size: 0.15 } },
				subtitle: { box: box(0.34, 0.42, 0.66, 0.1), style: { size: 0.05 } },
				divider: { box: box(0.52, 0.54, 0.3, 0.04) },
				hotline: { box: box(0.34, 0.6, 0.66, 0.1), style: { size: 0.055 } },
				developer: { box: box(0.34, 0.88, 0.66, 0.1), style: { size: 0.04 } }
			}
		}
	},
	prompt: {
		slot: 'courtyard',
		scene: {
			zh: '新中式园林庭院：白墙黛瓦，一株造型优美的罗汉松立在青石板与浅水池之间，水面倒映着灰瓦屋檐，远处薄雾中的青山，清晨柔和的散射光，淡雅的米色与青绿色调，建筑摄影，35 毫米镜头。',
			en: 'A new Chinese style garden courtyard: white walls and dark tiles, a graceful pine between blue-stone paving and a shallow pool reflecting the grey eaves, green hills in mist beyond, soft diffuse morning light, quiet beige and celadon tones, architectural photography, 35 mm lens.'
		},
		composition: {
			zh: '罗汉松位于画面正中，四周对称留白，便于裁成圆形月洞门。',
			en: 'The pine stands in the exact centre with symmetrical space around it, so it can be cropped to a round moon gate.'
		},
		avoid: {
			zh: '不要文字，不要牌匾上的字，不要人物，不要水印。',
			en: 'No text, no characters on plaques, no people, no watermark.'
		}
	}
};
