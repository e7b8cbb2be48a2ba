// Pure editing operations: each takes a document and returns a new one (or the same object when
// nothing changed), sharing every untouched layer. Unknown ids throw: a stale selection is a bug
// worth seeing. Locking is an editor concern; these functions move whatever they are asked to.
// Group boxes are derived from their children and refitted after geometric changes.
import { apply, boxMatrix } from '../geometry';
import { newId } from './ids';
import type { GroupLayer, ImageLayer, Layer, PosterDocument, ShapeLayer, TextLayer } from './schema';
import {
	allLayerIds,
	childrenBounds,
	findLayer,
	fitGroups,
	mapContainers,
	mapLayers,
	pageDeltaToParent,
	requireIds,
	topLevelLocations,
	withLayers,
	type Layers
} from './tree';

export * from './tree';
export * from './arrange';

export interface LayerTypes {
	text: TextLayer;
	image: ImageLayer;
	shape: ShapeLayer;
	group: GroupLayer;
}
/** Fields a caller may change: `updateLayer<TextLayer>(doc, id, { align: 'center' })`. */
export type LayerPatch<L extends Layer = Layer> = Partial<Omit<L, 'id' | 'type' | 'children'>>;

const GEOMETRY_KEYS = ['x', 'y', 'width', 'height', 'rotation'];

export interface AddOptions {
	/** The group to add into (its coordinates); the page when absent. */
	parentId?: string | null;
	/** Index in the container, bottom = 0; on top when absent. */
	index?: number;
}

export function addLayer(doc: PosterDocument, layer: Layer, options: AddOptions = {}): PosterDocument {
	const existing = allLayerIds(doc);
	for (const { layer: l } of [{ layer }, ...walkNew(layer)]) {
		if (existing.has(l.id)) throw new Error(`a layer with id "${l.id}" already exists`);
	}
	const parentId = options.parentId ?? null;
	if (parentId !== null) {
		const parent = findLayer(doc, parentId);
		if (!parent || parent.layer.type !== 'group') throw new Error(`no group with id "${parentId}"`);
	}
	const layers = mapContainers(doc.layers, (children, id) => {
		if (id !== parentId) return children;
		const at = clampIndex(options.index ?? children.length, children.length);
		return [...children.slice(0, at), layer, ...children.slice(at)];
	});
	const next = withLayers(doc, layers);
	return parentId === null ? next : fitGroups(next);
}

const walkNew = (layer: Layer): { layer: Layer }[] =>
	layer.type === 'group' ? layer.children.flatMap((c) => [{ layer: c }, ...walkNew(c)]) : [];
const clampIndex = (i: number, length: number) => Math.max(0, Math.min(length, Math.round(i)));

/** Change fields of one layer. Values equal to the current ones leave the document untouched. */
export function updateLayer<L extends Layer = Layer>(
	doc: PosterDocument,
	id: string,
	patch: LayerPatch<L>
): PosterDocument {
	return updateLayers<L>(doc, [id], patch);
}

export function updateLayers<L extends Layer = Layer>(
	doc: PosterDocument,
	ids: readonly string[],
	patch: LayerPatch<L>
): PosterDocument {
	for (const key of ['id', 'type', 'children']) {
		if (key in patch) throw new Error(`updateLayer cannot change "${key}"`);
	}
	requireIds(doc, ids);
	const wanted = new Set(ids);
	const entries = Object.entries(patch);
	const layers = mapLayers(doc.layers, (layer) => {
		if (!wanted.has(layer.id)) return layer;
		const record = layer as unknown as Record<string, unknown>;
		if (entries.every(([k, v]) => record[k] === v)) return layer;
		return { ...layer, ...patch } as Layer;
	});
	const next = withLayers(doc, layers);
	return next !== doc && entries.some(([k]) => GEOMETRY_KEYS.includes(k)) ? fitGroups(next) : next;
}

/** Move layers by (dx, dy) on the page, whatever groups (rotated or not) they sit in. */
export function moveLayers(
	doc: PosterDocument,
	ids: readonly string[],
	dx: number,
	dy: number
): PosterDocument {
	requireIds(doc, ids);
	if (dx === 0 && dy === 0) return doc;
	const deltas = new Map(
		topLevelLocations(doc, ids).map((loc) => [loc.layer.id, pageDeltaToParent(loc.ancestors, dx, dy)])
	);
	return fitGroups(moveById(doc, deltas));
}

/** Move each layer by its own delta, given in its parent's coordinates. */
export function moveById(
	doc: PosterDocument,
	deltas: ReadonlyMap<string, { x: number; y: number }>
): PosterDocument {
	const layers = mapLayers(doc.layers, (layer) => {
		const d = deltas.get(layer.id);
		return d && (d.x || d.y) ? { ...layer, x: layer.x + d.x, y: layer.y + d.y } : layer;
	});
	return withLayers(doc, layers);
}

export type ReorderTarget = 'front' | 'back' | 'forward' | 'backward' | number;

/**
 * Change stacking order within each layer's own container. `forward`/`backward` move each selected
 * block one step past its unselected neighbour; a number is the new index of the first selected
 * layer counted among the others (0 = bottom).
 */
export function reorderLayers(
	doc: PosterDocument,
	ids: readonly string[],
	to: ReorderTarget
): PosterDocument {
	requireIds(doc, ids);
	const wanted = new Set(ids);
	const layers = mapContainers(doc.layers, (children) => {
		if (!children.some((c) => wanted.has(c.id))) return children;
		const picked = children.filter((c) => wanted.has(c.id));
		const rest = children.filter((c) => !wanted.has(c.id));
		let out: Layer[];
		if (to === 'front') out = [...rest, ...picked];
		else if (to === 'back') out = [...picked, ...rest];
		else if (typeof to === 'number') {
			const at = clampIndex(to, rest.length);
			out = [...rest.slice(0, at), ...picked, ...rest.slice(at)];
		} else {
			out = [...children];
			const step = (i: number) => {
				[out[i], out[i + 1]] = [out[i + 1], out[i]];
			};
			if (to === 'forward') {
				for (let i = out.length - 2; i >= 0; i--)
					if (wanted.has(out[i].id) && !wanted.has(out[i + 1].id)) step(i);
			} else {
				for (let i = 0; i < out.length - 1; i++)
					if (!wanted.has(out[i].id) && wanted.has(out[i + 1].id)) step(i);
			}
		}
		return out.every((l, i) => l === children[i]) ? children : out;
	});
	return withLayers(doc, layers);
}

/** Delete layers (and what they contain); groups left empty by the deletion go too. */
export function deleteLayers(doc: PosterDocument, ids: readonly string[]): PosterDocument {
	requireIds(doc, ids);
	const wanted = new Set(ids);
	const layers = mapContainers(doc.layers, (children) => {
		const kept = children.filter(
			(c) => !wanted.has(c.id) && !(c.type === 'group' && c.children.length === 0 && !isEmptyIn(doc, c.id))
		);
		return kept.length === children.length ? children : kept;
	});
	return fitGroups(withLayers(doc, layers));
}
/** Whether a group was already empty before this operation (such groups are left alone). */
const isEmptyIn = (doc: PosterDocument, id: string) => {
	const found = findLayer(doc, id);
	return !!found && found.layer.type === 'group' && found.layer.children.length === 0;
};

/** A deep copy of a layer with fresh ids for it and everything inside it. */
export function cloneLayer(layer: Layer, makeId: () => string = newId): Layer {
	if (layer.type === 'group')
		return { ...layer, id: makeId(), children: layer.children.map((c) => cloneLayer(c, makeId)) };
	return { ...layer, id: makeId() };
}

/** Copies placed just above their originals, offset on the page; returns the copies' ids. */
export function duplicateLayers(
	doc: PosterDocument,
	ids: readonly string[],
	offset: { x: number; y: number } = { x: 10, y: 10 }
): { document: PosterDocument; ids: string[] } {
	requireIds(doc, ids);
	const copies = new Map<string, Layer>();
	for (const loc of topLevelLocations(doc, ids)) {
		const d = pageDeltaToParent(loc.ancestors, offset.x, offset.y);
		const copy = cloneLayer(loc.layer);
		copies.set(loc.layer.id, { ...copy, x: copy.x + d.x, y: copy.y + d.y });
	}
	const layers = mapContainers(doc.layers, (children) =>
		children.some((c) => copies.has(c.id))
			? children.flatMap((c) => (copies.has(c.id) ? [c, copies.get(c.id)!] : [c]))
			: children
	);
	return { document: fitGroups(withLayers(doc, layers)), ids: [...copies.values()].map((c) => c.id) };
}

/**
 * Put layers that share a container into a new group at the place of the topmost one. Nothing moves
 * on the page: children are re-expressed relative to the group's box (their union).
 */
export function groupLayers(
	doc: PosterDocument,
	ids: readonly string[],
	options: { id?: string; name?: string } = {}
): { document: PosterDocument; groupId: string } {
	requireIds(doc, ids);
	const locations = topLevelLocations(doc, ids);
	if (locations.length === 0) throw new Error('nothing to group');
	const parentId = locations[0].parent?.id ?? null;
	if (locations.some((l) => (l.parent?.id ?? null) !== parentId))
		throw new Error('layers to group must be in the same group or all on the page');
	const members = locations.map((l) => l.layer);
	const bounds = childrenBounds(members)!;
	const groupId = options.id ?? newId();
	const group: GroupLayer = {
		id: groupId,
		name: options.name ?? 'Group',
		type: 'group',
		x: bounds.x,
		y: bounds.y,
		width: bounds.width,
		height: bounds.height,
		rotation: 0,
		opacity: 1,
		locked: false,
		hidden: false,
		children: members.map((m) => ({ ...m, x: m.x - bounds.x, y: m.y - bounds.y }))
	};
	const memberIds = new Set(members.map((m) => m.id));
	const layers = mapContainers(doc.layers, (children, id) => {
		if (id !== parentId) return children;
		const top = Math.max(...children.map((c, i) => (memberIds.has(c.id) ? i : -1)));
		return children.flatMap((c, i) => (i === top ? [group] : memberIds.has(c.id) ? [] : [c]));
	});
	return { document: fitGroups(withLayers(doc, layers)), groupId };
}

const normalizeAngle = (deg: number) => {
	const a = ((deg % 360) + 360) % 360;
	return a > 180 ? a - 360 : a;
};

/** Replace groups by their children, in place, keeping every child where it is on the page. */
export function ungroupLayers(
	doc: PosterDocument,
	groupIds: readonly string[]
): { document: PosterDocument; ids: string[] } {
	requireIds(doc, groupIds);
	const wanted = new Set(groupIds);
	const released: string[] = [];
	const layers = mapContainers(doc.layers, (children) => {
		if (!children.some((c) => wanted.has(c.id) && c.type === 'group')) return children;
		return children.flatMap((c) => {
			if (!wanted.has(c.id) || c.type !== 'group') return [c];
			const m = boxMatrix(c);
			return c.children.map((child) => {
				released.push(child.id);
				// Rotation about the centre composes, so carrying the centre across is enough.
				const centre = apply(m, { x: child.x + child.width / 2, y: child.y + child.height / 2 });
				return {
					...child,
					x: centre.x - child.width / 2,
					y: centre.y - child.height / 2,
					rotation: c.rotation ? normalizeAngle(child.rotation + c.rotation) : child.rotation,
					opacity: child.opacity * c.opacity,
					hidden: child.hidden || c.hidden,
					locked: child.locked || c.locked
				};
			});
		});
	});
	return { document: fitGroups(withLayers(doc, layers as Layers)), ids: released };
}
