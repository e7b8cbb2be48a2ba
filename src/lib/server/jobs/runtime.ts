// The one job runtime for heavy work: generation, export and thumbnails. Each kind has a bounded
// number of slots (a weighted limiter: a big page takes more than one), every job has an
// AbortSignal, recorded jobs live in SQLite (`jobs`), results are files under <data>/jobs, and
// finished results are removed by age and by total size. Listeners see every change of a job.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDirOf, type Db } from '../storage/db';
import { AbortedError, Limiter } from './limiter';
import { JobListeners } from './listeners';
import { RuntimeJobStore, TERMINAL_STATES, type JobKind, type RuntimeJobRecord } from './store';

export interface JobContext {
	id: string;
	signal: AbortSignal;
	/** Fraction done, 0..1. */
	progress(fraction: number): void;
}

export interface JobOutput {
	/** A file result: kept under <data>/jobs until cleaned up. */
	file?: { bytes: Uint8Array; extension: string };
	/** What the record's `result` shows (file name, mime, size…). */
	result?: Record<string, unknown>;
}

export interface RuntimeOptions {
	db: Db;
	/** Slots per kind (default: generation 1, export 2, thumbnail 2). */
	capacity?: Partial<Record<JobKind, number>>;
	/** Total bytes of kept results (default 1 GiB); the oldest go first. */
	maxResultBytes?: number;
	/** Age after which a result is removed (default 1 hour). */
	maxResultAgeMs?: number;
	/** Folder of result files (default <data>/jobs). */
	resultsDir?: string;
}

export const DEFAULT_CAPACITY: Record<JobKind, number> = { generation: 1, export: 2, thumbnail: 2 };
export const DEFAULT_MAX_RESULT_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_RESULT_AGE_MS = 60 * 60 * 1000;
/** Export records (history, no file) are deleted after this long; generation records stay. */
export const RECORD_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

type Listener = (job: RuntimeJobRecord) => void;

export const isAbort = (e: unknown) =>
	e instanceof AbortedError || (e instanceof Error && e.name === 'AbortError');

export class JobRuntime {
	readonly store: RuntimeJobStore;
	readonly resultsDir: string;
	readonly maxResultBytes: number;
	readonly maxResultAgeMs: number;
	private readonly limiters: Record<JobKind, Limiter>;
	private readonly controllers = new Map<string, AbortController>();
	private readonly listeners = new JobListeners<RuntimeJobRecord>();
	private readonly pending = new Set<Promise<unknown>>();

	constructor(options: RuntimeOptions) {
		this.store = new RuntimeJobStore(options.db);
		const capacity = { ...DEFAULT_CAPACITY, ...options.capacity };
		this.limiters = {
			generation: new Limiter(capacity.generation),
			export: new Limiter(capacity.export),
			thumbnail: new Limiter(capacity.thumbnail)
		};
		this.resultsDir = options.resultsDir ?? join(dataDirOf(options.db), 'jobs');
		this.maxResultBytes = options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES;
		this.maxResultAgeMs = options.maxResultAgeMs ?? DEFAULT_MAX_RESULT_AGE_MS;
		mkdirSync(this.resultsDir, { recursive: true });
	}

	/** The slots of one kind (generation runs its own records through this limiter). */
	limiter(kind: JobKind): Limiter {
		return this.limiters[kind];
	}

	/** Runs unrecorded work in a kind's slots (thumbnails: many, small, cached elsewhere). */
	run<T>(
		kind: JobKind,
		work: () => Promise<T>,
		{ weight = 1, signal }: { weight?: number; signal?: AbortSignal } = {}
	) {
		return this.limiters[kind].run(weight, work, signal);
	}

	/**
	 * Records a job, queues it in its kind's slots and runs it. Returns the queued record and a
	 * promise of the final record (never rejects: failures end as status 'failed').
	 */
	submit(
		kind: JobKind,
		input: unknown,
		work: (ctx: JobContext) => Promise<JobOutput>,
		{ weight = 1 }: { weight?: number } = {}
	): { job: RuntimeJobRecord; done: Promise<RuntimeJobRecord> } {
		const job = this.store.create(kind, input);
		const controller = new AbortController();
		this.controllers.set(job.id, controller);
		const done = this.execute(job.id, kind, weight, controller, work);
		this.pending.add(done);
		void done.finally(() => this.pending.delete(done));
		return { job, done };
	}

	get(id: string): RuntimeJobRecord | null {
		return this.store.get(id);
	}

	/** Cancels a queued job at once and aborts a running one; returns the record. */
	cancel(id: string): RuntimeJobRecord | null {
		this.controllers.get(id)?.abort();
		return this.store.get(id);
	}

	/** Calls `listener` on every change of the job; returns the unsubscribe function. */
	subscribe(id: string, listener: Listener): () => void {
		return this.listeners.subscribe(id, listener);
	}

	/** Resolves when every submitted job has ended (tests, benchmarks, shutdown). */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Where a finished job's file is, or null (not done, or already cleaned up). */
	resultPath(id: string): string | null {
		const job = this.store.get(id);
		return job?.status === 'done' ? job.resultPath : null;
	}

	/**
	 * Removes results older than maxResultAgeMs, then the oldest until the rest fit in
	 * maxResultBytes, and files no record points to (left by a crash); export records older than
	 * RECORD_KEEP_MS go too. Returns the ids whose files were removed.
	 */
	cleanupResults(now = Date.now()): string[] {
		const removed: string[] = [];
		const results = this.store.results();
		let total = results.reduce((sum, r) => sum + (r.size ?? 0), 0);
		for (const r of results) {
			const old = now - Date.parse(r.finishedAt) > this.maxResultAgeMs;
			if (!old && total <= this.maxResultBytes) continue;
			rmSync(r.path, { force: true });
			this.store.forgetResult(r.id);
			total -= r.size ?? 0;
			removed.push(r.id);
		}
		const kept = new Set(this.store.results().map((r) => r.path));
		for (const name of readdirSync(this.resultsDir)) {
			const path = join(this.resultsDir, name);
			if (!kept.has(path) && !this.controllers.has(name.split('.')[0])) rmSync(path, { force: true });
		}
		this.store.prune(new Date(now - RECORD_KEEP_MS));
		return removed;
	}

	private emit(id: string): void {
		if (!this.listeners.has(id)) return;
		const job = this.store.get(id);
		if (job) this.listeners.notify(id, job);
	}

	private async execute(
		id: string,
		kind: JobKind,
		weight: number,
		controller: AbortController,
		work: (ctx: JobContext) => Promise<JobOutput>
	): Promise<RuntimeJobRecord> {
		// Let the caller answer with the queued record (and subscribe) before anything changes.
		await Promise.resolve();
		const { signal } = controller;
		try {
			await this.limiters[kind].run(
				weight,
				async () => {
					this.store.markRunning(id);
					this.emit(id);
					let last = 0;
					const output = await work({
						id,
						signal,
						progress: (f) => {
							// At most a hundred updates per job reach SQLite and the listeners.
							if (signal.aborted || (f - last < 0.01 && f < 1)) return;
							last = f;
							this.store.setProgress(id, Math.min(1, Math.max(0, f)));
							this.emit(id);
						}
					});
					if (signal.aborted) throw new AbortedError();
					let resultPath: string | undefined;
					let resultSize: number | undefined;
					if (output.file) {
						resultPath = join(this.resultsDir, `${id}.${output.file.extension}`);
						// Written off the event loop: a 50 MB file on a busy disk can take a while.
						await writeFile(resultPath, output.file.bytes);
						resultSize = output.file.bytes.byteLength;
					}
					this.store.finish(id, 'done', { result: output.result, resultPath, resultSize });
				},
				signal
			);
		} catch (error) {
			if (isAbort(error) || signal.aborted)
				this.store.finish(id, 'cancelled', { error: 'Cancelled. 已取消。' });
			else this.store.finish(id, 'failed', { error: error instanceof Error ? error.message : String(error) });
		} finally {
			this.controllers.delete(id);
		}
		this.cleanupResults();
		this.emit(id);
		const final = this.store.get(id)!;
		if (TERMINAL_STATES.includes(final.status)) this.listeners.forget(id);
		return final;
	}
}
