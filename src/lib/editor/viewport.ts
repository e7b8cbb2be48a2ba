// Zoom and pan maths. A view maps page pt to screen px: screen = page · zoom + pan.
// zoom 1 = "100%": one pt per CSS pixel (a pixel-defined format then shows at its pixel size).
import type { Box, Point } from '../geometry';

export interface View {
	zoom: number;
	panX: number;
	panY: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 16;
export const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export const toScreen = (v: View, p: Point): Point => ({
	x: p.x * v.zoom + v.panX,
	y: p.y * v.zoom + v.panY
});
export const toPage = (v: View, p: Point): Point => ({
	x: (p.x - v.panX) / v.zoom,
	y: (p.y - v.panY) / v.zoom
});

/** The view that shows `content` (pt) centred in a viewport of `size` px with `padding` px around it. */
export function fitView(content: Box, size: { width: number; height: number }, padding = 48): View {
	const availW = Math.max(1, size.width - 2 * padding);
	const availH = Math.max(1, size.height - 2 * padding);
	const zoom = clampZoom(Math.min(availW / content.width, availH / content.height));
	return centreView(content, size, zoom);
}

/** Keep `zoom` and centre `content` in the viewport. */
export function centreView(content: Box, size: { width: number; height: number }, zoom: number): View {
	return {
		zoom,
		panX: size.width / 2 - (content.x + content.width / 2) * zoom,
		panY: size.height / 2 - (content.y + content.height / 2) * zoom
	};
}

/** Zoom by `factor` keeping the page point under `anchor` (screen px) where it is. */
export function zoomAt(v: View, factor: number, anchor: Point): View {
	const zoom = clampZoom(v.zoom * factor);
	const page = toPage(v, anchor);
	return { zoom, panX: anchor.x - page.x * zoom, panY: anchor.y - page.y * zoom };
}

/** Zoom factor for a wheel delta (trackpad pinch arrives as ctrl+wheel with small deltas). */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
	const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
	return Math.exp(-Math.max(-100, Math.min(100, pixels)) * 0.0025);
}

/** The preset zoom steps the zoom menu and Ctrl+= / Ctrl+- walk through. */
export const ZOOM_STEPS = [0.05, 0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8];

export function nextZoomStep(zoom: number, direction: 1 | -1): number {
	if (direction > 0) return ZOOM_STEPS.find((s) => s > zoom * 1.001) ?? MAX_ZOOM;
	return [...ZOOM_STEPS].reverse().find((s) => s < zoom / 1.001) ?? MIN_ZOOM;
}
