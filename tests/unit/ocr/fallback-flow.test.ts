// The whole fallback on a deliberately wrong picture: the model was asked for 双十一狂欢节 and drew
// 双十二狂欢节. The check says ⚠ with the box; the patch covers it; the editor's "set it in real
// type" puts the headline layer there in the sampled colour; the exported poster then reads
// 双十一狂欢节 exactly, and the wrong text is gone.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layer, TextLayer } from '../../../src/lib/document/schema';
import { setInRealType } from '../../../src/lib/editor/set-in-type';
import { renderPng } from '../../../src/lib/server/export/png';
import { OcrEngine } from '../../../src/lib/server/ocr/engine';
import { coverText } from '../../../src/lib/server/ocr/patch';
import { checkTexts } from '../../../src/lib/templates/text-check';
import { image, makeDoc, text } from '../export/fixtures';
import { ocrCase, renderCase } from './cases';

let engine: OcrEngine;
beforeAll(async () => {
	engine = await OcrEngine.open();
}, 60_000);
afterAll(() => engine?.release());

describe('set it in real type, end to end on a wrong picture', () => {
	it('⚠ → patch → headline layer → the export reads the asked text', async () => {
		const c = { ...ocrCase(0), size: 56, ink: '#FFE082', background: '#8E24AA' };
		const wrong = await renderCase(c, '双十二狂欢节');
		const { width, height } = await sharp(wrong).metadata();
		const generation = {
			backend: 'zimage',
			model: 'tiny',
			prompt: '紫色海报，标题"双十一狂欢节"',
			seed: 1,
			steps: 8,
			width: width!,
			height: height!,
			previousAssetIds: []
		};
		const doc = makeDoc(
			[
				image('hero', 'wrong', 0, 0, width!, height!, { generation }),
				text(
					'headline',
					0,
					0,
					width!,
					80,
					[{ text: '双十一狂欢节', family: 'Noto Sans SC', weight: 900, size: 40, color: '#FFFFFF' }],
					{
						hidden: true,
						field: 'headline'
					}
				)
			],
			{
				preset: 'custom',
				width: width!,
				height: height!,
				bleedMm: 0,
				safeMm: 0,
				dpi: 72,
				background: '#000000'
			}
		);

		const check = checkTexts([{ text: '双十一狂欢节', field: 'headline' }], await engine.read(wrong));
		const field = check.fields[0];
		expect([field.verdict, field.found]).toEqual(['near', '双十二狂欢节']);

		const { png: patched, covered } = await coverText(wrong, [field.box!]);
		expect(covered[0].ink).toBe('#FFE082');
		const next = setInRealType(
			doc,
			'hero',
			'patched',
			{ width: width!, height: height! },
			[{ text: field.expected, box: field.box, ink: covered[0].ink }],
			'zh'
		);
		const headline = next.layers.find((l: Layer) => l.id === 'headline') as TextLayer;
		expect(headline.hidden).toBe(false);
		expect(headline.runs[0].color).toBe('#FFE082');
		// Over the covered text: its box holds the found box's centre.
		const cx = field.box!.x + field.box!.width / 2;
		expect(headline.x < cx && cx < headline.x + headline.width).toBe(true);

		const assets: Record<string, Buffer> = { wrong, patched };
		const poster = await renderPng(next, { dpi: 72, deps: { loadAsset: async (id) => assets[id] } });
		if (process.env.OCR_DEBUG_DIR) {
			const { writeFileSync } = await import('node:fs');
			writeFileSync(`${process.env.OCR_DEBUG_DIR}/wrong.png`, wrong);
			writeFileSync(`${process.env.OCR_DEBUG_DIR}/fixed.png`, poster);
		}
		const lines = (await engine.read(poster)).lines.map((l) => l.text);
		expect(lines).toEqual(['双十一狂欢节']);
	}, 90_000);
});
