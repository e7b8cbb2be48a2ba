// Runs generation jobs with bounded concurrency per backend (default one at a time; the in-process
// backend takes the job runtime's generation slots), streams their progress to subscribers,
// cancels them through an AbortSignal, and stores finished images as assets.
import { putAsset } from '../storage/assets';
import type { Db } from '../storage/db';
import { checkScore, type TextCheck, type TextExpectation } from '../../templates/text-check';
import {
	isCancelled,
	type BackendId,
	type GeneratedImage,
	type GenerationBackend,
	type GenerationRequest,
	type GenerationTry
} from './backend';
import { JobStore, TERMINAL, type JobRecord } from './jobs';
import { AbortedError, Limiter } from '../jobs/limiter';
import { JobListeners } from '../jobs/listeners';

type Listener = (job: LiveJobRecord) => void;

/** Reads an image back and compares it with the strings asked for (the OCR worker in the app). */
export type TextChecker = (png: Buffer, expectations: TextExpectation[]) => Promise<TextCheck>;

/** A job record with what only the running process knows: which try of an auto job is running. */
export interface LiveJobRecord extends JobRecord {
	attempt?: { index: number; of: number; tries: GenerationTry[] };
}

export class GenerationQueue {
	private controllers = new Map<string, AbortController>();
	private active = new Set<string>();
	private listeners = new JobListeners<LiveJobRecord>();
	private limiters = new Map<BackendId, Limiter>();
	private attempts = new Map<string, NonNullable<LiveJobRecord['attempt']>>();

	/** `concurrency`: slots per backend, or a function giving each backend its limiter. */
	constructor(
		readonly store: JobStore,
		private readonly backends: Partial<Record<BackendId, GenerationBackend>>,
		private readonly concurrency: number | ((backend: BackendId) => Limiter) = 1,
		private readonly assetDb?: Db,
		private readonly checkText?: TextChecker
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

	get(id: string): LiveJobRecord | null {
		const job = this.store.get(id);
		const attempt = this.attempts.get(id);
		return job && attempt ? { ...job, attempt: { ...attempt, tries: [...attempt.tries] } } : job;
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
		return this.listeners.subscribe(id, listener);
	}

	/** Resolves when no job is queued or running (tests, CLI, shutdown). */
	async idle(): Promise<void> {
		while (this.active.size > 0) await new Promise((r) => setTimeout(r, 5));
	}

	private emit(id: string): void {
		const job = this.get(id);
		if (job) this.listeners.notify(id, job);
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
			const tries = Math.max(1, job.request.autoTries ?? 1);
			const expectations = this.checkText ? (job.request.textCheck ?? []) : [];
			let best: { image: GeneratedImage; assetId: string; check?: TextCheck; score: number } | null = null;
			const done: GenerationTry[] = [];
			for (let index = 0; index < tries; index++) {
				if (tries > 1) this.attempts.set(id, { index, of: tries, tries: done });
				const request = { ...job.request, seed: (job.request.seed + index) % 2 ** 32 };
				const image = await backend.generate(request, {
					signal: controller.signal,
					onProgress: (progress) => {
						this.store.setProgress(id, progress);
						this.emit(id);
					}
				});
				if (controller.signal.aborted) throw new DOMException('cancelled', 'AbortError');
				const steps = image.metadata.steps;
				let check: TextCheck | undefined;
				if (expectations.length) {
					this.store.setProgress(id, { phase: 'checking', step: steps, totalSteps: steps });
					this.emit(id);
					try {
						check = await this.checkText!(image.png, expectations);
						image.metadata.timings = { ...image.metadata.timings, textCheck: check.ms };
					} catch (error) {
						// The picture is still good: keep it, and say why its text was not checked.
						const reason = error instanceof Error ? error.message : String(error);
						image.metadata.warnings = [
							...image.metadata.warnings,
							`The text in the image could not be checked: ${reason} 无法检查图中文字。`
						];
					}
				}
				this.store.setProgress(id, { phase: 'saving', step: steps, totalSteps: steps });
				const metadata = { ...image.metadata, ...(check ? { textCheck: check } : {}) };
				const asset = await putAsset(
					image.png,
					{
						mime: 'image/png',
						width: image.width,
						height: image.height,
						meta: { generation: metadata, jobId: id }
					},
					this.assetDb
				);
				const score = check ? checkScore(check) : 0;
				if (check) done.push({ seed: request.seed, assetId: asset.id, verdict: check.verdict, score });
				if (!best || score > best.score) best = { image, assetId: asset.id, check, score };
				if (!check || check.verdict === 'exact') break;
			}
			const { image, assetId, check } = best!;
			const metadata = {
				...image.metadata,
				...(check ? { textCheck: check } : {}),
				...(tries > 1 ? { tries: done } : {})
			};
			this.store.finish(id, 'done', { assetId, metadata });
		} catch (error) {
			if (isCancelled(error) || controller.signal.aborted)
				this.store.finish(id, 'cancelled', { error: 'Cancelled. 已取消。' });
			else this.store.finish(id, 'failed', { error: error instanceof Error ? error.message : String(error) });
		} finally {
			this.attempts.delete(id);
		}
		// Before the slot is released, so listeners see this job end before the next one starts.
		this.emit(id);
	}
}
