// The Konva Transformer's resize and rotate turned into document changes (one undo step per gesture),
// with edges snapping to the page, its safe area and other layers while resizing.
import type Konva from 'konva';
import type { Layer, PosterDocument } from '../document/schema';
import {
	findLayer,
	fitGroups,
	mapLayers,
	pageBounds,
	parentMatrix,
	scaleLayer,
	withLayers
} from '../document/operations';
import { safeInset } from '../editor/actions';
import { collectSnapTargets, snapResize, type ResizeEdges, type SnapTargets } from '../editor/snapping';
import type { EditorState } from '../editor/state.svelte';
import { apply, invert, mmToPt } from '../geometry';
import type { CanvasStage } from './stage';

/** Snapping distance in screen pixels (moves and resizes). */
export const SNAP_PX = 6;

const ANCHOR_EDGES: Record<string, ResizeEdges> = {
	'top-left': { top: true, left: true },
	'top-center': { top: true },
	'top-right': { top: true, right: true },
	'middle-left': { left: true },
	'middle-right': { right: true },
	'bottom-left': { bottom: true, left: true },
	'bottom-center': { bottom: true },
	'bottom-right': { bottom: true, right: true }
};

/** Degrees in [-180, 180). */
const normalizeDegrees = (d: number) => ((((d + 180) % 360) + 360) % 360) - 180;

/** The new box of a top-level layer from its Konva node after the Transformer moved it. */
export function geometryFromNode(node: Konva.Node, layer: Layer) {
	const sx = Math.abs(node.scaleX());
	const sy = Math.abs(node.scaleY());
	const width = layer.width * sx;
	const height = layer.height * sy;
	const rotation = normalizeDegrees(node.rotation());
	const r = (rotation * Math.PI) / 180;
	const cx = node.x() + Math.cos(r) * (width / 2) - Math.sin(r) * (height / 2);
	const cy = node.y() + Math.sin(r) * (width / 2) + Math.cos(r) * (height / 2);
	return { x: cx - width / 2, y: cy - height / 2, width, height, rotation, sx, sy };
}

/** Wires the stage's Transformer to the editor; returns the function that unwires it. */
export function attachTransformer(cs: CanvasStage, editor: EditorState): () => void {
	const tr = cs.transformer;
	let targets: SnapTargets | null = null;
	let anchor: string | null = null;

	const commit = (preview: boolean) => {
		let doc = editor.doc;
		for (const node of tr.nodes()) {
			const layer = findLayer(doc, node.id())?.layer;
			if (!layer) continue;
			const g = geometryFromNode(node, layer);
			const corner =
				anchor !== null && anchor.includes('-') && !anchor.includes('center') && !anchor.startsWith('middle');
			// Text: corners scale the type, sides reflow it. Groups scale as a whole.
			const scaled =
				(layer.type === 'text' && corner) || layer.type === 'group' ? scaleLayer(layer, g.sx, false) : layer;
			const { sx: _sx, sy: _sy, ...box } = g;
			const loc = findLayer(doc, layer.id)!;
			if (loc.ancestors.length) {
				// A group member (its frame is on the page): back into the group's coordinates.
				const pm = parentMatrix(loc.ancestors);
				const c = apply(invert(pm), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
				const rotation = normalizeDegrees(box.rotation - (Math.atan2(pm[1], pm[0]) * 180) / Math.PI);
				const local = {
					x: c.x - box.width / 2,
					y: c.y - box.height / 2,
					width: box.width,
					height: box.height
				};
				const next = { ...scaled, ...local, rotation } as Layer;
				doc = fitGroups(
					withLayers(
						doc,
						mapLayers(doc.layers, (l) => (l.id === layer.id ? next : l))
					)
				);
			} else {
				// Top-level layers: replace in the page's list.
				const next = { ...scaled, ...box } as Layer;
				doc = { ...doc, layers: doc.layers.map((l) => (l.id === layer.id ? next : l)) };
			}
			if (preview) node.setAttrs({ scaleX: 1, scaleY: 1, width: box.width, height: box.height });
		}
		return doc;
	};

	tr.on('transformstart', () => {
		anchor = tr.getActiveAnchor();
		editor.beginGesture(anchor === 'rotater' ? 'rotate' : 'resize');
		targets = null;
		cs.beginActive(tr.nodes().map((n) => n.id()));
		cs.setOutlines([]);
	});
	tr.on('transform', () => {
		// Text reflows live while its box changes width (what users see is the final layout).
		const nodes = tr.nodes();
		const single = nodes.length === 1 ? findLayer(editor.doc, nodes[0].id())?.layer : null;
		if (single?.type === 'text' && anchor !== 'rotater') editor.preview(commit(true));
	});
	tr.on('transformend', () => {
		editor.preview(commit(false));
		editor.endGesture();
		cs.setSnapGuides([]);
		cs.endActive();
		anchor = null;
	});
	tr.boundBoxFunc((oldBox, newBox) => {
		if (newBox.width < 2 || newBox.height < 0) return oldBox;
		const a = tr.getActiveAnchor();
		const edges = a ? ANCHOR_EDGES[a] : undefined;
		if (!edges || Math.abs(newBox.rotation) > 1e-3 || tr.nodes().length !== 1) return newBox;
		const v = editor.view;
		targets ??= snapTargetsForIds(
			editor.doc,
			tr.nodes().map((n) => n.id())
		);
		const pageBox = {
			x: (newBox.x - v.panX) / v.zoom,
			y: (newBox.y - v.panY) / v.zoom,
			width: newBox.width / v.zoom,
			height: newBox.height / v.zoom
		};
		const snapped = snapResize(
			pageBox,
			edges,
			targets,
			SNAP_PX / v.zoom,
			tr.keepRatio() && Object.keys(edges).length === 2
		);
		cs.setSnapGuides(snapped.guides);
		return {
			...newBox,
			x: snapped.x * v.zoom + v.panX,
			y: snapped.y * v.zoom + v.panY,
			width: snapped.width * v.zoom,
			height: snapped.height * v.zoom
		};
	});
	return () => tr.off('transformstart transform transformend');
}

/** Snap targets for moving `moving`: the page, its safe area and every other visible top-level layer. */
export function snapTargetsForIds(doc: PosterDocument, moving: readonly string[]): SnapTargets {
	const others = doc.layers
		.filter((l) => !l.hidden && !moving.includes(l.id))
		.map((l) => pageBounds(findLayer(doc, l.id)!));
	return collectSnapTargets(
		{
			width: doc.page.width,
			height: doc.page.height,
			safe: safeInset(doc),
			hiddenBottom: mmToPt(doc.page.hiddenBottomMm ?? 0)
		},
		others
	);
}
