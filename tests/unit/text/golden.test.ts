// Golden images of a few layouts drawn with drawTextLayout on @napi-rs/canvas (reviewed by eye
// when created). The comparison tolerates antialiasing noise, not moved glyphs. To re-create
// after an intended change: HAIBAO_UPDATE_GOLDEN=1 npx vitest run tests/unit/text/golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawTextLayout } from '../../../src/lib/text/draw';
import { initShaper, layoutText } from '../../../src/lib/text/layout';
import { getServerFonts } from '../../../src/lib/server/fonts';
import type { StyledRun, TextLayoutInput } from '../../../src/lib/text/types';

const DIR = join(process.cwd(), 'tests/fixtures/text-golden');
const SCALE = 2;
const MARGIN = 16;
const fonts = getServerFonts();

const run = (text: string, family: string, weight: number, size: number, color = '#1a1a1a'): StyledRun => ({
	text,
	family,
	weight,
	size,
	color
});

const GOLDENS: Array<{ name: string; input: TextLayoutInput }> = [
	{
		name: 'mixed-justified',
		input: {
			runs: [
				run('【限时抢购】', 'Noto Sans SC', 900, 20, '#c0392b'),
				run(
					'他说：“你好，世界！”用Python写代码，售价¥99.9元，打5折。（限时）「新品」——仅此一天……详见 www.haibao.cn',
					'Noto Sans SC',
					400,
					20
				)
			],
			width: 260,
			align: 'justify'
		}
	},
	{
		name: 'vertical-poem',
		input: {
			runs: [
				run(
					'春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。Haibao 2024年12月25日「圣诞」',
					'Noto Serif SC',
					400,
					20
				)
			],
			width: 200,
			height: 240,
			vertical: true
		}
	},
	{
		name: 'fit-headline',
		input: {
			runs: [run('双十一狂欢节 全场5折起！', 'Noto Sans SC', 900, 80, '#e4572e')],
			width: 240,
			height: 120,
			align: 'center',
			verticalAlign: 'middle',
			fit: { mode: 'shrink', minSize: 12 }
		}
	},
	{
		name: 'english-centred',
		input: {
			runs: [
				run('SUMMER SALE ', 'Bebas Neue', 400, 48, '#1d3557'),
				run('Design posters in minutes with Haibao 海报', 'Inter', 400, 16)
			],
			width: 240,
			align: 'center',
			lineHeight: 1.3
		}
	}
];

function render(input: TextLayoutInput): Buffer {
	const layout = layoutText(input, fonts);
	const h = input.height ?? layout.height;
	const canvas = createCanvas(
		Math.ceil((input.width + 2 * MARGIN) * SCALE),
		Math.ceil((h + 2 * MARGIN) * SCALE)
	);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.scale(SCALE, SCALE);
	ctx.translate(MARGIN, MARGIN);
	// The box, for review: text should sit inside it.
	ctx.strokeStyle = '#9ecbff';
	ctx.lineWidth = 0.5;
	ctx.strokeRect(0, 0, input.width, h);
	drawTextLayout(ctx as never, layout, fonts);
	return canvas.toBuffer('image/png');
}

async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
	const img = await loadImage(png);
	const canvas = createCanvas(img.width, img.height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(img, 0, 0);
	return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

beforeAll(async () => {
	await Promise.all([
		initShaper(),
		fonts.ensure(GOLDENS.flatMap((g) => g.input.runs.map((r) => ({ family: r.family, weight: r.weight }))))
	]);
});

describe('golden layouts', () => {
	for (const g of GOLDENS) {
		it(g.name, async () => {
			const file = join(DIR, `${g.name}.png`);
			const png = render(g.input);
			if (process.env.HAIBAO_UPDATE_GOLDEN === '1' || !existsSync(file)) {
				mkdirSync(DIR, { recursive: true });
				writeFileSync(file, png);
				if (process.env.HAIBAO_UPDATE_GOLDEN !== '1')
					throw new Error(`golden ${file} was missing: written, review it and rerun`);
			}
			const [got, want] = await Promise.all([pixels(png), pixels(readFileSync(file))]);
			expect([got.width, got.height]).toEqual([want.width, want.height]);
			let differing = 0;
			for (let i = 0; i < got.data.length; i += 4) {
				const d = Math.max(
					Math.abs(got.data[i] - want.data[i]),
					Math.abs(got.data[i + 1] - want.data[i + 1]),
					Math.abs(got.data[i + 2] - want.data[i + 2])
				);
				if (d > 64) differing++;
			}
			// A glyph moved by one pixel changes far more than this; antialiasing differences do not.
			expect(differing / (got.width * got.height)).toBeLessThan(0.002);
		});
	}
});
