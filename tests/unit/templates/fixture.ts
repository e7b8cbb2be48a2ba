// A small template written for the tests (independent of the shipped catalogue): a full-bleed
// generated background, a headline at the top, a price and a date at the bottom.
import { Template, type TemplateInput } from '../../../src/lib/templates/schema';

export const fixtureInput: TemplateInput = {
	id: 'test-poster',
	name: { zh: '测试海报', en: 'Test poster' },
	category: 'sale',
	fields: [
		{
			id: 'headline',
			kind: 'text',
			label: { zh: '主标题', en: 'Headline' },
			required: true,
			maxLength: 20,
			sample: { zh: '春季大促', en: 'Spring Sale' }
		},
		{
			id: 'english',
			kind: 'text',
			label: { zh: '英文行', en: 'English line' },
			language: 'en',
			maxLength: 30,
			sample: { zh: 'BIG SALE', en: 'BIG SALE' }
		},
		{
			id: 'slogan',
			kind: 'text',
			label: { zh: '口号', en: 'Slogan' },
			language: 'zh',
			maxLength: 12,
			sample: { zh: '好物低至五折', en: '好物低至五折' }
		},
		{ id: 'price', kind: 'price', label: { zh: '价格', en: 'Price' }, sample: { zh: '99', en: '99' } },
		{
			id: 'date',
			kind: 'date',
			label: { zh: '日期', en: 'Date' },
			sample: { zh: '2025-03-08', en: '2025-03-08' }
		}
	],
	formats: ['a3', 'xhs-1242x1660', 'wechat-900x383', 'rollup-80x200'],
	palette: { background: '#101010', white: '#FFFFFF', red: '#E60012' },
	fonts: [{ family: 'Noto Sans SC', weights: [400, 900] }],
	slots: [{ id: 'bg', role: 'background' }],
	layout: {
		margin: 0.05,
		elements: [
			{
				id: 'bg',
				type: 'shape',
				shape: 'rect',
				box: { ref: 'bleed', x: 0, y: 0, w: 1, h: 1 },
				fill: { type: 'solid', color: '@background' }
			},
			{
				id: 'photo',
				type: 'image',
				slot: 'bg',
				box: { ref: 'bleed', x: 0, y: 0, w: 1, h: 1 },
				placeholder: {
					type: 'linear',
					angle: 90,
					stops: [
						{ offset: 0, color: '#202020' },
						{ offset: 1, color: '@background' }
					]
				}
			},
			{
				id: 'headline',
				type: 'text',
				field: 'headline',
				box: { x: 0, y: 0, w: 1, h: 0.2 },
				style: { family: 'Noto Sans SC', weight: 900, size: 0.12, color: '@white', align: 'center' }
			},
			{
				id: 'english',
				type: 'text',
				field: 'english',
				box: { x: 0, y: 0.2, w: 1, h: 0.05 },
				style: { family: 'Noto Sans SC', size: 0.03, color: '@white', align: 'center', uppercase: true }
			},
			{
				id: 'badge',
				type: 'shape',
				shape: 'ellipse',
				requires: 'price',
				box: { x: 0.6, y: 0.8, w: 0.4, h: 0.2, aspect: 1 },
				fill: { type: 'solid', color: '@red' }
			},
			{
				id: 'price',
				type: 'text',
				field: 'price',
				box: { x: 0.6, y: 0.8, w: 0.4, h: 0.2 },
				style: {
					family: 'Noto Sans SC',
					weight: 900,
					size: 0.1,
					color: '@white',
					align: 'center',
					verticalAlign: 'middle'
				}
			},
			{
				id: 'slogan',
				type: 'text',
				field: 'slogan',
				box: { x: 0, y: 0.85, w: 0.55, h: 0.06 },
				style: { family: 'Noto Sans SC', size: 0.04, color: '#FFD400' }
			},
			{
				id: 'date',
				type: 'text',
				field: 'date',
				box: { x: 0, y: 0.92, w: 0.55, h: 0.05 },
				style: { family: 'Noto Sans SC', size: 0.03, color: '@white' }
			}
		],
		overrides: {
			wide: {
				headline: { box: { x: 0, y: 0.1, w: 0.5, h: 0.5 }, style: { align: 'start', size: 0.2 } },
				english: { hidden: true }
			},
			'rollup-80x200': { headline: { style: { size: 0.2 } } }
		}
	},
	prompt: {
		slot: 'bg',
		scene: { zh: '春天的花园，阳光明媚。', en: 'A sunny spring garden.' },
		composition: { zh: '花丛位于画面中部。', en: 'The flowers fill the middle.' },
		avoid: { zh: '不要人物。', en: 'No people.' }
	}
};

export const fixture = Template.parse(fixtureInput);
