// The document schema's bounds (src/lib/document/limits.ts): each refusal is a failure with a path
// and a message naming the limit — never a thrown stack overflow, never an accepted absurdity.
import { describe, expect, it } from 'vitest';
import {
	MAX_GROUP_DEPTH,
	MAX_TEXT_CHARS,
	maxDpiFor,
	maxTrimPt,
	pageRasterProblem,
	PDF_MAX_PAGE_PT,
	tooDeepPath
} from '../../../src/lib/document/limits';
import { parseDocument } from '../../../src/lib/document/migrations';
import { makeDoc, nestedGroups as nested, rect, text } from './fixtures';

const base = () => JSON.parse(JSON.stringify(makeDoc([rect('bg', 0, 0, 100, 100), text('title', 10, 10)])));

describe('group nesting', () => {
	it('refuses 1,000 nested groups with a message naming the limit, without overflowing the stack', () => {
		const result = parseDocument(nested(1000));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues).toEqual([
			{
				path: 'layers[0]',
				message: expect.stringContaining(`the limit is ${MAX_GROUP_DEPTH}`),
				zh: expect.stringContaining('嵌套太深')
			}
		]);
		// Deep enough to overflow zod's recursion: still a clean failure.
		expect(parseDocument(nested(20_000)).ok).toBe(false);
	});

	it(`accepts ${MAX_GROUP_DEPTH} levels (a group counts as one level with its children below it)`, () => {
		// `levels` groups around a leaf: the leaf sits at depth levels + 1.
		expect(parseDocument(nested(MAX_GROUP_DEPTH - 1)).ok).toBe(true);
		expect(parseDocument(nested(MAX_GROUP_DEPTH)).ok).toBe(false);
		expect(tooDeepPath(nested(MAX_GROUP_DEPTH - 1).layers)).toBeNull();
		// 50 groups whose innermost is empty: no layer below level 50.
		const empty = nested(MAX_GROUP_DEPTH);
		let g = empty.layers[0] as { children: unknown[] };
		while ((g.children[0] as { type: string }).type === 'group') g = g.children[0] as typeof g;
		g.children = [];
		expect(parseDocument(empty).ok).toBe(true);
	});

	it('checks the v0 prototype format too (groups kept their children in "items")', () => {
		let item: Record<string, unknown> = { kind: 'rect', id: 'r', x: 0, y: 0, w: 1, h: 1 };
		for (let i = 0; i < 200; i++)
			item = { kind: 'group', id: `g${i}`, x: 0, y: 0, w: 1, h: 1, items: [item] };
		const v0 = { version: 0, id: 'old', size: { width: 100, height: 100 }, layers: [item], created: 0 };
		const result = parseDocument(v0);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(/nested too deeply/);
	});
});

describe('text length', () => {
	it(`refuses a text layer over ${MAX_TEXT_CHARS} characters (all runs together), in both languages`, () => {
		const doc = base();
		doc.layers[1].runs = [
			{ ...doc.layers[1].runs[0], text: '海'.repeat(3000) },
			{ ...doc.layers[1].runs[0], text: 'x'.repeat(2001) }
		];
		const result = parseDocument(doc);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues[0].path).toBe('layers[1].runs (layer "title")');
		expect(result.issues[0].message).toBe(
			'text too long (5,001 characters); a text layer holds at most 5,000'
		);
		expect(result.issues[0].zh).toBe('文字太长（5,001 字），每个文字图层最多 5,000 字。');
		doc.layers[1].runs[1].text = 'x'.repeat(2000);
		expect(parseDocument(doc).ok).toBe(true);
	});

	it('refuses a 1 MB text layer', () => {
		const doc = base();
		doc.layers[1].runs[0].text = 'a'.repeat(1024 * 1024);
		expect(parseDocument(doc).ok).toBe(false);
	});
});

describe('page', () => {
	it('refuses dpi 1e308 and 0, accepts 10 to 1200', () => {
		for (const dpi of [1e308, 0, 5, 1201]) {
			const doc = base();
			doc.page.dpi = dpi;
			const result = parseDocument(doc);
			expect(result.ok, `dpi ${dpi}`).toBe(false);
			if (!result.ok) expect(result.message).toMatch(/use 10 to 1200 dpi/);
		}
		for (const dpi of [10, 72, 300, 1200]) {
			const doc = base();
			doc.page.dpi = dpi;
			expect(parseDocument(doc).ok, `dpi ${dpi}`).toBe(true);
		}
	});

	it('refuses a 100 m page: the PDF page with bleed and crop marks must fit 14,400 pt', () => {
		const doc = base();
		doc.page.width = (100_000 * 72) / 25.4;
		const result = parseDocument(doc);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues[0].path).toBe('page.width');
		expect(result.issues[0].message).toMatch(/at most 5,080 mm \(14,400 pt\) a side/);
		expect(result.issues[0].zh).toMatch(/每边最多 5,080 mm/);
	});

	it('allows the largest trim that fits, for each bleed', () => {
		for (const bleedMm of [0, 3, 50, 200]) {
			const max = maxTrimPt(bleedMm);
			const doc = base();
			Object.assign(doc.page, { width: max, height: 100, bleedMm });
			expect(parseDocument(doc).ok, `bleed ${bleedMm}`).toBe(true);
			doc.page.width = max + 1;
			expect(parseDocument(doc).ok, `bleed ${bleedMm}`).toBe(false);
		}
		expect(maxTrimPt(3)).toBeLessThan(PDF_MAX_PAGE_PT);
	});

	it('names the highest dpi when an export would have too many pixels', () => {
		const rollup = { width: (800 * 72) / 25.4, height: (2000 * 72) / 25.4, bleedMm: 5, dpi: 150 };
		expect(pageRasterProblem(rollup)).toBeNull();
		const max = maxDpiFor(rollup.width, rollup.height);
		expect(max).toBe(245);
		expect(pageRasterProblem(rollup, { dpi: 600 })?.en).toBe(
			'at 600 dpi the image would be 893 megapixels, over the 150 MP limit; this page allows at most 245 dpi'
		);
		expect(pageRasterProblem(rollup, { dpi: 600 })?.zh).toMatch(/这个页面最高 245 dpi/);
		// maxSide lowers the dpi, so it may bring a request under the limit.
		expect(pageRasterProblem(rollup, { dpi: 600, maxSide: 4000 })).toBeNull();
		expect(pageRasterProblem(rollup, { dpi: 1e6 })?.en).toMatch(/out of range: use 10 to 1200 dpi/);
	});
});

describe('other bounds', () => {
	it('refuses absurd coordinates, font sizes and path data, and unsafe document ids', () => {
		const cases: [string, (d: ReturnType<typeof base>) => void, RegExp][] = [
			['x 1e308', (d) => (d.layers[0].x = 1e308), /layers\[0\]\.x/],
			['font 1e308', (d) => (d.layers[1].runs[0].size = 1e308), /runs\[0\]\.size/],
			[
				'path 2 MB',
				(d) => Object.assign(d.layers[0], { shape: 'path', path: `M0 0${' L1 1'.repeat(400_000)}` }),
				/path data too long/
			],
			['id ../x', (d) => (d.id = '../x'), /^invalid document — id: /],
			['id upper', (d) => (d.id = 'Doc1'), /lowercase letters/]
		];
		for (const [name, change, expected] of cases) {
			const doc = base();
			change(doc);
			const result = parseDocument(doc);
			expect(result.ok, name).toBe(false);
			if (!result.ok) expect(result.message, name).toMatch(expected);
		}
	});
});

describe('path complexity', () => {
	it('refuses a shape path over 25,000 segments, and a document over 100,000 in all', () => {
		const path = (n: number) => `M0 0${' L1 2'.repeat(n - 1)}`;
		const shape = (id: string, n: number) =>
			rect(id, 0, 0, 10, 10, { shape: 'path', path: path(n), viewBox: { width: 2, height: 2 } });
		const one = parseDocument({ ...base(), layers: [shape('p', 25_001)] });
		expect(one.ok).toBe(false);
		if (!one.ok) {
			expect(one.issues[0].message).toBe('path too complex (25,001 segments); a layer holds at most 25,000');
			expect(one.issues[0].zh).toBe('路径太复杂（25,001 段），每个图层最多 25,000 段。');
		}
		expect(parseDocument({ ...base(), layers: [shape('p', 25_000)] }).ok).toBe(true);
		const many = Array.from({ length: 5 }, (_, i) => shape(`p${i}`, 22_000));
		const all = parseDocument({
			...base(),
			layers: [{ type: 'group', id: 'g', name: 'g', x: 0, y: 0, width: 10, height: 10, children: many }]
		});
		expect(all.ok).toBe(false);
		if (!all.ok)
			expect(all.message).toMatch(/too many path segments in the design \(110,000\); the limit is 100,000/);
	});
});

describe('template values', () => {
	it('a field without its own maxLength still stops at the document limit, with a field error', async () => {
		const { getTemplate } = await import('../../../src/lib/server/templates/catalog');
		const { instantiate } = await import('../../../src/lib/templates/instantiate');
		const template = (await getTemplate('sale-burst'))!;
		expect(template.fields.find((f) => f.id === 'price')?.maxLength).toBeUndefined();
		const result = instantiate(template, 'a3', { headline: '上新', price: '9'.repeat(MAX_TEXT_CHARS + 1) });
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors).toContainEqual({
				field: 'price',
				zh: '“到手价”最多 5000 个字，现在是 5001 个',
				en: '"Price" is at most 5000 characters (now 5001).'
			});
	});
});
