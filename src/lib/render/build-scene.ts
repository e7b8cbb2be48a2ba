// Document → Scene: groups flattened into matrices and opacities, hidden layers dropped, image
// crop+fit resolved where the image size is known, text laid out by the text engine. Pure.
import { boxMatrix, IDENTITY, mmToPt, multiply, type Matrix } from '../geometry';
import type { ImageLayer, Layer, PosterDocument, ShapeLayer, TextLayer } from '../document/schema';
import type { FontLibrary, TextLayout, TextLayoutInput } from '../text/types';
import { layoutText } from '../text/layout';
import { placeImage } from './image-fit';
import { parsePath, scalePath, serializePath } from './path';
import type { ImageNode, Scene, SceneNode, ShapeNode, TextNode } from './scene';

export interface BuildSceneOptions {
	/** Pixel size of an asset, when known: the scene then carries the crop already resolved for the fit. */
	imageSize?: (assetId: string) => { width: number; height: number } | undefined;
	/** Reuses layouts of unchanged text layers (documents are immutable, so identity means unchanged). */
	cache?: SceneCache;
}

export interface SceneCache {
	layouts: WeakMap<TextLayer, TextLayout>;
}

export const createSceneCache = (): SceneCache => ({ layouts: new WeakMap() });

export function buildScene(doc: PosterDocument, fonts: FontLibrary, opts: BuildSceneOptions = {}): Scene {
	const nodes: SceneNode[] = [];
	const visit = (layers: readonly Layer[], parent: Matrix, parentOpacity: number) => {
		for (const layer of layers) {
			if (layer.hidden) continue;
			const matrix = multiply(parent, boxMatrix(layer));
			const opacity = parentOpacity * (layer.opacity ?? 1);
			if (layer.type === 'group') visit(layer.children, matrix, opacity);
			else if (layer.type === 'shape') nodes.push(shapeNode(layer, matrix, opacity));
			else if (layer.type === 'image') nodes.push(imageNode(layer, matrix, opacity, opts));
			else nodes.push(textNode(layer, matrix, opacity, fonts, opts));
		}
	};
	visit(doc.layers, IDENTITY, 1);
	return {
		width: doc.page.width,
		height: doc.page.height,
		bleed: mmToPt(doc.page.bleedMm ?? 0),
		background: doc.page.background ?? '#FFFFFF',
		nodes
	};
}

function shapeNode(layer: ShapeLayer, matrix: Matrix, opacity: number): ShapeNode {
	let path: string | null = null;
	if (layer.shape === 'path' && layer.path) {
		const vb = layer.viewBox;
		const commands = parsePath(layer.path);
		path = serializePath(
			vb ? scalePath(commands, layer.width / vb.width, layer.height / vb.height) : commands
		);
	}
	return {
		kind: 'shape',
		id: layer.id,
		matrix,
		width: layer.width,
		height: layer.height,
		opacity,
		shape: layer.shape,
		path,
		fill: layer.fill ?? null,
		stroke: layer.stroke ?? null,
		cornerRadius: layer.cornerRadius ?? 0
	};
}

function imageNode(layer: ImageLayer, matrix: Matrix, opacity: number, opts: BuildSceneOptions): ImageNode {
	let crop = layer.crop ?? null;
	const size = layer.assetId ? opts.imageSize?.(layer.assetId) : undefined;
	if (size && layer.fit === 'cover')
		crop = placeImage(crop, 'cover', size.width, size.height, layer.width, layer.height).source;
	return {
		kind: 'image',
		id: layer.id,
		matrix,
		width: layer.width,
		height: layer.height,
		opacity,
		assetId: layer.assetId,
		crop,
		fit: layer.fit ?? 'cover',
		filters: layer.filters ?? { brightness: 1, contrast: 1, saturation: 1, blur: 0 },
		flipX: layer.flipX ?? false,
		flipY: layer.flipY ?? false,
		cornerRadius: layer.cornerRadius ?? 0,
		placeholder: layer.placeholder ?? null
	};
}

/** The text engine's input for a text layer (also used by preflight). */
export function textLayoutInput(layer: TextLayer): TextLayoutInput {
	return {
		runs: layer.runs.map((r) => ({
			text: r.text,
			family: r.family,
			weight: r.weight ?? 400,
			italic: r.italic ?? false,
			size: r.size,
			color: r.color
		})),
		width: layer.width,
		height: layer.height,
		align: layer.align,
		verticalAlign: layer.verticalAlign,
		vertical: layer.vertical,
		letterSpacing: layer.letterSpacing,
		lineHeight: layer.lineHeight,
		fit: layer.fit,
		phraseBreaks: layer.phraseBreaks
	};
}

export function layoutTextLayer(layer: TextLayer, fonts: FontLibrary, cache?: SceneCache): TextLayout {
	const cached = cache?.layouts.get(layer);
	if (cached) return cached;
	const layout = layoutText(textLayoutInput(layer), fonts);
	cache?.layouts.set(layer, layout);
	return layout;
}

function textNode(
	layer: TextLayer,
	matrix: Matrix,
	opacity: number,
	fonts: FontLibrary,
	opts: BuildSceneOptions
): TextNode {
	const layout = layoutTextLayer(layer, fonts, opts.cache);
	return {
		kind: 'text',
		id: layer.id,
		matrix,
		width: layer.width,
		height: layer.height,
		opacity,
		layout,
		stroke: layer.stroke ?? null,
		shadow: layer.shadow ?? null,
		offsetY: verticalOffset(layer, layout)
	};
}

/**
 * The engine receives the box height and verticalAlign and places glyphs in the box itself, so no
 * extra offset is needed; kept as a function so a different engine convention changes one place.
 */
function verticalOffset(_layer: TextLayer, _layout: TextLayout): number {
	return 0;
}
