// The job runtime with a real SQLite file: slots per kind, cancel through AbortSignal, records that
// survive a reopen, result files cleaned by size and by age, and the migration that moves the old
// generation_jobs rows into the jobs table.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateSchema, openDb } from '../../../src/lib/server/storage/db';
import { Limiter } from '../../../src/lib/server/jobs/limiter';
import { JobRuntime, type JobContext } from '../../../src/lib/server/jobs/runtime';
import { jobsTable, RuntimeJobStore } from '../../../src/lib/server/jobs/store';
import { JobStore } from '../../../src/lib/server/generation/jobs';

const dirs: string[] = [];
const tempDir = () => {
	const d = mkdtempSync(join(tmpdir(), 'haibao-runtime-'));
	dirs.push(d);
	return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Work that runs until released or aborted, counting how many run at once. */
function gate() {
	let running = 0;
	let max = 0;
	const releases: (() => void)[] = [];
	const work = async (ctx: JobContext) => {
		running++;
		max = Math.max(max, running);
		try {
			await new Promise<void>((resolve, reject) => {
				releases.push(resolve);
				ctx.signal.addEventListener('abort', () => reject(new DOMException('stop', 'AbortError')));
			});
			ctx.progress(1);
			return { file: { bytes: new Uint8Array(1000), extension: 'bin' }, result: { ok: true } };
		} finally {
			running--;
		}
	};
	return {
		work,
		get max() {
			return max;
		},
		get running() {
			return running;
		},
		releaseAll: () => releases.splice(0).forEach((r) => r())
	};
}

describe('job runtime (real SQLite)', () => {
	it('runs at most `capacity` jobs of a kind at once, and a heavy job alone', async () => {
		const runtime = new JobRuntime({ db: openDb(join(tempDir(), 'db.sqlite')), capacity: { export: 2 } });
		const g = gate();
		const light = [1, 2, 3, 4, 5].map(() => runtime.submit('export', {}, g.work));
		for (let i = 0; i < 40 && g.running < 2; i++) await sleep(5);
		expect(g.running).toBe(2);
		expect(runtime.limiter('export').queued).toBe(3);
		while (runtime.limiter('export').inUse > 0 || runtime.limiter('export').queued > 0) {
			g.releaseAll();
			await sleep(5);
		}
		const done = await Promise.all(light.map((j) => j.done));
		expect(done.map((j) => j.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
		expect(g.max).toBe(2);

		// A weight-2 job (a big page) waits for both slots and keeps the next job out.
		const g2 = gate();
		const a = runtime.submit('export', {}, g2.work);
		const big = runtime.submit('export', {}, g2.work, { weight: 2 });
		const b = runtime.submit('export', {}, g2.work);
		for (let i = 0; i < 200 && !(a.job && (await Promise.race([a.done, sleep(1)]))); i++) g2.releaseAll();
		await a.done;
		for (let i = 0; i < 200 && runtime.get(big.job.id)!.status !== 'done'; i++) {
			expect(g2.running).toBeLessThanOrEqual(1);
			g2.releaseAll();
			await sleep(2);
		}
		g2.releaseAll();
		await Promise.all([big.done, b.done]);
		expect(g2.max).toBe(1);
	});

	it('cancels a queued job at once and a running one through its AbortSignal', async () => {
		const runtime = new JobRuntime({ db: openDb(join(tempDir(), 'db.sqlite')), capacity: { export: 1 } });
		const g = gate();
		const running = runtime.submit('export', {}, g.work);
		const queued = runtime.submit('export', {}, g.work);
		for (let i = 0; i < 40 && g.running < 1; i++) await sleep(5);
		runtime.cancel(queued.job.id);
		expect((await queued.done).status).toBe('cancelled');
		expect(g.running).toBe(1);
		runtime.cancel(running.job.id);
		const final = await running.done;
		expect(final.status).toBe('cancelled');
		expect(final.resultPath).toBeNull();
		expect(g.running).toBe(0);
		expect(readdirSync(runtime.resultsDir)).toEqual([]);
	});

	it('records jobs in SQLite: a reopened database shows status, progress, result and errors', async () => {
		const file = join(tempDir(), 'db.sqlite');
		const db = openDb(file);
		const runtime = new JobRuntime({ db });
		const ok = runtime.submit('export', { format: 'png' }, async (ctx) => {
			ctx.progress(0.5);
			return { file: { bytes: new Uint8Array([1, 2, 3]), extension: 'png' }, result: { fileName: 'a.png' } };
		});
		const bad = runtime.submit('export', { format: 'pdf' }, async () => {
			throw new Error('no fonts');
		});
		const seen: string[] = [];
		runtime.subscribe(ok.job.id, (j) => seen.push(`${j.status} ${j.progress}`));
		await Promise.all([ok.done, bad.done]);
		expect(seen).toEqual(['running 0', 'running 0.5', 'done 1']);
		db.close();

		const store = new RuntimeJobStore(openDb(file));
		const a = store.get(ok.job.id)!;
		expect(a).toMatchObject({
			kind: 'export',
			status: 'done',
			progress: 1,
			resultSize: 3,
			input: { format: 'png' }
		});
		expect(a.result).toEqual({ fileName: 'a.png' });
		expect(existsSync(a.resultPath!)).toBe(true);
		expect(store.get(bad.job.id)).toMatchObject({ status: 'failed', error: 'no fonts', resultPath: null });
		store.db.close();
	});

	it('removes results by total size (oldest first) and by age, and files no record owns', async () => {
		const db = openDb(join(tempDir(), 'db.sqlite'));
		const runtime = new JobRuntime({ db, maxResultBytes: 2500, maxResultAgeMs: 60_000 });
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) {
			const { done } = runtime.submit('export', {}, async () => ({
				file: { bytes: new Uint8Array(1000), extension: 'png' }
			}));
			ids.push((await done).id);
			await sleep(3); // distinct finish times
		}
		// 4 × 1000 bytes against a 2500-byte cap: the two oldest went as the later ones arrived.
		expect(ids.map((id) => runtime.resultPath(id) !== null)).toEqual([false, false, true, true]);
		expect(runtime.get(ids[0])!.result).toEqual({ expired: true });
		expect(readdirSync(runtime.resultsDir).sort()).toEqual([`${ids[2]}.png`, `${ids[3]}.png`].sort());

		writeFileSync(join(runtime.resultsDir, 'stray.png'), 'left by a crash');
		const removed = runtime.cleanupResults(Date.now() + 61_000);
		expect(removed.sort()).toEqual([ids[2], ids[3]].sort());
		expect(readdirSync(runtime.resultsDir)).toEqual([]);
		expect(runtime.get(ids[3])).not.toBeNull(); // the record (history) stays a while
		runtime.cleanupResults(Date.now() + 31 * 24 * 3600_000);
		expect(ids.map((id) => runtime.get(id))).toEqual([null, null, null, null]);
	});

	it('moves generation_jobs rows into the jobs table without losing any', () => {
		const db = openDb(join(tempDir(), 'db.sqlite'));
		// A database from before the job runtime: the generation module's first step, with rows.
		migrateSchema(db, 'generation', [
			`CREATE TABLE generation_jobs (id TEXT PRIMARY KEY, batch_id TEXT NOT NULL, backend TEXT NOT NULL,
			 model TEXT NOT NULL, status TEXT NOT NULL, request TEXT NOT NULL, phase TEXT NOT NULL DEFAULT 'queued',
			 step INTEGER NOT NULL DEFAULT 0, total_steps INTEGER NOT NULL DEFAULT 0, error TEXT, asset_id TEXT,
			 metadata TEXT, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)`
		]);
		const insert = db.prepare(
			`INSERT INTO generation_jobs (id, batch_id, backend, model, status, request, phase, step, total_steps, asset_id, metadata, created_at)
			 VALUES (?, 'b1', 'zimage', 'tiny', ?, '{"prompt":"海报","width":64,"height":64}', ?, ?, 8, ?, ?, '2025-01-01T00:00:00Z')`
		);
		insert.run('g1', 'done', 'saving', 8, 'asset-1', '{"seed":1}');
		insert.run('g2', 'running', 'denoising', 4, null, null);
		jobsTable(db);
		const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
			name: string;
		}[];
		expect(tables.map((t) => t.name)).not.toContain('generation_jobs');
		const store = new JobStore(db);
		expect(store.listBatch('b1').map((j) => [j.id, j.status, j.assetId, j.progress.step])).toEqual([
			['g1', 'done', 'asset-1', 8],
			['g2', 'running', null, 4]
		]);
		expect(store.get('g1')!.request.prompt).toBe('海报');
		expect(store.get('g1')!.metadata).toEqual({ seed: 1 });
		expect(new RuntimeJobStore(db).get('g2')).toMatchObject({ kind: 'generation', progress: 0.5 });
		db.close();
	});

	it('a waiting limiter slot is given up when its signal aborts', async () => {
		const limiter = new Limiter(1);
		let release!: () => void;
		const first = limiter.run(1, () => new Promise<void>((r) => (release = r)));
		const controller = new AbortController();
		const second = limiter.run(1, async () => 'ran', controller.signal);
		controller.abort();
		await expect(second).rejects.toThrow('cancelled');
		release();
		await first;
		expect(limiter.inUse).toBe(0);
	});
});
