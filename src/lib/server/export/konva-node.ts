// The one server module that sets Konva up on @napi-rs/canvas (Konva's own node backends load
// `canvas` or `skia-canvas`, neither installed). It renders a scene as a Layer of Konva.Shape
// nodes whose sceneFunc calls paintNode, exactly as the browser editor does. The layer draws onto
// a SceneCanvas of one strip: a Stage would allocate two more page-sized buffers we never use.
import Konva from 'konva/lib/Core.js';
import { SceneCanvas } from 'konva/lib/Canvas.js';
import { createCanvas, Image } from '@napi-rs/canvas';
import { paintNode, type PaintContext, type PaintResources } from '../../render/paint';
import type { Scene, SceneNode } from '../../render/scene';
import { cssColor } from '../../render/style';

let configured = false;
function configureKonva() {
	if (configured) return;
	configured = true;
	Konva.Util.createCanvasElement = () => {
		const canvas = createCanvas(300, 300) as unknown as HTMLCanvasElement & { style?: object };
		if (!canvas.style) Object.defineProperty(canvas, 'style', { value: {}, writable: true });
		return canvas;
	};
	Konva.Util.createImageElement = () => new Image() as unknown as HTMLImageElement;
	// Device pixels come from the layer's scale (dpi / 72), never from a hidden pixel ratio.
	Konva.pixelRatio = 1;
	Konva.autoDrawEnabled = false;
}

export interface RegionRenderer {
	/** Pixel size of the whole page raster. */
	width: number;
	height: number;
	/** Renders rows [top, top + rows) of the page raster and returns them as RGBA (unpremultiplied). */
	renderRows(top: number, rows: number): Uint8Array;
	destroy(): void;
}

/**
 * A renderer for a page raster of `width`×`height` px where page point (originX, originY) maps to
 * pixel (0, 0) and one point is `scale` pixels. Strips are rendered by moving the layer up.
 */
export function createRegionRenderer(
	scene: Scene,
	res: PaintResources,
	opts: { width: number; height: number; scale: number; originX: number; originY: number; stripRows: number }
): RegionRenderer {
	configureKonva();
	const stripRows = Math.max(1, Math.min(opts.stripRows, opts.height));
	const layer = new Konva.Layer({ listening: false, imageSmoothingEnabled: true });
	layer.scale({ x: opts.scale, y: opts.scale });
	layer.add(backgroundShape(scene));
	for (const node of scene.nodes) layer.add(nodeShape(node, res));
	const canvas = new SceneCanvas({ width: opts.width, height: stripRows, pixelRatio: 1 });

	return {
		width: opts.width,
		height: opts.height,
		renderRows(top, rows) {
			if (rows !== canvas.height) canvas.setSize(opts.width, rows);
			layer.position({ x: -opts.originX * opts.scale, y: -opts.originY * opts.scale - top });
			canvas.getContext().clear();
			layer.drawScene(canvas);
			const ctx = (canvas._canvas as unknown as HTMLCanvasElement).getContext('2d')!;
			return new Uint8Array(ctx.getImageData(0, 0, opts.width, rows).data.buffer);
		},
		destroy() {
			layer.destroy();
			canvas.setSize(0, 0);
		}
	};
}

function backgroundShape(scene: Scene) {
	return new Konva.Shape({
		listening: false,
		perfectDrawEnabled: false,
		sceneFunc(context) {
			const ctx = context._context as unknown as PaintContext;
			ctx.fillStyle = cssColor(scene.background);
			ctx.fillRect(-scene.bleed, -scene.bleed, scene.width + 2 * scene.bleed, scene.height + 2 * scene.bleed);
		}
	});
}

function nodeShape(node: SceneNode, res: PaintResources) {
	return new Konva.Shape({
		id: node.id,
		listening: false,
		perfectDrawEnabled: false,
		sceneFunc(context) {
			paintNode(context._context as unknown as PaintContext, node, res);
		}
	});
}
