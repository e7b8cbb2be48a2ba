// Autosave: saves at most `delayMs` after the last change, one save in flight at a time, with the
// revision the document was loaded at. A conflict (another tab saved first) stops saving and
// waits for the user's choice: keep mine (overwrite theirs, knowingly) or load theirs.
import type { PosterDocument } from '../document/schema';

export type SaveOutcome =
	| { ok: true; revision: number }
	| { ok: false; conflict: { revision: number; document: PosterDocument } }
	| { ok: false; error: string };

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface AutosaveState {
	status: SaveStatus;
	revision: number;
	/** Set while status is "conflict": the version another tab saved. */
	theirs: { revision: number; document: PosterDocument } | null;
	error: string | null;
	lastSavedAt: number | null;
}

export interface AutosaveOptions {
	save(doc: PosterDocument, expectedRevision: number): Promise<SaveOutcome>;
	onState?(state: AutosaveState): void;
	/** Debounce after the last change (the issue allows at most 2 s). */
	delayMs?: number;
	/** Retry delay after a network or server error. */
	retryMs?: number;
	now?: () => number;
}

export class AutosaveController {
	private state: AutosaveState;
	private latest: PosterDocument;
	private savedDoc: PosterDocument;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private inFlight: Promise<void> | null = null;
	private disposed = false;
	private readonly delayMs: number;
	private readonly retryMs: number;

	constructor(
		doc: PosterDocument,
		revision: number,
		private readonly options: AutosaveOptions
	) {
		this.latest = doc;
		this.savedDoc = doc;
		this.delayMs = Math.min(options.delayMs ?? 1200, 2000);
		this.retryMs = options.retryMs ?? 4000;
		this.state = { status: 'saved', revision, theirs: null, error: null, lastSavedAt: null };
	}

	get current(): Readonly<AutosaveState> {
		return this.state;
	}

	/** True when the newest document is not yet stored. */
	get dirty(): boolean {
		return this.latest !== this.savedDoc;
	}

	private set(patch: Partial<AutosaveState>) {
		this.state = { ...this.state, ...patch };
		this.options.onState?.(this.state);
	}

	/** The document changed: save it soon. */
	change(doc: PosterDocument): void {
		if (this.disposed || doc === this.latest) return;
		this.latest = doc;
		if (this.state.status === 'conflict') return; // the user decides first
		if (this.state.status !== 'saving') this.set({ status: 'pending' });
		this.schedule(this.delayMs);
	}

	private schedule(ms: number) {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.flush();
		}, ms);
	}

	/** Save now (Ctrl+S, leaving the page); resolves when stored or failed. */
	async flush(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = null;
		}
		if (this.inFlight) {
			await this.inFlight;
			if (this.dirty && this.state.status !== 'conflict') return this.flush();
			return;
		}
		if (!this.dirty || this.state.status === 'conflict' || this.disposed) return;
		this.inFlight = this.saveLatest(this.state.revision).finally(() => (this.inFlight = null));
		await this.inFlight;
		if (this.dirty && this.state.status === 'pending') this.schedule(this.delayMs);
	}

	private async saveLatest(expectedRevision: number): Promise<void> {
		const doc = this.latest;
		this.set({ status: 'saving', error: null });
		let outcome: SaveOutcome;
		try {
			outcome = await this.options.save(doc, expectedRevision);
		} catch (e) {
			outcome = { ok: false, error: e instanceof Error ? e.message : String(e) };
		}
		if (this.disposed) return;
		if (outcome.ok) {
			this.savedDoc = doc;
			const now = this.options.now?.() ?? Date.now();
			this.set({ revision: outcome.revision, status: this.dirty ? 'pending' : 'saved', lastSavedAt: now });
		} else if ('conflict' in outcome) {
			this.set({ status: 'conflict', theirs: outcome.conflict });
		} else {
			this.set({ status: 'error', error: outcome.error });
			// The change stays unsaved: the retry (or the next change) saves it.
			this.schedule(this.retryMs);
		}
	}

	/** Conflict resolved by keeping this tab's version: save it over theirs. */
	async keepMine(): Promise<void> {
		const theirs = this.state.theirs;
		if (this.state.status !== 'conflict' || !theirs) return;
		this.set({ theirs: null, status: 'pending', revision: theirs.revision });
		this.savedDoc = theirs.document; // mine differs from it, so it is dirty and gets saved
		await this.flush();
	}

	/** Conflict resolved by taking the other tab's version; returns it for the editor to load. */
	loadTheirs(): PosterDocument | null {
		const theirs = this.state.theirs;
		if (this.state.status !== 'conflict' || !theirs) return null;
		this.latest = theirs.document;
		this.savedDoc = theirs.document;
		this.set({ theirs: null, status: 'saved', revision: theirs.revision, error: null });
		return theirs.document;
	}

	/** Replace the baseline without saving (a document loaded from the server). */
	reset(doc: PosterDocument, revision: number): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.latest = doc;
		this.savedDoc = doc;
		this.set({ status: 'saved', revision, theirs: null, error: null });
	}

	dispose(): void {
		this.disposed = true;
		if (this.timer) clearTimeout(this.timer);
	}
}

/** The HTTP transport for the storage API: PUT /api/documents/[id] {document, revision}. */
export function httpSave(fetcher: typeof fetch = fetch): AutosaveOptions['save'] {
	return async (doc, expectedRevision) => {
		let res: Response;
		try {
			res = await fetcher(`/api/documents/${encodeURIComponent(doc.id)}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ document: doc, revision: expectedRevision })
			});
		} catch (e) {
			return { ok: false, error: e instanceof Error ? e.message : String(e) };
		}
		const body = await res.json().catch(() => ({}));
		if (res.status === 409 && body?.document) {
			return { ok: false, conflict: { revision: Number(body.currentRevision), document: body.document } };
		}
		if (!res.ok) return { ok: false, error: body?.message ?? body?.error ?? `HTTP ${res.status}` };
		return { ok: true, revision: Number(body.revision) };
	};
}
