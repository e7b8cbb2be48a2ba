// Differentiable Binarization (DB) post-processing for PP-OCR's detector: the model gives a text
// probability per pixel; we threshold it, label connected regions, fit each with its minimum-area
// rectangle, score it by the mean probability inside, and grow it back out ("unclip"), because
// DB is trained on text regions shrunk by the same offset.
import { minAreaRect, unclip, type Point, type RotatedBox } from './geometry';

export interface DbOptions {
	/** Pixel probability above which a pixel is text (PaddleOCR: 0.3). */
	threshold: number;
	/** Mean probability a region needs to count (PaddleOCR: 0.6). */
	boxThreshold: number;
	/** How far a region grows back: area · ratio / perimeter (PaddleOCR: 1.5). */
	unclipRatio: number;
	/** Shorter side, in map pixels, below which a region is noise (PaddleOCR: 3). */
	minSize: number;
	maxCandidates: number;
}

export const DB_DEFAULTS: DbOptions = {
	threshold: 0.3,
	boxThreshold: 0.6,
	unclipRatio: 1.5,
	minSize: 3,
	maxCandidates: 1000
};

export interface DetectedRegion {
	box: RotatedBox;
	/** Mean text probability over the region's pixels. */
	score: number;
}

/** Boxes in the probability map's own pixel coordinates. */
export function dbPostprocess(
	prob: Float32Array,
	width: number,
	height: number,
	options: Partial<DbOptions> = {}
): DetectedRegion[] {
	const o = { ...DB_DEFAULTS, ...options };
	const labels = new Int32Array(width * height);
	const stack = new Int32Array(width * height);
	const regions: DetectedRegion[] = [];
	// Each row's leftmost and rightmost pixel of the current region (enough for its convex hull).
	const rowMin = new Int32Array(height).fill(-1);
	const rowMax = new Int32Array(height).fill(-1);
	let next = 0;
	for (let start = 0; start < prob.length; start++) {
		if (labels[start] !== 0 || prob[start] <= o.threshold) continue;
		const label = ++next;
		// Flood fill (8-connected), keeping each row's leftmost and rightmost pixel for the hull.
		let top = 0;
		stack[top++] = start;
		labels[start] = label;
		let sum = 0;
		let count = 0;
		let top0 = height;
		let bottom0 = -1;
		while (top > 0) {
			const i = stack[--top];
			const x = i % width;
			const y = (i - x) / width;
			sum += prob[i];
			count++;
			if (rowMin[y] < 0 || x < rowMin[y]) rowMin[y] = x;
			if (x > rowMax[y]) rowMax[y] = x;
			if (y < top0) top0 = y;
			if (y > bottom0) bottom0 = y;
			for (let dy = -1; dy <= 1; dy++) {
				const ny = y + dy;
				if (ny < 0 || ny >= height) continue;
				for (let dx = -1; dx <= 1; dx++) {
					const nx = x + dx;
					if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
					const j = ny * width + nx;
					if (labels[j] === 0 && prob[j] > o.threshold) {
						labels[j] = label;
						stack[top++] = j;
					}
				}
			}
		}
		const points: Point[] = [];
		for (let y = top0; y <= bottom0; y++) {
			if (rowMin[y] >= 0) {
				const x0 = rowMin[y];
				const x1 = rowMax[y] + 1;
				points.push([x0, y], [x0, y + 1], [x1, y], [x1, y + 1]);
			}
			rowMin[y] = -1;
			rowMax[y] = -1;
		}
		if (count < 4) continue;
		const rect = minAreaRect(points);
		if (Math.min(rect.width, rect.height) < o.minSize) continue;
		const score = sum / count;
		if (score < o.boxThreshold) continue;
		const grown = unclip(rect, o.unclipRatio);
		if (Math.min(grown.width, grown.height) < o.minSize + 2) continue;
		regions.push({ box: grown, score });
		if (regions.length >= o.maxCandidates) break;
	}
	return regions;
}
