// The template layout check (render/quality.ts) on a small template written for these tests, with
// the server's real fonts and renderer: each rule is shown failing on a broken layout, with a
// message naming template, format, layer and problem, and passing once the layout is right.
// Also template groups and text that flows below other text (instantiate).
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupLayer, Layer, TextLayer } from '../../../src/lib/document/schema';
import {
	checkDocument,
	checkTemplate,
	contrastRatio,
	luminance,
	type QualityDeps
} from '../../../src/lib/render/quality';
import { layoutTextLayer } from '../../../src/lib/render/build-scene';
import { serverQualityDeps } from '../../../src/lib/server/templates/quality';
import { templateMeasure } from '../../../src/lib/server/templates/measure';
import { checkReferences } from '../../../src/lib/templates/check';
import { instantiate } from '../../../src/lib/templates/instantiate';
import { Template, type TemplateInput } from '../../../src/lib/templates/schema';

type Elements = TemplateInput['layout']['elements'];
const text = (
	id: string,
	box: { x: number; y: number; w: number; h: number },
	style: { weight?: number; size?: number; color?: string; align?: 'center'; verticalAlign?: 'middle' } = {}
) => ({
	id,
	type: 'text' as const,
	field: id,
	box,
	style: { family: 'Noto Sans SC', weight: 900, size: 0.1, color: '#1A1A1A', ...style }
});
const base: Elements = [
	{
		id: 'bg',
		type: 'shape',
		shape: 'rect',
		box: { ref: 'bleed', x: 0, y: 0, w: 1, h: 1 },
		fill: { type: 'solid', color: '#FFFFFF' }
	},
	// A five-pointed star: a path, so a decoration by default.
	{
		id: 'star',
		type: 'shape',
		shape: 'path',
		path: 'M50 0L61 35L98 35L68 57L79 91L50 70L21 91L32 57L2 35L39 35Z',
		viewBox: { width: 100, height: 100 },
		box: { x: 0.8, y: 0, w: 0.2, h: 0.2 },
		fill: { type: 'solid', color: '#E60012' }
	},
	text('headline', { x: 0, y: 0.25, w: 1, h: 0.2 }),
	text('subtitle', { x: 0, y: 0.5, w: 1, h: 0.08 }, { weight: 400, size: 0.04 }),
	{
		id: 'sticker',
		type: 'shape',
		shape: 'rect',
		box: { x: 0, y: 0.7, w: 0.5, h: 0.2 },
		fill: { type: 'solid', color: '#1A1A1A' }
	},
	text(
		'price',
		{ x: 0, y: 0.7, w: 0.5, h: 0.2 },
		{ color: '#FFFFFF', align: 'center', verticalAlign: 'middle' }
	)
];
type Groups = TemplateInput['layout']['groups'];
function template(edit: (elements: Elements) => Elements = (e) => e, groups: Groups = []): Template {
	const field = (id: string, zh: string, en: string) => ({
		id,
		kind: 'text' as const,
		label: { zh: id, en: id },
		maxLength: 40,
		sample: { zh, en }
	});
	return Template.parse({
		id: 'quality-test',
		name: { zh: '检查', en: 'Check' },
		category: 'other',
		fields: [
			field('headline', '秋日读书会', 'Autumn Reading Club'),
			field('subtitle', '每周六下午三点', 'Saturdays at 3 pm'),
			field('price', '¥39', '¥39')
		],
		formats: ['square-1080'],
		palette: { background: '#FFFFFF' },
		fonts: [{ family: 'Noto Sans SC', weights: [400, 900] }],
		layout: { margin: 0.06, elements: edit(structuredClone(base)), groups }
	});
}
const withEl = (id: string, change: (e: Record<string, unknown>) => void) => (elements: Elements) => {
	change(elements.find((e) => e.id === id) as Record<string, unknown>);
	return elements;
};

let deps: QualityDeps & {
	prepare(doc: import('../../../src/lib/document/schema').PosterDocument): Promise<void>;
};
const check = (t: Template) => checkTemplate(t, deps, { headlines: null, prepare: deps.prepare });
beforeAll(async () => {
	deps = await serverQualityDeps();
});

describe('template layout check', () => {
	it('passes a clean layout in both languages, short and long', async () => {
		expect(await check(template())).toEqual([]);
	});

	it('finds text on a decoration, naming template, format, filling, layer and decoration', async () => {
		const problems = await check(
			template(withEl('headline', (e) => (e.box = { x: 0, y: 0.02, w: 1, h: 0.2 })))
		);
		const hit = problems.find((p) => p.code === 'decoration-overlap');
		expect(hit).toMatchObject({ template: 'quality-test', format: 'square-1080', layer: 'headline' });
		expect(hit?.message).toMatch(
			/^quality-test square-1080 \[(zh|en) short\] headline: ".+" touches decoration "star"$/
		);
	});

	it('lets text sit on a decoration it declares (`on`)', async () => {
		const t = template(
			withEl('headline', (e) => {
				e.box = { x: 0, y: 0.02, w: 1, h: 0.2 };
				e.on = ['star'];
			})
		);
		expect((await check(t)).filter((p) => p.code === 'decoration-overlap')).toEqual([]);
	});

	it('finds text blocks that overlap or touch', async () => {
		const problems = await check(
			template(withEl('subtitle', (e) => (e.box = { x: 0, y: 0.3, w: 1, h: 0.08 })))
		);
		const hit = problems.find((p) => p.code === 'text-overlap');
		expect(hit?.layer).toBe('headline');
		expect(hit?.message).toMatch(/of text "subtitle"/);
	});

	it('finds text outside the safe area', async () => {
		const problems = await check(
			template(withEl('subtitle', (e) => (e.box = { ref: 'page', x: -0.1, y: 0.5, w: 1, h: 0.08 })))
		);
		expect(problems.some((p) => p.code === 'outside-safe-area' && p.layer === 'subtitle')).toBe(true);
	});

	it('measures contrast on the rendered pixels: 4.5:1 for small text, 3:1 for headlines', async () => {
		const grey = '#8A8A8A';
		const ratio = contrastRatio(luminance(0x8a, 0x8a, 0x8a), 1);
		expect(ratio).toBeGreaterThan(3);
		expect(ratio).toBeLessThan(4.5);
		// The same grey is fine for the headline and too faint for the subtitle.
		const problems = await check(
			template((e) => {
				for (const id of ['headline', 'subtitle'])
					withEl(id, (t) => ((t.style as { color: string }).color = grey))(e);
				return e;
			})
		);
		expect(problems.filter((p) => p.code === 'low-contrast').map((p) => p.layer)).toEqual([
			'subtitle',
			'subtitle',
			'subtitle',
			'subtitle'
		]);
		expect(problems[0].message).toMatch(/subtitle: contrast 3\.\d\d:1 under ".+" \(needs 4\.5:1\)/);
	});

	it('judges the text against what is drawn under it, not the page colour', async () => {
		// White price text: readable on its dark sticker, unreadable once the sticker is white too.
		const light = template(withEl('sticker', (e) => (e.fill = { type: 'solid', color: '#F4F4F4' })));
		const problems = await check(light);
		expect(problems.some((p) => p.code === 'low-contrast' && p.layer === 'price')).toBe(true);
		expect((await check(template())).some((p) => p.layer === 'price')).toBe(false);
	});

	it('finds text that fills its pill to the edge (a tag wrapped to two lines)', async () => {
		const pill = (textBox: { x: number; y: number; w: number; h: number }) =>
			template((e) => {
				withEl('sticker', (s) => (s.box = { x: 0, y: 0.7, w: 0.5, h: 0.06 }))(e);
				return withEl('price', (p) => {
					p.box = textBox;
					p.style = { ...(p.style as object), weight: 400, size: 0.035 };
				})(e);
			});
		const run = async (t: Template) => {
			const r = instantiate(
				t,
				'square-1080',
				{ headline: '秋日读书会', price: '会员专享 周末两天 第二本半价' },
				{ locale: 'zh' }
			);
			if (!r.ok) throw new Error('instantiate failed');
			await deps.prepare(r.document);
			return checkDocument(t, r.document, deps, 'long tag');
		};
		// The text box as large as the pill: fitting wraps the tag and fills the pill.
		const filled = await run(pill({ x: 0, y: 0.7, w: 0.5, h: 0.06 }));
		expect(filled.map((p) => p.message)).toContainEqual(
			expect.stringMatching(
				/^quality-test square-1080 \[long tag\] price: ".+" runs to the edge of "sticker"/
			)
		);
		// A box one line high, inset from the pill's ends: the tag shrinks on one line instead.
		expect(await run(pill({ x: 0.03, y: 0.712, w: 0.44, h: 0.036 }))).toEqual([]);
	});
});

describe('template groups and text flow', () => {
	it('emits declared groups as group layers that keep their members together', () => {
		const t = template(undefined, [
			{ id: 'price-group', name: { zh: '价格贴纸', en: 'Price sticker' }, members: ['sticker', 'price'] }
		]);
		const result = instantiate(
			t,
			'square-1080',
			{ headline: '秋日读书会', price: '39' },
			{ locale: 'zh', id: 'g', now: '2000-01-01T00:00:00.000Z' }
		);
		if (!result.ok) throw new Error('instantiate failed');
		const ids = result.document.layers.map((l) => l.id);
		expect(ids).toEqual(['bg', 'star', 'headline', 'price-group']);
		const group = result.document.layers[3] as GroupLayer;
		expect(group).toMatchObject({ type: 'group', name: '价格贴纸', x: 64.8, width: 475.2 });
		expect(group.children.map((c: Layer) => [c.id, c.x, c.y])).toEqual([
			['sticker', 0, 0],
			['price', 0, 0]
		]);
		// A group whose other members are missing is not made (the price is optional here).
		const noPrice = instantiate(t, 'square-1080', { headline: '秋日读书会' }, { locale: 'en' });
		expect(noPrice.ok && noPrice.document.layers.map((l) => l.id)).toEqual([
			'bg',
			'star',
			'headline',
			'sticker'
		]);
	});

	it('refuses groups whose members are not adjacent, and unknown `on` ids', () => {
		const t = template(
			withEl('headline', (e) => (e.on = ['moon'])),
			[{ id: 'g', name: { zh: '组', en: 'G' }, members: ['star', 'subtitle'] }]
		);
		const messages = checkReferences(t).map((p) => `${p.path}: ${p.message}`);
		expect(messages).toContain('$.layout.elements[2].on[0]: no layout element "moon"');
		expect(messages).toContain(
			'$.layout.groups[0].members: group members must be adjacent in layout.elements (the group keeps their stacking order)'
		);
	});

	it('places text declared `below` under the real last line of the text above', async () => {
		const t = template(withEl('subtitle', (e) => (e.below = { id: 'headline', gap: 0.02 })));
		const measure = await templateMeasure(t);
		const place = (headline: string) => {
			const r = instantiate(
				t,
				'square-1080',
				{ headline, subtitle: '每周六下午' },
				{ locale: 'zh', measure }
			);
			if (!r.ok) throw new Error('instantiate failed');
			const layer = (id: string) => r.document.layers.find((l) => l.id === id) as TextLayer;
			const h = layer('headline');
			const bottom = h.y + Math.max(...layoutTextLayer(h, deps.fonts).lines.map((l) => l.y + l.height));
			return { bottom, sub: layer('subtitle') };
		};
		const short = place('读书会');
		const long = place('城西旧书市集 秋日读书会 每周六与作者面对面');
		// 0.02 of the 1080 px short side under the headline's last line, the box's bottom edge kept.
		expect(short.sub.y).toBeCloseTo(short.bottom + 21.6, 3);
		expect(long.sub.y).toBeCloseTo(long.bottom + 21.6, 3);
		expect(long.sub.y).toBeGreaterThan(short.sub.y + 50);
		expect(long.sub.y + long.sub.height).toBeCloseTo(short.sub.y + short.sub.height, 3);
	});
});
