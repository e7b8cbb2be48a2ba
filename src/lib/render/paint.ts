// Draws one scene node on a canvas 2D context: the browser's canvas (inside a Konva Shape's
// sceneFunc) and @napi-rs/canvas on the server both call this, so their pixels agree.
// The caller sets the page → device transform; paintNode adds the node's own matrix.
import type { ImageFilters, Paint, Stroke } from '../document/schema';
import type { FontLibrary } from '../text/types';
import { drawTextLayout, type DrawContext } from '../text/draw';
import { placeImage } from './image-fit';
import { ellipsePath, parsePath, roundedRectPath, tracePath, type PathCommand } from './path';
import type { ImageNode, SceneNode, ShapeNode, TextNode } from './scene';
import { cssColor, gradientLine, sortedStops } from './style';

/** An image either canvas can draw (HTMLImageElement, ImageBitmap, a canvas, @napi-rs/canvas Image). */
export interface PaintImage {
	width: number;
	height: number;
	naturalWidth?: number;
	naturalHeight?: number;
}

/** The subset of CanvasRenderingContext2D the painters use; both canvases implement it. */
export interface PaintContext extends DrawContext {
	globalAlpha: number;
	fillStyle: unknown;
	strokeStyle: unknown;
	lineWidth: number;
	lineCap: string;
	lineJoin: string;
	miterLimit: number;
	lineDashOffset: number;
	filter: string;
	save(): void;
	restore(): void;
	transform(a: number, b: number, c: number, d: number, e: number, f: number): void;
	translate(x: number, y: number): void;
	scale(x: number, y: number): void;
	getTransform(): { a: number; b: number; c: number; d: number };
	setLineDash(segments: number[]): void;
	beginPath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void;
	closePath(): void;
	rect(x: number, y: number, w: number, h: number): void;
	fill(): void;
	stroke(): void;
	clip(): void;
	fillRect(x: number, y: number, w: number, h: number): void;
	createLinearGradient(
		x0: number,
		y0: number,
		x1: number,
		y1: number
	): { addColorStop(offset: number, color: string): void };
	drawImage(
		image: PaintImage,
		sx: number,
		sy: number,
		sw: number,
		sh: number,
		dx: number,
		dy: number,
		dw: number,
		dh: number
	): void;
}

export interface PaintResources {
	/** Decoded images by asset id; a missing one draws the frame's placeholder. */
	images: Map<string, PaintImage>;
	fonts: FontLibrary;
	/** Draw a light hatched frame for empty image layers with no placeholder (editor only). */
	showEmptyFrames?: boolean;
}

export function paintNode(ctx: PaintContext, node: SceneNode, res: PaintResources): void {
	if (node.opacity <= 0) return;
	ctx.save();
	try {
		const m = node.matrix;
		ctx.transform(m[0], m[1], m[2], m[3], m[4], m[5]);
		ctx.globalAlpha = ctx.globalAlpha * node.opacity;
		if (node.kind === 'shape') paintShape(ctx, node);
		else if (node.kind === 'image') paintImage(ctx, node, res);
		else paintText(ctx, node, res);
	} finally {
		ctx.restore();
	}
}

/** Paints a whole scene's background and nodes (server renders and thumbnails). */
export function paintScene(
	ctx: PaintContext,
	scene: { width: number; height: number; bleed: number; background: string; nodes: SceneNode[] },
	res: PaintResources
): void {
	ctx.save();
	ctx.fillStyle = cssColor(scene.background);
	ctx.fillRect(-scene.bleed, -scene.bleed, scene.width + 2 * scene.bleed, scene.height + 2 * scene.bleed);
	ctx.restore();
	for (const node of scene.nodes) paintNode(ctx, node, res);
}

const pathCache = new Map<string, PathCommand[]>();
function cachedPath(d: string): PathCommand[] {
	let commands = pathCache.get(d);
	if (!commands) {
		commands = parsePath(d);
		if (pathCache.size > 500) pathCache.clear();
		pathCache.set(d, commands);
	}
	return commands;
}

/** The outline of a shape node in its local box (shared with the PDF writer). */
export function shapeOutline(node: ShapeNode): PathCommand[] {
	switch (node.shape) {
		case 'rect':
			return roundedRectPath(node.width, node.height, node.cornerRadius);
		case 'ellipse':
			return ellipsePath(node.width, node.height);
		case 'line':
			return [
				{ op: 'M', x: 0, y: 0 },
				{ op: 'L', x: node.width, y: node.height }
			];
		case 'path':
			return node.path ? cachedPath(node.path) : [];
	}
}

function setFill(ctx: PaintContext, paint: Paint, w: number, h: number) {
	if (paint.type === 'solid') {
		ctx.fillStyle = cssColor(paint.color);
		return;
	}
	const line = gradientLine(paint.angle, w, h);
	const gradient = ctx.createLinearGradient(line.x0, line.y0, line.x1, line.y1);
	for (const stop of sortedStops(paint)) gradient.addColorStop(stop.offset, cssColor(stop.color));
	ctx.fillStyle = gradient;
}

function applyStroke(ctx: PaintContext, stroke: Stroke) {
	ctx.strokeStyle = cssColor(stroke.color);
	ctx.lineWidth = stroke.width;
	ctx.lineJoin = 'miter';
	ctx.lineCap = 'butt';
	ctx.miterLimit = 10;
	ctx.setLineDash(stroke.dash && stroke.dash.some((d) => d > 0) ? [...stroke.dash] : []);
}

function paintShape(ctx: PaintContext, node: ShapeNode) {
	const outline = shapeOutline(node);
	if (outline.length === 0) return;
	ctx.beginPath();
	tracePath(ctx, outline);
	if (node.fill && node.shape !== 'line') {
		setFill(ctx, node.fill, node.width, node.height);
		ctx.fill();
	}
	if (node.stroke && node.stroke.width > 0) {
		applyStroke(ctx, node.stroke);
		ctx.stroke();
	}
}

/** CSS filter string for the image filters; blur converted to device pixels (canvas filters ignore the transform). */
export function filterString(filters: ImageFilters, deviceScale: number): string {
	const parts: string[] = [];
	if (filters.brightness !== 1) parts.push(`brightness(${filters.brightness})`);
	if (filters.contrast !== 1) parts.push(`contrast(${filters.contrast})`);
	if (filters.saturation !== 1) parts.push(`saturate(${filters.saturation})`);
	if (filters.blur > 0) parts.push(`blur(${+(filters.blur * deviceScale).toFixed(3)}px)`);
	return parts.length ? parts.join(' ') : 'none';
}

const imageSize = (img: PaintImage) => ({
	width: img.naturalWidth || img.width,
	height: img.naturalHeight || img.height
});

function paintImage(ctx: PaintContext, node: ImageNode, res: PaintResources) {
	const img = node.assetId ? res.images.get(node.assetId) : undefined;
	const rounded = node.cornerRadius > 0;
	if (rounded) {
		ctx.beginPath();
		tracePath(ctx, roundedRectPath(node.width, node.height, node.cornerRadius));
		ctx.clip();
	}
	if (!img) {
		paintPlaceholder(ctx, node, res.showEmptyFrames ?? false);
		return;
	}
	const { width: iw, height: ih } = imageSize(img);
	const { source, dest } = placeImage(node.crop, node.fit, iw, ih, node.width, node.height);
	if (node.flipX || node.flipY) {
		ctx.translate(node.flipX ? node.width : 0, node.flipY ? node.height : 0);
		ctx.scale(node.flipX ? -1 : 1, node.flipY ? -1 : 1);
	}
	const t = ctx.getTransform();
	const deviceScale = Math.sqrt(Math.abs(t.a * t.d - t.b * t.c));
	const filter = filterString(node.filters, deviceScale);
	if (filter !== 'none') ctx.filter = filter;
	ctx.drawImage(
		img,
		source.x * iw,
		source.y * ih,
		source.width * iw,
		source.height * ih,
		dest.x,
		dest.y,
		dest.width,
		dest.height
	);
	if (filter !== 'none') ctx.filter = 'none';
}

function paintPlaceholder(ctx: PaintContext, node: ImageNode, showEmptyFrames: boolean) {
	if (node.placeholder) {
		ctx.beginPath();
		ctx.rect(0, 0, node.width, node.height);
		setFill(ctx, node.placeholder, node.width, node.height);
		ctx.fill();
		return;
	}
	if (!showEmptyFrames) return;
	ctx.fillStyle = 'rgba(128,128,128,0.12)';
	ctx.fillRect(0, 0, node.width, node.height);
	ctx.strokeStyle = 'rgba(128,128,128,0.5)';
	const t = ctx.getTransform();
	ctx.lineWidth = 1 / Math.max(1e-6, Math.sqrt(Math.abs(t.a * t.d - t.b * t.c)));
	ctx.beginPath();
	ctx.moveTo(0, 0);
	ctx.lineTo(node.width, node.height);
	ctx.moveTo(node.width, 0);
	ctx.lineTo(0, node.height);
	ctx.rect(0, 0, node.width, node.height);
	ctx.stroke();
}

function paintText(ctx: PaintContext, node: TextNode, res: PaintResources) {
	if (node.offsetY) ctx.translate(0, node.offsetY);
	drawTextLayout(ctx, node.layout, res.fonts, { stroke: node.stroke, shadow: node.shadow });
}
