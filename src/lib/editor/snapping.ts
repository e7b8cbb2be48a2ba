// Snapping maths for moving and resizing boxes on the page (pt). Pure: the canvas calls it while
// dragging and draws the returned guides; the threshold comes in already divided by the zoom.
import type { Box } from '../geometry';

export type SnapKind = 'page-edge' | 'page-centre' | 'safe' | 'layer-edge' | 'layer-centre';

/** A line a box edge or centre may snap to: x of a vertical line, or y of a horizontal one. */
export interface SnapLine {
	value: number;
	kind: SnapKind;
	/** Extent of the thing that produced the line, along the line (for drawing the guide). */
	start: number;
	end: number;
}

export interface SnapTargets {
	/** Vertical lines (x positions). */
	xs: SnapLine[];
	/** Horizontal lines (y positions). */
	ys: SnapLine[];
}

export interface Guide {
	orientation: 'vertical' | 'horizontal';
	/** x of a vertical guide, y of a horizontal one. */
	position: number;
	start: number;
	end: number;
	kind: SnapKind;
}

export interface SnapResult {
	x: number;
	y: number;
	guides: Guide[];
}

export interface PageFrame {
	width: number;
	height: number;
	/** Safe margin from the trim edge, pt (0: no safe-area lines). */
	safe: number;
	/** Extra free margin at the bottom, pt (roll-up stands). */
	hiddenBottom?: number;
}

/** Lines of the page (edges, centre lines, safe area) and of the other layers (edges, centres). */
export function collectSnapTargets(page: PageFrame, others: readonly Box[]): SnapTargets {
	const { width: w, height: h } = page;
	const xs: SnapLine[] = [
		{ value: 0, kind: 'page-edge', start: 0, end: h },
		{ value: w, kind: 'page-edge', start: 0, end: h },
		{ value: w / 2, kind: 'page-centre', start: 0, end: h }
	];
	const ys: SnapLine[] = [
		{ value: 0, kind: 'page-edge', start: 0, end: w },
		{ value: h, kind: 'page-edge', start: 0, end: w },
		{ value: h / 2, kind: 'page-centre', start: 0, end: w }
	];
	if (page.safe > 0) {
		const s = page.safe;
		const bottom = h - s - (page.hiddenBottom ?? 0);
		xs.push(
			{ value: s, kind: 'safe', start: s, end: bottom },
			{ value: w - s, kind: 'safe', start: s, end: bottom }
		);
		ys.push(
			{ value: s, kind: 'safe', start: s, end: w - s },
			{ value: bottom, kind: 'safe', start: s, end: w - s }
		);
	}
	for (const b of others) {
		const right = b.x + b.width;
		const bottom = b.y + b.height;
		xs.push(
			{ value: b.x, kind: 'layer-edge', start: b.y, end: bottom },
			{ value: right, kind: 'layer-edge', start: b.y, end: bottom },
			{ value: b.x + b.width / 2, kind: 'layer-centre', start: b.y, end: bottom }
		);
		ys.push(
			{ value: b.y, kind: 'layer-edge', start: b.x, end: right },
			{ value: bottom, kind: 'layer-edge', start: b.x, end: right },
			{ value: b.y + b.height / 2, kind: 'layer-centre', start: b.x, end: right }
		);
	}
	return { xs, ys };
}

/** Closest line to any of `probes` within `threshold`: the correction to add, or null. */
function nearest(probes: readonly number[], lines: readonly SnapLine[], threshold: number): number | null {
	let best: number | null = null;
	for (const p of probes) {
		for (const line of lines) {
			const d = line.value - p;
			if (Math.abs(d) <= threshold && (best === null || Math.abs(d) < Math.abs(best))) best = d;
		}
	}
	return best;
}

const EPS = 1e-6;

/** Guides for every line that a probe of the (already snapped) box lies on. */
function guidesFor(
	probes: readonly number[],
	lines: readonly SnapLine[],
	orientation: Guide['orientation'],
	boxStart: number,
	boxEnd: number
): Guide[] {
	const byPosition = new Map<number, Guide>();
	for (const line of lines) {
		if (!probes.some((p) => Math.abs(p - line.value) < EPS)) continue;
		const key = Math.round(line.value * 1000) / 1000;
		const start = Math.min(line.start, boxStart);
		const end = Math.max(line.end, boxEnd);
		const g = byPosition.get(key);
		if (g) {
			g.start = Math.min(g.start, start);
			g.end = Math.max(g.end, end);
		} else byPosition.set(key, { orientation, position: line.value, start, end, kind: line.kind });
	}
	return [...byPosition.values()];
}

/**
 * Snap a moving box: its left, centre and right to the vertical lines, its top, middle and bottom
 * to the horizontal ones, each axis independently, within `threshold` pt.
 */
export function snapMove(box: Box, targets: SnapTargets, threshold: number): SnapResult {
	const xProbes = [box.x, box.x + box.width / 2, box.x + box.width];
	const yProbes = [box.y, box.y + box.height / 2, box.y + box.height];
	const dx = nearest(xProbes, targets.xs, threshold) ?? 0;
	const dy = nearest(yProbes, targets.ys, threshold) ?? 0;
	const x = box.x + dx;
	const y = box.y + dy;
	const snapped = { x, y, width: box.width, height: box.height };
	return { x, y, guides: guidesForBox(snapped, targets) };
}

function guidesForBox(b: Box, targets: SnapTargets, edges?: ResizeEdges): Guide[] {
	const xProbes = edges
		? [edges.left ? b.x : null, edges.right ? b.x + b.width : null].filter((v): v is number => v !== null)
		: [b.x, b.x + b.width / 2, b.x + b.width];
	const yProbes = edges
		? [edges.top ? b.y : null, edges.bottom ? b.y + b.height : null].filter((v): v is number => v !== null)
		: [b.y, b.y + b.height / 2, b.y + b.height];
	return [
		...guidesFor(xProbes, targets.xs, 'vertical', b.y, b.y + b.height),
		...guidesFor(yProbes, targets.ys, 'horizontal', b.x, b.x + b.width)
	];
}

/** Which edges of a box a resize handle moves. */
export interface ResizeEdges {
	left?: boolean;
	right?: boolean;
	top?: boolean;
	bottom?: boolean;
}

/**
 * Snap the moving edges of a box being resized. With `keepAspect`, one snapped edge decides the
 * scale and the other axis follows (anchored at the opposite edges).
 */
export function snapResize(
	box: Box,
	edges: ResizeEdges,
	targets: SnapTargets,
	threshold: number,
	keepAspect = false
): Box & { guides: Guide[] } {
	let { x, y, width, height } = box;
	const xProbe = edges.left ? x : edges.right ? x + width : null;
	const yProbe = edges.top ? y : edges.bottom ? y + height : null;
	const dx = xProbe === null ? null : nearest([xProbe], targets.xs, threshold);
	const dy = yProbe === null ? null : nearest([yProbe], targets.ys, threshold);
	const useX = dx !== null && (dy === null || Math.abs(dx) <= Math.abs(dy));
	const useY = dy !== null && (!keepAspect || !useX);
	const aspect = box.height > 0 ? box.width / box.height : 1;
	if (useX && dx !== null) {
		if (edges.left) {
			x += dx;
			width -= dx;
		} else width += dx;
		if (keepAspect) {
			const newHeight = width / aspect;
			if (edges.top) y += height - newHeight;
			height = newHeight;
		}
	}
	if (useY && dy !== null) {
		if (edges.top) {
			y += dy;
			height -= dy;
		} else height += dy;
		if (keepAspect) {
			const newWidth = height * aspect;
			if (edges.left) x += width - newWidth;
			width = newWidth;
		}
	}
	const result = { x, y, width: Math.max(0, width), height: Math.max(0, height) };
	return { ...result, guides: guidesForBox(result, targets, edges) };
}

/** Snap an angle (degrees) to multiples of `step` within `tolerance` degrees. */
export function snapAngle(degrees: number, step = 45, tolerance = 3): number {
	const nearestMultiple = Math.round(degrees / step) * step;
	return Math.abs(nearestMultiple - degrees) <= tolerance ? nearestMultiple : degrees;
}
