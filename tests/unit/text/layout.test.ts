// Properties of the layout beyond line texts: glyph positions, alignment, justification, spacing,
// vertical orientation, emergency breaks, styled runs, and the shaper itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { initShaper, layoutText } from '../../../src/lib/text/layout';
import { hasFeature, shape } from '../../../src/lib/text/shaper';
import { getServerFonts } from '../../../src/lib/server/fonts';
import type { StyledRun, TextLayoutInput } from '../../../src/lib/text/types';

const fonts = getServerFonts();
const noto = (text: string, size = 20): StyledRun => ({
	text,
	family: 'Noto Sans SC',
	weight: 400,
	size,
	color: '#111111'
});
const lay = (text: string, box: Omit<TextLayoutInput, 'runs'>) =>
	layoutText({ runs: [noto(text)], ...box }, fonts);

beforeAll(async () => {
	await Promise.all([
		initShaper(),
		fonts.ensure([
			{ family: 'Noto Sans SC', weight: 400 },
			{ family: 'Noto Sans SC', weight: 900 },
			{ family: 'Inter', weight: 400 }
		])
	]);
});

describe('shaper', () => {
	it('shapes with HarfBuzz: glyph ids, advances and UTF-16 clusters', () => {
		const face = fonts.face('Noto Sans SC', 400)!;
		const s = shape(face, '海报A', { direction: 'ltr', script: 'Hani', language: 'zh-Hans' });
		expect(s.count).toBe(3);
		expect([...s.cluster]).toEqual([0, 1, 2]);
		expect(s.xAdvance[0]).toBe(1000);
		expect(s.glyphId[0]).toBe(face.font.charToGlyphIndex('海'));
	});

	it('substitutes vertical forms in vertical direction and reports font features', () => {
		const face = fonts.face('Noto Sans SC', 400)!;
		expect(hasFeature(face, 'vert')).toBe(true);
		expect(hasFeature(face, 'halt')).toBe(true);
		const h = shape(face, '，', { direction: 'ltr', script: 'Hani', language: 'zh-Hans' });
		const v = shape(face, '，', {
			direction: 'ttb',
			script: 'Hani',
			language: 'zh-Hans',
			features: ['vert']
		});
		expect(v.glyphId[0]).not.toBe(h.glyphId[0]);
		expect(v.yAdvance[0]).toBe(-1000);
	});

	it('applies kerning to Latin text', () => {
		const face = fonts.face('Inter', 400)!;
		const kerned = shape(face, 'AV', {
			direction: 'ltr',
			script: 'Latn',
			language: 'en',
			features: ['kern']
		});
		const plain = shape(face, 'AV', {
			direction: 'ltr',
			script: 'Latn',
			language: 'en',
			features: ['-kern']
		});
		expect(kerned.xAdvance[0]).toBeLessThan(plain.xAdvance[0]);
	});
});

describe('horizontal placement', () => {
	it('places glyphs on a baseline inside the line box, advancing by one em per Han character', () => {
		const l = lay('海报设计', { width: 200 });
		expect(l.glyphs.map((g) => g.x)).toEqual([0, 20, 40, 60]);
		const line = l.lines[0];
		expect(line.height).toBeCloseTo(24);
		// Ideographic em box (0.88 / -0.12 em) centred in the 1.2 em line: baseline at 0.1 + 0.88 em.
		expect(l.glyphs[0].y).toBeCloseTo(0.98 * 20, 5);
		expect(
			l.glyphs.every((g) => g.face === 'Noto Sans SC/400/normal' && g.size === 20 && g.rotation === 0)
		).toBe(true);
	});

	it('an opening bracket at line start is compressed: its cell starts at 0, its outline is drawn half an em left', () => {
		const l = lay('「新品」上市', { width: 200 });
		expect(l.lines[0].x).toBe(0);
		const bracket = l.glyphs[0];
		expect(bracket.x).toBe(0);
		expect(bracket.advance).toBeCloseTo(10);
		expect(bracket.origin!.x).toBeCloseTo(-10);
		expect(bracket.box!.x).toBe(0);
		expect(l.glyphs[1].x).toBeCloseTo(10);
		expect(l.glyphs[1].origin).toBeUndefined();
	});

	it('no Han–Latin spacing at line start: the Latin word starts at the box edge', () => {
		const l = lay('我们都喜欢Python', { width: 100 });
		const p = l.glyphs.find((g) => g.char === 'P')!;
		expect(p.line).toBe(1);
		expect(p.x).toBe(0);
	});

	it('centre and end alignment', () => {
		const c = lay('海报', { width: 100, align: 'center' });
		expect(c.lines[0].x).toBeCloseTo(30);
		expect(c.glyphs[0].x).toBeCloseTo(30);
		const e = lay('海报', { width: 100, align: 'end' });
		expect(e.glyphs[1].x + 20).toBeCloseTo(100);
	});

	it('justify spreads between characters, never inside a Latin word, and leaves the last line', () => {
		const l = lay('我们用Python做海报设计工作很开心愉快', { width: 230, align: 'justify' });
		expect(l.lines.length).toBe(2);
		const first = l.glyphs.filter((g) => g.line === 0);
		const last = first[first.length - 1];
		expect(last.x + 20).toBeCloseTo(230, 5); // the first line ends at the box edge
		const py = first.filter((g) => 'Python'.includes(g.char));
		const natural = shape(fonts.face('Noto Sans SC', 400)!, 'Python', {
			direction: 'ltr',
			script: 'Latn',
			language: 'en',
			features: ['kern', 'liga']
		});
		for (let i = 0; i < 5; i++)
			expect(py[i + 1].x - py[i].x).toBeCloseTo((natural.xAdvance[i] / 1000) * 20, 5);
		// Han characters were spread: more than one em apart.
		expect(first[1].x - first[0].x).toBeGreaterThan(20);
		const second = l.glyphs.filter((g) => g.line === 1);
		expect(second[1].x - second[0].x).toBeCloseTo(20); // last line is not justified
	});

	it('letter spacing and line height', () => {
		const l = lay('海报\n设计', { width: 200, letterSpacing: 0.5, lineHeight: 2 });
		expect(l.glyphs[1].x).toBeCloseTo(30);
		expect(l.lines[0].width).toBeCloseTo(50); // no spacing after the last character
		expect(l.lines[1].y).toBeCloseTo(40);
		expect(l.height).toBeCloseTo(80);
	});

	it('vertical alignment inside the box', () => {
		const l = lay('海报', { width: 200, height: 100, verticalAlign: 'bottom' });
		expect(l.lines[0].y + l.lines[0].height).toBeCloseTo(100);
	});

	it('a word longer than the line is broken by character as a last resort, each line fitting', () => {
		const url = 'https://haibao.example.com/posters/2024/summer-sale/index.html';
		const l = lay(url, { width: 120 });
		expect(l.lines.length).toBeGreaterThan(2);
		expect(l.lines.map((x) => x.text).join('')).toBe(url);
		for (const line of l.lines) expect(line.width).toBeLessThanOrEqual(120 + 1e-6);
		expect(l.overflow).toBe(false);
	});

	it('styled runs keep their own size, weight and colour; the line is as tall as its largest run', () => {
		const runs: StyledRun[] = [
			{ ...noto('限时', 20), color: '#ff0000' },
			{ text: '5折', family: 'Noto Sans SC', weight: 900, size: 40, color: '#000000' }
		];
		const l = layoutText({ runs, width: 300 }, fonts);
		expect(l.glyphs.map((g) => g.run)).toEqual([0, 0, 1, 1]);
		expect(l.glyphs[2].face).toBe('Noto Sans SC/900/normal');
		expect(l.glyphs[2].size).toBe(40);
		expect(l.glyphs[0].color).toBe('#ff0000');
		expect(l.lines[0].height).toBeCloseTo(48);
		// Quarter em of the larger size between 时 and 5.
		expect(l.glyphs[2].x).toBeCloseTo(40 + 10);
		expect(l.faces.map((f) => f.key).sort()).toEqual(['Noto Sans SC/400/normal', 'Noto Sans SC/900/normal']);
	});

	it('a Latin family falls back to the CJK sans for Han characters', () => {
		const l = layoutText(
			{ runs: [{ text: 'Sale 大促', family: 'Inter', weight: 400, size: 20, color: '#000' }], width: 300 },
			fonts
		);
		expect(l.glyphs.find((g) => g.char === 'S')!.face).toBe('Inter/400/normal');
		expect(l.glyphs.find((g) => g.char === '大')!.face).toBe('Noto Sans SC/400/normal');
		expect(l.missing).toEqual([]);
	});
});

describe('vertical placement', () => {
	const v = (text: string, height = 200, width = 100) => lay(text, { width, height, vertical: true });

	it('columns run right to left, characters top to bottom, upright and centred', () => {
		const l = v('春眠不觉晓处处闻啼鸟', 100);
		expect(l.lines.map((c) => c.text)).toEqual(['春眠不觉晓', '处处闻啼鸟']);
		expect(l.lines[0].x).toBeGreaterThan(l.lines[1].x);
		expect(l.lines[0].x + l.lines[0].width).toBeCloseTo(100);
		const col = l.glyphs.filter((g) => g.line === 0);
		col.forEach((g, i) => expect(g.y - col[0].y).toBeCloseTo(20 * i, 6));
		// Centred: the glyph origin is half an em left of the column's centre line.
		expect(col[0].x).toBeCloseTo(100 - 12 - 10);
		expect(l.glyphs.every((g) => g.rotation === 0)).toBe(true);
	});

	it('uses vertical punctuation forms', () => {
		const l = v('你好，世界。');
		const h = lay('你好，世界。', { width: 200 });
		expect(l.glyphs[2].glyphId).not.toBe(h.glyphs[2].glyphId);
	});

	it('rotates Latin words 90° clockwise and sets 2–3 digit numbers across the column', () => {
		const l = v('第12届Haibao设计节，2024年');
		const latin = l.glyphs.filter((g) => /[A-Za-z]/.test(g.char));
		expect(latin).toHaveLength(6);
		expect(latin.every((g) => g.rotation === 90)).toBe(true);
		const tcy = l.glyphs.filter((g) => g.char === '12');
		expect(tcy).toHaveLength(2);
		expect(tcy.every((g) => g.rotation === 0)).toBe(true);
		expect(tcy[0].y).toBeCloseTo(tcy[1].y); // side by side, across the column
		expect(tcy[1].x).toBeGreaterThan(tcy[0].x);
		// Four digits are rotated like a Latin word.
		expect(
			l.glyphs.filter((g) => '2024'.includes(g.char) && g.char.length === 1).every((g) => g.rotation === 90)
		).toBe(true);
	});
});

describe('justification of inseparable marks', () => {
	it('never spreads the two halves of …… (and —— is one cluster in Noto)', () => {
		const l = lay('仅此一天……欢迎光临本店新品上市', { width: 190, align: 'justify' });
		expect(l.lines.map((x) => x.text)).toEqual(['仅此一天……欢迎光', '临本店新品上市']);
		const first = l.glyphs.filter((g) => g.line === 0);
		const dots = first.filter((g) => g.char === '…');
		expect(dots).toHaveLength(2);
		expect(dots[1].x - dots[0].x).toBeCloseTo(20);
		expect(first[1].x - first[0].x).toBeGreaterThan(20);
		expect(first[first.length - 1].x + 20).toBeCloseTo(190);
		const dash = lay('新品——上市', { width: 200 }).glyphs.filter((g) => g.char.includes('—'));
		expect(dash.map((g) => g.char)).toEqual(['——']);
	});
});

describe('overflow without fitting', () => {
	it('is reported when the lines are taller than the box', () => {
		expect(lay('海报设计', { width: 40, height: 30 }).overflow).toBe(true);
		expect(lay('海报设计', { width: 40, height: 50 }).overflow).toBe(false);
	});
	it('is reported when vertical columns are wider than the box', () => {
		expect(lay('春眠不觉晓处处闻啼鸟', { width: 30, height: 100, vertical: true }).overflow).toBe(true);
		expect(lay('春眠不觉晓处处闻啼鸟', { width: 48, height: 100, vertical: true }).overflow).toBe(false);
	});
});

describe('line-end and line-start compression in the reported glyphs (issue 10)', () => {
	const last = (l: ReturnType<typeof lay>, line: number) => l.glyphs.filter((g) => g.line === line).at(-1)!;

	for (const align of ['start', 'center', 'end', 'justify'] as const)
		it(`${align}: a line-end ， reports half its advance and ends inside the box`, () => {
			const l = lay('周末读书会，好书共分享和交流', { width: 115, align });
			expect(l.lines[0].text).toBe('周末读书会，');
			const comma = last(l, 0);
			expect(comma.char).toBe('，');
			expect(comma.advance).toBeCloseTo(10);
			expect(comma.box!.width).toBeCloseTo(10);
			expect(comma.x + comma.advance).toBeLessThanOrEqual(115 + 1e-6);
			if (align === 'end' || align === 'justify') expect(comma.x + comma.advance).toBeCloseTo(115);
			// The outline is not moved: a closing mark's blank half is after its ink.
			expect(comma.origin).toBeUndefined();
		});

	it('cells of one line touch without overlapping, compressed pairs included', () => {
		const l = lay('他说：「我来了。」然后离开', { width: 400 });
		for (let i = 1; i < l.glyphs.length; i++) {
			const a = l.glyphs[i - 1].box!;
			const b = l.glyphs[i].box!;
			expect(a.x + a.width).toBeLessThanOrEqual(b.x + 1e-6);
		}
	});

	it('vertical: runs of marks at a column end never pass the box, in every CJK face', async () => {
		const families = ['Noto Sans SC', 'Noto Serif SC', 'LXGW WenKai', 'Ma Shan Zheng', 'Smiley Sans'];
		await fonts.ensure(families.map((family) => ({ family, weight: 400 })));
		const texts = [
			'秋意渐浓，枫叶红了，我们在山顶等你。',
			'？！（登山——：约吗）；、「」？12月：》：、》？！「，，2024年',
			'灯火阑珊处》」「——」」人不同2024年！。灯火阑珊）；！《 ，，人不同，！《；》》Haibao'
		];
		for (const family of families)
			for (const size of [20, 33, 47])
				for (const letterSpacing of [0, 0.05, 0.2])
					for (const text of texts) {
						const l = layoutText(
							{
								runs: [{ text, family, weight: 400, size, color: '#000' }],
								width: 300,
								height: 400,
								vertical: true,
								letterSpacing,
								lineHeight: 1.1,
								fit: { mode: 'shrink', minSize: 6 }
							},
							fonts
						);
						for (const g of l.glyphs) {
							expect(g.box!.y).toBeGreaterThanOrEqual(-1e-6);
							expect(g.box!.y + g.box!.height).toBeLessThanOrEqual(400 + 1e-6);
							// y (the baseline of an upright glyph) too: a compressed ， reports its cell's end.
							expect(g.y).toBeLessThanOrEqual(400 + 1e-6);
						}
					}
	});
});
