// PNG/JPEG export through Konva on @napi-rs/canvas: exact pixel size and dpi metadata, bleed,
// what the painter puts where, and strips that add up to the single-pass render, pixel for pixel.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPng, rasterizeScene, encodeRaster } from '../../../src/lib/server/export/png';
import { resolveExportDeps } from '../../../src/lib/server/export/deps';
import { prepareExport, type ExportDeps } from '../../../src/lib/server/export/prepare';
import { flatArt, image, makeDoc, mm, photo, rect, run, showcase, tempDir, text } from './fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let assets: Record<string, Buffer>;
const loadAsset: ExportDeps['loadAsset'] = async (id) => {
	if (!assets[id]) throw new Error(`no asset ${id}`);
	return assets[id];
};

beforeAll(async () => {
	assets = { photo: await photo(), flat: await flatArt() };
});

const pixel = async (png: Buffer, x: number, y: number) => {
	const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const i = (y * info.width + x) * 3;
	return [data[i], data[i + 1], data[i + 2]];
};

describe('renderPng', () => {
	it('writes the exact pixel size for the dpi, with the dpi in pHYs', async () => {
		const doc = makeDoc([rect('r', 0, 0, mm(105), mm(297), { fill: { type: 'solid', color: '#FF0000' } })]);
		const png = await renderPng(doc, { dpi: 150, deps: { loadAsset } });
		const meta = await sharp(png).metadata();
		// A4 at 150 dpi: 210 mm → 1240 px, 297 mm → 1754 px.
		expect([meta.format, meta.width, meta.height]).toEqual(['png', 1240, 1754]);
		expect(meta.density).toBe(150);
		expect(meta.channels).toBe(3);
		// The left half is the red rectangle, the right half the page background.
		expect(await pixel(png, 300, 900)).toEqual([255, 0, 0]);
		expect(await pixel(png, 900, 900)).toEqual([0xf4, 0xef, 0xe6]);
		// ImageMagick reads the same resolution from the file.
		const { dir, cleanup } = tempDir();
		try {
			writeFileSync(join(dir, 'a.png'), png);
			expect(run('identify', ['-units', 'PixelsPerInch', '-format', '%w %h %x', join(dir, 'a.png')])).toMatch(
				/^1240 1754 150(\.0+)?/
			);
		} finally {
			cleanup();
		}
	});

	it('adds the bleed on every side and writes JPEG with its JFIF density', async () => {
		const doc = makeDoc([]);
		const jpeg = await renderPng(doc, {
			dpi: 300,
			bleed: true,
			format: 'jpeg',
			quality: 80,
			deps: { loadAsset }
		});
		const meta = await sharp(jpeg).metadata();
		// (210 + 2·3) mm at 300 dpi = 2551 px; (297 + 6) mm = 3579 px.
		expect([meta.format, meta.width, meta.height, meta.density]).toEqual(['jpeg', 2551, 3579, 300]);
	});

	it('caps the longer side with maxSide', async () => {
		const png = await renderPng(makeDoc([]), { dpi: 300, maxSide: 1000, deps: { loadAsset } });
		const meta = await sharp(png).metadata();
		expect(meta.height).toBe(1000);
		expect(meta.width).toBe(707);
	});

	it('paints images flipped, cropped and filtered, and placeholders for empty frames', async () => {
		const doc = makeDoc(
			[
				image('plain', 'photo', 0, 0, 300, 200, { fit: 'stretch' }),
				image('flipped', 'photo', 300, 0, 300, 200, { fit: 'stretch', flipX: true }),
				image('dark', 'photo', 0, 200, 300, 200, {
					fit: 'stretch',
					filters: { brightness: 0.5, contrast: 1, saturation: 1, blur: 0 }
				}),
				image('empty', null, 300, 200, 300, 200, { placeholder: { type: 'solid', color: '#00FF00' } })
			],
			{ width: 600, height: 400, bleedMm: 0, dpi: 72, preset: 'custom' }
		);
		const png = await renderPng(doc, { deps: { loadAsset } });
		const left = await pixel(png, 20, 100);
		const mirrored = await pixel(png, 600 - 21, 100);
		for (let c = 0; c < 3; c++) expect(Math.abs(left[c] - mirrored[c])).toBeLessThanOrEqual(3);
		const dark = await pixel(png, 150, 300);
		const bright = await pixel(png, 150, 100);
		expect(dark[0]).toBeLessThan(bright[0] * 0.6);
		expect(await pixel(png, 450, 300)).toEqual([0, 255, 0]);
	});

	it('renders text and its missing-font fallback without throwing', async () => {
		const doc = makeDoc([
			text('t', 0, 0, mm(210), mm(60), [
				{ text: '海报 Haibao', family: 'Noto Sans SC', weight: 900, size: 60, color: '#000000' }
			])
		]);
		const png = await renderPng(doc, { dpi: 72, deps: { loadAsset } });
		const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
		let dark = 0;
		for (let i = 0; i < data.length; i += 3) if (data[i] < 80) dark++;
		// Some thousands of pixels of black glyphs.
		expect(dark).toBeGreaterThan(3000);
	});
});

describe('strip rendering', () => {
	it('gives the same pixels as one pass on a small page', async () => {
		const doc = showcase();
		const deps = await resolveExportDeps(doc, { loadAsset });
		const prepared = await prepareExport(doc, deps);
		const opts = { dpi: 60, bleed: true };
		const single = await rasterizeScene(prepared.scene, prepared.resources, opts);
		let strips = 0;
		// Strips of 37 rows (a prime, so strip edges fall everywhere across the shapes).
		const striped = await rasterizeScene(prepared.scene, prepared.resources, {
			...opts,
			maxStripPixels: single.width * 37,
			onProgress: () => strips++
		});
		expect(strips).toBe(Math.ceil(single.height / 37));
		expect([striped.width, striped.height]).toEqual([single.width, single.height]);
		let sum = 0;
		let visible = 0;
		for (let i = 0; i < single.data.length; i++) {
			const d = Math.abs(single.data[i] - striped.data[i]);
			sum += d;
			if (d > 2) visible++;
		}
		// Skia dithers gradients by device row and antialiases clip and stroke edges a little
		// differently near a strip edge: the same picture up to that noise (measured: mean 0.03,
		// 0.2% of bytes off by more than 2).
		expect(sum / single.data.length).toBeLessThan(0.1);
		expect(visible / single.data.length).toBeLessThan(0.005);
		const a = await encodeRaster(single);
		expect((await sharp(a).metadata()).width).toBe(single.width);
	});
});
