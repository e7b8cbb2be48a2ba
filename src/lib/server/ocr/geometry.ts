// Plane geometry for text boxes: convex hull, minimum-area rectangle (rotating calipers), corners.
// A RotatedBox's width runs along `angle` (radians, kept within ±45°, so width is the more
// horizontal side); a vertical column of text is a box taller than it is wide.

export type Point = [number, number];

export interface RotatedBox {
	cx: number;
	cy: number;
	width: number;
	height: number;
	angle: number;
}

/** Axis-aligned bounds, in the image's pixels. */
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Andrew's monotone chain; counter-clockwise, no repeated end point. */
export function convexHull(points: Point[]): Point[] {
	const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	if (pts.length < 3) return pts;
	const cross = (o: Point, a: Point, b: Point) =>
		(a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
	const lower: Point[] = [];
	for (const p of pts) {
		while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
		lower.push(p);
	}
	const upper: Point[] = [];
	for (let i = pts.length - 1; i >= 0; i--) {
		const p = pts[i];
		while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
		upper.push(p);
	}
	return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Keeps the angle within (−45°, 45°] by swapping width and height a quarter turn at a time. */
export function normaliseBox(box: RotatedBox): RotatedBox {
	let { width, height, angle } = box;
	while (angle > Math.PI / 4 + 1e-9) {
		angle -= Math.PI / 2;
		[width, height] = [height, width];
	}
	while (angle <= -Math.PI / 4 + 1e-9) {
		angle += Math.PI / 2;
		[width, height] = [height, width];
	}
	return { ...box, width, height, angle };
}

/** The smallest rectangle around the points: one of its sides lies on a hull edge. */
export function minAreaRect(points: Point[]): RotatedBox {
	const hull = convexHull(points);
	if (hull.length === 0) return { cx: 0, cy: 0, width: 0, height: 0, angle: 0 };
	let best: RotatedBox | null = null;
	let bestArea = Infinity;
	const edges =
		hull.length < 2
			? [0]
			: hull.map((p, i) => {
					const q = hull[(i + 1) % hull.length];
					return Math.atan2(q[1] - p[1], q[0] - p[0]);
				});
	for (const theta of edges) {
		const ux = Math.cos(theta);
		const uy = Math.sin(theta);
		let minU = Infinity,
			maxU = -Infinity,
			minV = Infinity,
			maxV = -Infinity;
		for (const [x, y] of hull) {
			const u = x * ux + y * uy;
			const v = -x * uy + y * ux;
			if (u < minU) minU = u;
			if (u > maxU) maxU = u;
			if (v < minV) minV = v;
			if (v > maxV) maxV = v;
		}
		const area = (maxU - minU) * (maxV - minV);
		if (area < bestArea - 1e-9) {
			bestArea = area;
			const cu = (minU + maxU) / 2;
			const cv = (minV + maxV) / 2;
			best = {
				cx: cu * ux - cv * uy,
				cy: cu * uy + cv * ux,
				width: maxU - minU,
				height: maxV - minV,
				angle: theta
			};
		}
	}
	return normaliseBox(best!);
}

/** Corners clockwise on screen from the top left (y grows downwards). */
export function corners(box: RotatedBox): [Point, Point, Point, Point] {
	const ux = Math.cos(box.angle),
		uy = Math.sin(box.angle);
	const hw = box.width / 2,
		hh = box.height / 2;
	const at = (a: number, b: number): Point => [box.cx + ux * a - uy * b, box.cy + uy * a + ux * b];
	return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

export function boundsOf(points: readonly Point[]): Rect {
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	const x = Math.min(...xs),
		y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Grows a rectangle on every side by DB's unclip distance, area · ratio / perimeter. */
export function unclip(box: RotatedBox, ratio: number): RotatedBox {
	const perimeter = 2 * (box.width + box.height);
	if (perimeter <= 0) return box;
	const d = (box.width * box.height * ratio) / perimeter;
	return { ...box, width: box.width + 2 * d, height: box.height + 2 * d };
}

/** Intersection over the smaller rectangle's area (0 when apart, 1 when one holds the other). */
export function overlapOfSmaller(a: Rect, b: Rect): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	if (w <= 0 || h <= 0) return 0;
	const smaller = Math.min(a.width * a.height, b.width * b.height);
	return smaller > 0 ? (w * h) / smaller : 0;
}

export function unionRect(rects: readonly Rect[]): Rect {
	return boundsOf(rects.flatMap((r) => [[r.x, r.y] as Point, [r.x + r.width, r.y + r.height] as Point]));
}
