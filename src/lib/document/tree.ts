// Walking and rebuilding the layer tree with structural sharing: untouched layers, arrays and
// documents keep their identity, so history diffs and UI updates only see what really changed.
import {
	apply,
	boxMatrix,
	IDENTITY,
	invert,
	multiply,
	transformedBounds,
	unionBoxes,
	type Box,
	type Matrix,
	type Point
} from '../geometry';
import type { GroupLayer, Layer, PosterDocument } from './schema';

export type Layers = readonly Layer[];

export interface LayerLocation {
	layer: Layer;
	/** The group holding the layer, or null for a layer directly on the page. */
	parent: GroupLayer | null;
	index: number;
	/** Outermost first. */
	ancestors: readonly GroupLayer[];
}

/** Every layer, depth first, bottom to top within each container (parents before children). */
export function* walkLayers(layers: Layers, ancestors: readonly GroupLayer[] = []): Generator<LayerLocation> {
	for (let index = 0; index < layers.length; index++) {
		const layer = layers[index];
		yield { layer, parent: ancestors.at(-1) ?? null, index, ancestors };
		if (layer.type === 'group') yield* walkLayers(layer.children, [...ancestors, layer]);
	}
}

export function findLayer(doc: PosterDocument, id: string): LayerLocation | null {
	for (const location of walkLayers(doc.layers)) if (location.layer.id === id) return location;
	return null;
}

export function getLayer(doc: PosterDocument, id: string): Layer {
	const found = findLayer(doc, id);
	if (!found) throw new Error(`no layer with id "${id}"`);
	return found.layer;
}

export const allLayerIds = (doc: PosterDocument) =>
	new Set([...walkLayers(doc.layers)].map((l) => l.layer.id));

export function requireIds(doc: PosterDocument, ids: readonly string[]) {
	const known = allLayerIds(doc);
	for (const id of ids) if (!known.has(id)) throw new Error(`no layer with id "${id}"`);
}

/** The layers of `ids` that do not sit inside another listed layer (moving both would move twice). */
export function topLevelLocations(doc: PosterDocument, ids: Iterable<string>): LayerLocation[] {
	const wanted = new Set(ids);
	const out: LayerLocation[] = [];
	for (const location of walkLayers(doc.layers)) {
		if (wanted.has(location.layer.id) && !location.ancestors.some((a) => wanted.has(a.id)))
			out.push(location);
	}
	return out;
}

/** Page ← parent coordinates for a layer with these ancestors. */
export const parentMatrix = (ancestors: readonly GroupLayer[]): Matrix =>
	ancestors.reduce<Matrix>((m, group) => multiply(m, boxMatrix(group)), IDENTITY);

/** Page ← the layer's local box. */
export const layerMatrix = (location: LayerLocation): Matrix =>
	multiply(parentMatrix(location.ancestors), boxMatrix(location.layer));

/** Axis-aligned bounds of a layer on the page, rotation and groups included. */
export const pageBounds = (location: LayerLocation): Box =>
	transformedBounds(layerMatrix(location), {
		x: 0,
		y: 0,
		width: location.layer.width,
		height: location.layer.height
	});

/** A displacement on the page expressed in the parent's coordinates (parents may be rotated). */
export function pageDeltaToParent(ancestors: readonly GroupLayer[], dx: number, dy: number): Point {
	const m = invert(parentMatrix(ancestors));
	return { x: m[0] * dx + m[2] * dy, y: m[1] * dx + m[3] * dy };
}

/** Apply `fn` to every layer (parents first); containers are rebuilt only when something changed. */
export function mapLayers(layers: Layers, fn: (layer: Layer) => Layer): Layers {
	let changed = false;
	const out = layers.map((layer) => {
		let next = fn(layer);
		if (next.type === 'group') {
			const children = mapLayers(next.children, fn);
			if (children !== next.children) next = { ...next, children };
		}
		if (next !== layer) changed = true;
		return next;
	});
	return changed ? out : layers;
}

/**
 * Apply `fn` to every container's list of children (the page's layers and each group's children),
 * innermost first; `parentId` is null for the page.
 */
export function mapContainers(
	layers: Layers,
	fn: (children: Layers, parentId: string | null) => Layers,
	parentId: string | null = null
): Layers {
	let changed = false;
	const inner = layers.map((layer) => {
		if (layer.type !== 'group') return layer;
		const children = mapContainers(layer.children, fn, layer.id);
		if (children === layer.children) return layer;
		changed = true;
		return { ...layer, children };
	});
	return fn(changed ? inner : layers, parentId);
}

export const withLayers = (doc: PosterDocument, layers: Layers): PosterDocument =>
	layers === doc.layers ? doc : { ...doc, layers: layers as Layer[] };

/** Bounds of children in their group's coordinates. */
export const childrenBounds = (children: Layers): Box | null =>
	unionBoxes(
		children.map((c) => transformedBounds(boxMatrix(c), { x: 0, y: 0, width: c.width, height: c.height }))
	);

const EPSILON = 1e-9;

/**
 * A group's box is derived from its children: after children change, make the box their union again,
 * shifting the children so that nothing moves on the page (rotated groups included).
 */
export function fitGroup(group: GroupLayer): GroupLayer {
	const bounds = childrenBounds(group.children);
	if (!bounds) return group;
	const { x: ux, y: uy, width: w2, height: h2 } = bounds;
	if (
		Math.abs(ux) < EPSILON &&
		Math.abs(uy) < EPSILON &&
		Math.abs(w2 - group.width) < EPSILON &&
		Math.abs(h2 - group.height) < EPSILON
	) {
		return group;
	}
	// Keep M' · T(-ux,-uy) = M with the same rotation: the new centre is the old one plus
	// R · (ux + (w'-w)/2, uy + (h'-h)/2); see boxMatrix for M.
	const r = (group.rotation * Math.PI) / 180;
	const vx = ux + (w2 - group.width) / 2;
	const vy = uy + (h2 - group.height) / 2;
	const cx = group.x + group.width / 2 + Math.cos(r) * vx - Math.sin(r) * vy;
	const cy = group.y + group.height / 2 + Math.sin(r) * vx + Math.cos(r) * vy;
	const shift = ux || uy ? group.children.map((c) => ({ ...c, x: c.x - ux, y: c.y - uy })) : group.children;
	return { ...group, x: cx - w2 / 2, y: cy - h2 / 2, width: w2, height: h2, children: shift };
}

/** Refit every group, innermost first. */
export function fitGroups(doc: PosterDocument): PosterDocument {
	const refit = (layers: Layers): Layers => {
		let changed = false;
		const out = layers.map((layer) => {
			if (layer.type !== 'group') return layer;
			const children = refit(layer.children);
			const next = fitGroup(children === layer.children ? layer : { ...layer, children });
			if (next !== layer) changed = true;
			return next;
		});
		return changed ? out : layers;
	};
	return withLayers(doc, refit(doc.layers));
}

/** Where a point of a layer's local box lands on the page. */
export const toPage = (location: LayerLocation, local: Point): Point => apply(layerMatrix(location), local);
