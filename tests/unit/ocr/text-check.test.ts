// The comparison of asked text with read lines (pure), and how a generate request carries it.
import { describe, expect, it } from 'vitest';
import { generateBodySchema, prepareRequests } from '../../../src/lib/server/generation/requests';
import { getTemplate } from '../../../src/lib/server/templates/catalog';
import { buildPrompt } from '../../../src/lib/templates/prompt';
import {
	checkScore,
	checkTexts,
	normaliseText,
	quotedStrings,
	substringDistance,
	type ReadLine
} from '../../../src/lib/templates/text-check';

const line = (
	text: string,
	x: number,
	y: number,
	width: number,
	height: number,
	vertical = false
): ReadLine => ({
	text,
	confidence: 0.99,
	bounds: { x, y, width, height },
	vertical
});

describe('text check', () => {
	it('finds the quoted strings of a prompt, each once', () => {
		expect(quotedStrings('标题"双十一狂欢节"，副标题"全场5折起"，再写"双十一狂欢节"。')).toEqual([
			'双十一狂欢节',
			'全场5折起'
		]);
		expect(quotedStrings('no quotes')).toEqual([]);
	});

	it('normalises width, spaces and case, not characters', () => {
		expect(normaliseText('全场５折起！ Summer  Sale')).toBe('全场5折起!summersale');
		expect(normaliseText('双十一')).not.toBe(normaliseText('双十二'));
		// Printed dashes and 一 look the same; so do the middle dots.
		expect(normaliseText('11月1日—11月11日')).toBe(normaliseText('11月1日一11月11日'));
		expect(normaliseText('全场五折起 · 满300减50')).toBe(normaliseText('全场五折起・满300减50'));
	});

	it('substring edit distance gives the matched span', () => {
		expect(substringDistance([...'狂欢节'], [...'双十一狂欢节大促'])).toEqual({
			distance: 0,
			start: 3,
			end: 6
		});
		expect(substringDistance([...'狂欢节'], [...'双十一狂次节']).distance).toBe(1);
	});

	it('exact inside a longer line gets the part of the box; near and missing; region', () => {
		const lines = [line('限时双十一狂欢节', 100, 50, 800, 100), line('全场五折', 200, 300, 400, 80)];
		const check = checkTexts(
			[
				{ text: '双十一狂欢节', field: 'headline', region: { x0: 0.1, y0: 0, x1: 0.9, y1: 0.2 } },
				{ text: '全场五折起', field: 'sub', region: { x0: 0, y0: 0.8, x1: 0.2, y1: 1 } },
				{ text: 'GRAND OPENING' }
			],
			{ lines, width: 1000, height: 1000 }
		);
		const [head, sub, missing] = check.fields;
		expect(head).toMatchObject({ verdict: 'exact', distance: 0, found: '双十一狂欢节', inRegion: true });
		expect(head.box).toEqual({ x: 300, y: 50, width: 600, height: 100 });
		expect(sub).toMatchObject({ verdict: 'near', found: '全场五折', inRegion: false });
		expect(sub.distance).toBeCloseTo(0.2);
		expect(missing).toMatchObject({ verdict: 'missing', box: null, inRegion: null });
		expect(check.verdict).toBe('missing');
		expect(checkScore(check)).toBeLessThan(3);
	});

	it('what was read is reported as read (case, dashes and inner spaces kept)', () => {
		const lines = [line('BIG Summer  SALE!', 0, 0, 400, 50), line('11月1日一11月11日', 0, 60, 400, 50)];
		const [sale, dates] = checkTexts([{ text: 'summer sale' }, { text: '11月1日—11月11日' }], {
			lines,
			width: 500,
			height: 200
		}).fields;
		expect([sale.verdict, sale.found]).toEqual(['exact', 'Summer  SALE']);
		expect([dates.verdict, dates.found]).toEqual(['exact', '11月1日一11月11日']);
	});

	it('a string broken over two lines (or a vertical column) is still found', () => {
		const lines = [line('春季新品', 0, 0, 400, 100), line('发布会', 0, 120, 300, 100)];
		const f = checkTexts([{ text: '春季新品发布会' }], { lines, width: 500, height: 500 }).fields[0];
		expect(f).toMatchObject({ verdict: 'exact', box: { x: 0, y: 0, width: 400, height: 220 } });
		const column = [line('开业大吉', 10, 10, 80, 400, true)];
		const v = checkTexts([{ text: '大吉' }], { lines: column, width: 100, height: 500 }).fields[0];
		expect(v).toMatchObject({
			verdict: 'exact',
			vertical: true,
			box: { x: 10, y: 210, width: 80, height: 200 }
		});
	});
});

describe('generate requests carry the text to read back', () => {
	const parse = (b: unknown) => generateBodySchema.parse(b);

	it('the quoted strings of a prompt, with the region the browser gives', async () => {
		const region = { x0: 0.1, y0: 0.1, x1: 0.9, y1: 0.3 };
		const { requests, textCheck } = await prepareRequests(
			parse({
				prompt: '海报，标题"双十一狂欢节"，"全场5折"',
				seed: 1,
				expect: [{ text: '双十一狂欢节', field: 'headline', region }],
				auto: 4
			})
		);
		expect(textCheck).toEqual([{ text: '双十一狂欢节', field: 'headline', region }, { text: '全场5折' }]);
		expect(requests[0]).toMatchObject({ textCheck, autoTries: 4 });
	});

	it('template requests use the prompt builder’s model texts and regions', async () => {
		const template = (await getTemplate('launch-spotlight'))!;
		const values = { headline: '新品发布会' };
		const built = buildPrompt(template, values, { textModes: { headline: 'model' } });
		expect(built.modelTexts.map((m) => m.field)).toEqual(['headline']);
		const { textCheck } = await prepareRequests(
			parse({ templateId: template.id, values, textModes: { headline: 'model' } })
		);
		expect(textCheck).toEqual(built.modelTexts);
		expect(textCheck[0].region!.x1).toBeGreaterThan(textCheck[0].region!.x0);
	});

	it('auto is refused without text to draw or with several images', async () => {
		await expect(prepareRequests(parse({ prompt: '风景', auto: 3 }))).rejects.toThrow(/no quoted strings/);
		await expect(prepareRequests(parse({ prompt: '写"你好"', auto: 3, count: 2 }))).rejects.toThrow(
			/count 1/
		);
	});
});
