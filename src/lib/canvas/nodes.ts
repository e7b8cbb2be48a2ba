// Scene nodes → Konva shapes. One Konva.Shape per top-level layer, whose sceneFunc calls the same
// paintNode as the server PNG export (so both agree to the glyph). The shape's own transform is
// the layer's box transform (so Konva's drag and Transformer work on it); the sceneFunc undoes
// that transform and lets paintNode apply each scene node's page matrix.
import Konva from 'konva';
import { boxMatrix, invert, type Matrix } from '../geometry';
import type { Layer, PosterDocument } from '../document/schema';
import { walkLayers } from '../document/tree';
import { paintNode, type PaintResources } from '../render/paint';
import type { Scene, SceneNode } from '../render/scene';

export interface LayerShapeData {
	layer: Layer;
	/** The layer's page matrix when the scene was built (what paintNode's matrices assume). */
	matrix: Matrix;
	inverse: Matrix;
	nodes: SceneNode[];
}

/** Konva attributes for a top-level layer: x/y is the rotated top-left corner. */
export function konvaAttrs(layer: Layer) {
	const m = boxMatrix(layer);
	return {
		x: m[4],
		y: m[5],
		rotation: layer.rotation ?? 0,
		width: layer.width,
		height: layer.height,
		scaleX: 1,
		scaleY: 1
	};
}

/** Group the scene's nodes by the top-level layer that owns them, keeping paint order. */
export function nodesByTopLevel(doc: PosterDocument, scene: Scene): Map<string, SceneNode[]> {
	const owner = new Map<string, string>();
	for (const { layer, ancestors } of walkLayers(doc.layers))
		owner.set(layer.id, ancestors[0]?.id ?? layer.id);
	const out = new Map<string, SceneNode[]>();
	for (const node of scene.nodes) {
		const top = owner.get(node.id) ?? node.id;
		const list = out.get(top) ?? [];
		list.push(node);
		out.set(top, list);
	}
	return out;
}

export function createLayerShape(resources: () => PaintResources): Konva.Shape {
	const shape = new Konva.Shape({
		perfectDrawEnabled: false,
		shadowForStrokeEnabled: false,
		sceneFunc(ctx) {
			const data = shape.getAttr('haibao') as LayerShapeData | undefined;
			if (!data) return;
			const native = (ctx as unknown as { _context: CanvasRenderingContext2D })._context;
			const inv = data.inverse;
			native.save();
			native.transform(inv[0], inv[1], inv[2], inv[3], inv[4], inv[5]);
			const res = resources();
			for (const node of data.nodes) paintNode(native as never, node, res);
			native.restore();
		},
		hitFunc(ctx, s) {
			// Thin layers (lines) get a few screen pixels of grab margin.
			const w = s.width();
			const h = s.height();
			const pad = Math.min(w, h) < 8 ? 5 / Math.max(1e-6, s.getAbsoluteScale().x) : 0;
			ctx.beginPath();
			ctx.rect(-pad, -pad, w + 2 * pad, h + 2 * pad);
			ctx.closePath();
			ctx.fillStrokeShape(s);
		}
	});
	return shape;
}

export function updateLayerShape(
	shape: Konva.Shape,
	layer: Layer,
	nodes: SceneNode[],
	draggable: boolean
): void {
	const matrix = boxMatrix(layer);
	let inverse: Matrix;
	try {
		inverse = invert(matrix);
	} catch {
		inverse = [1, 0, 0, 1, -matrix[4], -matrix[5]];
	}
	shape.setAttrs({
		...konvaAttrs(layer),
		id: layer.id,
		name: 'layer',
		draggable,
		haibao: { layer, matrix, inverse, nodes } satisfies LayerShapeData
	});
}
