// UI intents → document operations. Pure: each takes the document and the selection and returns
// the next ones; the editor state records the result in the history (one step per gesture).
// Locked layers are selectable but never moved, resized or deleted from here.
import { mmToPt } from '../geometry';
import { newId } from '../document/ids';
import {
	addLayer,
	alignLayers,
	deleteLayers,
	distributeLayers,
	duplicateLayers,
	findLayer,
	groupLayers,
	moveLayers,
	reorderLayers,
	topLevelLocations,
	ungroupLayers,
	updateLayers,
	type AlignEdge,
	type LayerPatch,
	type ReorderTarget
} from '../document/operations';
import type { ImageLayer, Layer, PosterDocument, ShapeLayer, TextLayer } from '../document/schema';

export interface EditResult {
	doc: PosterDocument;
	selection: string[];
}

const same = (doc: PosterDocument, selection: readonly string[]): EditResult => ({
	doc,
	selection: [...selection]
});

/** Selected ids that still exist (after undo, or another tab's version). */
export function validSelection(doc: PosterDocument, selection: readonly string[]): string[] {
	return selection.filter((id) => findLayer(doc, id) !== null);
}

/** The selected layers that may be changed (not locked, not inside a locked group). */
export function editableIds(doc: PosterDocument, selection: readonly string[]): string[] {
	return topLevelLocations(doc, validSelection(doc, selection))
		.filter((loc) => !loc.layer.locked && !loc.ancestors.some((a) => a.locked))
		.map((loc) => loc.layer.id);
}

export function nudge(doc: PosterDocument, selection: readonly string[], dx: number, dy: number): EditResult {
	const ids = editableIds(doc, selection);
	return ids.length ? { doc: moveLayers(doc, ids, dx, dy), selection: [...selection] } : same(doc, selection);
}

export function removeSelection(doc: PosterDocument, selection: readonly string[]): EditResult {
	const ids = editableIds(doc, selection);
	if (!ids.length) return same(doc, selection);
	return { doc: deleteLayers(doc, ids), selection: selection.filter((id) => !ids.includes(id)) };
}

export function duplicateSelection(doc: PosterDocument, selection: readonly string[]): EditResult {
	const ids = validSelection(doc, selection);
	if (!ids.length) return same(doc, selection);
	const r = duplicateLayers(doc, ids, { x: 12, y: 12 });
	return { doc: r.document, selection: r.ids };
}

export function align(doc: PosterDocument, selection: readonly string[], edge: AlignEdge): EditResult {
	const ids = editableIds(doc, selection);
	if (!ids.length) return same(doc, selection);
	// One layer aligns to the page (as in Canva); several align to their common bounds.
	return {
		doc: alignLayers(doc, ids, edge, ids.length === 1 ? 'page' : 'selection'),
		selection: [...selection]
	};
}

export function distribute(
	doc: PosterDocument,
	selection: readonly string[],
	axis: 'horizontal' | 'vertical'
): EditResult {
	const ids = editableIds(doc, selection);
	return ids.length >= 3
		? { doc: distributeLayers(doc, ids, axis), selection: [...selection] }
		: same(doc, selection);
}

export function reorder(doc: PosterDocument, selection: readonly string[], to: ReorderTarget): EditResult {
	const ids = validSelection(doc, selection);
	return ids.length ? { doc: reorderLayers(doc, ids, to), selection: [...selection] } : same(doc, selection);
}

export function group(doc: PosterDocument, selection: readonly string[], name: string): EditResult {
	const locations = topLevelLocations(doc, validSelection(doc, selection));
	if (locations.length < 2) return same(doc, selection);
	const parent = locations[0].parent?.id ?? null;
	if (locations.some((l) => (l.parent?.id ?? null) !== parent)) return same(doc, selection);
	const r = groupLayers(
		doc,
		locations.map((l) => l.layer.id),
		{ name }
	);
	return { doc: r.document, selection: [r.groupId] };
}

export function ungroup(doc: PosterDocument, selection: readonly string[]): EditResult {
	const groups = validSelection(doc, selection).filter((id) => findLayer(doc, id)?.layer.type === 'group');
	if (!groups.length) return same(doc, selection);
	const r = ungroupLayers(doc, groups);
	return { doc: r.document, selection: r.ids };
}

/** Toggle a flag on the selection: all on when any is off, else all off. */
export function toggleFlag(
	doc: PosterDocument,
	selection: readonly string[],
	flag: 'locked' | 'hidden'
): EditResult {
	const ids = validSelection(doc, selection);
	if (!ids.length) return same(doc, selection);
	const anyOff = ids.some((id) => !findLayer(doc, id)!.layer[flag]);
	return { doc: updateLayers(doc, ids, { [flag]: anyOff } as LayerPatch), selection: [...selection] };
}

export function patchLayers<L extends Layer>(
	doc: PosterDocument,
	ids: readonly string[],
	patch: LayerPatch<L>
): PosterDocument {
	const valid = validSelection(doc, ids);
	return valid.length ? updateLayers<L>(doc, valid, patch) : doc;
}

/** Insert a new layer on top and select it. */
export function insertLayer(doc: PosterDocument, layer: Layer): EditResult {
	return { doc: addLayer(doc, layer), selection: [layer.id] };
}

export function insertLayers(doc: PosterDocument, layers: readonly Layer[]): EditResult {
	let next = doc;
	for (const l of layers) next = addLayer(next, l);
	return { doc: next, selection: layers.map((l) => l.id) };
}

const base = (name: string, x: number, y: number, width: number, height: number) => ({
	id: newId(),
	name,
	x,
	y,
	width,
	height,
	rotation: 0,
	opacity: 1,
	locked: false,
	hidden: false
});

/** A new headline-style text layer centred on the page. */
export function newTextLayer(doc: PosterDocument, locale: 'zh' | 'en', family = 'Noto Sans SC'): TextLayer {
	const { width: W, height: H } = doc.page;
	const size = Math.round(Math.max(12, Math.min(W, H) * 0.07));
	const width = W * 0.7;
	const height = size * 1.5;
	const text = locale === 'zh' ? '双击编辑文字' : 'Double-click to edit';
	return {
		...base(locale === 'zh' ? '文字' : 'Text', (W - width) / 2, (H - height) / 2, width, height),
		type: 'text',
		runs: [{ text, family, weight: 700, italic: false, size, color: '#17171C' }],
		align: 'center',
		verticalAlign: 'top',
		vertical: false,
		letterSpacing: 0,
		lineHeight: 1.25,
		stroke: null,
		shadow: null,
		fit: { mode: 'none', minSize: 6, maxSize: 400 },
		field: null
	};
}

export function newShapeLayer(
	doc: PosterDocument,
	shape: 'rect' | 'ellipse' | 'line',
	locale: 'zh' | 'en'
): ShapeLayer {
	const { width: W, height: H } = doc.page;
	const side = Math.min(W, H) * 0.3;
	const names = { rect: ['矩形', 'Rectangle'], ellipse: ['圆形', 'Ellipse'], line: ['线条', 'Line'] }[shape];
	const height = shape === 'line' ? 0 : side;
	return {
		...base(names[locale === 'zh' ? 0 : 1], (W - side) / 2, (H - height) / 2, side, height),
		type: 'shape',
		shape,
		path: null,
		viewBox: null,
		fill: shape === 'line' ? null : { type: 'solid', color: '#D72A1F' },
		stroke: shape === 'line' ? { color: '#17171C', width: Math.max(1, side / 60) } : null,
		cornerRadius: 0
	};
}

/** An image layer for an uploaded asset, fitted into 60% of the page, centred (or at `at`). */
export function newImageLayer(
	doc: PosterDocument,
	asset: { id: string; width: number; height: number },
	name: string,
	at?: { x: number; y: number }
): ImageLayer {
	const { width: W, height: H } = doc.page;
	const k = Math.min((W * 0.6) / asset.width, (H * 0.6) / asset.height);
	const width = asset.width * k;
	const height = asset.height * k;
	const cx = at?.x ?? W / 2;
	const cy = at?.y ?? H / 2;
	return {
		...base(name, cx - width / 2, cy - height / 2, width, height),
		type: 'image',
		assetId: asset.id,
		crop: null,
		fit: 'cover',
		filters: { brightness: 1, contrast: 1, saturation: 1, blur: 0 },
		flipX: false,
		flipY: false,
		cornerRadius: 0,
		placeholder: null,
		generation: null,
		field: null
	};
}

/** Replace an image layer's picture, keeping its box (cover-fitted) and dropping a stale crop. */
export function replaceImage(doc: PosterDocument, id: string, assetId: string): PosterDocument {
	return patchLayers<ImageLayer>(doc, [id], { assetId, crop: null });
}

/** Safe margin of the page in pt. */
export const safeInset = (doc: PosterDocument) => mmToPt(doc.page.safeMm ?? 0);

/**
 * Horizontal ↔ vertical writing: the box turns into a column (or back into a row) about its centre,
 * width and height swapped, so the same text runs down where it ran across.
 */
export function setTextVertical(
	doc: PosterDocument,
	ids: readonly string[],
	vertical: boolean
): PosterDocument {
	const targets = validSelection(doc, ids).filter((id) => {
		const l = findLayer(doc, id)?.layer;
		return l?.type === 'text' && l.vertical !== vertical;
	});
	return targets.reduce((d, id) => {
		const l = findLayer(d, id)!.layer;
		return updateLayers<TextLayer>(d, [id], {
			vertical,
			x: l.x + (l.width - l.height) / 2,
			y: l.y + (l.height - l.width) / 2,
			width: l.height,
			height: l.width
		});
	}, doc);
}
