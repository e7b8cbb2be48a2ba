// What the stage draws on top of the page that is not the poster: bleed, trim and safe-area
// guides, the roll-up's hidden foot, snap guides, hover and selection outlines, the marquee.
// All strokes keep their screen width whatever the zoom (strokeScaleEnabled: false).
import Konva from 'konva';
import type { Box } from '../geometry';
import type { Guide } from '../editor/snapping';

export const ACCENT = '#2563EB';
const GUIDE_COLORS: Record<Guide['kind'], string> = {
	'page-edge': '#E11D74',
	'page-centre': '#E11D74',
	safe: '#0EA5E9',
	'layer-edge': '#F97316',
	'layer-centre': '#F97316'
};

export interface PageGeometry {
	width: number;
	height: number;
	bleed: number;
	safe: number;
	hiddenBottom: number;
	background: string;
}

/** The page behind the content: the bleed box in the background colour, with a soft shadow. */
export function drawPage(layer: Konva.Layer, g: PageGeometry): void {
	layer.destroyChildren();
	layer.add(
		new Konva.Rect({
			x: -g.bleed,
			y: -g.bleed,
			width: g.width + 2 * g.bleed,
			height: g.height + 2 * g.bleed,
			fill: g.background.length === 9 ? g.background.slice(0, 7) : g.background,
			shadowColor: 'rgba(23,23,28,0.18)',
			shadowBlur: 24,
			shadowOffsetY: 6,
			shadowForStrokeEnabled: false,
			listening: false
		})
	);
}

/** Trim, bleed and safe-area guides (drawn above the content, like every design tool). */
export function drawPageGuides(group: Konva.Group, g: PageGeometry, show: boolean): void {
	group.destroyChildren();
	if (!show) return;
	const { width: w, height: h, bleed: b } = g;
	if (b > 0) {
		// The strip that the guillotine cuts off: veiled, with its outer edge dashed red.
		group.add(
			new Konva.Shape({
				listening: false,
				sceneFunc(ctx) {
					ctx.beginPath();
					ctx.rect(-b, -b, w + 2 * b, h + 2 * b);
					ctx.rect(w, 0, -w, h); // counter-clockwise hole: the trim box
					ctx.fillStyle = 'rgba(255,255,255,0.38)';
					ctx.fill();
				}
			}),
			new Konva.Rect({
				x: -b,
				y: -b,
				width: w + 2 * b,
				height: h + 2 * b,
				stroke: '#EF4444',
				strokeWidth: 1,
				dash: [4, 3],
				strokeScaleEnabled: false,
				listening: false,
				opacity: 0.8
			})
		);
	}
	group.add(
		new Konva.Rect({
			x: 0,
			y: 0,
			width: w,
			height: h,
			stroke: 'rgba(23,23,28,0.55)',
			strokeWidth: 1,
			strokeScaleEnabled: false,
			listening: false
		})
	);
	if (g.safe > 0) {
		group.add(
			new Konva.Rect({
				x: g.safe,
				y: g.safe,
				width: w - 2 * g.safe,
				height: h - 2 * g.safe - g.hiddenBottom,
				stroke: '#0EA5E9',
				strokeWidth: 1,
				dash: [6, 4],
				strokeScaleEnabled: false,
				listening: false,
				opacity: 0.85
			})
		);
	}
	if (g.hiddenBottom > 0) {
		// A roll-up stand hides its foot: hatch it so nobody puts text there.
		const top = h - g.hiddenBottom;
		group.add(
			new Konva.Shape({
				listening: false,
				sceneFunc(ctx, shape) {
					const scale = shape.getAbsoluteScale().x || 1;
					const step = 12 / scale;
					ctx.save();
					ctx.beginPath();
					ctx.rect(0, top, w, g.hiddenBottom);
					ctx.clip();
					ctx.fillStyle = 'rgba(239,68,68,0.06)';
					ctx.fillRect(0, top, w, g.hiddenBottom);
					ctx.strokeStyle = 'rgba(239,68,68,0.35)';
					ctx.lineWidth = 1 / scale;
					ctx.beginPath();
					for (let x = -g.hiddenBottom; x < w; x += step) {
						ctx.moveTo(x, h);
						ctx.lineTo(x + g.hiddenBottom, top);
					}
					ctx.stroke();
					ctx.restore();
				}
			})
		);
	}
}

export function drawSnapGuides(group: Konva.Group, guides: readonly Guide[]): void {
	group.destroyChildren();
	for (const gd of guides) {
		const pts =
			gd.orientation === 'vertical'
				? [gd.position, gd.start, gd.position, gd.end]
				: [gd.start, gd.position, gd.end, gd.position];
		group.add(
			new Konva.Line({
				points: pts,
				stroke: GUIDE_COLORS[gd.kind],
				strokeWidth: 1,
				strokeScaleEnabled: false,
				dash: gd.kind.endsWith('centre') ? [4, 3] : undefined,
				listening: false
			})
		);
	}
}

/** Outlines of layers (page coordinates, with rotation): hover and each member of a selection. */
export function drawOutlines(
	group: Konva.Group,
	boxes: readonly {
		x: number;
		y: number;
		width: number;
		height: number;
		rotation: number;
		kind: 'hover' | 'selected' | 'locked';
	}[]
): void {
	group.destroyChildren();
	for (const b of boxes) {
		group.add(
			new Konva.Rect({
				x: b.x,
				y: b.y,
				width: b.width,
				height: b.height,
				rotation: b.rotation,
				stroke: b.kind === 'locked' ? '#9CA3AF' : ACCENT,
				strokeWidth: b.kind === 'hover' ? 1.5 : 1,
				dash: b.kind === 'locked' ? [3, 3] : undefined,
				strokeScaleEnabled: false,
				listening: false,
				opacity: b.kind === 'hover' ? 0.9 : 0.7
			})
		);
	}
}

export function marqueeRect(): Konva.Rect {
	return new Konva.Rect({
		fill: 'rgba(37,99,235,0.08)',
		stroke: ACCENT,
		strokeWidth: 1,
		strokeScaleEnabled: false,
		visible: false,
		listening: false
	});
}

export const boxesIntersect = (a: Box, b: Box) =>
	a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
