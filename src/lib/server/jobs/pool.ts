// A pool of worker threads running one task each at a time: started on demand up to `max`,
// stopped after `idleMs` without work. A task reports progress, and is cancelled through its
// AbortSignal: a shared flag the worker checks between steps, then, if the worker does not stop
// within `killAfterMs`, by terminating the thread (its memory goes with it).
import type { Worker } from 'node:worker_threads';
import { AbortedError } from './limiter';
import { startWorker, type WorkerName } from './worker-entry';
import type { PoolReply, PoolTask } from './pool-protocol';

interface Task {
	payload: unknown;
	transfer: ArrayBuffer[];
	signal?: AbortSignal;
	onProgress?: (fraction: number) => void;
	resolve(value: unknown): void;
	reject(error: Error): void;
}

interface Slot {
	worker: Worker;
	task: (Task & { id: number; flag: Int32Array }) | null;
	idleTimer: ReturnType<typeof setTimeout> | null;
}

export interface PoolOptions {
	max: number;
	idleMs?: number;
	killAfterMs?: number;
}

export class WorkerPool {
	private slots: Slot[] = [];
	private queue: Task[] = [];
	private counter = 0;

	constructor(
		readonly name: WorkerName,
		private readonly options: PoolOptions
	) {}

	/** Threads alive now (tests, benchmarks). */
	get size(): number {
		return this.slots.length;
	}

	run<T>(
		payload: unknown,
		{
			signal,
			onProgress,
			transfer = []
		}: { signal?: AbortSignal; onProgress?: (f: number) => void; transfer?: ArrayBuffer[] } = {}
	): Promise<T> {
		if (signal?.aborted) return Promise.reject(new AbortedError());
		return new Promise<T>((resolve, reject) => {
			const task: Task = {
				payload,
				transfer,
				signal,
				onProgress,
				resolve: resolve as (v: unknown) => void,
				reject
			};
			signal?.addEventListener(
				'abort',
				() => {
					if (this.queue.includes(task)) {
						this.queue = this.queue.filter((t) => t !== task);
						reject(new AbortedError());
					}
				},
				{ once: true }
			);
			this.queue.push(task);
			this.pump();
		});
	}

	async close(): Promise<void> {
		const slots = this.slots;
		this.slots = [];
		await Promise.all(slots.map((s) => s.worker.terminate()));
	}

	private pump(): void {
		while (this.queue.length > 0) {
			let slot = this.slots.find((s) => !s.task);
			if (!slot && this.slots.length < this.options.max) slot = this.spawn();
			if (!slot) return;
			this.assign(slot, this.queue.shift()!);
		}
	}

	private spawn(): Slot {
		const worker = startWorker(this.name);
		const slot: Slot = { worker, task: null, idleTimer: null };
		worker.on('message', (reply: PoolReply) => this.onReply(slot, reply));
		const fail = (error: Error) => {
			this.slots = this.slots.filter((s) => s !== slot);
			if (slot.idleTimer) clearTimeout(slot.idleTimer);
			const task = slot.task;
			slot.task = null;
			if (task) task.reject(task.signal?.aborted ? new AbortedError() : error);
			this.pump();
		};
		worker.on('error', (e) => fail(new Error(`render worker failed: ${e.message}`)));
		worker.on('exit', (code) => fail(new Error(`render worker stopped (exit code ${code}); out of memory?`)));
		this.slots.push(slot);
		return slot;
	}

	private assign(slot: Slot, task: Task): void {
		if (slot.idleTimer) clearTimeout(slot.idleTimer);
		slot.idleTimer = null;
		const flag = new Int32Array(new SharedArrayBuffer(4));
		const running = { ...task, id: ++this.counter, flag };
		slot.task = running;
		slot.worker.ref();
		task.signal?.addEventListener(
			'abort',
			() => {
				if (slot.task !== running) return;
				Atomics.store(flag, 0, 1);
				// A worker deep in one long synchronous call cannot see the flag: stop the thread.
				setTimeout(() => {
					if (slot.task === running) void slot.worker.terminate();
				}, this.options.killAfterMs ?? 2000).unref();
			},
			{ once: true }
		);
		const message: PoolTask = {
			type: 'task',
			id: running.id,
			payload: task.payload,
			cancelFlag: flag.buffer as SharedArrayBuffer
		};
		slot.worker.postMessage(message, task.transfer);
	}

	private onReply(slot: Slot, reply: PoolReply): void {
		const task = slot.task;
		if (!task || reply.id !== task.id) return;
		if (reply.type === 'progress') {
			task.onProgress?.(reply.fraction);
			return;
		}
		slot.task = null;
		if (reply.type === 'done') task.resolve(reply.result);
		else task.reject(reply.cancelled ? new AbortedError() : new Error(reply.message));
		if (this.queue.length > 0) return this.pump();
		slot.worker.unref();
		slot.idleTimer = setTimeout(
			() => {
				this.slots = this.slots.filter((s) => s !== slot);
				void slot.worker.terminate();
			},
			this.options.idleMs ?? 5 * 60_000
		);
		slot.idleTimer.unref();
	}
}
