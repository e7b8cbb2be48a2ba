// "Set it in real type": the model's lettering is covered by a clean patch and Haibao's own text
// layer goes on top. The patch is filled from the pixels around the box (each pixel blends the
// border colours of its row and its column, so gradients and lighting continue through it), and
// the ink colour is sampled from the lettering so the new layer can match it.
import sharp from 'sharp';
import type { PixelBox } from '../../templates/text-check';
import { decodeImage, type Raster } from './raster';

export interface CoveredText {
	/** The patched area (the text box with a margin), in image pixels. */
	box: PixelBox;
	/** The colour of the lettering that was covered, #RRGGBB. */
	ink: string;
	/** The patch's mean colour, #RRGGBB. */
	fill: string;
}

const hex = (c: readonly number[]) =>
	'#' +
	c
		.map((v) =>
			Math.round(Math.min(255, Math.max(0, v)))
				.toString(16)
				.padStart(2, '0')
		)
		.join('')
		.toUpperCase();

function median(values: number[]): number {
	values.sort((a, b) => a - b);
	return values[values.length >> 1] ?? 0;
}

/** Rows and columns of pixels just outside the box, each averaged over `ring` pixels of depth. */
function coverOne(r: Raster, text: PixelBox): CoveredText {
	const margin = Math.max(4, Math.round(Math.min(text.width, text.height) * 0.15));
	const x0 = Math.max(1, Math.floor(text.x - margin));
	const y0 = Math.max(1, Math.floor(text.y - margin));
	const x1 = Math.min(r.width - 1, Math.ceil(text.x + text.width + margin));
	const y1 = Math.min(r.height - 1, Math.ceil(text.y + text.height + margin));
	const ring = 3;
	const px = (x: number, y: number, c: number) =>
		r.data[
			(Math.min(r.height - 1, Math.max(0, y)) * r.width + Math.min(r.width - 1, Math.max(0, x))) * 3 + c
		];
	const avg = (xs: number[], ys: number[], c: number) => {
		let s = 0;
		for (let k = 0; k < xs.length; k++) s += px(xs[k], ys[k], c);
		return s / xs.length;
	};
	const depth = Array.from({ length: ring }, (_, k) => k + 1);
	// Ink: inside the box, the pixels farthest from the surrounding colour.
	const bg = [0, 1, 2].map((c) =>
		median(
			Array.from({ length: x1 - x0 }, (_, i) => px(x0 + i, y0 - 1, c)).concat(
				Array.from({ length: x1 - x0 }, (_, i) => px(x0 + i, y1, c))
			)
		)
	);
	const inside: { d: number; rgb: number[] }[] = [];
	for (let y = Math.max(0, Math.floor(text.y)); y < Math.min(r.height, text.y + text.height); y++)
		for (let x = Math.max(0, Math.floor(text.x)); x < Math.min(r.width, text.x + text.width); x++) {
			const rgb = [px(x, y, 0), px(x, y, 1), px(x, y, 2)];
			inside.push({ d: Math.abs(rgb[0] - bg[0]) + Math.abs(rgb[1] - bg[1]) + Math.abs(rgb[2] - bg[2]), rgb });
		}
	inside.sort((a, b) => b.d - a.d);
	const top = inside.slice(0, Math.max(1, Math.round(inside.length * 0.1)));
	const ink = [0, 1, 2].map((c) => median(top.map((p) => p.rgb[c])));

	const w = x1 - x0;
	const h = y1 - y0;
	const sum = [0, 0, 0];
	const out = new Uint8Array(w * h * 3);
	for (let y = y0; y < y1; y++) {
		const fy = (y - y0 + 0.5) / h;
		for (let x = x0; x < x1; x++) {
			const fx = (x - x0 + 0.5) / w;
			for (let c = 0; c < 3; c++) {
				const left = avg(
					depth.map((d) => x0 - d),
					depth.map(() => y),
					c
				);
				const right = avg(
					depth.map((d) => x1 - 1 + d),
					depth.map(() => y),
					c
				);
				const above = avg(
					depth.map(() => x),
					depth.map((d) => y0 - d),
					c
				);
				const below = avg(
					depth.map(() => x),
					depth.map((d) => y1 - 1 + d),
					c
				);
				const v = ((1 - fx) * left + fx * right + (1 - fy) * above + fy * below) / 2;
				out[((y - y0) * w + (x - x0)) * 3 + c] = Math.round(v);
				sum[c] += v;
			}
		}
	}
	for (let y = 0; y < h; y++)
		r.data.set(out.subarray(y * w * 3, (y + 1) * w * 3), ((y0 + y) * r.width + x0) * 3);
	return {
		box: { x: x0, y: y0, width: w, height: h },
		ink: hex(ink),
		fill: hex(sum.map((s) => s / (w * h)))
	};
}

/** Covers each box (image pixels) with a patch from its surroundings; returns the new PNG. */
export async function coverText(
	image: Buffer,
	boxes: readonly PixelBox[]
): Promise<{ png: Buffer; covered: CoveredText[] }> {
	const raster = await decodeImage(image);
	const covered = boxes.map((b) => coverOne(raster, b));
	const png = await sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.length), {
		raw: { width: raster.width, height: raster.height, channels: 3 }
	})
		.png()
		.toBuffer();
	return { png, covered };
}
