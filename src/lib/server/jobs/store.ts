// Job records of every kind (generation, export, thumbnail) in one SQLite table, `jobs`.
// Generation jobs used to live in `generation_jobs`; the first `jobs` migration moves every row
// across (same ids, same fields) and drops the old table, so no record is lost.
import { randomUUID } from 'node:crypto';
import { migrateSchema, type Db } from '../storage/db';

export type JobKind = 'generation' | 'export' | 'thumbnail';
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const TERMINAL_STATES: readonly JobState[] = ['done', 'failed', 'cancelled'];

/** The generation module's released step (kept verbatim: databases record it as applied). */
const GENERATION_STEPS = [
	`CREATE TABLE IF NOT EXISTS generation_jobs (
		id TEXT PRIMARY KEY,
		batch_id TEXT NOT NULL,
		backend TEXT NOT NULL,
		model TEXT NOT NULL,
		status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','cancelled')),
		request TEXT NOT NULL,
		phase TEXT NOT NULL DEFAULT 'queued',
		step INTEGER NOT NULL DEFAULT 0,
		total_steps INTEGER NOT NULL DEFAULT 0,
		error TEXT,
		asset_id TEXT,
		metadata TEXT,
		created_at TEXT NOT NULL,
		started_at TEXT,
		finished_at TEXT
	);
	CREATE INDEX IF NOT EXISTS generation_jobs_batch ON generation_jobs (batch_id);`
];

const JOBS_STEPS = [
	`CREATE TABLE jobs (
		id TEXT PRIMARY KEY,
		kind TEXT NOT NULL CHECK (kind IN ('generation','export','thumbnail')),
		status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','cancelled')),
		progress REAL NOT NULL DEFAULT 0,
		input TEXT,
		result TEXT,
		result_path TEXT,
		result_size INTEGER,
		error TEXT,
		batch_id TEXT,
		backend TEXT,
		model TEXT,
		request TEXT,
		phase TEXT NOT NULL DEFAULT 'queued',
		step INTEGER NOT NULL DEFAULT 0,
		total_steps INTEGER NOT NULL DEFAULT 0,
		asset_id TEXT,
		metadata TEXT,
		created_at TEXT NOT NULL,
		started_at TEXT,
		finished_at TEXT
	);
	INSERT INTO jobs (id, kind, status, progress, error, batch_id, backend, model, request, phase, step,
		total_steps, asset_id, metadata, created_at, started_at, finished_at)
		SELECT id, 'generation', status,
			CASE WHEN status = 'done' THEN 1 WHEN total_steps > 0 THEN 1.0 * step / total_steps ELSE 0 END,
			error, batch_id, backend, model, request, phase, step, total_steps, asset_id, metadata,
			created_at, started_at, finished_at
		FROM generation_jobs;
	DROP TABLE generation_jobs;
	CREATE INDEX jobs_batch ON jobs (batch_id);
	CREATE INDEX jobs_kind_status ON jobs (kind, status);
	CREATE INDEX jobs_result ON jobs (finished_at) WHERE result_path IS NOT NULL;`
];

const ready = new WeakSet<Db>();

/** The jobs table, migrated (the legacy generation step first, so its rows are moved, not lost). */
export function jobsTable(db: Db): Db {
	if (ready.has(db)) return db;
	migrateSchema(db, 'generation', GENERATION_STEPS);
	migrateSchema(db, 'jobs', JOBS_STEPS);
	ready.add(db);
	return db;
}

export interface RuntimeJobRecord {
	id: string;
	kind: JobKind;
	status: JobState;
	progress: number;
	input: unknown;
	result: Record<string, unknown> | null;
	resultPath: string | null;
	resultSize: number | null;
	error: string | null;
	createdAt: string;
	startedAt: string | null;
	finishedAt: string | null;
}

interface Row {
	id: string;
	kind: JobKind;
	status: JobState;
	progress: number;
	input: string | null;
	result: string | null;
	result_path: string | null;
	result_size: number | null;
	error: string | null;
	created_at: string;
	started_at: string | null;
	finished_at: string | null;
}

const toRecord = (r: Row): RuntimeJobRecord => ({
	id: r.id,
	kind: r.kind,
	status: r.status,
	progress: r.progress,
	input: r.input ? JSON.parse(r.input) : null,
	result: r.result ? JSON.parse(r.result) : null,
	resultPath: r.result_path,
	resultSize: r.result_size,
	error: r.error,
	createdAt: r.created_at,
	startedAt: r.started_at,
	finishedAt: r.finished_at
});

const now = () => new Date().toISOString();

/** Records of the runtime's own kinds (export, thumbnail); generation keeps its JobStore view. */
export class RuntimeJobStore {
	constructor(readonly db: Db) {
		jobsTable(db);
	}

	create(kind: JobKind, input: unknown, id: string = randomUUID()): RuntimeJobRecord {
		this.db
			.prepare(`INSERT INTO jobs (id, kind, status, input, created_at) VALUES (?, ?, 'queued', ?, ?)`)
			.run(id, kind, JSON.stringify(input ?? null), now());
		return this.get(id)!;
	}

	get(id: string): RuntimeJobRecord | null {
		const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
		return row ? toRecord(row) : null;
	}

	markRunning(id: string): void {
		this.db
			.prepare(`UPDATE jobs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`)
			.run(now(), id);
	}

	setProgress(id: string, progress: number): void {
		this.db.prepare(`UPDATE jobs SET progress = ? WHERE id = ? AND status = 'running'`).run(progress, id);
	}

	finish(
		id: string,
		status: Exclude<JobState, 'queued' | 'running'>,
		fields: {
			error?: string;
			result?: Record<string, unknown>;
			resultPath?: string;
			resultSize?: number;
		} = {}
	): void {
		this.db
			.prepare(
				`UPDATE jobs SET status = ?, progress = CASE WHEN ? = 'done' THEN 1 ELSE progress END, error = ?,
				 result = ?, result_path = ?, result_size = ?, finished_at = ?
				 WHERE id = ? AND status IN ('queued','running')`
			)
			.run(
				status,
				status,
				fields.error ?? null,
				fields.result ? JSON.stringify(fields.result) : null,
				fields.resultPath ?? null,
				fields.resultSize ?? null,
				now(),
				id
			);
	}

	/** Finished results on disk, oldest first (for cleanup). */
	results(): { id: string; path: string; size: number; finishedAt: string }[] {
		return this.db
			.prepare(
				`SELECT id, result_path AS path, result_size AS size, finished_at AS finishedAt FROM jobs
				 WHERE result_path IS NOT NULL ORDER BY finished_at, rowid`
			)
			.all() as { id: string; path: string; size: number; finishedAt: string }[];
	}

	/** The file is gone: the record stays (history) but says its result expired. */
	forgetResult(id: string): void {
		this.db
			.prepare(
				`UPDATE jobs SET result_path = NULL, result = json_set(coalesce(result, '{}'), '$.expired', json('true')) WHERE id = ?`
			)
			.run(id);
	}

	/** Deletes finished export/thumbnail records (their files already gone) that ended before `before`. */
	prune(before: Date): number {
		return this.db
			.prepare(
				`DELETE FROM jobs WHERE kind IN ('export','thumbnail') AND status IN ('done','failed','cancelled')
				 AND result_path IS NULL AND finished_at < ?`
			)
			.run(before.toISOString()).changes;
	}

	/** Jobs a previous process left unfinished can never complete (generation has its own). */
	failInterrupted(kinds: JobKind[]): number {
		const marks = kinds.map(() => '?').join(',');
		return this.db
			.prepare(
				`UPDATE jobs SET status = 'failed', error = 'The server stopped before this job finished. 服务器在任务完成前已停止。', finished_at = ?
				 WHERE status IN ('queued','running') AND kind IN (${marks})`
			)
			.run(now(), ...kinds).changes;
	}
}
