import {
	box,
	circle,
	edgeScatter,
	field,
	image,
	lantern,
	linear,
	path,
	rect,
	reversePath,
	roundRect,
	solid,
	text,
	waves
} from '../art.mjs';

// Five lanterns on strings of different lengths, from the top edge (viewBox 100×46).
const hung = [
	[9, 6, 13],
	[24, 15, 9],
	[50, 2, 7],
	[76, 15, 9],
	[91, 6, 13]
].map(([x, len, w]) => lantern(x, -1, len, w));
const lanterns = (part) => [hung.map((l) => l[part]).join(''), 100, 46];
// Sparkles in the side margins only, clear of the text.
const sparkles = [edgeScatter(21, 60, 100, 100, 6, (x, y, r) => circle(x, y, 0.12 + r() * 0.35)), 100, 100];
// The window frame around the capsule picture: a gold ring just outside it (viewBox 100×118).
const capsule = (inset) => roundRect(-inset, -inset, 100 + 2 * inset, 118 + 2 * inset, 50 + inset);
const frame = [capsule(4) + reversePath(capsule(1.5)), 100, 118];
const outerFrame = [capsule(8) + reversePath(capsule(7.2)), 100, 118];
const clouds = [waves(100, 8, 3, 12, 20), 100, 20];

export default {
	schemaVersion: 1,
	id: 'festival-lantern',
	name: { zh: '元宵灯会', en: 'Lantern Festival' },
	description: {
		zh: '夜空中挂满红灯笼，毛笔金字标题，胶囊形月洞窗里是灯会夜景',
		en: 'Red lanterns hanging in a night sky, a gold brush headline and the lantern fair in a capsule window'
	},
	category: 'festival',
	tags: [
		'元宵',
		'元宵节',
		'灯会',
		'花灯',
		'汤圆',
		'猜灯谜',
		'节日',
		'Lantern Festival',
		'Yuanxiao',
		'festival'
	],
	fields: [
		field(
			'headline',
			'text',
			'主标题',
			'Headline',
			{
				zh: '元宵节快乐',
				en: 'Happy Lantern Festival',
				long: {
					zh: '闹元宵 赏花灯 第十届海报城元宵灯会欢迎您',
					en: 'Lanterns, Riddles and Sweet Dumplings: the Tenth City Lantern Fair'
				}
			},
			{ required: true, maxLength: 70 }
		),
		field(
			'subtitle',
			'text',
			'副标题',
			'Subtitle',
			{ zh: '赏花灯 · 猜灯谜 · 吃汤圆', en: 'Lanterns · riddles · sweet dumplings' },
			{ maxLength: 40 }
		),
		field(
			'date',
			'date',
			'日期',
			'Date',
			{ zh: '2026-03-03 18:00 ~ 22:00', en: '2026-03-03 18:00 ~ 22:00' },
			{ required: true }
		),
		field(
			'venue',
			'text',
			'地点',
			'Venue',
			{ zh: '海报城 · 古运河步行街', en: 'Old Canal Walk, Haibao City' },
			{ maxLength: 40 }
		),
		field(
			'host',
			'text',
			'主办',
			'Host',
			{ zh: '海报城文旅局 主办', en: 'Hosted by the Haibao City Culture Bureau' },
			{ maxLength: 40 }
		)
	],
	formats: ['a3', 'rollup-80x200', 'xhs-1242x1660', 'square-1080'],
	palette: {
		background: '#1A1240',
		night: '#1A1240',
		plum: '#4A0E2E',
		red: '#D7261E',
		shine: '#FF6A3D',
		gold: '#F2C35B',
		goldSoft: '#F7DDA0',
		cream: '#FFF1D9',
		photo: '#3A1740'
	},
	fonts: [
		{ family: 'Ma Shan Zheng', weights: [400] },
		{ family: 'Noto Serif SC', weights: [400, 900] },
		{ family: 'League Spartan', weights: [600] }
	],
	slots: [{ id: 'fair', role: 'framed' }],
	layout: {
		margin: 0.07,
		elements: [
			rect('bg', box(0, 0, 1, 1, 'bleed'), linear(90, '@night', [0.6, '#2E1045'], '@plum')),
			path('sparkles', box(0, 0, 1, 0.7, 'page'), sparkles, solid('@goldSoft'), { opacity: 0.55 }),
			path('clouds', box(0, 0.9, 1, 0.12, 'bleed'), clouds, solid('#6A1838'), { opacity: 0.7 }),
			path(
				'lantern-bodies',
				box(0, 0, 1, 0.28, 'page', { aspect: 100 / 46, align: [0.5, 0] }),
				lanterns('body'),
				solid('@red')
			),
			path(
				'lantern-shine',
				box(0, 0, 1, 0.28, 'page', { aspect: 100 / 46, align: [0.5, 0] }),
				lanterns('shine'),
				solid('@shine'),
				{ opacity: 0.6 }
			),
			path(
				'lantern-gold',
				box(0, 0, 1, 0.28, 'page', { aspect: 100 / 46, align: [0.5, 0] }),
				lanterns('gold'),
				solid('@gold')
			),
			text('kicker', { zh: 'LANTERN FESTIVAL', en: 'LANTERN NIGHT' }, box(0, 0.235, 1, 0.03), {
				family: 'League Spartan',
				weight: 600,
				size: 0.024,
				color: '@goldSoft',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.5
			}),
			text('headline', 'headline', box(0, 0.27, 1, 0.14), {
				family: 'Ma Shan Zheng',
				latinFamily: 'Noto Serif SC',
				latinWeight: 900,
				size: 0.17,
				color: '@gold',
				align: 'center',
				verticalAlign: 'middle',
				lineHeight: 1.05,
				minScale: 0.16,
				shadow: { color: '#0B0420CC', blur: 0.05, x: 0, y: 0.03 }
			}),
			text('subtitle', 'subtitle', box(0, 0.415, 1, 0.04), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.036,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle',
				letterSpacing: 0.12
			}),
			path(
				'frame-outer',
				box(0.1, 0.475, 0.8, 0.35, 'content', { aspect: 100 / 118 }),
				outerFrame,
				solid('@gold'),
				{ opacity: 0.6 }
			),
			path(
				'frame',
				box(0.1, 0.475, 0.8, 0.35, 'content', { aspect: 100 / 118 }),
				frame,
				linear(90, '@goldSoft', '@gold')
			),
			image(
				'fair',
				'fair',
				box(0.1, 0.475, 0.8, 0.35, 'content', { aspect: 100 / 118 }),
				linear(90, '@photo', '@plum'),
				{ cornerRadius: 0.5 }
			),
			text('date', 'date', box(0, 0.855, 1, 0.045), {
				family: 'Noto Serif SC',
				weight: 900,
				size: 0.04,
				color: '@gold',
				align: 'center',
				verticalAlign: 'middle'
			}),
			text('venue', 'venue', box(0, 0.905, 1, 0.04), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.032,
				color: '@cream',
				align: 'center',
				verticalAlign: 'middle'
			}),
			text('host', 'host', box(0, 0.955, 1, 0.04), {
				family: 'Noto Serif SC',
				weight: 400,
				size: 0.024,
				color: '@goldSoft',
				align: 'center',
				verticalAlign: 'middle'
			})
		],
		// Layers that move together in the editor.
		groups: [
			{
				id: 'lanterns',
				name: { zh: '灯笼', en: 'Lanterns' },
				members: ['lantern-bodies', 'lantern-shine', 'lantern-gold']
			},
			{ id: 'window-frame', name: { zh: '窗框', en: 'Window frame' }, members: ['frame-outer', 'frame'] }
		],
		overrides: {
			tall: {
				sparkles: { box: box(0, 0, 1, 0.5, 'page') },
				clouds: { box: box(0, 0.8, 1, 0.08, 'bleed') },
				'lantern-bodies': { box: box(0, 0, 1, 0.2, 'page', { aspect: 100 / 46, align: [0.5, 0] }) },
				'lantern-shine': { box: box(0, 0, 1, 0.2, 'page', { aspect: 100 / 46, align: [0.5, 0] }) },
				'lantern-gold': { box: box(0, 0, 1, 0.2, 'page', { aspect: 100 / 46, align: [0.5, 0] }) },
				kicker: { box: box(0, 0.2, 1, 0.02), style: { size: 0.038 } },
				headline: { box: box(0, 0.225, 1, 0.13), style: { size: 0.2, minScale: 0.16 } },
				subtitle: { box: box(0, 0.36, 1, 0.03), style: { size: 0.05 } },
				'frame-outer': { box: box(0.04, 0.42, 0.92, 0.35, 'content', { aspect: 100 / 118 }) },
				frame: { box: box(0.04, 0.42, 0.92, 0.35, 'content', { aspect: 100 / 118 }) },
				fair: { box: box(0.04, 0.42, 0.92, 0.35, 'content', { aspect: 100 / 118 }) },
				date: { box: box(0, 0.81, 1, 0.035), style: { size: 0.06 } },
				venue: { box: box(0, 0.86, 1, 0.03), style: { size: 0.05 } },
				host: { box: box(0, 0.91, 1, 0.03), style: { size: 0.038 } }
			},
			square: {
				'lantern-bodies': { box: box(0, 0, 1, 0.3, 'page', { aspect: 100 / 46, align: [0.5, 0] }) },
				'lantern-shine': { box: box(0, 0, 1, 0.3, 'page', { aspect: 100 / 46, align: [0.5, 0] }) },
				'lantern-gold': { box: box(0, 0, 1, 0.3, 'page', { aspect: 100 / 46, align: [0.5, 0] }) },
				kicker: { box: box(0, 0.33, 0.55, 0.04), style: { align: 'start' } },
				headline: { box: box(0, 0.38, 0.58, 0.28), style: { size: 0.095, align: 'start' } },
				subtitle: {
					box: box(0, 0.68, 0.56, 0.05),
					style: { align: 'start', size: 0.032, letterSpacing: 0.04 }
				},
				'frame-outer': { box: box(0.62, 0.3, 0.38, 0.58, 'content', { aspect: 100 / 118 }) },
				frame: { box: box(0.62, 0.3, 0.38, 0.58, 'content', { aspect: 100 / 118 }) },
				fair: { box: box(0.62, 0.3, 0.38, 0.58, 'content', { aspect: 100 / 118 }) },
				date: { box: box(0, 0.76, 0.56, 0.05), style: { align: 'start', size: 0.034 } },
				venue: { box: box(0, 0.82, 0.56, 0.05), style: { align: 'start', size: 0.028 } },
				host: { box: box(0, 0.93, 1, 0.05), style: { size: 0.022 } }
			}
		}
	},
	prompt: {
		slot: 'fair',
		scene: {
			zh: '元宵节夜晚的古镇灯会：石板街两侧挂满层层叠叠的红灯笼和花灯，远处有一座亮着暖光的石拱桥倒映在河面上，游人背影模糊，暖红与金色的灯光，夜色深蓝，浅景深，35 毫米镜头，真实摄影。',
			en: 'A lantern fair in an old water town on the night of the Lantern Festival: layers of red lanterns and painted lanterns hang along both sides of a stone street, a warmly lit stone arch bridge in the distance reflected in the river, blurred visitors seen from behind, warm red and gold light against a deep blue night, shallow depth of field, 35 mm lens, realistic photography.'
		},
		composition: {
			zh: '竖构图，石拱桥和最亮的灯笼位于画面中央，四周暗一些，便于裁成胶囊形窗口。',
			en: 'Portrait framing; the stone bridge and the brightest lanterns sit in the centre, darker towards the edges, so it can be cropped to a capsule window.'
		},
		avoid: {
			zh: '不要文字，不要灯笼上的字，不要水印，不要清晰人脸。',
			en: 'No text, no characters on the lanterns, no watermark, no recognisable faces.'
		}
	}
};
