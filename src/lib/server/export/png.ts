// PNG / JPEG export at any dpi. Small pages render in one pass; big ones (a roll-up banner at
// 150 dpi is 4724×11811 px) render in horizontal strips, each a translated render of the same
// scene, copied into one RGBA buffer that sharp encodes. The full raster exists once in memory.
import sharp from 'sharp';
import type { PosterDocument } from '../../document/schema';
import type { PaintResources } from '../../render/paint';
import type { Scene } from '../../render/scene';
import { parseColor } from '../../render/style';
import { dpiProblem, LimitError, pixelProblem } from '../../document/limits';
import { createRegionRenderer } from './konva-node';
import { resolveExportDeps } from './deps';
import { prepareExport, type ExportDeps } from './prepare';

export interface RasterOptions {
	/** Output resolution; default: the page's target dpi. */
	dpi?: number;
	/** Caps the longer side in pixels (lowers the dpi to fit). */
	maxSide?: number;
	/** Include the bleed around the trim. */
	bleed?: boolean;
	/** Largest strip, in pixels (default 16 M px, 64 MB of RGBA). */
	maxStripPixels?: number;
	/** Fraction done, 0..1, after each strip. */
	onProgress?: (fraction: number) => void;
}

export interface PngOptions extends RasterOptions {
	format?: 'png' | 'jpeg';
	/** JPEG quality 1–100 (default 92). */
	quality?: number;
	/** Fonts and asset loader; defaults to the server's fonts and stored assets. */
	deps?: Partial<ExportDeps>;
}

export interface Raster {
	/** RGBA, unpremultiplied, row-major. */
	data: Uint8Array;
	width: number;
	height: number;
	/** The dpi actually used (after maxSide). */
	dpi: number;
	/** False when every pixel is opaque (the page background is). */
	hasAlpha: boolean;
}

const DEFAULT_STRIP_PIXELS = 16 * 1024 * 1024;

/** Pixel size and dpi of a scene's raster for these options. */
export function rasterSize(scene: Scene, opts: RasterOptions, pageDpi = 300) {
	const bleed = opts.bleed ? scene.bleed : 0;
	const wPt = scene.width + 2 * bleed;
	const hPt = scene.height + 2 * bleed;
	let dpi = opts.dpi ?? pageDpi;
	const badDpi = dpiProblem(dpi);
	if (badDpi) throw new LimitError(badDpi);
	const longest = (Math.max(wPt, hPt) * dpi) / 72;
	if (opts.maxSide && Math.round(longest) > opts.maxSide) dpi = (dpi * opts.maxSide) / longest;
	const tooMany = pixelProblem(wPt, hPt, dpi);
	if (tooMany) throw new LimitError(tooMany);
	const width = Math.max(1, Math.round((wPt * dpi) / 72));
	const height = Math.max(1, Math.round((hPt * dpi) / 72));
	return { width, height, dpi, bleed };
}

export async function rasterizeScene(
	scene: Scene,
	resources: PaintResources,
	opts: RasterOptions & { pageDpi?: number } = {}
): Promise<Raster> {
	const { width, height, dpi, bleed } = rasterSize(scene, opts, opts.pageDpi);
	const stripRows = Math.max(1, Math.floor((opts.maxStripPixels ?? DEFAULT_STRIP_PIXELS) / width));
	const renderer = createRegionRenderer(scene, resources, {
		width,
		height,
		scale: dpi / 72,
		originX: -bleed,
		originY: -bleed,
		stripRows
	});
	const hasAlpha = parseColor(scene.background).a < 1;
	try {
		if (stripRows >= height) {
			const data = renderer.renderRows(0, height);
			opts.onProgress?.(1);
			return { data, width, height, dpi, hasAlpha };
		}
		const data = new Uint8Array(width * height * 4);
		for (let top = 0; top < height; top += stripRows) {
			const rows = Math.min(stripRows, height - top);
			data.set(renderer.renderRows(top, rows), top * width * 4);
			opts.onProgress?.((top + rows) / height);
			// Let the server answer other requests between strips.
			await new Promise((resolve) => setImmediate(resolve));
		}
		return { data, width, height, dpi, hasAlpha };
	} finally {
		renderer.destroy();
	}
}

export async function encodeRaster(
	raster: Raster,
	format: 'png' | 'jpeg' = 'png',
	quality = 92
): Promise<Buffer> {
	const input = Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
	let image = sharp(input, {
		raw: { width: raster.width, height: raster.height, channels: 4 },
		limitInputPixels: false
	});
	// Density is written as pHYs (PNG) or the JFIF density (JPEG).
	const density = Math.round(raster.dpi * 1000) / 1000;
	if (format === 'jpeg') {
		image = image
			.flatten({ background: '#FFFFFF' })
			.jpeg({ quality: Math.min(100, Math.max(1, Math.round(quality))), chromaSubsampling: '4:4:4' });
	} else {
		if (!raster.hasAlpha) image = image.removeAlpha();
		// zlib level 3 without adaptive filtering: within ~5% of level 6's size at half its time.
		image = image.png({ compressionLevel: 3, adaptiveFiltering: false });
	}
	return image.withMetadata({ density }).toBuffer();
}

/** A document as PNG or JPEG bytes at the requested dpi (default: the page's dpi). */
export async function renderPng(doc: PosterDocument, opts: PngOptions = {}): Promise<Buffer> {
	const deps = await resolveExportDeps(doc, opts.deps);
	const prepared = await prepareExport(doc, deps);
	const raster = await rasterizeScene(prepared.scene, prepared.resources, { ...opts, pageDpi: doc.page.dpi });
	return encodeRaster(raster, opts.format ?? 'png', opts.quality);
}
