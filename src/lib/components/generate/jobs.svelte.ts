// The generate panel's jobs in the browser: submitting to /api/generate, following each job's
// server-sent events (/api/jobs/[id]/events) step by step, and cancelling. The fields are reactive
// ($state), so the panel renders them directly.
import type { Generation as DocumentGeneration } from '../../document/schema';
import type { TextCheck, TextExpectation } from '../../templates/text-check';
import type { Locale } from './strings';

/** What onChoose receives with the asset id: the job's generation metadata. */
export interface Generation {
	jobId: string;
	prompt: string;
	seed: number;
	steps: number;
	width: number;
	height: number;
	backend: string;
	model: string;
	timings: Record<string, number>;
	warnings: string[];
	/** Whether the image says what the prompt asked it to draw (OCR, after generating). */
	textCheck?: TextCheck;
	/** With "auto": each seed tried. */
	tries?: { seed: number; assetId: string; verdict: TextCheck['verdict']; score: number }[];
}

/** A job's metadata as the document keeps it on the image layer it filled. */
export function documentGeneration(g: Generation, previousAssetIds: string[] = []): DocumentGeneration {
	const { backend, model, prompt, seed, steps, width, height, jobId } = g;
	return { backend, model, prompt, seed, steps, width, height, jobId, previousAssetIds };
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
	id: string;
	seed: number;
	status: JobStatus;
	step: number;
	totalSteps: number;
	phase: string;
	error: string | null;
	assetId: string | null;
	generation: Generation | null;
	/** With "auto": which try is running (0-based) of how many, and the tries so far. */
	attempt: { index: number; of: number; tries: NonNullable<Generation['tries']> } | null;
}

/** GET /api/generation/status. */
export interface GenerationStatus {
	configured: boolean;
	defaultBackend: string | null;
	backends: {
		id: string;
		ok: boolean;
		model: string | null;
		label?: { zh: string; en: string } | null;
		detail: string;
	}[];
	howTo: { zh: string; en: string };
	recommendedSizes: [number, number][];
}

/** The request body's source of the prompt: a template with its values, or a prompt. */
export type PromptSource =
	| { templateId: string; values: Record<string, string>; formatId: string | undefined }
	| { prompt: string | undefined };

const isActive = (j: JobView) => j.status === 'queued' || j.status === 'running';

export class GenerationJobs {
	/** Newest first, at most 12. */
	list = $state<JobView[]>([]);
	submitError = $state<string | null>(null);
	warnings = $state<string[]>([]);
	modelLabel = $state<string | null>(null);
	/** The model's name in each UI language, when it has one (else modelLabel is shown). */
	modelDisplayName = $state<{ zh: string; en: string } | null>(null);
	submitting = $state(false);
	readonly active = $derived(this.list.some(isActive));
	#sources: Record<string, EventSource> = {};

	/** POST /api/generate and follow every job it creates. */
	async submit(
		source: PromptSource,
		request: {
			locale: Locale;
			width: number;
			height: number;
			seed: number;
			count: number;
			/** Where each drawn string belongs (the form's prompt builder knows). */
			expect?: TextExpectation[];
			/** Try up to this many seeds until the drawn text reads back. */
			auto?: number;
		}
	): Promise<void> {
		const { locale } = request;
		this.submitting = true;
		this.submitError = null;
		this.warnings = [];
		try {
			const res = await fetch('/api/generate', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...source, ...request })
			});
			const data = await res.json();
			if (!res.ok) {
				this.submitError = data.message ?? data.error?.[locale] ?? res.statusText;
				return;
			}
			this.modelLabel = data.model;
			this.modelDisplayName = data.label ?? null;
			this.warnings = (data.warnings ?? []).map((w: { zh: string; en: string }) => w[locale]);
			const created: JobView[] = data.jobs.map((j: { id: string; seed: number; status: JobStatus }) => ({
				id: j.id,
				seed: j.seed,
				status: j.status,
				step: 0,
				totalSteps: 8,
				phase: 'queued',
				error: null,
				assetId: null,
				generation: null,
				attempt: null
			}));
			this.list = [...created, ...this.list].slice(0, 12);
			for (const job of this.list.filter((j) => created.some((c) => c.id === j.id))) this.#follow(job);
		} catch (error) {
			this.submitError = String(error);
		} finally {
			this.submitting = false;
		}
	}

	async cancelAll(): Promise<void> {
		await Promise.all(
			this.list.filter(isActive).map((j) => fetch(`/api/jobs/${j.id}/cancel`, { method: 'POST' }))
		);
	}

	/** Stop listening (the panel is going away); the jobs themselves run on. */
	close(): void {
		Object.values(this.#sources).forEach((s) => s.close());
	}

	#follow(job: JobView) {
		const sources = this.#sources;
		const source = new EventSource(`/api/jobs/${job.id}/events`);
		sources[job.id] = source;
		source.addEventListener('job', (event) => {
			const record = JSON.parse((event as MessageEvent).data);
			const view = this.list.find((j) => j.id === record.id);
			if (!view) return;
			view.status = record.status;
			view.step = record.progress.step;
			view.totalSteps = record.progress.totalSteps;
			view.phase = record.progress.phase;
			view.error = record.error;
			view.assetId = record.assetId;
			view.attempt = record.attempt ?? null;
			if (record.metadata) view.generation = { jobId: record.id, ...record.metadata };
			if (['done', 'failed', 'cancelled'].includes(record.status)) {
				source.close();
				delete sources[job.id];
			}
		});
		source.onerror = () => {
			// The stream ends after the last event; a real failure leaves the job unfinished: ask once.
			source.close();
			delete sources[job.id];
			void fetch(`/api/jobs/${job.id}`)
				.then((r) => r.json())
				.then((record) => {
					const view = this.list.find((j) => j.id === job.id);
					if (view && record?.status) {
						view.status = record.status;
						view.assetId = record.assetId;
						view.error = record.error;
					}
				});
		};
	}
}

/** The size menu: each recommended size and its transpose (a square once). */
export function sizeChoices(recommended: [number, number][] | undefined): number[][] {
	return (recommended ?? [[1024, 1024]]).flatMap(([w, h]) =>
		w === h
			? [[w, h]]
			: [
					[w, h],
					[h, w]
				]
	);
}
