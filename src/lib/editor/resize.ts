// "Resize to another format": a NEW document on another preset. Documents made from a template are
// laid out again by the template's own rules (instantiate, done by the caller on the server); this
// module carries the user's work across (images, edited text, visibility, added layers). Documents
// without a template scale proportionally.
import { mmToPt } from '../geometry';
import { changePageSize } from '../document/operations';
import type { Layer, PosterDocument } from '../document/schema';
import { walkLayers } from '../document/tree';
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

/** Template layers keep their ids across formats: copy what the user changed from `old` onto `fresh`. */
export function carryUserWork(old: PosterDocument, fresh: PosterDocument): PosterDocument {
	// Template groups (a price and its sticker) hold layers as children: match ids at every depth.
	const oldById = new Map([...walkLayers(old.layers)].map(({ layer }) => [layer.id, layer]));
	const freshIds = new Set([...walkLayers(fresh.layers)].map(({ layer }) => layer.id));
	const carry = (l: Layer): Layer => {
		if (l.type === 'group') return { ...l, children: l.children.map(carry) };
		const before = oldById.get(l.id);
		if (!before || before.type !== l.type) return l;
		const common = {
			hidden: before.hidden,
			locked: before.locked,
			opacity: before.opacity,
			name: before.name
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
			return {
				...l,
				...common,
				runs: runs.map((r, i) => ({
					...r,
					family: before.runs[Math.min(i, before.runs.length - 1)].family,
					color: before.runs[Math.min(i, before.runs.length - 1)].color
				}))
			};
		}
		if (l.type === 'shape' && before.type === 'shape')
			return { ...l, ...common, fill: before.fill, stroke: before.stroke };
		return l;
	};
	const layers: Layer[] = fresh.layers.map(carry);
	// Layers the user added (not from the template): placed proportionally on the new page.
	const added = old.layers.filter((l) => !freshIds.has(l.id));
	if (added.length) {
		const scaled = changePageSize(
			{ ...old, layers: added },
			{ width: fresh.page.width, height: fresh.page.height, mode: 'proportional' }
		);
		layers.push(...scaled.layers);
	}
	return { ...fresh, title: old.title, layers };
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
