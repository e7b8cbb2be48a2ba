// The process-wide job runtime and render pool (created on first use; survive dev-server reloads).
// Settings (environment): HAIBAO_EXPORT_CONCURRENCY (export slots, default 2: a page over
// BIG_PAGE_PIXELS takes both), HAIBAO_THUMBNAIL_CONCURRENCY (default 2), HAIBAO_RENDER_WORKERS
// (threads, default 3), HAIBAO_JOB_RESULTS_MB (kept export files, default 1024 MB) and
// HAIBAO_JOB_RESULTS_MINUTES (default 60).
import { getDb } from '../storage/db';
import { WorkerPool } from './pool';
import { JobRuntime } from './runtime';

const positive = (name: string, fallback: number) => {
	const n = Number(process.env[name]);
	return Number.isFinite(n) && n > 0 ? n : fallback;
};

const RUNTIME = Symbol.for('haibao.jobs.runtime');
const POOL = Symbol.for('haibao.jobs.render-pool');
type Holder = { [RUNTIME]?: JobRuntime; [POOL]?: WorkerPool };

export function getJobRuntime(): JobRuntime {
	const holder = globalThis as Holder;
	if (!holder[RUNTIME]) {
		const runtime = new JobRuntime({
			db: getDb(),
			capacity: {
				generation: Math.floor(positive('HAIBAO_GENERATION_CONCURRENCY', 1)),
				export: Math.floor(positive('HAIBAO_EXPORT_CONCURRENCY', 2)),
				thumbnail: Math.floor(positive('HAIBAO_THUMBNAIL_CONCURRENCY', 2))
			},
			maxResultBytes: positive('HAIBAO_JOB_RESULTS_MB', 1024) * 1024 * 1024,
			maxResultAgeMs: positive('HAIBAO_JOB_RESULTS_MINUTES', 60) * 60_000
		});
		runtime.store.failInterrupted(['export', 'thumbnail']);
		runtime.cleanupResults();
		holder[RUNTIME] = runtime;
	}
	return holder[RUNTIME];
}

/** Render threads shared by exports and thumbnails (each runs one task at a time). */
export function getRenderPool(): WorkerPool {
	const holder = globalThis as Holder;
	holder[POOL] ??= new WorkerPool('render', { max: Math.floor(positive('HAIBAO_RENDER_WORKERS', 3)) });
	return holder[POOL];
}
