// The editor's state as Svelte 5 runes: the document (immutable, replaced on every change),
// selection, view, tool, in-place text editing, clipboard, and the undo history.
// Every change goes through apply() (one undo step) or a gesture (mark … preview … end).
import { History } from '../document/history';
import { findLayer } from '../document/tree';
import type { PosterDocument } from '../document/schema';
import type { Guide } from './snapping';
import { validSelection, type EditResult } from './actions';
import type { View } from './viewport';
import type { ClipboardPayload } from './clipboard';

export type Tool = 'select' | 'hand';

export class EditorState {
	doc = $state.raw<PosterDocument>(null as unknown as PosterDocument);
	selection = $state.raw<string[]>([]);
	view = $state.raw<View>({ zoom: 1, panX: 0, panY: 0 });
	tool = $state<Tool>('select');
	/** The group entered by double-click: clicks select its members until Escape or a click outside. */
	enteredGroupId = $state<string | null>(null);
	/** The text layer being edited in place, if any. */
	editingTextId = $state<string | null>(null);
	/** Snap guides to draw while dragging (page pt). */
	guides = $state.raw<Guide[]>([]);
	/** Layer under the pointer (the layers panel and the canvas highlight it). */
	hoverId = $state<string | null>(null);
	clipboard = $state.raw<ClipboardPayload | null>(null);
	pasteCount = 0;
	/** Bumped on every history change so canUndo/canRedo re-read. */
	private historyTick = $state(0);
	readonly history: History;

	constructor(doc: PosterDocument) {
		this.doc = doc;
		this.history = new History(doc, { limit: 300 });
	}

	get canUndo(): boolean {
		void this.historyTick;
		return this.history.canUndo;
	}

	get canRedo(): boolean {
		void this.historyTick;
		return this.history.canRedo;
	}

	/** One undo step. Accepts a bare document or an action's {doc, selection}. */
	apply(change: EditResult | PosterDocument, label?: string): void {
		const result =
			'doc' in change && 'selection' in change ? change : { doc: change, selection: this.selection };
		if (result.doc !== this.doc) {
			this.history.end();
			this.doc = this.history.commit(result.doc, label);
			this.historyTick++;
		}
		this.selection = validSelection(this.doc, result.selection);
	}

	/** Start a gesture (drag, resize, typing): its previews undo as one step. */
	beginGesture(label?: string): void {
		this.history.mark(label);
	}

	/** A state during a gesture (recorded into the open batch). */
	preview(doc: PosterDocument): void {
		if (doc === this.doc) return;
		if (!this.history.inBatch) this.history.mark();
		this.doc = this.history.commit(doc);
		this.historyTick++;
	}

	endGesture(): void {
		this.history.end();
		this.historyTick++;
	}

	/** Cancel the open gesture (Esc): back to the document before it. */
	cancelGesture(): void {
		this.doc = this.history.bail();
		this.historyTick++;
	}

	undo(): void {
		const doc = this.history.undo();
		if (doc) this.replaceAfterHistory(doc);
	}

	redo(): void {
		const doc = this.history.redo();
		if (doc) this.replaceAfterHistory(doc);
	}

	private replaceAfterHistory(doc: PosterDocument) {
		this.editingTextId = null;
		this.doc = doc;
		this.selection = validSelection(doc, this.selection);
		this.historyTick++;
	}

	/** Load another version (the other tab's, after a conflict): history starts over. */
	load(doc: PosterDocument): void {
		this.history.reset(doc);
		this.doc = doc;
		this.editingTextId = null;
		this.selection = validSelection(doc, this.selection);
		this.historyTick++;
	}

	select(ids: readonly string[], mode: 'replace' | 'toggle' | 'add' = 'replace'): void {
		if (mode === 'replace') this.selection = [...ids];
		else if (mode === 'add')
			this.selection = [...this.selection, ...ids.filter((id) => !this.selection.includes(id))];
		else {
			const toggled = this.selection.filter((id) => !ids.includes(id));
			this.selection = [...toggled, ...ids.filter((id) => !this.selection.includes(id))];
		}
		if (this.editingTextId && !this.selection.includes(this.editingTextId)) this.editingTextId = null;
		const entered = this.enteredGroupId;
		// Selecting nothing, or anything outside the group, leaves it.
		if (entered && !(this.selection.length && this.selection.every((id) => this.isInside(id, entered))))
			this.enteredGroupId = null;
	}

	/** Whether `id` is a member (at any depth) of the group `groupId`. */
	isInside(id: string, groupId: string): boolean {
		return findLayer(this.doc, id)?.ancestors.some((a) => a.id === groupId) ?? false;
	}

	/** Enter a group: its members become what clicks select; `memberId` is selected. */
	enterGroup(groupId: string, memberId: string): void {
		this.enteredGroupId = groupId;
		this.select([memberId]);
	}

	/** Escape inside a group: the member's group is selected again (and the group above is entered). */
	leaveGroup(): boolean {
		const only = this.selection.length === 1 ? findLayer(this.doc, this.selection[0]) : null;
		if (!only?.parent) {
			if (!this.enteredGroupId) return false;
			const id = this.enteredGroupId;
			this.enteredGroupId = null;
			this.select([id]);
			return true;
		}
		const outer = only.ancestors.at(-2)?.id ?? null;
		this.enteredGroupId = null;
		this.select([only.parent.id]);
		this.enteredGroupId = outer;
		return true;
	}
}
