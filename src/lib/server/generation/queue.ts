// Runs generation jobs with bounded concurrency per backend (default one at a time), streams their
// progress to subscribers, cancels them, and stores finished images as assets.
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

type Listener = (job: LiveJobRecord) => void;

/** Reads an image back and compares it with the strings asked for (the OCR worker in the app). */
export type TextChecker = (png: Buffer, expectations: TextExpectation[]) => Promise<TextCheck>;

/** A job record with what only the running process knows: which try of an auto job is running. */
export interface LiveJobRecord extends JobRecord {
	attempt?: { index: number; of: number; tries: GenerationTry[] };
}

interface Running {
	controller: AbortController;
}

export class GenerationQueue {
	private waiting = new Map<BackendId, string[]>();
	private running = new Map<string, Running>();
	private listeners = new Map<string, Set<Listener>>();
	private attempts = new Map<string, NonNullable<LiveJobRecord['attempt']>>();

	constructor(
		readonly store: JobStore,
		private readonly backends: Partial<Record<BackendId, GenerationBackend>>,
		private readonly concurrency = 1,
		private readonly assetDb?: Db,
		private readonly checkText?: TextChecker
	) {}

	backend(id: BackendId): GenerationBackend | undefined {
		return this.backends[id];
	}

	/** Queues one job per request (variations share a batch id); returns the records. */
	enqueue(backendId: BackendId, requests: GenerationRequest[]): JobRecord[] {
		const backend = this.backends[backendId];
		if (!backend) throw new Error(`generation backend "${backendId}" is not configured`);
		const batchId = this.store.newBatchId();
		const jobs = requests.map((r) => this.store.create(batchId, backendId, backend.modelLabel, r));
		const list = this.waiting.get(backendId) ?? [];
		list.push(...jobs.map((j) => j.id));
		this.waiting.set(backendId, list);
		queueMicrotask(() => this.pump(backendId));
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
		const running = this.running.get(id);
		if (running) running.controller.abort();
		else {
			const list = this.waiting.get(job.backend) ?? [];
			this.waiting.set(
				job.backend,
				list.filter((x) => x !== id)
			);
			this.store.finish(id, 'cancelled', { error: 'Cancelled. 已取消。' });
			this.emit(id);
		}
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
		while (this.running.size > 0 || [...this.waiting.values()].some((l) => l.length > 0)) {
			await new Promise((r) => setTimeout(r, 5));
		}
	}

	private emit(id: string): void {
		const job = this.get(id);
		if (!job) return;
		for (const listener of this.listeners.get(id) ?? []) listener(job);
	}

	private runningCount(backendId: BackendId): number {
		let n = 0;
		for (const id of this.running.keys()) if (this.store.get(id)?.backend === backendId) n++;
		return n;
	}

	private pump(backendId: BackendId): void {
		const list = this.waiting.get(backendId) ?? [];
		while (list.length > 0 && this.runningCount(backendId) < this.concurrency) {
			const id = list.shift()!;
			void this.run(id, backendId);
		}
	}

	private async run(id: string, backendId: BackendId): Promise<void> {
		const backend = this.backends[backendId]!;
		const job = this.store.get(id);
		if (!job || job.status !== 'queued') return;
		const controller = new AbortController();
		this.running.set(id, { controller });
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
			this.running.delete(id);
			this.attempts.delete(id);
			this.emit(id);
			this.pump(backendId);
		}
	}
}
