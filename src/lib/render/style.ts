// Colours and gradients as numbers, shared by the canvas painter and the PDF writer so both
// resolve a Paint the same way.
import type { Paint } from '../document/schema';

export interface Rgba {
	r: number;
	g: number;
	b: number;
	/** 0..1 */
	a: number;
}

/** "#RRGGBB" or "#RRGGBBAA" (the document's colour format) → channels 0..255 and alpha 0..1. */
export function parseColor(hex: string): Rgba {
	const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(hex);
	if (!m) throw new Error(`not a colour: "${hex}"`);
	const v = parseInt(m[1], 16);
	return { r: (v >> 16) & 255, g: (v >> 8) & 255, b: v & 255, a: m[2] ? parseInt(m[2], 16) / 255 : 1 };
}

/** CSS colour string both canvases accept. */
export function cssColor(hex: string): string {
	const { r, g, b, a } = parseColor(hex);
	return a === 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${+a.toFixed(4)})`;
}

/**
 * The gradient line of a linear Paint over a w×h box: through the centre at `angle` degrees
 * (0 = left→right, 90 = top→bottom), long enough that the end stops reach the far corners (as CSS).
 */
export function gradientLine(angle: number, w: number, h: number) {
	const rad = (angle * Math.PI) / 180;
	const dx = Math.cos(rad),
		dy = Math.sin(rad);
	const half = (Math.abs(w * dx) + Math.abs(h * dy)) / 2;
	const cx = w / 2,
		cy = h / 2;
	return { x0: cx - dx * half, y0: cy - dy * half, x1: cx + dx * half, y1: cy + dy * half };
}

/** Naive sRGB → CMYK (0..100 each) for vector colours in a CMYK PDF; no ICC profile involved. */
export function rgbToCmyk({ r, g, b }: Rgba): [number, number, number, number] {
	const R = r / 255,
		G = g / 255,
		B = b / 255;
	const k = 1 - Math.max(R, G, B);
	if (k >= 1) return [0, 0, 0, 100];
	const c = (1 - R - k) / (1 - k),
		m = (1 - G - k) / (1 - k),
		y = (1 - B - k) / (1 - k);
	const pct = (v: number) => Math.round(v * 1000) / 10;
	return [pct(c), pct(m), pct(y), pct(k)];
}

/** A Paint's stops sorted by offset (painters need them in order). */
export function sortedStops(paint: Extract<Paint, { type: 'linear' }>) {
	return [...paint.stops].sort((a, b) => a.offset - b.offset);
}
