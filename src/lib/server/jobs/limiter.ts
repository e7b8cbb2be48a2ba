// A weighted semaphore: jobs of one kind take `weight` of its `capacity` slots while they run and
// wait in FIFO order otherwise. A job heavier than the whole capacity runs alone. Waiting ends
// early when the job's AbortSignal fires (a cancelled queued job never starts).

export class AbortedError extends Error {
	constructor() {
		super('cancelled');
		this.name = 'AbortError';
	}
}

interface Waiter {
	weight: number;
	grant(): void;
}

export class Limiter {
	private used = 0;
	private waiting: Waiter[] = [];

	constructor(readonly capacity: number) {
		if (!(capacity >= 1)) throw new Error(`limiter capacity must be ≥ 1, got ${capacity}`);
	}

	/** Slots in use now (tests, benchmarks). */
	get inUse(): number {
		return this.used;
	}

	get queued(): number {
		return this.waiting.length;
	}

	/** Runs `work` once `weight` slots are free; rejects with AbortedError if `signal` fires first. */
	async run<T>(weight: number, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
		const w = Math.min(Math.max(1, weight), this.capacity);
		await this.acquire(w, signal);
		try {
			return await work();
		} finally {
			this.used -= w;
			this.pump();
		}
	}

	private acquire(weight: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) return Promise.reject(new AbortedError());
		// FIFO: a light job never overtakes a heavy one waiting ahead of it (no starvation).
		if (this.waiting.length === 0 && this.used + weight <= this.capacity) {
			this.used += weight;
			return Promise.resolve();
		}
		return new Promise<void>((resolve, reject) => {
			const waiter: Waiter = {
				weight,
				grant: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				}
			};
			const onAbort = () => {
				this.waiting = this.waiting.filter((x) => x !== waiter);
				reject(new AbortedError());
				this.pump();
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.waiting.push(waiter);
		});
	}

	private pump(): void {
		while (this.waiting.length > 0 && this.used + this.waiting[0].weight <= this.capacity) {
			const next = this.waiting.shift()!;
			this.used += next.weight;
			next.grant();
		}
	}
}
