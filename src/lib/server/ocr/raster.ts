// RGB rasters for the OCR: decoding with sharp, sampling a rotated box out of an image, and the
// model input tensors (PaddleOCR's conventions: BGR channel order, planes in NCHW).
import sharp from 'sharp';
import type { RotatedBox } from './geometry';

export interface Raster {
	width: number;
	height: number;
	/** RGB, 3 bytes a pixel, row after row. */
	data: Uint8Array;
}

/** Any image sharp reads (PNG, JPEG, WebP…), transparency flattened onto white. */
export async function decodeImage(input: Buffer | string): Promise<Raster> {
	const { data, info } = await sharp(input)
		.flatten({ background: '#ffffff' })
		.removeAlpha()
		.toColourspace('srgb')
		.raw()
		.toBuffer({ resolveWithObject: true });
	if (info.channels !== 3) throw new Error(`expected 3 channels after decoding, got ${info.channels}`);
	return {
		width: info.width,
		height: info.height,
		data: new Uint8Array(data.buffer, data.byteOffset, data.length)
	};
}

export async function resizeRaster(r: Raster, width: number, height: number): Promise<Raster> {
	if (width === r.width && height === r.height) return r;
	const data = await sharp(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.length), {
		raw: { width: r.width, height: r.height, channels: 3 }
	})
		.resize(width, height, { fit: 'fill', kernel: 'linear' })
		.raw()
		.toBuffer();
	return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/**
 * The pixels of a rotated box, upright: output pixel (x, y) samples the source bilinearly at
 * centre + u·(x − w/2) + v·(y − h/2), u along the box's width, v along its height.
 */
export function cropRotated(src: Raster, box: RotatedBox): Raster {
	const width = Math.max(1, Math.round(box.width));
	const height = Math.max(1, Math.round(box.height));
	const out = new Uint8Array(width * height * 3);
	const cos = Math.cos(box.angle);
	const sin = Math.sin(box.angle);
	const sw = src.width;
	const sh = src.height;
	const d = src.data;
	for (let y = 0; y < height; y++) {
		const dy = y + 0.5 - height / 2;
		for (let x = 0; x < width; x++) {
			const dx = x + 0.5 - width / 2;
			const sx = Math.min(sw - 1, Math.max(0, box.cx + cos * dx - sin * dy - 0.5));
			const sy = Math.min(sh - 1, Math.max(0, box.cy + sin * dx + cos * dy - 0.5));
			const x0 = Math.floor(sx);
			const y0 = Math.floor(sy);
			const x1 = Math.min(sw - 1, x0 + 1);
			const y1 = Math.min(sh - 1, y0 + 1);
			const fx = sx - x0;
			const fy = sy - y0;
			const o = (y * width + x) * 3;
			for (let c = 0; c < 3; c++) {
				const a = d[(y0 * sw + x0) * 3 + c] * (1 - fx) + d[(y0 * sw + x1) * 3 + c] * fx;
				const b = d[(y1 * sw + x0) * 3 + c] * (1 - fx) + d[(y1 * sw + x1) * 3 + c] * fx;
				out[o + c] = Math.round(a * (1 - fy) + b * fy);
			}
		}
	}
	return { width, height, data: out };
}

/** Quarter turn counter-clockwise (numpy's rot90): a column read top to bottom becomes a row. */
export function rotate90(src: Raster): Raster {
	const { width: w, height: h } = src;
	const out = new Uint8Array(w * h * 3);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const o = ((w - 1 - x) * h + y) * 3;
			const i = (y * w + x) * 3;
			out[o] = src.data[i];
			out[o + 1] = src.data[i + 1];
			out[o + 2] = src.data[i + 2];
		}
	return { width: h, height: w, data: out };
}

/**
 * NCHW float planes in BGR order (PaddleOCR reads images with OpenCV and normalises without
 * reordering), (v/255 − mean)/std per channel; `padWidth` extends with zeros on the right.
 */
export function toTensor(
	r: Raster,
	mean: readonly [number, number, number],
	std: readonly [number, number, number],
	padWidth = r.width
): Float32Array {
	const plane = r.height * padWidth;
	const out = new Float32Array(plane * 3);
	for (let y = 0; y < r.height; y++)
		for (let x = 0; x < r.width; x++) {
			const i = (y * r.width + x) * 3;
			const o = y * padWidth + x;
			for (let c = 0; c < 3; c++) {
				const rgb = r.data[i + (2 - c)]; // BGR
				out[c * plane + o] = (rgb / 255 - mean[c]) / std[c];
			}
		}
	return out;
}

/** Median colour of the pixels on the raster's border (the background around a text crop). */
export function borderColor(r: Raster): [number, number, number] {
	const samples: number[][] = [[], [], []];
	const push = (x: number, y: number) => {
		const i = (y * r.width + x) * 3;
		for (let c = 0; c < 3; c++) samples[c].push(r.data[i + c]);
	};
	for (let x = 0; x < r.width; x++) {
		push(x, 0);
		push(x, r.height - 1);
	}
	for (let y = 1; y < r.height - 1; y++) {
		push(0, y);
		push(r.width - 1, y);
	}
	return samples.map((s) => {
		s.sort((a, b) => a - b);
		return s[s.length >> 1] ?? 255;
	}) as [number, number, number];
}
