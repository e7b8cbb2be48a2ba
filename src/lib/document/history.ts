// Undo/redo as a stack of reversible diffs (see diff.ts), not snapshots. A mark opens a batch:
// every commit until the batch ends is squashed into one undo step (the diff from the document
// at the mark), so one drag of many pointer moves undoes in one go.
//   history.mark('move'); …history.commit(doc) on each pointer move…; history.end();
import { applyDiff, diff, invertDiff, type Diff } from './diff';
import type { PosterDocument } from './schema';

export interface HistoryEntry {
	diff: Diff;
	label?: string;
}

export interface HistoryOptions {
	/** Most undo steps kept; the oldest are dropped beyond it. */
	limit?: number;
}

export class History {
	#current: PosterDocument;
	#undo: HistoryEntry[] = [];
	#redo: HistoryEntry[] = [];
	/** The open batch: the document at the mark, and whether its entry is on the undo stack. */
	#batch: { base: PosterDocument; label?: string; entry: HistoryEntry | null } | null = null;
	readonly limit: number;

	constructor(initial: PosterDocument, options: HistoryOptions = {}) {
		this.#current = initial;
		this.limit = Math.max(1, options.limit ?? 200);
	}

	get current(): PosterDocument {
		return this.#current;
	}
	get canUndo(): boolean {
		return this.#undo.length > 0;
	}
	get canRedo(): boolean {
		return this.#redo.length > 0;
	}
	get undoDepth(): number {
		return this.#undo.length;
	}
	get redoDepth(): number {
		return this.#redo.length;
	}
	get inBatch(): boolean {
		return this.#batch !== null;
	}

	/** Record `next` as the current document; returns it. A no-op change records nothing. */
	commit(next: PosterDocument, label?: string): PosterDocument {
		if (next === this.#current) return next;
		const batch = this.#batch;
		if (batch) {
			// Squash: one entry holding the diff from the mark to now, replaced on every commit.
			const squashed = diff(batch.base, next);
			if (batch.entry) this.#undo.splice(this.#undo.indexOf(batch.entry), 1);
			batch.entry = squashed.length ? { diff: squashed, label: batch.label ?? label } : null;
			if (batch.entry) this.#push(batch.entry);
		} else {
			const d = diff(this.#current, next);
			if (d.length) this.#push({ diff: d, label });
		}
		this.#redo = [];
		this.#current = next;
		return next;
	}

	/** Start a batch: commits until end() (or the next mark) make one undo step. */
	mark(label?: string): void {
		this.end();
		this.#batch = { base: this.#current, label, entry: null };
	}

	end(): void {
		this.#batch = null;
	}

	/** Abandon the open batch (Esc during a drag): back to the document at the mark. */
	bail(): PosterDocument {
		const batch = this.#batch;
		if (!batch) return this.#current;
		if (batch.entry) this.#undo.splice(this.#undo.indexOf(batch.entry), 1);
		this.#batch = null;
		this.#current = batch.base;
		return this.#current;
	}

	undo(): PosterDocument | null {
		this.end();
		const entry = this.#undo.pop();
		if (!entry) return null;
		this.#current = applyDiff(this.#current, invertDiff(entry.diff));
		this.#redo.push(entry);
		return this.#current;
	}

	redo(): PosterDocument | null {
		this.end();
		const entry = this.#redo.pop();
		if (!entry) return null;
		this.#current = applyDiff(this.#current, entry.diff);
		this.#undo.push(entry);
		return this.#current;
	}

	/** Labels of the steps undo would take, most recent first (for a history menu). */
	undoLabels(): (string | undefined)[] {
		return this.#undo.map((e) => e.label).reverse();
	}

	/** Forget everything and start from `doc` (after loading another document). */
	reset(doc: PosterDocument): void {
		this.#current = doc;
		this.#undo = [];
		this.#redo = [];
		this.#batch = null;
	}

	#push(entry: HistoryEntry) {
		this.#undo.push(entry);
		// The newest entry (an open batch's, too) is never the one dropped.
		if (this.#undo.length > this.limit) this.#undo.splice(0, this.#undo.length - this.limit);
	}
}
