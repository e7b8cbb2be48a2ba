// Images as PDF XObjects at their full resolution: a JPEG without filters goes in untouched
// (DCTDecode); photographs otherwise become JPEG q95, flat art and alpha stay lossless (Flate).
// Image filters are baked in with sharp using the CSS filter formulas the canvas painter uses.
import sharp from 'sharp';
import type PDFDocument from 'pdfkit';
import type { ImageFilters } from '../../document/schema';
import type { LoadedAsset } from './prepare';

export interface PdfImage {
	/** Resource name on the page (/Im1). */
	name: string;
	width: number;
	height: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	ref: any;
}

type Doc = InstanceType<typeof PDFDocument>;
// pdfkit's reference objects are untyped in @types/pdfkit.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ref = any;

/** The filters as sharp operations, in image pixels (blur sigma already converted). */
export function hasFilters(f: ImageFilters, blurSigmaPx: number) {
	return f.brightness !== 1 || f.contrast !== 1 || f.saturation !== 1 || blurSigmaPx >= 0.3;
}

/** CSS saturate() matrix (Filter Effects 1, feColorMatrix type="saturate"). */
export function saturateMatrix(
	s: number
): [[number, number, number], [number, number, number], [number, number, number]] {
	return [
		[0.213 + 0.787 * s, 0.715 - 0.715 * s, 0.072 - 0.072 * s],
		[0.213 - 0.213 * s, 0.715 + 0.285 * s, 0.072 - 0.072 * s],
		[0.213 - 0.213 * s, 0.715 - 0.715 * s, 0.072 + 0.928 * s]
	];
}

/** Many distinct colours in a 64×64 thumbnail: a photograph (JPEG), else flat art (Flate). */
async function looksLikePhoto(bytes: Buffer): Promise<boolean> {
	const { data } = await sharp(bytes)
		.removeAlpha()
		.resize(64, 64, { fit: 'fill' })
		.raw()
		.toBuffer({ resolveWithObject: true });
	const colours = new Set<number>();
	for (let i = 0; i + 2 < data.length; i += 3)
		colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
	return colours.size > 1500;
}

export class PdfImages {
	private cache = new Map<string, Promise<PdfImage>>();
	private count = 0;
	constructor(private doc: Doc) {}

	/** The XObject for an asset with these filters (created once per asset and filter set). */
	get(asset: LoadedAsset, filters: ImageFilters, blurSigmaPx: number): Promise<PdfImage> {
		const sigma = blurSigmaPx >= 0.3 ? Math.round(blurSigmaPx * 100) / 100 : 0;
		const key = `${asset.id}|${filters.brightness}|${filters.contrast}|${filters.saturation}|${sigma}`;
		let image = this.cache.get(key);
		if (!image) {
			image = this.create(asset, filters, sigma);
			this.cache.set(key, image);
		}
		return image;
	}

	private async create(asset: LoadedAsset, filters: ImageFilters, sigma: number): Promise<PdfImage> {
		const meta = await sharp(asset.bytes).metadata();
		const name = `Im${++this.count}`;
		const width = meta.width ?? asset.width;
		const height = meta.height ?? asset.height;
		const plainJpeg =
			meta.format === 'jpeg' &&
			!hasFilters(filters, sigma) &&
			(meta.space === 'srgb' || meta.space === 'b-w') &&
			(meta.orientation ?? 1) === 1;
		let ref: Ref;
		if (plainJpeg) {
			ref = this.xobject(width, height, meta.channels === 1 ? 'DeviceGray' : 'DeviceRGB', 'DCTDecode');
			ref.end(asset.bytes);
		} else {
			let pipeline = sharp(asset.bytes).toColourspace('srgb');
			const c = filters.contrast;
			if (filters.brightness !== 1 || c !== 1)
				pipeline = pipeline.linear(filters.brightness * c, 127.5 * (1 - c));
			if (filters.saturation !== 1) pipeline = pipeline.recomb(saturateMatrix(filters.saturation));
			if (sigma) pipeline = pipeline.blur(sigma);
			const flat = await pipeline.png({ compressionLevel: 0 }).toBuffer();
			const hasAlpha = meta.hasAlpha ?? false;
			const photo = meta.format === 'jpeg' || (await looksLikePhoto(flat));
			// The soft mask must be in the dictionary before the image object is written.
			let mask: Ref = null;
			if (hasAlpha) {
				const alpha = await sharp(flat).ensureAlpha().extractChannel(3).raw().toBuffer();
				mask = this.xobject(width, height, 'DeviceGray');
				mask.end(alpha);
			}
			if (photo) {
				const jpeg = await sharp(flat)
					.removeAlpha()
					.jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
					.toBuffer();
				ref = this.xobject(width, height, 'DeviceRGB', 'DCTDecode');
				if (mask) ref.data.SMask = mask;
				ref.end(jpeg);
			} else {
				const rgb = await sharp(flat).removeAlpha().raw().toBuffer();
				ref = this.xobject(width, height, 'DeviceRGB');
				if (mask) ref.data.SMask = mask;
				ref.end(rgb);
			}
		}
		return { name, width, height, ref };
	}

	/** An image from raw pixels (a rendered shadow): RGB, with an 8-bit alpha channel as its soft mask. */
	fromRaw(rgb: Buffer, alpha: Buffer | null, width: number, height: number): PdfImage {
		const name = `Im${++this.count}`;
		const ref = this.xobject(width, height, 'DeviceRGB');
		if (alpha) {
			const mask = this.xobject(width, height, 'DeviceGray');
			mask.end(alpha);
			ref.data.SMask = mask;
		}
		ref.end(rgb);
		return { name, width, height, ref };
	}

	private xobject(width: number, height: number, colorSpace: string, filter?: string): Ref {
		const data: Record<string, unknown> = {
			Type: 'XObject',
			Subtype: 'Image',
			Width: width,
			Height: height,
			ColorSpace: colorSpace,
			BitsPerComponent: 8
		};
		if (filter) data.Filter = filter;
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return (this.doc as any).ref(data);
	}
}
