// After a generation whose prompt asks for text, the queue reads the image back (OCR worker thread)
// and stores the verdict with the job; "auto" tries further seeds until the text reads back.
// Backends: the in-process one on the TINY test model (its images hold no text, so ✗), and a
// ComfyUI stand-in whose "model" paints Haibao-rendered headlines (right on odd seeds, one wrong
// character on even ones).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComfyUIBackend } from '../../../src/lib/server/generation/comfyui/backend';
import { DEFAULT_FILES } from '../../../src/lib/server/generation/comfyui/workflow';
import { JobStore } from '../../../src/lib/server/generation/jobs';
import { GenerationQueue, type LiveJobRecord } from '../../../src/lib/server/generation/queue';
import { ZImageBackend } from '../../../src/lib/server/generation/zimage/backend';
import { getOcr } from '../../../src/lib/server/ocr/host';
import { getAsset } from '../../../src/lib/server/storage/assets';
import { openDb, type Db } from '../../../src/lib/server/storage/db';
import { FakeComfyUI } from '../generation/fake-comfyui';
import { ocrCase, renderCase } from './cases';
import sharp from 'sharp';

const TINY = join(import.meta.dirname, '../../fixtures/tiny-zimage');
const dir = mkdtempSync(join(tmpdir(), 'haibao-textcheck-'));
const checkText = (png: Buffer, e: Parameters<ReturnType<typeof getOcr>['checkImage']>[1]) =>
	getOcr().checkImage(png, e);
let db: Db;
let tiny: ZImageBackend;
let comfy: FakeComfyUI;

beforeAll(async () => {
	db = openDb(join(dir, 'haibao.sqlite'));
	tiny = await ZImageBackend.create(TINY);
	comfy = await new FakeComfyUI({
		paint: async (seed, width, height) => {
			const c = { ...ocrCase(0), size: 64 };
			const text = await renderCase(c, seed % 2 ? '双十一狂欢节' : '双十二狂欢节');
			return sharp(text).resize(width, height, { fit: 'contain', background: c.background }).png().toBuffer();
		}
	}).start();
}, 60_000);
afterAll(async () => {
	await tiny.close();
	await comfy.stop();
	await getOcr().close();
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

const record = (queue: GenerationQueue, id: string) => {
	const seen: LiveJobRecord[] = [];
	queue.subscribe(id, (j) => seen.push(j));
	return seen;
};

describe('text check after generation', () => {
	it('tiny model: the verdict is ✗ for every field, auto tries every seed and keeps one', async () => {
		const queue = new GenerationQueue(new JobStore(db), { zimage: tiny }, 1, db, checkText);
		const [job] = queue.enqueue('zimage', [
			{
				prompt: '海报，标题"双十一狂欢节"',
				width: 64,
				height: 64,
				seed: 7,
				textCheck: [
					{ text: '双十一狂欢节', field: 'headline', region: { x0: 0.1, y0: 0.1, x1: 0.9, y1: 0.3 } }
				],
				autoTries: 3
			}
		]);
		const seen = record(queue, job.id);
		await queue.idle();
		const done = queue.get(job.id)!;
		expect(done.status).toBe('done');
		const check = done.metadata!.textCheck!;
		expect(check.verdict).toBe('missing');
		expect(check.fields).toMatchObject([
			{ expected: '双十一狂欢节', field: 'headline', verdict: 'missing', box: null }
		]);
		expect(done.metadata!.tries!.map((t) => [t.seed, t.verdict])).toEqual([
			[7, 'missing'],
			[8, 'missing'],
			[9, 'missing']
		]);
		for (const t of done.metadata!.tries!) expect(getAsset(t.assetId, db)).toBeTruthy();
		expect(done.metadata!.tries!.map((t) => t.assetId)).toContain(done.assetId);
		// Progress showed each try and the checking phase.
		expect([...new Set(seen.flatMap((j) => (j.attempt ? [j.attempt.index] : [])))]).toEqual([0, 1, 2]);
		expect(seen.some((j) => j.progress.phase === 'checking')).toBe(true);
		expect(done.metadata!.timings.textCheck).toBeGreaterThan(0);
	}, 120_000);

	it('auto stops at the first seed whose text reads back exactly and keeps that image', async () => {
		const backend = new ComfyUIBackend(comfy.url, DEFAULT_FILES.official);
		const queue = new GenerationQueue(new JobStore(db), { comfyui: backend }, 1, db, checkText);
		const [job] = queue.enqueue('comfyui', [
			{
				prompt: '红色海报，大字标题"双十一狂欢节"',
				width: 512,
				height: 256,
				seed: 10,
				textCheck: [{ text: '双十一狂欢节' }],
				autoTries: 4
			}
		]);
		await queue.idle();
		const done = queue.get(job.id)!;
		expect(done.metadata!.tries!.map((t) => [t.seed, t.verdict])).toEqual([
			[10, 'near'],
			[11, 'exact']
		]);
		expect(done.metadata!.seed).toBe(11);
		expect(done.assetId).toBe(done.metadata!.tries![1].assetId);
		expect(done.metadata!.textCheck!.fields[0]).toMatchObject({ verdict: 'exact', found: '双十一狂欢节' });
	}, 120_000);

	it('when the check itself fails, the picture is kept with a warning', async () => {
		const failing = async () => {
			throw new Error('OCR models missing');
		};
		const queue = new GenerationQueue(new JobStore(db), { zimage: tiny }, 1, db, failing);
		const [job] = queue.enqueue('zimage', [
			{ prompt: '写"你好"', width: 32, height: 32, seed: 1, textCheck: [{ text: '你好' }] }
		]);
		await queue.idle();
		const done = queue.get(job.id)!;
		expect(done.status).toBe('done');
		expect(done.assetId).not.toBeNull();
		expect(done.metadata!.textCheck).toBeUndefined();
		expect(done.metadata!.warnings.join(' ')).toContain('could not be checked: OCR models missing');
	}, 60_000);

	it('without text to draw, nothing is read back', async () => {
		const queue = new GenerationQueue(new JobStore(db), { zimage: tiny }, 1, db, checkText);
		const [job] = queue.enqueue('zimage', [{ prompt: '风景', width: 32, height: 32, seed: 1 }]);
		await queue.idle();
		expect(queue.get(job.id)!.metadata!.textCheck).toBeUndefined();
	}, 60_000);
});
