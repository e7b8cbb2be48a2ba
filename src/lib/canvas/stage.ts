// The editor's Konva stage: page, poster content, guides and the Transformer. The stage's own
// transform is the view (zoom, pan), so everything inside is in page pt. Content lives in three
// Konva layers (below / active / above the layers being dragged) so a drag repaints only what moves.
import Konva from 'konva';
import { IDENTITY, mmToPt } from '../geometry';
import type { Layer, PosterDocument } from '../document/schema';
import { findLayer, layerMatrix, walkLayers } from '../document/tree';
import type { Scene } from '../render/scene';
import type { PaintResources } from '../render/paint';
import type { View } from '../editor/viewport';
import type { Guide } from '../editor/snapping';
import { createLayerShape, nodesByTopLevel, updateLayerShape, type LayerShapeData } from './nodes';
import {
	ACCENT,
	drawOutlines,
	drawPage,
	drawPageGuides,
	drawSnapGuides,
	marqueeRect,
	type PageGeometry
} from './overlay';

export interface StageOptions {
	resources: () => PaintResources;
}

export class CanvasStage {
	readonly stage: Konva.Stage;
	private readonly pageLayer = new Konva.Layer({ listening: false });
	readonly below = new Konva.Layer();
	readonly active = new Konva.Layer();
	readonly above = new Konva.Layer();
	private readonly overlay = new Konva.Layer();
	private readonly pageGuides = new Konva.Group({ listening: false });
	private readonly outlines = new Konva.Group({ listening: false });
	private readonly snapGuides = new Konva.Group({ listening: false });
	readonly marquee = marqueeRect();
	readonly transformer: Konva.Transformer;
	readonly shapes = new Map<string, Konva.Shape>();
	doc: PosterDocument | null = null;
	private page: PageGeometry | null = null;
	/** True while pageSnapshot renders: editor-only decorations (empty-frame hatching) stay off. */
	snapshotting = false;
	private showGuides = true;
	private readonly memberDragSaved = new Map<Konva.Shape, LayerShapeData>();
	private readonly memberFrame = new Konva.Rect({ listening: false, name: 'member-frame' });
	/** Milliseconds of each content redraw during the last drag (the benchmark reads them). */
	readonly frameTimes: number[] = [];
	private frameStart = 0;

	constructor(
		readonly container: HTMLDivElement,
		private readonly options: StageOptions
	) {
		this.stage = new Konva.Stage({
			container,
			width: container.clientWidth || 800,
			height: container.clientHeight || 600
		});
		this.transformer = new Konva.Transformer({
			rotationSnaps: [0, 45, 90, 135, 180, 225, 270, 315],
			rotationSnapTolerance: 4,
			anchorSize: 9,
			anchorCornerRadius: 5,
			anchorStroke: ACCENT,
			anchorFill: '#FFFFFF',
			borderStroke: ACCENT,
			borderStrokeWidth: 1.25,
			rotateAnchorOffset: 26,
			rotateAnchorCursor: 'grab',
			padding: 0,
			flipEnabled: false,
			ignoreStroke: true,
			shouldOverdrawWholeArea: false
		});
		for (const layer of [this.below, this.active, this.above]) {
			layer.on('beforeDraw', () => (this.frameStart = performance.now()));
		}
		this.active.on('draw', () => this.frameTimes.push(performance.now() - this.frameStart));
		this.overlay.add(
			this.pageGuides,
			this.outlines,
			this.snapGuides,
			this.memberFrame,
			this.transformer,
			this.marquee
		);
		this.stage.add(this.pageLayer, this.below, this.active, this.above, this.overlay);
	}

	setView(v: View): void {
		this.stage.scale({ x: v.zoom, y: v.zoom });
		this.stage.position({ x: v.panX, y: v.panY });
		this.stage.batchDraw();
	}

	resize(width: number, height: number): void {
		this.stage.size({ width: Math.max(1, width), height: Math.max(1, height) });
		this.stage.batchDraw();
	}

	setShowGuides(show: boolean): void {
		this.showGuides = show;
		if (this.page) drawPageGuides(this.pageGuides, this.page, show);
		this.overlay.batchDraw();
	}

	/** Bring the Konva nodes in line with the document and its scene. */
	render(doc: PosterDocument, scene: Scene, editable: (layer: Layer) => boolean): void {
		this.doc = doc;
		const page: PageGeometry = {
			width: doc.page.width,
			height: doc.page.height,
			bleed: scene.bleed,
			safe: mmToPt(doc.page.safeMm ?? 0),
			hiddenBottom: mmToPt(doc.page.hiddenBottomMm ?? 0),
			background: scene.background
		};
		if (!this.page || JSON.stringify(this.page) !== JSON.stringify(page)) {
			this.page = page;
			drawPage(this.pageLayer, page);
			drawPageGuides(this.pageGuides, page, this.showGuides);
			// Content outside the bleed is cut off by the printer: clip it here too.
			for (const l of [this.below, this.active, this.above]) {
				l.clip({
					x: -page.bleed,
					y: -page.bleed,
					width: page.width + 2 * page.bleed,
					height: page.height + 2 * page.bleed
				});
			}
		}
		const byLayer = nodesByTopLevel(doc, scene);
		const seen = new Set<string>();
		const ordered: Konva.Shape[] = [];
		for (const layer of doc.layers) {
			seen.add(layer.id);
			let shape = this.shapes.get(layer.id);
			if (!shape) {
				shape = createLayerShape(this.options.resources);
				this.shapes.set(layer.id, shape);
			}
			updateLayerShape(shape, layer, byLayer.get(layer.id) ?? [], false);
			shape.visible(!layer.hidden);
			shape.listening(!layer.hidden);
			shape.setAttr('editable', editable(layer));
			ordered.push(shape);
		}
		for (const [id, shape] of this.shapes) {
			if (!seen.has(id)) {
				shape.destroy();
				this.shapes.delete(id);
			}
		}
		this.restack(ordered);
		this.transformer.forceUpdate();
		this.stage.batchDraw();
	}

	/** Put every shape in `below`, in document order (only when the order changed). */
	private restack(ordered: Konva.Shape[]): void {
		const current = this.below.getChildren();
		const inOrder = current.length === ordered.length && ordered.every((s, i) => current[i] === s);
		if (inOrder && this.active.getChildren().length === 0 && this.above.getChildren().length === 0) return;
		for (const s of ordered) s.moveTo(this.below);
		ordered.forEach((s, i) => s.zIndex(i));
	}

	/** Split the content around the layers being dragged: only `active` repaints while they move. */
	beginActive(ids: readonly string[]): void {
		if (!this.doc) return;
		const order = this.doc.layers.map((l) => l.id);
		const idx = ids.map((id) => order.indexOf(id)).filter((i) => i >= 0);
		if (idx.length === 0) return;
		const lo = Math.min(...idx);
		const hi = Math.max(...idx);
		order.forEach((id, i) => {
			const shape = this.shapes.get(id);
			if (!shape) return;
			if (i > hi) shape.moveTo(this.above);
			else if (i >= lo) shape.moveTo(this.active);
		});
		this.frameTimes.length = 0;
		this.stage.batchDraw();
	}

	endActive(): void {
		if (!this.doc) return;
		this.restack(this.doc.layers.map((l) => this.shapes.get(l.id)).filter((s): s is Konva.Shape => !!s));
		this.stage.batchDraw();
	}

	/**
	 * Drag members of groups on their own: each member's scene nodes move from its group's shape to a
	 * proxy shape in `active` (drawn at page coordinates, so moving the proxy moves the member), and
	 * a drag repaints only that layer, as for top-level layers. Returns the proxies by member id.
	 * Top-level layers among `ids` join the active layer as they are.
	 */
	beginMemberDrag(ids: readonly string[]): Map<string, Konva.Shape> {
		const proxies = new Map<string, Konva.Shape>();
		if (!this.doc) return proxies;
		const tops = new Set<string>();
		for (const id of ids) {
			// Top-level layers dragged along (a mixed selection) move their own shapes.
			if (this.shapes.has(id)) {
				tops.add(id);
				continue;
			}
			const loc = findLayer(this.doc, id);
			const top = loc?.ancestors[0];
			const owner = top && this.shapes.get(top.id);
			if (!loc || !owner) continue;
			const members = new Set([...walkLayers([loc.layer])].map((l) => l.layer.id));
			const data = owner.getAttr('haibao') as LayerShapeData;
			this.memberDragSaved.set(owner, this.memberDragSaved.get(owner) ?? data);
			const current = owner.getAttr('haibao') as LayerShapeData;
			owner.setAttr('haibao', { ...current, nodes: current.nodes.filter((n) => !members.has(n.id)) });
			const proxy = createLayerShape(this.options.resources);
			proxy.setAttrs({
				x: 0,
				y: 0,
				listening: false,
				haibao: {
					layer: loc.layer,
					matrix: IDENTITY,
					inverse: IDENTITY,
					nodes: data.nodes.filter((n) => members.has(n.id))
				} satisfies LayerShapeData
			});
			proxies.set(id, proxy);
			tops.add(top.id);
		}
		this.beginActive([...tops]);
		for (const [id, proxy] of proxies) {
			const owner = this.shapes.get(findLayer(this.doc, id)!.ancestors[0].id)!;
			this.active.add(proxy);
			proxy.zIndex(owner.zIndex() + 1);
		}
		this.stage.batchDraw();
		return proxies;
	}

	endMemberDrag(proxies: Map<string, Konva.Shape>): void {
		for (const p of proxies.values()) p.destroy();
		for (const [owner, data] of this.memberDragSaved) owner.setAttr('haibao', data);
		this.memberDragSaved.clear();
		this.endActive();
	}

	/** Attach the Transformer to these layers (top-level, visible, editable), configured per type. */
	select(ids: readonly string[], hideTransformer = false): void {
		let nodes: Konva.Node[] = ids
			.map((id) => this.shapes.get(id))
			.filter((s): s is Konva.Shape => !!s && s.visible() && s.getAttr('editable'));
		const member = ids.length === 1 && !nodes.length ? this.memberFrameFor(ids[0]) : null;
		if (member) nodes = [member];
		const layers = nodes.map((n) => (n.getAttr('haibao') as { layer: Layer }).layer);
		const onlyImages = layers.length > 0 && layers.every((l) => l.type === 'image' || l.type === 'group');
		const single = layers.length === 1 ? layers[0] : null;
		const isLine = single?.type === 'shape' && single.shape === 'line';
		this.transformer.setAttrs({
			keepRatio: onlyImages || layers.length > 1 || single?.type === 'text',
			enabledAnchors: isLine
				? ['middle-left', 'middle-right']
				: onlyImages || layers.length > 1
					? ['top-left', 'top-right', 'bottom-left', 'bottom-right']
					: [
							'top-left',
							'top-center',
							'top-right',
							'middle-right',
							'middle-left',
							'bottom-left',
							'bottom-center',
							'bottom-right'
						],
			visible: !hideTransformer && nodes.length > 0
		});
		this.transformer.nodes(hideTransformer ? [] : nodes);
		this.overlay.batchDraw();
	}

	/**
	 * A selected member of a group has no node of its own: an empty frame on its page box carries the
	 * Transformer (transformer.ts turns the frame's change back into the member's box in its group).
	 */
	private memberFrameFor(id: string): Konva.Rect | null {
		const loc = this.doc ? findLayer(this.doc, id) : null;
		if (!loc || !loc.ancestors.length || loc.layer.hidden) return null;
		if (loc.layer.locked || loc.ancestors.some((a) => a.locked || a.hidden)) return null;
		const m = layerMatrix(loc);
		this.memberFrame.setAttrs({
			id,
			x: m[4],
			y: m[5],
			rotation: (Math.atan2(m[1], m[0]) * 180) / Math.PI,
			width: loc.layer.width,
			height: loc.layer.height,
			scaleX: 1,
			scaleY: 1,
			haibao: { layer: loc.layer }
		});
		return this.memberFrame;
	}

	setOutlines(boxes: Parameters<typeof drawOutlines>[1]): void {
		drawOutlines(this.outlines, boxes);
		this.overlay.batchDraw();
	}

	setSnapGuides(guides: readonly Guide[]): void {
		drawSnapGuides(this.snapGuides, guides);
		this.overlay.batchDraw();
	}

	/** Repaint content (an image finished loading). */
	redraw(): void {
		this.stage.batchDraw();
	}

	/** The stage as a PNG data URL of the page at `pixelRatio` device px per pt (tests, thumbnails). */
	pageSnapshot(pixelRatio: number, withBleed = false): string {
		if (!this.doc || !this.page) return '';
		const b = withBleed ? this.page.bleed : 0;
		const saved = { scale: this.stage.scale(), pos: this.stage.position() };
		const tr = this.transformer.visible();
		this.overlay.visible(false);
		this.stage.scale({ x: 1, y: 1 });
		this.stage.position({ x: 0, y: 0 });
		this.snapshotting = true;
		const url = this.stage.toDataURL({
			x: -b,
			y: -b,
			width: this.page.width + 2 * b,
			height: this.page.height + 2 * b,
			pixelRatio
		});
		this.snapshotting = false;
		this.stage.scale(saved.scale);
		this.stage.position(saved.pos);
		this.overlay.visible(true);
		this.transformer.visible(tr);
		this.stage.batchDraw();
		return url;
	}

	destroy(): void {
		this.stage.destroy();
		this.shapes.clear();
	}
}
