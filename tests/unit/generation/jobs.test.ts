// Jobs and queue with a real SQLite file, real asset storage and the in-process backend on the
// TINY test model (run in its worker thread).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../../src/lib/server/storage/db';
import { getAssetBytes } from '../../../src/lib/server/storage/assets';
import { JobStore, type JobRecord } from '../../../src/lib/server/generation/jobs';
import { GenerationQueue } from '../../../src/lib/server/generation/queue';
import { ZImageBackend } from '../../../src/lib/server/generation/zimage/backend';
import { readPngText } from '../../../src/lib/server/generation/png-text';
import { readGenerationConfig, HOW_TO_CONFIGURE } from '../../../src/lib/server/generation/config';
import { describeGeneration } from '../../../src/lib/server/generation/service';

const TINY = join(import.meta.dirname, '../../fixtures/tiny-zimage');
// The paced variant: same results, each step takes real time, so a job can be cancelled mid-run.
const PACED = join(import.meta.dirname, '../../fixtures/tiny-zimage-paced');
const dir = mkdtempSync(join(tmpdir(), 'haibao-jobs-'));
let db: Db;
let fast: ZImageBackend;
let slow: ZImageBackend;

beforeAll(async () => {
	db = openDb(join(dir, 'haibao.sqlite'));
	fast = await ZImageBackend.create(TINY);
	slow = await ZImageBackend.create(PACED);
});
afterAll(async () => {
	await fast.close();
	await slow.close();
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const assetCount = () => (db.prepare('SELECT COUNT(*) AS n FROM assets').get() as { n: number }).n;
const waitFor = async (queue: GenerationQueue, id: string, test: (j: JobRecord) => boolean) => {
	for (let i = 0; i < 2000; i++) {
		const job = queue.get(id)!;
		if (test(job)) return job;
		await new Promise((r) => setTimeout(r, 5));
	}
	throw new Error(`job ${id} never reached the expected state: ${JSON.stringify(queue.get(id))}`);
};

describe('generation jobs (tiny model, real SQLite)', () => {
	it('runs variations one at a time, stores each image as an asset with its metadata, and persists the records', async () => {
		const queue = new GenerationQueue(new JobStore(db), { zimage: fast }, 1, db);
		const jobs = queue.enqueue(
			'zimage',
			[1, 2, 3].map((seed) => ({ prompt: 'hello world', width: 32, height: 32, seed }))
		);
		expect(jobs.map((j) => j.status)).toEqual(['queued', 'queued', 'queued']);
		expect(new Set(jobs.map((j) => j.batchId)).size).toBe(1);
		expect(jobs[0].model).toBe('tiny test model (not Z-Image-Turbo)');
		let maxRunning = 0;
		const states = new Map<string, string>();
		for (const job of jobs) {
			queue.subscribe(job.id, (j) => {
				states.set(j.id, j.status);
				maxRunning = Math.max(maxRunning, [...states.values()].filter((s) => s === 'running').length);
			});
		}
		await queue.idle();
		expect(maxRunning).toBe(1);
		const reread = new JobStore(db).listBatch(jobs[0].batchId);
		expect(reread.map((j) => j.status)).toEqual(['done', 'done', 'done']);
		for (const job of reread) {
			expect(job.metadata).toMatchObject({
				seed: job.request.seed,
				steps: 8,
				backend: 'zimage',
				width: 32,
				height: 32
			});
			expect(job.progress).toMatchObject({ step: 8, totalSteps: 8 });
			const png = getAssetBytes(job.assetId!, db)!;
			expect(readPngText(png)).toMatchObject({
				seed: String(job.request.seed),
				model: 'tiny test model (not Z-Image-Turbo)'
			});
		}
	});

	it('streams progress once per step to subscribers', async () => {
		const queue = new GenerationQueue(new JobStore(db), { zimage: fast }, 1, db);
		const [job] = queue.enqueue('zimage', [{ prompt: 'hello', width: 16, height: 16, seed: 5, steps: 4 }]);
		const steps: number[] = [];
		queue.subscribe(
			job.id,
			(j) => j.progress.phase === 'denoising' && j.progress.step > 0 && steps.push(j.progress.step)
		);
		await queue.idle();
		expect(steps).toEqual([1, 2, 3, 4]);
	});

	it('cancels a running job within a step and a queued one at once; neither leaves an asset', async () => {
		const queue = new GenerationQueue(new JobStore(db), { zimage: slow }, 1, db);
		const before = assetCount();
		const [running, queued] = queue.enqueue('zimage', [
			{ prompt: 'hello', width: 16, height: 16, seed: 1 },
			{ prompt: 'hello', width: 16, height: 16, seed: 2 }
		]);
		await waitFor(queue, running.id, (j) => j.status === 'running' && j.progress.step >= 2);
		expect(queue.cancel(queued.id)?.status).toBe('cancelled');
		queue.cancel(running.id);
		const ended = await waitFor(queue, running.id, (j) => j.status !== 'running');
		expect(ended.status).toBe('cancelled');
		expect(ended.progress.step).toBeLessThanOrEqual(4);
		expect(ended.assetId).toBeNull();
		await queue.idle();
		expect(assetCount()).toBe(before);
	});

	it('records a failure with its message and stores nothing', async () => {
		const queue = new GenerationQueue(new JobStore(db), { zimage: fast }, 1, db);
		const before = assetCount();
		const [job] = queue.enqueue('zimage', [{ prompt: 'hello', width: 1000, height: 16, seed: 1 }]);
		await queue.idle();
		const failed = queue.get(job.id)!;
		expect(failed.status).toBe('failed');
		expect(failed.error).toMatch(/width 1000 is not a multiple of 16/);
		expect(assetCount()).toBe(before);
	});

	it('marks jobs left running by a previous server as failed', () => {
		const store = new JobStore(db);
		const job = store.create(store.newBatchId(), 'zimage', 'x', {
			prompt: 'p',
			width: 16,
			height: 16,
			seed: 1
		});
		store.markRunning(job.id);
		expect(store.failInterrupted()).toBeGreaterThanOrEqual(1);
		expect(store.get(job.id)).toMatchObject({
			status: 'failed',
			error: expect.stringMatching(/server stopped/)
		});
	});

	it('without configuration there is no backend, and the how-to names both ways in both languages', () => {
		const config = readGenerationConfig({});
		expect(config).toMatchObject({ zimage: null, comfyui: null, defaultBackend: null, concurrency: 1 });
		expect(HOW_TO_CONFIGURE.en).toMatch(/ZIMAGE_MODEL_DIR/);
		expect(HOW_TO_CONFIGURE.en).toMatch(/COMFYUI_URL/);
		expect(HOW_TO_CONFIGURE.zh).toMatch(/ZIMAGE_MODEL_DIR/);
		expect(readGenerationConfig({ COMFYUI_URL: 'http://h:1', COMFYUI_VARIANT: 'gguf' })).toMatchObject({
			defaultBackend: 'comfyui',
			comfyui: { files: { variant: 'gguf', unet: 'z_image_turbo-Q4_K_M.gguf' } }
		});
	});

	it("reports the model's bilingual label beside its stored name (manifest label)", async () => {
		const config = readGenerationConfig({ ZIMAGE_MODEL_DIR: TINY });
		const queue = new GenerationQueue(new JobStore(db), { zimage: fast }, 1, db);
		const status = await describeGeneration(
			{ config, queue, backends: { zimage: fast }, problems: {} },
			false
		);
		expect(status.backends).toEqual([
			expect.objectContaining({
				id: 'zimage',
				ok: true,
				model: 'tiny test model (not Z-Image-Turbo)',
				label: { zh: '测试用小模型（不是 Z-Image-Turbo）', en: 'tiny test model (not Z-Image-Turbo)' }
			})
		]);
	});
});
