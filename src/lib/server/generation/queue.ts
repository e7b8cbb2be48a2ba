// Runs generation jobs with bounded concurrency per backend (default one at a time; the in-process
// backend takes the job runtime's generation slots), streams their progress to subscribers,
// cancels them through an AbortSignal, and stores finished images as assets.
import { putAsset } from '../storage/assets';
import type { Db } from '../storage/db';
import { isCancelled, type BackendId, type GenerationBackend, type GenerationRequest } from './backend';
import { JobStore, TERMINAL, type JobRecord } from './jobs';
import { AbortedError, Limiter } from '../jobs/limiter';

type Listener = (job: JobRecord) => void;

export class GenerationQueue {
	private controllers = new Map<string, AbortController>();
	private active = new Set<string>();
	private listeners = new Map<string, Set<Listener>>();
	private limiters = new Map<BackendId, Limiter>();

	/** `concurrency`: slots per backend, or a function giving each backend its limiter. */
	constructor(
		readonly store: JobStore,
		private readonly backends: Partial<Record<BackendId, GenerationBackend>>,
		private readonly concurrency: number | ((backend: BackendId) => Limiter) = 1,
		private readonly assetDb?: Db
	) {}

	private limiter(id: BackendId): Limiter {
		let limiter = this.limiters.get(id);
		if (!limiter) {
			const c = this.concurrency;
			limiter = typeof c === 'function' ? c(id) : new Limiter(c);
			this.limiters.set(id, limiter);
		}
		return limiter;
	}

	backend(id: BackendId): GenerationBackend | undefined {
		return this.backends[id];
	}

	/** Queues one job per request (variations share a batch id); returns the records. */
	enqueue(backendId: BackendId, requests: GenerationRequest[]): JobRecord[] {
		const backend = this.backends[backendId];
		if (!backend) throw new Error(`generation backend "${backendId}" is not configured`);
		const batchId = this.store.newBatchId();
		const jobs = requests.map((r) => this.store.create(batchId, backendId, backend.modelLabel, r));
		for (const job of jobs) {
			const controller = new AbortController();
			this.controllers.set(job.id, controller);
			this.active.add(job.id);
			// Started after the caller got the records (and could subscribe).
			queueMicrotask(() => void this.run(job.id, backendId, controller));
		}
		return jobs;
	}

	get(id: string): JobRecord | null {
		return this.store.get(id);
	}

	/** Cancels a queued job at once, or asks a running one to stop after its current step. */
	cancel(id: string): JobRecord | null {
		const job = this.store.get(id);
		if (!job || TERMINAL.includes(job.status)) return job;
		// A queued job ends now (the limiter then drops it); a running one at its next step.
		if (job.status === 'queued') this.store.finish(id, 'cancelled', { error: 'Cancelled. 已取消。' });
		this.controllers.get(id)?.abort();
		return this.store.get(id);
	}

	/** Calls `listener` on every change of the job until it ends; returns an unsubscribe function. */
	subscribe(id: string, listener: Listener): () => void {
		const set = this.listeners.get(id) ?? new Set();
		set.add(listener);
		this.listeners.set(id, set);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.listeners.delete(id);
		};
	}

	/** Resolves when no job is queued or running (tests, CLI, shutdown). */
	async idle(): Promise<void> {
		while (this.active.size > 0) await new Promise((r) => setTimeout(r, 5));
	}

	private emit(id: string): void {
		const job = this.store.get(id);
		if (!job) return;
		for (const listener of this.listeners.get(id) ?? []) listener(job);
	}

	private async run(id: string, backendId: BackendId, controller: AbortController): Promise<void> {
		try {
			await this.limiter(backendId).run(1, () => this.generate(id, backendId, controller), controller.signal);
		} catch (error) {
			// Aborted while waiting for a slot: the job never started.
			if (!(error instanceof AbortedError)) throw error;
			this.store.finish(id, 'cancelled', { error: 'Cancelled. 已取消。' });
			this.emit(id);
		} finally {
			this.controllers.delete(id);
			this.active.delete(id);
		}
	}

	private async generate(id: string, backendId: BackendId, controller: AbortController): Promise<void> {
		const backend = this.backends[backendId]!;
		const job = this.store.get(id);
		if (!job || job.status !== 'queued') return;
		this.store.markRunning(id);
		this.emit(id);
		try {
			const image = await backend.generate(job.request, {
				signal: controller.signal,
				onProgress: (progress) => {
					this.store.setProgress(id, progress);
					this.emit(id);
				}
			});
			if (controller.signal.aborted) throw new DOMException('cancelled', 'AbortError');
			this.store.setProgress(id, {
				phase: 'saving',
				step: image.metadata.steps,
				totalSteps: image.metadata.steps
			});
			const asset = await putAsset(
				image.png,
				{
					mime: 'image/png',
					width: image.width,
					height: image.height,
					meta: { generation: image.metadata, jobId: id }
				},
				this.assetDb
			);
			this.store.finish(id, 'done', { assetId: asset.id, metadata: image.metadata });
		} catch (error) {
			if (isCancelled(error) || controller.signal.aborted)
				this.store.finish(id, 'cancelled', { error: 'Cancelled. 已取消。' });
			else this.store.finish(id, 'failed', { error: error instanceof Error ? error.message : String(error) });
		}
		// Before the slot is released, so listeners see this job end before the next one starts.
		this.emit(id);
	}
}
