// Where an image's pixels land in its layer box: the layer's crop, then its fit (cover, contain,
// stretch), resolved against the image's pixel size. Idempotent: resolving an already-resolved
// source rect again gives the same placement, so the scene may carry a resolved crop or a raw one.
import type { Box } from '../geometry';
import type { ImageCrop } from '../document/schema';

export interface ImagePlacement {
	/** Source rectangle in fractions of the image. */
	source: ImageCrop;
	/** Destination rectangle in the layer's local box (pt). */
	dest: Box;
}

const FULL: ImageCrop = { x: 0, y: 0, width: 1, height: 1 };

export function placeImage(
	crop: ImageCrop | null,
	fit: 'cover' | 'contain' | 'stretch',
	imageWidth: number,
	imageHeight: number,
	boxWidth: number,
	boxHeight: number
): ImagePlacement {
	const c = crop ?? FULL;
	const dest: Box = { x: 0, y: 0, width: boxWidth, height: boxHeight };
	if (fit === 'stretch' || imageWidth <= 0 || imageHeight <= 0 || boxWidth <= 0 || boxHeight <= 0)
		return { source: c, dest };
	const srcAspect = (c.width * imageWidth) / (c.height * imageHeight);
	const boxAspect = boxWidth / boxHeight;
	// Within a part per million the aspects agree: no trimming (keeps resolving idempotent).
	if (Math.abs(srcAspect / boxAspect - 1) < 1e-6) return { source: c, dest };
	if (fit === 'cover') {
		if (srcAspect > boxAspect) {
			const w = c.width * (boxAspect / srcAspect);
			return { source: { x: c.x + (c.width - w) / 2, y: c.y, width: w, height: c.height }, dest };
		}
		const h = c.height * (srcAspect / boxAspect);
		return { source: { x: c.x, y: c.y + (c.height - h) / 2, width: c.width, height: h }, dest };
	}
	// contain: the whole source rect, letterboxed and centred in the box.
	if (srcAspect > boxAspect) {
		const h = boxWidth / srcAspect;
		return { source: c, dest: { x: 0, y: (boxHeight - h) / 2, width: boxWidth, height: h } };
	}
	const w = boxHeight * srcAspect;
	return { source: c, dest: { x: (boxWidth - w) / 2, y: 0, width: w, height: boxHeight } };
}

/** Effective resolution (dots per inch) of an image placed with `placement`, given its scale on the page. */
export function effectiveDpi(
	placement: ImagePlacement,
	imageWidth: number,
	imageHeight: number,
	pageScale = 1
) {
	const pxX = placement.source.width * imageWidth;
	const pxY = placement.source.height * imageHeight;
	const inchX = (placement.dest.width * pageScale) / 72;
	const inchY = (placement.dest.height * pageScale) / 72;
	if (inchX <= 0 || inchY <= 0) return Infinity;
	return Math.min(pxX / inchX, pxY / inchY);
}
