// Arranging layers on the page: align, distribute, and changing the page size (scaling or
// re-anchoring the content). All in page coordinates, through the layers' real (rotated) bounds.
import { mmToPt, type Box } from '../geometry';
import type { Layer, Page, PosterDocument } from './schema';
import {
	fitGroups,
	mapLayers,
	pageBounds,
	pageDeltaToParent,
	requireIds,
	topLevelLocations,
	withLayers,
	type LayerLocation
} from './tree';

export type AlignEdge = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type AlignTarget = 'selection' | 'page' | 'safe';

/** The trim box (0,0)-(width,height). */
export const pageBox = (page: Page): Box => ({ x: 0, y: 0, width: page.width, height: page.height });

/** The area where important content belongs: inside the safe margin and above a roll-up's hidden foot. */
export function safeBox(page: Page): Box {
	const m = mmToPt(page.safeMm);
	const foot = mmToPt(page.hiddenBottomMm);
	return {
		x: m,
		y: m,
		width: Math.max(0, page.width - 2 * m),
		height: Math.max(0, page.height - 2 * m - foot)
	};
}

/** Move each location by its own page-space delta; parents' rotations are accounted for. */
function shiftOnPage(
	doc: PosterDocument,
	shifts: { loc: LayerLocation; dx: number; dy: number }[]
): PosterDocument {
	const deltas = new Map(
		shifts.map(({ loc, dx, dy }) => [loc.layer.id, pageDeltaToParent(loc.ancestors, dx, dy)])
	);
	const EPS = 1e-9;
	const layers = mapLayers(doc.layers, (layer) => {
		const d = deltas.get(layer.id);
		return d && (Math.abs(d.x) > EPS || Math.abs(d.y) > EPS)
			? { ...layer, x: layer.x + d.x, y: layer.y + d.y }
			: layer;
	});
	return fitGroups(withLayers(doc, layers));
}

export function alignLayers(
	doc: PosterDocument,
	ids: readonly string[],
	edge: AlignEdge,
	to: AlignTarget = 'selection'
): PosterDocument {
	requireIds(doc, ids);
	const locations = topLevelLocations(doc, ids);
	const bounds = locations.map(pageBounds);
	let ref: Box;
	if (to === 'page') ref = pageBox(doc.page);
	else if (to === 'safe') ref = safeBox(doc.page);
	else {
		if (locations.length < 2) return doc;
		const x = Math.min(...bounds.map((b) => b.x));
		const y = Math.min(...bounds.map((b) => b.y));
		ref = {
			x,
			y,
			width: Math.max(...bounds.map((b) => b.x + b.width)) - x,
			height: Math.max(...bounds.map((b) => b.y + b.height)) - y
		};
	}
	const shifts = locations.map((loc, i) => {
		const b = bounds[i];
		const horizontal = edge === 'left' || edge === 'center' || edge === 'right';
		const target =
			edge === 'left'
				? ref.x
				: edge === 'right'
					? ref.x + ref.width - b.width
					: edge === 'center'
						? ref.x + (ref.width - b.width) / 2
						: edge === 'top'
							? ref.y
							: edge === 'bottom'
								? ref.y + ref.height - b.height
								: ref.y + (ref.height - b.height) / 2;
		return horizontal ? { loc, dx: target - b.x, dy: 0 } : { loc, dx: 0, dy: target - b.y };
	});
	return shiftOnPage(doc, shifts);
}

/**
 * Equal gaps between three or more layers along an axis; the outermost two stay where they are.
 * Order follows the layers' current positions.
 */
export function distributeLayers(
	doc: PosterDocument,
	ids: readonly string[],
	axis: 'horizontal' | 'vertical'
): PosterDocument {
	requireIds(doc, ids);
	const locations = topLevelLocations(doc, ids);
	if (locations.length < 3) return doc;
	const start = axis === 'horizontal' ? 'x' : 'y';
	const size = axis === 'horizontal' ? 'width' : 'height';
	const items = locations.map((loc) => ({ loc, b: pageBounds(loc) })).sort((p, q) => p.b[start] - q.b[start]);
	const first = items[0].b;
	const last = items[items.length - 1].b;
	const span = last[start] + last[size] - first[start];
	const gap = (span - items.reduce((sum, it) => sum + it.b[size], 0)) / (items.length - 1);
	let cursor = first[start];
	const shifts = items.map(({ loc, b }) => {
		const delta = cursor - b[start];
		cursor += b[size] + gap;
		return axis === 'horizontal' ? { loc, dx: delta, dy: 0 } : { loc, dx: 0, dy: delta };
	});
	return shiftOnPage(doc, shifts);
}

/**
 * Scale a layer's geometry and everything drawn at a size (font sizes, strokes, shadows, radii) by s.
 * Position scales about the parent's origin unless `position` is false.
 */
export function scaleLayer(layer: Layer, s: number, position = true): Layer {
	const base = {
		x: position ? layer.x * s : layer.x,
		y: position ? layer.y * s : layer.y,
		width: layer.width * s,
		height: layer.height * s
	};
	const stroke = <T extends { width: number; dash?: number[] } | null>(st: T): T =>
		st && ({ ...st, width: st.width * s, ...(st.dash ? { dash: st.dash.map((d) => d * s) } : {}) } as T);
	switch (layer.type) {
		case 'text':
			return {
				...layer,
				...base,
				runs: layer.runs.map((r) => ({ ...r, size: r.size * s })),
				stroke: stroke(layer.stroke),
				shadow: layer.shadow && {
					...layer.shadow,
					blur: layer.shadow.blur * s,
					offsetX: layer.shadow.offsetX * s,
					offsetY: layer.shadow.offsetY * s
				},
				fit: { ...layer.fit, minSize: layer.fit.minSize * s, maxSize: layer.fit.maxSize * s }
			};
		case 'image':
			return {
				...layer,
				...base,
				cornerRadius: layer.cornerRadius * s,
				filters: { ...layer.filters, blur: Math.min(100, layer.filters.blur * s) }
			};
		case 'shape':
			return {
				...layer,
				...base,
				stroke: stroke(layer.stroke),
				cornerRadius: layer.cornerRadius * s,
				// Path data without a viewBox is in the old box's units: name that box so it scales.
				viewBox:
					layer.shape === 'path' && !layer.viewBox
						? { width: layer.width || 1, height: layer.height || 1 }
						: layer.viewBox
			};
		case 'group':
			return { ...layer, ...base, children: layer.children.map((c) => scaleLayer(c, s)) };
	}
}

export type Anchor =
	'top-left' | 'top' | 'top-right' | 'left' | 'center' | 'right' | 'bottom-left' | 'bottom' | 'bottom-right';
export interface PageSizeChange {
	width: number;
	height: number;
	preset?: string;
	/**
	 * scale: the whole composition scales uniformly to fit and is centred;
	 * proportional: each layer's centre keeps its relative place, sizes scale uniformly (min ratio);
	 * anchor: nothing scales, content keeps its offset from the anchor.
	 */
	mode: 'scale' | 'proportional' | 'anchor';
	anchor?: Anchor;
}

/** Whether a layer covers the whole page (a background): those are stretched to cover the new page. */
const coversPage = (layer: Layer, page: Page) =>
	!layer.rotation &&
	layer.type !== 'text' &&
	layer.x <= 0.5 &&
	layer.y <= 0.5 &&
	layer.x + layer.width >= page.width - 0.5 &&
	layer.y + layer.height >= page.height - 0.5;

export function changePageSize(doc: PosterDocument, change: PageSizeChange): PosterDocument {
	const { width: W, height: H } = change;
	if (!(W > 0 && H > 0)) throw new Error('page width and height must be positive');
	const { width: w, height: h } = doc.page;
	const sx = W / w;
	const sy = H / h;
	const s = Math.min(sx, sy);
	const [fx, fy] = anchorFractions(change.anchor ?? 'center');
	const layers = doc.layers.map((layer): Layer => {
		if (coversPage(layer, doc.page)) {
			// Keep the overhang (bleed) on every side and cover the new page.
			const covered = change.mode === 'anchor' ? layer : scaleLayer(layer, s, false);
			return {
				...covered,
				x: layer.x,
				y: layer.y,
				width: W + (layer.width - w),
				height: H + (layer.height - h)
			} as Layer;
		}
		if (change.mode === 'anchor') return { ...layer, x: layer.x + fx * (W - w), y: layer.y + fy * (H - h) };
		if (change.mode === 'scale') {
			const scaled = scaleLayer(layer, s);
			return { ...scaled, x: scaled.x + (W - w * s) / 2, y: scaled.y + (H - h * s) / 2 };
		}
		const scaled = scaleLayer(layer, s, false);
		const cx = (layer.x + layer.width / 2) * sx;
		const cy = (layer.y + layer.height / 2) * sy;
		return { ...scaled, x: cx - scaled.width / 2, y: cy - scaled.height / 2 };
	});
	const page = { ...doc.page, width: W, height: H, preset: change.preset ?? 'custom' };
	return { ...withLayers(doc, layers), page };
}

function anchorFractions(anchor: Anchor): [number, number] {
	const fx = anchor.endsWith('left') ? 0 : anchor.endsWith('right') ? 1 : 0.5;
	const fy = anchor.startsWith('top') ? 0 : anchor.startsWith('bottom') ? 1 : 0.5;
	return [fx, fy];
}
