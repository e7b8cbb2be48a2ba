// "Resize to another format": a NEW document on another preset. Documents made from a template are
// laid out again by the template's own rules (instantiate, done by the caller on the server); this
// module carries the user's work across (images, edited text and styles, visibility, layers the user
// moved or added, deletions). Documents without a template scale proportionally.
import { mmToPt, type Box, type Point } from '../geometry';
import { changePageSize, pageBounds } from '../document/operations';
import type { Layer, PosterDocument } from '../document/schema';
import { setRunsText, runsText } from './text-edit';

export interface PresetLike {
	id: string;
	/** Trim size in pt. */
	width: number;
	height: number;
	bleedMm: number;
	safeMm: number;
	hiddenBottomMm?: number;
	dpi: number;
}

/**
 * Template layers keep their ids across formats. `fresh` is the template laid out on the new format,
 * `original` the same template on the old format (what the user started from; without it every
 * template layer counts as untouched). Template layers follow the new layout and keep what the user
 * changed in them (text, pictures, colours, fonts, visibility); layers the user moved, rotated,
 * resized or added keep their place relative to the page, never on top of a text block; template
 * layers the user deleted stay deleted.
 */
export function carryUserWork(
	old: PosterDocument,
	fresh: PosterDocument,
	original?: PosterDocument
): PosterDocument {
	const freshById = new Map(fresh.layers.map((l) => [l.id, l]));
	const origById = new Map((original?.layers ?? []).map((l) => [l.id, l]));
	const oldIds = new Set(old.layers.map((l) => l.id));
	const placed = new Set<string>();
	const out: Layer[] = [];
	for (const before of old.layers) {
		const next = freshById.get(before.id);
		const orig = origById.get(before.id);
		if (next && next.type === before.type && !(orig && moved(orig, before))) {
			out.push(carryContent(before, next));
			continue;
		}
		// A template layer this format does not have: gone with the old format.
		if (!next && orig) continue;
		out.push(relativePlace(before, old, fresh));
		placed.add(before.id);
	}
	// Template layers of this format only (and not deleted by the user): at their template depth.
	fresh.layers.forEach((l, i) => {
		if (oldIds.has(l.id) || (original && origById.has(l.id))) return;
		const below = fresh.layers
			.slice(0, i)
			.map((b) => out.findIndex((o) => o.id === b.id))
			.filter((k) => k >= 0);
		out.splice(below.length ? Math.max(...below) + 1 : 0, 0, l);
	});
	const layers = keepOffText(out, placed, fresh.page);
	return { ...fresh, title: old.title, layers };
}

const GEOMETRY = ['x', 'y', 'width', 'height', 'rotation'] as const;
/** Whether the user moved, resized or rotated a template layer (beyond rounding). */
const moved = (orig: Layer, now: Layer) =>
	GEOMETRY.some((k) => Math.abs((orig[k] ?? 0) - (now[k] ?? 0)) > 0.01);

/** The user's changes to a layer's content and style, on the template's new box. */
function carryContent(before: Layer, l: Layer): Layer {
	const common = {
		hidden: before.hidden,
		locked: before.locked,
		opacity: before.opacity,
		name: before.name,
		...(before.named ? { named: true } : {})
	};
	if (l.type === 'image' && before.type === 'image') {
		return {
			...l,
			...common,
			assetId: before.assetId ?? l.assetId,
			generation: before.generation,
			filters: before.filters,
			flipX: before.flipX,
			flipY: before.flipY,
			fit: before.fit
		};
	}
	if (l.type === 'text' && before.type === 'text') {
		const text = runsText(before.runs);
		const runs = text === runsText(l.runs) ? l.runs : setRunsText(l.runs, text);
		const style = (i: number) => before.runs[Math.min(i, before.runs.length - 1)];
		return {
			...l,
			...common,
			runs: runs.map((r, i) => ({
				...r,
				family: style(i).family,
				weight: style(i).weight,
				italic: style(i).italic,
				color: style(i).color
			})),
			align: before.align,
			vertical: before.vertical,
			stroke: before.stroke && l.stroke ? { ...l.stroke, color: before.stroke.color } : l.stroke,
			letterSpacing: before.letterSpacing
		};
	}
	if (l.type === 'shape' && before.type === 'shape')
		return { ...l, ...common, fill: before.fill, stroke: before.stroke };
	if (l.type === 'group' && before.type === 'group') {
		const kids = new Map(before.children.map((c) => [c.id, c]));
		const children = l.children.flatMap((c) => {
			const b = kids.get(c.id);
			return b ? [b.type === c.type ? carryContent(b, c) : c] : [];
		});
		return { ...l, ...common, children: children.length ? children : l.children };
	}
	return l;
}

/** The layer with its centre at the same fraction of the new page, scaled by the smaller ratio. */
function relativePlace(layer: Layer, old: PosterDocument, fresh: PosterDocument): Layer {
	const scaled = changePageSize(
		{ ...old, layers: [layer] },
		{ width: fresh.page.width, height: fresh.page.height, mode: 'proportional' }
	);
	return scaled.layers[0];
}

/** Visible text with something to read: the blocks nothing the user placed may cover. */
const isTextBlock = (l: Layer) => !l.hidden && l.type === 'text' && runsText(l.runs).trim().length > 0;

const boundsOf = (l: Layer) => pageBounds({ layer: l, parent: null, index: 0, ancestors: [] });

/**
 * Move each layer in `placed` off the text blocks below it to the nearest free spot on the page;
 * a layer too big to fit anywhere goes beneath those text blocks instead.
 */
function keepOffText(layers: Layer[], placed: ReadonlySet<string>, page: { width: number; height: number }) {
	const out = [...layers];
	for (const id of placed) {
		const i = out.findIndex((l) => l.id === id);
		const layer = out[i];
		if (layer.hidden) continue;
		const blocks = out
			.slice(0, i)
			.filter((l) => l.id !== id && isTextBlock(l))
			.map(boundsOf);
		const b = boundsOf(layer);
		if (!blocks.some((t) => overlaps(b, t))) continue;
		const spot = freeSpot(b, blocks, page);
		if (spot) {
			out[i] = { ...layer, x: layer.x + spot.x - b.x, y: layer.y + spot.y - b.y };
			continue;
		}
		const lowest = out.findIndex((l) => isTextBlock(l) && overlaps(b, boundsOf(l)));
		out.splice(i, 1);
		out.splice(lowest, 0, layer);
	}
	return out;
}

const GAP = 2;
const overlaps = (a: Box, b: Box) =>
	a.x < b.x + b.width + GAP &&
	b.x < a.x + a.width + GAP &&
	a.y < b.y + b.height + GAP &&
	b.y < a.y + a.height + GAP;

/** The nearest top-left (to `b`'s) where a box of b's size lies on the page and off every block. */
function freeSpot(b: Box, blocks: readonly Box[], page: { width: number; height: number }): Point | null {
	const maxX = Math.max(0, page.width - b.width);
	const maxY = Math.max(0, page.height - b.height);
	if (b.width > page.width || b.height > page.height) return null;
	const step = Math.max(2, Math.min(page.width, page.height) / 60);
	const clampX = (x: number) => Math.min(maxX, Math.max(0, x));
	const clampY = (y: number) => Math.min(maxY, Math.max(0, y));
	let best: { p: Point; d: number } | null = null;
	const rings = Math.ceil(Math.max(page.width, page.height) / step);
	for (let r = 1; r <= rings && !best; r++) {
		for (let i = -r; i <= r; i++) {
			for (const [u, v] of [
				[i, -r],
				[i, r],
				[-r, i],
				[r, i]
			]) {
				const p = { x: clampX(b.x + u * step), y: clampY(b.y + v * step) };
				const box = { ...b, ...p };
				if (blocks.some((t) => overlaps(box, t))) continue;
				const d = Math.hypot(p.x - b.x, p.y - b.y);
				if (!best || d < best.d) best = { p, d };
			}
		}
	}
	return best?.p ?? null;
}

/** No template: the same composition scaled proportionally onto the new page, as a new document. */
export function resizeProportionally(
	doc: PosterDocument,
	preset: PresetLike,
	id: string,
	now: string
): PosterDocument {
	const resized = changePageSize(doc, {
		width: preset.width,
		height: preset.height,
		preset: preset.id,
		mode: 'proportional'
	});
	return {
		...resized,
		id,
		createdAt: now,
		updatedAt: now,
		page: {
			...resized.page,
			bleedMm: preset.bleedMm,
			safeMm: preset.safeMm,
			hiddenBottomMm: preset.hiddenBottomMm ?? 0,
			dpi: preset.dpi
		}
	};
}

/** Trim size of a preset in pt (print presets are in mm, screen presets in px = pt). */
export const presetPt = (p: { unit: 'mm' | 'px'; width: number; height: number }) =>
	p.unit === 'mm'
		? { width: mmToPt(p.width), height: mmToPt(p.height) }
		: { width: p.width, height: p.height };
