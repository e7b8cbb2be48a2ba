// The export dialog's server work in the browser: the preflight check of the document
// (/api/preflight), and an export job (/api/export) followed by server-sent events, or by
// polling if the stream breaks, ending in the file's download. Fields are reactive ($state).
import type { PosterDocument } from '$lib/document/schema';

export type Pair = { zh: string; en: string };

export interface Issue {
	code: string;
	severity: 'warning' | 'error';
	layerId: string;
	message: Pair;
}

export interface ExportJobStatus {
	id: string;
	state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
	progress: number;
	error?: Pair;
	fileName?: string;
	size?: number;
	url?: string;
}

export class Preflight {
	/** null while checking. */
	issues = $state<Issue[] | null>(null);
	error = $state<string | null>(null);

	/** Check `doc` (reads all of it, so an $effect calling this reruns on any change); returns the abort. */
	check(doc: PosterDocument): () => void {
		const body = JSON.stringify({ document: doc });
		this.issues = null;
		this.error = null;
		const controller = new AbortController();
		fetch('/api/preflight', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			signal: controller.signal
		})
			.then(async (res) => {
				const data = await res.json();
				if (!res.ok) throw new Error(data.message ?? `HTTP ${res.status}`);
				this.issues = data.issues;
			})
			.catch((e) => {
				if (!controller.signal.aborted) this.error = e instanceof Error ? e.message : String(e);
			});
		return () => controller.abort();
	}
}

export class ExportRun {
	job = $state<ExportJobStatus | null>(null);
	error = $state<string | null>(null);
	busy = $state(false);

	/** `tr` picks a server message's text in the user's language. */
	constructor(private readonly tr: (p: Pair) => string) {}

	/** Start an export job with these settings (the POST /api/export body) and download its file. */
	async start(settings: Record<string, unknown>): Promise<void> {
		this.busy = true;
		this.error = null;
		this.job = null;
		try {
			const res = await fetch('/api/export', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(settings)
			});
			const data = await res.json();
			if (!res.ok) throw new Error(data.message ?? `HTTP ${res.status}`);
			this.job = data;
			await this.#follow(data.id);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.busy = false;
		}
	}

	/** Asks the server to stop the running export (queued: at once; running: at its next strip). */
	async cancel(): Promise<void> {
		const id = this.job?.id;
		if (!id || !this.busy) return;
		await fetch(`/api/export/${id}/cancel`, { method: 'POST' }).catch(() => {});
	}

	/** Progress by server-sent events; polling if the stream breaks. */
	#follow(id: string): Promise<void> {
		return new Promise((resolve, reject) => {
			const source = new EventSource(`/api/export/${id}`);
			const update = (e: MessageEvent) => (this.job = JSON.parse(e.data));
			source.addEventListener('progress', update);
			source.addEventListener('done', (e) => {
				update(e as MessageEvent);
				source.close();
				this.#download();
				resolve();
			});
			for (const end of ['failed', 'cancelled'])
				source.addEventListener(end, (e) => {
					update(e as MessageEvent);
					source.close();
					reject(new Error(this.job?.error ? this.tr(this.job.error) : `export ${end}`));
				});
			source.onerror = () => {
				source.close();
				this.#poll(id).then(resolve, reject);
			};
		});
	}

	async #poll(id: string) {
		for (;;) {
			const res = await fetch(`/api/export/${id}`);
			const data = await res.json();
			if (!res.ok) throw new Error(data.message ?? `HTTP ${res.status}`);
			this.job = data;
			if (data.state === 'done') return this.#download();
			if (data.state === 'failed' || data.state === 'cancelled') throw new Error(this.tr(data.error));
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	#download() {
		const job = this.job;
		if (!job?.url) return;
		const a = window.document.createElement('a');
		a.href = job.url;
		a.download = job.fileName ?? '';
		window.document.body.appendChild(a);
		a.click();
		a.remove();
	}
}

/** A file size for people: "3.4 MB", whole megabytes above 10 MB. */
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes > 10 * 1024 * 1024 ? 0 : 1)} MB`;
