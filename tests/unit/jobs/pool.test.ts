// The render worker pool with real threads: bounded threads, and a cancel that reaches a thread
// busy inside one long strip (it cannot see the flag) by terminating it; the pool then goes on.
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../src/lib/server/jobs/pool';
import type { RenderResult, RenderTask } from '../../../src/lib/server/jobs/render-worker';
import { makeDoc, mm, rect } from '../export/fixtures';

const pool = new WorkerPool('render', { max: 1, killAfterMs: 50 });
afterAll(() => pool.close());

const doc = makeDoc([rect('r', mm(20), mm(20), mm(100), mm(100))], {
	preset: 'a3',
	width: mm(297),
	height: mm(420)
});
const task = (dpi: number): RenderTask => ({ doc, options: { format: 'png', dpi }, assets: {} });

describe('WorkerPool (render threads)', () => {
	it('terminates a thread that does not stop in time, rejects as cancelled, and serves the next task', async () => {
		const controller = new AbortController();
		let sawProgress = false;
		const big = pool.run<RenderResult>(task(600), {
			signal: controller.signal,
			onProgress: () => {
				// After the preparing step the thread is inside a 16 M px strip for a while: cancel now.
				if (!sawProgress) controller.abort();
				sawProgress = true;
			}
		});
		// Queued behind it in the one-thread pool: runs on a fresh thread after the cancel.
		const small = pool.run<RenderResult>(task(20));
		await expect(big).rejects.toThrow('cancelled');
		expect(sawProgress).toBe(true);
		const r = await small;
		expect(r.mime).toBe('image/png');
		expect(pool.size).toBe(1);
	});

	it('drops a queued task whose signal fires before a thread is free', async () => {
		const first = pool.run<RenderResult>(task(40));
		const controller = new AbortController();
		const second = pool.run(task(40), { signal: controller.signal });
		controller.abort();
		await expect(second).rejects.toThrow('cancelled');
		expect((await first).mime).toBe('image/png');
	});
});
