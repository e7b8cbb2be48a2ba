import { describe, expect, it } from 'vitest';
import {
	PosterDocument,
	type TextLayer,
	type ImageLayer,
	type Layer
} from '../../../src/lib/document/schema';
import { mmToPt } from '../../../src/lib/geometry';
import { instantiate } from '../../../src/lib/templates/instantiate';
import { listTemplates } from '../../../src/lib/server/templates/catalog';
import { formatDate, sampleValues, validateValues } from '../../../src/lib/templates/values';
import { fixture } from './fixture';

const opts = { id: 'doc-1', now: '2025-01-01T00:00:00.000Z' } as const;
const ok = (r: ReturnType<typeof instantiate>) => {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.document;
};
const layer = <T>(doc: PosterDocument, id: string) => doc.layers.find((l) => l.id === id) as T;

describe('instantiate', () => {
	it('builds a valid document: page from the preset, text sized from the layout and bound to fields', () => {
		const doc = ok(instantiate(fixture, 'a3', sampleValues(fixture, 'zh'), { ...opts, locale: 'zh' }));
		expect(PosterDocument.parse(doc)).toEqual(doc);
		expect(doc.page).toMatchObject({ preset: 'a3', bleedMm: 3, safeMm: 5, dpi: 300, background: '#101010' });
		expect(doc.page.width).toBeCloseTo(mmToPt(297), 6);
		expect(doc.page.height).toBeCloseTo(mmToPt(420), 6);
		const headline = layer<TextLayer>(doc, 'headline');
		const short = mmToPt(297);
		expect(headline.field).toBe('headline');
		expect(headline.runs).toEqual([
			{
				text: '春季大促',
				family: 'Noto Sans SC',
				weight: 900,
				italic: false,
				size: 0.12 * short,
				color: '#FFFFFF'
			}
		]);
		expect(headline.fit).toEqual({ mode: 'shrink', minSize: 0.12 * short * 0.35, maxSize: 0.12 * short });
		// content box: margin 5% of the short side on every side
		expect(headline.x).toBeCloseTo(0.05 * short, 6);
		expect(headline.width).toBeCloseTo(short * 0.9, 6);
		expect(doc.source).toEqual({
			templateId: 'test-poster',
			formatId: 'a3',
			values: sampleValues(fixture, 'zh'),
			locale: 'zh'
		});
		expect(doc.title).toBe('春季大促');
	});

	it('creates the generated image as an empty frame with a placeholder paint, and bleed shapes locked', () => {
		const doc = ok(instantiate(fixture, 'a3', sampleValues(fixture, 'en'), opts));
		const photo = layer<ImageLayer>(doc, 'photo');
		expect(photo).toMatchObject({ type: 'image', assetId: null, field: null, generation: null });
		expect(photo.placeholder).toEqual({
			type: 'linear',
			angle: 90,
			stops: [
				{ offset: 0, color: '#202020' },
				{ offset: 1, color: '#101010' }
			]
		});
		expect(photo.x).toBeCloseTo(-mmToPt(3), 6);
		expect(layer<{ locked: boolean }>(doc, 'bg').locked).toBe(true);
	});

	it('splits a price into a smaller currency symbol and the digits; formats dates per locale', () => {
		const zh = ok(
			instantiate(
				fixture,
				'a3',
				{ ...sampleValues(fixture, 'zh'), price: '¥1,299.5' },
				{ ...opts, locale: 'zh' }
			)
		);
		const price = layer<TextLayer>(zh, 'price');
		expect(price.runs.map((r) => r.text)).toEqual(['¥', '1,299.5']);
		expect(price.runs[0].size).toBeCloseTo(price.runs[1].size * 0.5, 6);
		expect(layer<TextLayer>(zh, 'date').runs[0].text).toBe('2025年3月8日');
		const en = ok(instantiate(fixture, 'a3', sampleValues(fixture, 'en'), { ...opts, locale: 'en' }));
		expect(layer<TextLayer>(en, 'date').runs[0].text).toBe('March 8, 2025');
		expect(formatDate('2025-10-01 ~ 2025-10-07', 'zh', 'long')).toBe('2025年10月1日—10月7日');
		expect(formatDate('2025-12-31 20:00', 'en', 'long')).toBe('December 31, 2025, 20:00');
		expect(formatDate('2025-09-12 ~ 2025-11-30', 'en', 'dots')).toBe('2025.09.12 – 11.30');
	});

	it('applies overrides by aspect class then by preset id, and leaves out optional elements that are empty', () => {
		const wide = ok(instantiate(fixture, 'wechat-900x383', { headline: 'Hi' }, opts));
		const headline = layer<TextLayer>(wide, 'headline');
		expect(headline.align).toBe('start');
		expect(headline.runs[0].size).toBeCloseTo(0.2 * 383, 6);
		expect(headline.runs[0].weight).toBe(900); // an override never resets keys it does not name
		expect(wide.layers.map((l) => l.id)).toEqual(['bg', 'photo', 'headline']);
		const rollup = ok(instantiate(fixture, 'rollup-80x200', sampleValues(fixture, 'zh'), opts));
		expect(layer<TextLayer>(rollup, 'headline').runs[0].size).toBeCloseTo(0.2 * mmToPt(800), 6);
		// nothing above the roll-up stand's hidden 30 cm
		for (const l of rollup.layers.filter((l) => l.type === 'text'))
			expect(l.y + l.height).toBeLessThanOrEqual(mmToPt(2000 - 300) + 1e-6);
	});

	it('hides text layers the image model draws', () => {
		const doc = ok(
			instantiate(fixture, 'a3', sampleValues(fixture, 'zh'), { ...opts, textModes: { headline: 'model' } })
		);
		expect(layer<TextLayer>(doc, 'headline').hidden).toBe(true);
		expect(layer<TextLayer>(doc, 'slogan').hidden).toBe(false);
	});

	it('rejects bad values with field-level messages in zh and en', () => {
		const r = instantiate(
			fixture,
			'a3',
			{ headline: '', english: '你好', slogan: 'hello', price: '12元', date: '2025-02-30', extra: 'x' },
			opts
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual([
			{
				field: 'extra',
				zh: '模板“测试海报”没有字段“extra”',
				en: 'Template "Test poster" has no field "extra".'
			},
			{ field: 'headline', zh: '请填写“主标题”', en: 'Please fill in "Headline".' },
			{
				field: 'english',
				zh: '“英文行”只能填写英文，不能含汉字',
				en: '"English line" must be in English, without Chinese characters.'
			},
			{ field: 'slogan', zh: '“口号”需要填写中文', en: '"Slogan" must be written in Chinese.' },
			{
				field: 'price',
				zh: '“价格”应是价格数字，例如 199 或 ¥99.9',
				en: '"Price" must be a price such as 199 or ¥99.9.'
			},
			{
				field: 'date',
				zh: '“日期”不是有效日期，请写成 2025-10-01、2025-10-01 19:30 或 2025-10-01 ~ 2025-10-07',
				en: '"Date" is not a valid date; write 2025-10-01, 2025-10-01 19:30 or 2025-10-01 ~ 2025-10-07.'
			}
		]);
	});

	it('counts length in code points, not UTF-16 units', () => {
		const astral = '𠀀'.repeat(20); // 20 characters outside the BMP (40 UTF-16 units)
		expect(validateValues(fixture, { headline: astral })).toEqual([]);
		expect(validateValues(fixture, { headline: astral + '字' })).toEqual([
			{
				field: 'headline',
				zh: '“主标题”最多 20 个字，现在是 21 个',
				en: '"Headline" is at most 20 characters (now 21).'
			}
		]);
	});

	it('rejects a format the template does not offer', () => {
		const r = instantiate(fixture, 'a1', sampleValues(fixture, 'zh'), opts);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.errors[0]).toMatchObject({
				field: 'format',
				en: expect.stringContaining('does not offer format "a1"')
			});
		expect(instantiate(fixture, 'custom-500x700mm', sampleValues(fixture, 'zh'), opts).ok).toBe(true);
	});

	it('titles the design with its headline (the largest field text) and names layers in the user language', async () => {
		const sale = (await listTemplates()).find((t) => t.id === 'sale-burst')!;
		const values = { ...sampleValues(sale, 'zh'), headline: '双十一狂欢节' };
		const zh = ok(instantiate(sale, 'a3', values, { ...opts, locale: 'zh' }));
		// Not the small badge ("限时特惠"), which is the first text field.
		expect(zh.title).toBe('双十一狂欢节');
		const background = zh.layers.find((l) => l.type === 'shape' && l.locked);
		expect(background?.name).toBe('背景');
		expect(
			zh.layers.filter((l) => l.type === 'shape').every((l) => /^(背景|矩形|圆形|线条|图形)$/.test(l.name))
		).toBe(true);
		const en = ok(instantiate(sale, 'a3', sampleValues(sale, 'en'), { ...opts, locale: 'en' }));
		expect(
			en.layers
				.filter((l) => l.type === 'shape')
				.every((l) => /^(Background|Rectangle|Ellipse|Line|Graphic)$/.test(l.name))
		).toBe(true);
	});

	it('every shipped template instantiates on every format with its zh, en and long samples', async () => {
		const templates = await listTemplates();
		expect(templates.length).toBeGreaterThanOrEqual(12);
		for (const t of templates)
			for (const format of t.formats)
				for (const locale of ['zh', 'en'] as const)
					for (const long of [false, true]) {
						const doc = ok(instantiate(t, format, sampleValues(t, locale, { long }), { ...opts, locale }));
						// Template groups (a price and its sticker…) hold some layers as children.
						const leaves = (ls: readonly Layer[]): Layer[] =>
							ls.flatMap((l) => (l.type === 'group' ? leaves(l.children) : [l]));
						expect(leaves(doc.layers).some((l) => l.type === 'text' && l.field)).toBe(true);
						expect(leaves(doc.layers).filter((l) => l.type === 'shape').length).toBeGreaterThanOrEqual(2);
					}
	});
});
