// Points, boxes and 2D affine matrices. Units are pt (1/72 inch); see DESIGN.md "Units".
export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number) => mm * PT_PER_MM;
export const ptToMm = (pt: number) => pt / PT_PER_MM;
/** Pixels of a page edge of `pt` points exported at `dpi`. */
export const ptToPx = (pt: number, dpi: number) => Math.round((pt * dpi) / 72);

export interface Point {
	x: number;
	y: number;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Affine matrix [a, b, c, d, e, f] as in canvas setTransform: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
	return [
		m[0] * n[0] + m[2] * n[1],
		m[1] * n[0] + m[3] * n[1],
		m[0] * n[2] + m[2] * n[3],
		m[1] * n[2] + m[3] * n[3],
		m[0] * n[4] + m[2] * n[5] + m[4],
		m[1] * n[4] + m[3] * n[5] + m[5]
	];
}

export const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];
export const scale = (sx: number, sy = sx): Matrix => [sx, 0, 0, sy, 0, 0];
export function rotate(degrees: number): Matrix {
	const r = (degrees * Math.PI) / 180;
	const c = Math.cos(r);
	const s = Math.sin(r);
	return [c, s, -s, c, 0, 0];
}

export function invert(m: Matrix): Matrix {
	const det = m[0] * m[3] - m[1] * m[2];
	if (det === 0) throw new Error('matrix is not invertible');
	return [
		m[3] / det,
		-m[1] / det,
		-m[2] / det,
		m[0] / det,
		(m[2] * m[5] - m[3] * m[4]) / det,
		(m[1] * m[4] - m[0] * m[5]) / det
	];
}

export const apply = (m: Matrix, p: Point): Point => ({
	x: m[0] * p.x + m[2] * p.y + m[4],
	y: m[1] * p.x + m[3] * p.y + m[5]
});

/**
 * The matrix placing a layer's local box (0,0)-(width,height) on its parent: translate to (x, y),
 * then rotate by `rotation` degrees clockwise about the box centre.
 */
export function boxMatrix(box: Box & { rotation?: number }): Matrix {
	const rotation = box.rotation ?? 0;
	if (!rotation) return translate(box.x, box.y);
	const cx = box.width / 2;
	const cy = box.height / 2;
	return multiply(translate(box.x + cx, box.y + cy), multiply(rotate(rotation), translate(-cx, -cy)));
}

/** Axis-aligned bounds of a box after a matrix. */
export function transformedBounds(m: Matrix, box: Box): Box {
	const corners = [
		apply(m, { x: box.x, y: box.y }),
		apply(m, { x: box.x + box.width, y: box.y }),
		apply(m, { x: box.x, y: box.y + box.height }),
		apply(m, { x: box.x + box.width, y: box.y + box.height })
	];
	const xs = corners.map((p) => p.x);
	const ys = corners.map((p) => p.y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export function unionBoxes(boxes: readonly Box[]): Box | null {
	if (boxes.length === 0) return null;
	const x = Math.min(...boxes.map((b) => b.x));
	const y = Math.min(...boxes.map((b) => b.y));
	const right = Math.max(...boxes.map((b) => b.x + b.width));
	const bottom = Math.max(...boxes.map((b) => b.y + b.height));
	return { x, y, width: right - x, height: bottom - y };
}

export const boxContains = (outer: Box, inner: Box, tolerance = 0.01) =>
	inner.x >= outer.x - tolerance &&
	inner.y >= outer.y - tolerance &&
	inner.x + inner.width <= outer.x + outer.width + tolerance &&
	inner.y + inner.height <= outer.y + outer.height + tolerance;

export const insetBox = (box: Box, inset: number): Box => ({
	x: box.x + inset,
	y: box.y + inset,
	width: box.width - 2 * inset,
	height: box.height - 2 * inset
});
