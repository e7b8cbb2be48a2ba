// Pointer input on the stage: click / shift-click / marquee selection, dragging layers with snapping,
// space-drag and middle-button panning, wheel and pinch zoom, double-click to edit text or to enter
// a group (then clicks pick its members; Escape or a click outside leaves). On touch: tap selects,
// one finger on the empty canvas pans, two pinch, a double tap edits text. The Transformer's
// resize/rotate (transformer.ts) is attached and detached with it.
import Konva from 'konva';
import { apply, invert, unionBoxes, type Box, type Point } from '../geometry';
import type { PosterDocument } from '../document/schema';
import { findLayer, layerMatrix, moveLayers, pageBounds, topLevelLocations } from '../document/operations';
import { editableIds } from '../editor/actions';
import { snapMove, type SnapTargets } from '../editor/snapping';
import type { EditorState } from '../editor/state.svelte';
import { toPage, wheelZoomFactor, zoomAt } from '../editor/viewport';
import { boxesIntersect } from './overlay';
import type { CanvasStage } from './stage';
import { attachTransformer, SNAP_PX, snapTargetsForIds } from './transformer';

export interface InteractionHost {
	editor: EditorState;
	/** Start in-place editing of a text layer; `at` is the page point double-clicked. */
	editText(id: string, at: Point): void;
}

const DRAG_START_PX = 3;
/** Two taps on one layer within this time and distance are a double tap. */
const DOUBLE_TAP_MS = 400;
const DOUBLE_TAP_PX = 30;

type Gesture =
	| { kind: 'pan'; last: Point }
	| { kind: 'press'; ids: string[]; clicked: string | null; start: Point; startPage: Point; shift: boolean }
	| {
			kind: 'drag';
			ids: string[];
			start: Point;
			origins: Map<string, Point>;
			bounds: Box;
			targets: SnapTargets;
			dx: number;
			dy: number;
			/** Members of a group have no Konva node of their own: they move as proxies (see stage). */
			proxies: Map<string, Konva.Shape> | null;
	  }
	| { kind: 'marquee'; start: Point; add: boolean };

export function attachInteraction(cs: CanvasStage, host: InteractionHost): () => void {
	const { editor } = host;
	const el = cs.container;
	let gesture: Gesture | null = null;
	let spaceHeld = false;
	const touches = new Map<number, Point>();
	let pinch: { dist: number; mid: Point } | null = null;
	let lastTap: { id: string; at: number; p: Point } | null = null;

	const local = (e: { clientX: number; clientY: number }): Point => {
		const r = el.getBoundingClientRect();
		return { x: e.clientX - r.left, y: e.clientY - r.top };
	};
	const page = (p: Point) => toPage(editor.view, p);

	const layerShapeAt = (p: Point): Konva.Shape | 'transformer' | null => {
		const hit = cs.stage.getIntersection(p);
		if (!hit) return null;
		if (hit.findAncestor('Transformer')) return 'transformer';
		return hit.name() === 'layer' ? (hit as Konva.Shape) : null;
	};

	const selectionBounds = (doc: PosterDocument, ids: readonly string[]) =>
		unionBoxes(topLevelLocations(doc, ids).map(pageBounds));

	/** The topmost visible member of group `groupId` under page point `pp`. */
	function memberAt(doc: PosterDocument, groupId: string, pp: Point): string | null {
		const group = findLayer(doc, groupId)?.layer;
		if (group?.type !== 'group') return null;
		for (let i = group.children.length - 1; i >= 0; i--) {
			const loc = findLayer(doc, group.children[i].id);
			if (!loc || loc.layer.hidden) continue;
			const q = apply(invert(layerMatrix(loc)), pp);
			if (q.x >= 0 && q.y >= 0 && q.x <= loc.layer.width && q.y <= loc.layer.height) return loc.layer.id;
		}
		return null;
	}

	/** What a click on top-level layer `top` picks: a member when its group is entered, else `top`. */
	function pick(doc: PosterDocument, top: string, pp: Point): string | null {
		const entered = editor.enteredGroupId;
		if (!entered) return top;
		const loc = findLayer(doc, entered);
		if (!loc || (loc.ancestors[0]?.id ?? loc.layer.id) !== top) return top;
		return memberAt(doc, entered, pp);
	}

	function onPointerDown(e: PointerEvent) {
		if (e.pointerType === 'touch') {
			touches.set(e.pointerId, local(e));
			if (touches.size === 2) {
				gesture = null;
				const [a, b] = [...touches.values()];
				pinch = { dist: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
				return;
			}
		}
		if (editor.editingTextId && (e.target as HTMLElement).closest?.('.text-editor')) return;
		const p = local(e);
		if (e.button === 1 || spaceHeld || editor.tool === 'hand') {
			gesture = { kind: 'pan', last: p };
			el.style.cursor = 'grabbing';
			e.preventDefault();
			return;
		}
		if (e.button === 2) {
			// Right-click acts on what is under the pointer (the context menu opens from the DOM event).
			const hit = layerShapeAt(p);
			const id = hit && hit !== 'transformer' ? pick(editor.doc, hit.id(), page(p)) : null;
			if (id && !editor.selection.includes(id)) editor.select([id]);
			return;
		}
		if (e.button !== 0) return;
		const hit = layerShapeAt(p);
		if (hit === 'transformer') return; // Konva's Transformer handles it
		const doc = editor.doc;
		const pp = page(p);
		if (editor.editingTextId) editor.editingTextId = null;
		const picked = hit ? pick(doc, hit.id(), pp) : null;
		if (hit && !picked) {
			// Inside the entered group's box but on none of its members: back to the whole group.
			editor.select([editor.enteredGroupId!]);
			editor.enteredGroupId = null;
			return;
		}
		if (hit && picked) {
			const id = picked;
			if (e.shiftKey) {
				editor.select([id], 'toggle');
				return;
			}
			if (!editor.selection.includes(id)) editor.select([id]);
			gesture = {
				kind: 'press',
				ids: editableIds(doc, editor.selection),
				clicked: id,
				start: p,
				startPage: pp,
				shift: false
			};
			return;
		}
		// Inside the box of a multi-selection: drag the selection (as design tools do).
		const sb = editor.selection.length > 1 ? selectionBounds(doc, editor.selection) : null;
		if (sb && boxesIntersect(sb, { x: pp.x, y: pp.y, width: 0, height: 0 }) && !e.shiftKey) {
			gesture = {
				kind: 'press',
				ids: editableIds(doc, editor.selection),
				clicked: null,
				start: p,
				startPage: pp,
				shift: false
			};
			return;
		}
		if (!e.shiftKey) editor.select([]);
		// A finger on the empty canvas moves the view, as in every phone app; a mouse draws a marquee.
		if (e.pointerType === 'touch') gesture = { kind: 'pan', last: p };
		else gesture = { kind: 'marquee', start: pp, add: e.shiftKey };
	}

	function onPointerMove(e: PointerEvent) {
		if (e.pointerType === 'touch' && touches.has(e.pointerId)) {
			touches.set(e.pointerId, local(e));
			if (pinch && touches.size === 2) {
				const [a, b] = [...touches.values()];
				const dist = Math.hypot(a.x - b.x, a.y - b.y);
				const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
				const v = zoomAt(editor.view, dist / pinch.dist, mid);
				editor.view = { ...v, panX: v.panX + mid.x - pinch.mid.x, panY: v.panY + mid.y - pinch.mid.y };
				pinch = { dist, mid };
				return;
			}
		}
		if (!gesture) {
			if (e.buttons === 0) hover(local(e));
			return;
		}
		const p = local(e);
		if (gesture.kind === 'pan') {
			const v = editor.view;
			editor.view = { ...v, panX: v.panX + p.x - gesture.last.x, panY: v.panY + p.y - gesture.last.y };
			gesture.last = p;
			return;
		}
		if (gesture.kind === 'press') {
			if (
				Math.hypot(p.x - gesture.start.x, p.y - gesture.start.y) < DRAG_START_PX ||
				gesture.ids.length === 0
			)
				return;
			const doc = editor.doc;
			const nested = gesture.ids.some((id) => !cs.shapes.has(id));
			const proxies = nested ? cs.beginMemberDrag(gesture.ids) : null;
			const nodeOf = (id: string) => cs.shapes.get(id) ?? proxies?.get(id);
			const origins = new Map(gesture.ids.map((id) => [id, nodeOf(id)?.position() ?? { x: 0, y: 0 }]));
			const tops = topLevelLocations(doc, gesture.ids).map((l) => l.ancestors[0]?.id ?? l.layer.id);
			gesture = {
				kind: 'drag',
				ids: gesture.ids,
				start: gesture.start,
				origins,
				bounds: selectionBounds(doc, gesture.ids) ?? { x: 0, y: 0, width: 0, height: 0 },
				targets: snapTargetsForIds(doc, [...gesture.ids, ...tops]),
				dx: 0,
				dy: 0,
				proxies
			};
			if (!nested) cs.beginActive(gesture.ids);
			cs.setOutlines([]);
		}
		if (gesture.kind === 'drag') {
			const z = editor.view.zoom;
			let dx = (p.x - gesture.start.x) / z;
			let dy = (p.y - gesture.start.y) / z;
			const b = gesture.bounds;
			if (!e.altKey) {
				const s = snapMove(
					{ x: b.x + dx, y: b.y + dy, width: b.width, height: b.height },
					gesture.targets,
					SNAP_PX / z
				);
				dx = s.x - b.x;
				dy = s.y - b.y;
				cs.setSnapGuides(s.guides);
			} else cs.setSnapGuides([]);
			gesture.dx = dx;
			gesture.dy = dy;
			for (const [id, o] of gesture.origins)
				(cs.shapes.get(id) ?? gesture.proxies?.get(id))?.position({ x: o.x + dx, y: o.y + dy });
			cs.active.batchDraw();
			return;
		}
		if (gesture.kind === 'marquee') {
			const pp = page(p);
			const x = Math.min(pp.x, gesture.start.x);
			const y = Math.min(pp.y, gesture.start.y);
			cs.marquee.setAttrs({
				x,
				y,
				width: Math.abs(pp.x - gesture.start.x),
				height: Math.abs(pp.y - gesture.start.y),
				visible: true
			});
			cs.marquee.getLayer()?.batchDraw();
		}
	}

	function onPointerUp(e: PointerEvent) {
		touches.delete(e.pointerId);
		if (touches.size < 2) pinch = null;
		const g = gesture;
		gesture = null;
		if (!g) return;
		if (g.kind === 'pan') el.style.cursor = spaceHeld ? 'grab' : '';
		else if (g.kind === 'drag') {
			cs.setSnapGuides([]);
			if (g.proxies) cs.endMemberDrag(g.proxies);
			if (g.dx || g.dy)
				editor.apply({ doc: moveLayers(editor.doc, g.ids, g.dx, g.dy), selection: editor.selection }, 'move');
			if (!g.proxies) cs.endActive();
		} else if (g.kind === 'press') {
			// A plain click on one member of a multi-selection selects just it.
			if (g.clicked && editor.selection.length > 1) editor.select([g.clicked]);
			if (e.pointerType === 'touch' && g.clicked) doubleTap(g.clicked, local(e));
		} else if (g.kind === 'marquee') {
			const box = {
				x: cs.marquee.x(),
				y: cs.marquee.y(),
				width: cs.marquee.width(),
				height: cs.marquee.height()
			};
			cs.marquee.visible(false);
			cs.marquee.getLayer()?.batchDraw();
			if (box.width < 2 / editor.view.zoom && box.height < 2 / editor.view.zoom) return;
			const doc = editor.doc;
			const hits = doc.layers
				.filter((l) => !l.hidden && !l.locked && boxesIntersect(box, pageBounds(findLayer(doc, l.id)!)))
				.map((l) => l.id);
			editor.select(hits, g.add ? 'add' : 'replace');
		}
	}

	/** Touch has no dblclick we can count on: the second tap on the same text layer edits it. */
	function doubleTap(id: string, p: Point) {
		const now = performance.now();
		const prev = lastTap;
		lastTap = { id, at: now, p };
		if (!prev || prev.id !== id || now - prev.at > DOUBLE_TAP_MS) return;
		if (Math.hypot(p.x - prev.p.x, p.y - prev.p.y) > DOUBLE_TAP_PX) return;
		lastTap = null;
		const layer = findLayer(editor.doc, id)?.layer;
		if (layer?.type === 'text' && !layer.locked) host.editText(id, page(p));
	}

	function hover(p: Point) {
		const hit = layerShapeAt(p);
		const id = hit && hit !== 'transformer' ? pick(editor.doc, hit.id(), page(p)) : null;
		if (id !== editor.hoverId) editor.hoverId = id;
		el.style.cursor = spaceHeld ? 'grab' : hit === 'transformer' ? '' : id ? 'move' : 'default';
	}

	function onDblClick(e: MouseEvent) {
		const p = local(e);
		const hit = layerShapeAt(p);
		if (!hit || hit === 'transformer') {
			const only = editor.selection.length === 1 ? findLayer(editor.doc, editor.selection[0])?.layer : null;
			if (only?.type === 'text') host.editText(only.id, page(p));
			return;
		}
		const doc = editor.doc;
		const pp = page(p);
		const id = pick(doc, hit.id(), pp);
		const layer = id ? findLayer(doc, id)?.layer : null;
		if (layer?.type === 'group') {
			const member = memberAt(doc, layer.id, pp);
			if (member) editor.enterGroup(layer.id, member);
			return;
		}
		if (layer?.type === 'text' && !layer.locked) host.editText(layer.id, pp);
	}

	function onWheel(e: WheelEvent) {
		e.preventDefault();
		const p = local(e);
		if (e.ctrlKey || e.metaKey) editor.view = zoomAt(editor.view, wheelZoomFactor(e.deltaY, e.deltaMode), p);
		else {
			const k = e.deltaMode === 1 ? 16 : 1;
			const dx = (e.shiftKey ? e.deltaY : e.deltaX) * k;
			const dy = (e.shiftKey ? 0 : e.deltaY) * k;
			editor.view = { ...editor.view, panX: editor.view.panX - dx, panY: editor.view.panY - dy };
		}
	}

	const typing = (t: EventTarget | null) =>
		t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
	function onKeyDown(e: KeyboardEvent) {
		if (e.code === 'Space' && !typing(e.target) && !editor.editingTextId) {
			if (!spaceHeld) {
				spaceHeld = true;
				el.style.cursor = 'grab';
			}
			e.preventDefault();
		}
		if (e.key === 'Escape' && gesture?.kind === 'drag') {
			for (const [id, o] of gesture.origins) cs.shapes.get(id)?.position(o);
			if (gesture.proxies) cs.endMemberDrag(gesture.proxies);
			gesture = null;
			cs.setSnapGuides([]);
			cs.endActive();
		}
	}
	function onKeyUp(e: KeyboardEvent) {
		if (e.code === 'Space') {
			spaceHeld = false;
			el.style.cursor = '';
		}
	}

	const detachTransformer = attachTransformer(cs, editor);
	el.addEventListener('pointerdown', onPointerDown);
	window.addEventListener('pointermove', onPointerMove);
	window.addEventListener('pointerup', onPointerUp);
	window.addEventListener('pointercancel', onPointerUp);
	el.addEventListener('dblclick', onDblClick);
	el.addEventListener('wheel', onWheel, { passive: false });
	window.addEventListener('keydown', onKeyDown);
	window.addEventListener('keyup', onKeyUp);
	return () => {
		detachTransformer();
		el.removeEventListener('pointerdown', onPointerDown);
		window.removeEventListener('pointermove', onPointerMove);
		window.removeEventListener('pointerup', onPointerUp);
		window.removeEventListener('pointercancel', onPointerUp);
		el.removeEventListener('dblclick', onDblClick);
		el.removeEventListener('wheel', onWheel);
		window.removeEventListener('keydown', onKeyDown);
		window.removeEventListener('keyup', onKeyUp);
	};
}
