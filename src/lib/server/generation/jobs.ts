// Generation job records in SQLite (rows of kind 'generation' in the job runtime's `jobs` table):
// queued → running → done | failed | cancelled.
// Jobs only ever create assets; they never touch a document (the user chooses an image later).
import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '../storage/db';
import { jobsTable } from '../jobs/store';
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
		jobsTable(db);
	}

	create(batchId: string, backend: BackendId, model: string, request: GenerationRequest): JobRecord {
		const id = randomUUID();
		const steps = request.steps ?? 8;
		this.db
			.prepare(
				`INSERT INTO jobs (id, kind, batch_id, backend, model, status, request, total_steps, created_at)
				 VALUES (?, 'generation', ?, ?, ?, 'queued', ?, ?, ?)`
			)
			.run(id, batchId, backend, model, JSON.stringify(request), steps, new Date().toISOString());
		return this.get(id)!;
	}

	get(id: string): JobRecord | null {
		const row = this.db.prepare(`SELECT * FROM jobs WHERE id = ? AND kind = 'generation'`).get(id) as
			Row | undefined;
		return row ? toRecord(row) : null;
	}

	listBatch(batchId: string): JobRecord[] {
		return (
			this.db
				.prepare(`SELECT * FROM jobs WHERE batch_id = ? AND kind = 'generation' ORDER BY created_at, rowid`)
				.all(batchId) as Row[]
		).map(toRecord);
	}

	markRunning(id: string): void {
		this.db
			.prepare(`UPDATE jobs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`)
			.run(new Date().toISOString(), id);
	}

	setProgress(id: string, p: GenerationProgress): void {
		this.db
			.prepare(
				`UPDATE jobs SET phase = ?, step = ?, total_steps = ?, progress = CASE WHEN ? > 0 THEN 1.0 * ? / ? ELSE 0 END
				 WHERE id = ? AND status = 'running'`
			)
			.run(p.phase, p.step, p.totalSteps, p.totalSteps, p.step, p.totalSteps, id);
	}

	/** Ends a job; a job already in a terminal state is left as it is. */
	finish(
		id: string,
		status: Exclude<JobStatus, 'queued' | 'running'>,
		fields: { error?: string; assetId?: string; metadata?: GenerationMetadata } = {}
	): void {
		this.db
			.prepare(
				`UPDATE jobs SET status = ?, progress = CASE WHEN ? = 'done' THEN 1 ELSE progress END, error = ?, asset_id = ?, metadata = ?, finished_at = ?
				 WHERE id = ? AND status IN ('queued','running')`
			)
			.run(
				status,
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
				`UPDATE jobs SET status = 'failed', error = 'The server stopped before this job finished. 服务器在任务完成前已停止。', finished_at = ?
				 WHERE status IN ('queued','running') AND kind = 'generation'`
			)
			.run(new Date().toISOString()).changes;
	}

	newBatchId(): string {
		return randomUUID();
	}
}
