// Child process of bench/jobs.ts: N PNG exports of one format at one dpi (argv: template count
// format dpi) submitted to the job runtime at once (as N users clicking Export together). Prints
// one JSON line with the peak resident memory of the whole process, render threads included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/lib/server/storage/db';
import { JobRuntime } from '../../src/lib/server/jobs/runtime';
import { WorkerPool } from '../../src/lib/server/jobs/pool';
import { startExportJob } from '../../src/lib/server/export/jobs';
import { benchDocument, benchPhoto } from '../export/doc';

const count = Number(process.argv[3] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'haibao-bench-concurrent-'));
const runtime = new JobRuntime({ db: openDb(join(dir, 'haibao.sqlite')) });
const pool = new WorkerPool('render', { max: 3 });
const photo = await benchPhoto();
const format = process.argv[4] ?? 'a3';
const dpi = Number(process.argv[5] ?? 300);
const doc = await benchDocument(process.argv[2] ?? 'sale-burst', format);
const baseRssMb = process.memoryUsage().rss / 1e6;
let peak = 0;
let maxRunning = 0;
const sampler = setInterval(() => {
	peak = Math.max(peak, process.memoryUsage().rss);
	maxRunning = Math.max(maxRunning, runtime.limiter('export').inUse);
}, 20);
const started = performance.now();
const jobs = Array.from({ length: count }, () =>
	startExportJob(doc, { format: 'png', dpi }, { runtime, pool, assets: { 'bench-photo': photo } })
);
const finals = await Promise.all(jobs.map((j) => j.done));
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
await pool.close();
runtime.store.db.close();
rmSync(dir, { recursive: true, force: true });
const failed = finals.filter((f) => f.status !== 'done');
if (failed.length) throw new Error(`${failed.length} exports did not finish: ${failed[0].error}`);
console.log(JSON.stringify({ seconds, peakRssMb: peak / 1e6, baseRssMb, maxRunning }));
