// Who follows which job: the event routes subscribe, the queues notify on every change.
export class JobListeners<T> {
	private readonly byJob = new Map<string, Set<(job: T) => void>>();

	/** Calls `listener` on every change of job `id`; returns the unsubscribe function. */
	subscribe(id: string, listener: (job: T) => void): () => void {
		const set = this.byJob.get(id) ?? new Set();
		set.add(listener);
		this.byJob.set(id, set);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.byJob.delete(id);
		};
	}

	/** Whether anyone follows job `id` (so the record need not be read for nobody). */
	has(id: string): boolean {
		return (this.byJob.get(id)?.size ?? 0) > 0;
	}

	notify(id: string, job: T): void {
		for (const listener of [...(this.byJob.get(id) ?? [])]) listener(job);
	}

	/** Forgets job `id`'s listeners (it has ended). */
	forget(id: string): void {
		this.byJob.delete(id);
	}
}
