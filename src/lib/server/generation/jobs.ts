// Generation job records in SQLite (table generation_jobs): queued → running → done | failed | cancelled.
// Jobs only ever create assets; they never touch a document (the user chooses an image later).
import { randomUUID } from 'node:crypto';
import { getDb, migrateSchema, type Db } from '../storage/db';
import type { BackendId, GenerationMetadata, GenerationProgress, GenerationRequest } from './backend';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const TERMINAL: readonly JobStatus[] = ['done', 'failed', 'cancelled'];

export interface JobRecord {
	id: string;
	batchId: string;
	backend: BackendId;
	/** Model label at submission (honest: the tiny test model says so). */
	model: string;
	status: JobStatus;
	request: GenerationRequest;
	progress: GenerationProgress;
	error: string | null;
	assetId: string | null;
	metadata: GenerationMetadata | null;
	createdAt: string;
	startedAt: string | null;
	finishedAt: string | null;
}

interface Row {
	id: string;
	batch_id: string;
	backend: BackendId;
	model: string;
	status: JobStatus;
	request: string;
	phase: GenerationProgress['phase'];
	step: number;
	total_steps: number;
	error: string | null;
	asset_id: string | null;
	metadata: string | null;
	created_at: string;
	started_at: string | null;
	finished_at: string | null;
}

const SCHEMA = [
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

const toRecord = (r: Row): JobRecord => ({
	id: r.id,
	batchId: r.batch_id,
	backend: r.backend,
	model: r.model,
	status: r.status,
	request: JSON.parse(r.request),
	progress: { phase: r.phase, step: r.step, totalSteps: r.total_steps },
	error: r.error,
	assetId: r.asset_id,
	metadata: r.metadata ? JSON.parse(r.metadata) : null,
	createdAt: r.created_at,
	startedAt: r.started_at,
	finishedAt: r.finished_at
});

export class JobStore {
	constructor(readonly db: Db = getDb()) {
		migrateSchema(db, 'generation', SCHEMA);
	}

	create(batchId: string, backend: BackendId, model: string, request: GenerationRequest): JobRecord {
		const id = randomUUID();
		const steps = request.steps ?? 8;
		this.db
			.prepare(
				`INSERT INTO generation_jobs (id, batch_id, backend, model, status, request, total_steps, created_at)
				 VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)`
			)
			.run(id, batchId, backend, model, JSON.stringify(request), steps, new Date().toISOString());
		return this.get(id)!;
	}

	get(id: string): JobRecord | null {
		const row = this.db.prepare('SELECT * FROM generation_jobs WHERE id = ?').get(id) as Row | undefined;
		return row ? toRecord(row) : null;
	}

	listBatch(batchId: string): JobRecord[] {
		return (
			this.db
				.prepare('SELECT * FROM generation_jobs WHERE batch_id = ? ORDER BY created_at, rowid')
				.all(batchId) as Row[]
		).map(toRecord);
	}

	markRunning(id: string): void {
		this.db
			.prepare(
				`UPDATE generation_jobs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`
			)
			.run(new Date().toISOString(), id);
	}

	setProgress(id: string, p: GenerationProgress): void {
		this.db
			.prepare(
				`UPDATE generation_jobs SET phase = ?, step = ?, total_steps = ? WHERE id = ? AND status = 'running'`
			)
			.run(p.phase, p.step, p.totalSteps, id);
	}

	/** Ends a job; a job already in a terminal state is left as it is. */
	finish(
		id: string,
		status: Exclude<JobStatus, 'queued' | 'running'>,
		fields: { error?: string; assetId?: string; metadata?: GenerationMetadata } = {}
	): void {
		this.db
			.prepare(
				`UPDATE generation_jobs SET status = ?, error = ?, asset_id = ?, metadata = ?, finished_at = ?
				 WHERE id = ? AND status IN ('queued','running')`
			)
			.run(
				status,
				fields.error ?? null,
				fields.assetId ?? null,
				fields.metadata ? JSON.stringify(fields.metadata) : null,
				new Date().toISOString(),
				id
			);
	}

	/** Jobs a previous server process left unfinished can never complete: mark them failed. */
	failInterrupted(): number {
		return this.db
			.prepare(
				`UPDATE generation_jobs SET status = 'failed', error = 'The server stopped before this job finished. 服务器在任务完成前已停止。', finished_at = ?
				 WHERE status IN ('queued','running')`
			)
			.run(new Date().toISOString()).changes;
	}

	newBatchId(): string {
		return randomUUID();
	}
}
