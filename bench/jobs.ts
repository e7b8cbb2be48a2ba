// Job runtime benchmarks: how long the server's event loop stalls while exports render in the
// render worker threads (A3 at 300 dpi PNG, the 80×200 cm roll-up at 150 dpi PNG, the roll-up's
// print PDF; goal ≤ 100 ms, i.e. /api/presets answers within 100 ms during any export), and peak
// resident memory of 10 A3@300 exports submitted at once (queued in the export slots; goal ≤ 1.5 GB),
// measured in a child process so the figure is the exports' own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDb } from '../src/lib/server/storage/db';
import { JobRuntime } from '../src/lib/server/jobs/runtime';
import { WorkerPool } from '../src/lib/server/jobs/pool';
import { startExportJob, type ExportSettings } from '../src/lib/server/export/jobs';
import { exportDocument } from '../src/lib/server/export/index';
import { benchDocument, benchPhoto } from './export/doc';

const TEMPLATE = 'sale-burst';

/** The event loop's worst stall and 99th percentile while `work` runs. */
async function stallWhile<T>(work: () => Promise<T>) {
	const histogram = monitorEventLoopDelay({ resolution: 5 });
	// A second, direct probe: the lateness of a 10 ms timer is what a request would wait.
	let worstLate = 0;
	let expected = performance.now() + 10;
	const timer = setInterval(() => {
		const now = performance.now();
		worstLate = Math.max(worstLate, now - expected);
		expected = now + 10;
	}, 10);
	histogram.enable();
	const started = performance.now();
	const result = await work();
	const seconds = (performance.now() - started) / 1000;
	histogram.disable();
	clearInterval(timer);
	return {
		result,
		seconds,
		stallMs: Math.max(histogram.max / 1e6, worstLate),
		p99Ms: histogram.percentile(99) / 1e6
	};
}

/** Runs one export job and reports the event loop's stalls while it ran. */
async function stallDuring(
	runtime: JobRuntime,
	pool: WorkerPool,
	format: string,
	options: ExportSettings,
	photo: Buffer
) {
	const doc = await benchDocument(TEMPLATE, format);
	const r = await stallWhile(
		() => startExportJob(doc, options, { runtime, pool, assets: { 'bench-photo': photo } }).done
	);
	if (r.result.status !== 'done') throw new Error(`export ${r.result.status}: ${r.result.error}`);
	return { ...r, size: r.result.resultSize ?? 0 };
}

const stallText = (r: { stallMs: number; p99Ms: number }) =>
	`worst event-loop stall ${Math.round(r.stallMs)} ms, p99 ${Math.round(r.p99Ms)} ms`;

export async function bench() {
	const dir = mkdtempSync(join(tmpdir(), 'haibao-bench-jobs-'));
	const runtime = new JobRuntime({ db: openDb(join(dir, 'haibao.sqlite')) });
	const pool = new WorkerPool('render', { max: 3 });
	try {
		const photo = await benchPhoto();
		// Warm the render threads (fonts load once per thread, as in a running server).
		await stallDuring(runtime, pool, 'a3', { format: 'png', maxSide: 200 }, photo);
		// What this machine does to a timer with no export at all (a shared machine's own noise).
		const idle = await stallWhile(() => new Promise((r) => setTimeout(r, 6000)));
		console.log(`no export (baseline, 6 s): ${stallText(idle)}`);
		const cases: [string, string, ExportSettings][] = [
			['A3 300 dpi PNG (3508×4961)', 'a3', { format: 'png', dpi: 300 }],
			['roll-up 80×200 cm 150 dpi PNG (4724×11811)', 'rollup-80x200', { format: 'png', dpi: 150 }],
			['roll-up 80×200 cm print PDF', 'rollup-80x200', { format: 'pdf', marks: true }]
		];
		for (const [label, format, options] of cases) {
			const r = await stallDuring(runtime, pool, format, options, photo);
			console.log(
				`${label}: ${r.seconds.toFixed(1)} s, ${(r.size / 1e6).toFixed(1)} MB; ${stallText(r)} (goal ≤ 100 ms)`
			);
		}
		// For comparison: the same roll-up drawn on the event loop itself, as exports ran before the runtime.
		const rollup = await benchDocument(TEMPLATE, 'rollup-80x200');
		const before = await stallWhile(() =>
			exportDocument(rollup, { format: 'png', dpi: 150, deps: { loadAsset: async () => photo } })
		);
		console.log(`(before: the roll-up PNG rendered on the event loop: ${stallText(before)})`);
	} finally {
		await pool.close();
		runtime.store.db.close();
		rmSync(dir, { recursive: true, force: true });
	}

	const runs: [string, string, number, number][] = [
		['10 concurrent A3 300 dpi PNG exports', 'a3', 300, 10],
		// The largest raster an export may make (MAX_EXPORT_PIXELS, 150 M px): a roll-up at 245 dpi.
		[
			'3 concurrent roll-up PNG exports at 245 dpi (6.0×14.8 k px, the 150 M px limit)',
			'rollup-80x200',
			245,
			3
		]
	];
	for (const [label, format, dpi, count] of runs) {
		const child = spawnSync(
			process.execPath,
			[
				'--import',
				'tsx',
				fileURLToPath(new URL('./jobs/concurrent-child.ts', import.meta.url)),
				TEMPLATE,
				String(count),
				format,
				String(dpi)
			],
			{ encoding: 'utf8', maxBuffer: 1 << 20 }
		);
		const line = child.stdout.trim().split('\n').at(-1) ?? '';
		if (child.status !== 0 || !line.startsWith('{')) {
			console.log(`${label}: child failed: ${child.stderr}`);
			continue;
		}
		const r = JSON.parse(line);
		console.log(
			`${label}: all done in ${r.seconds.toFixed(1)} s, at most ${r.maxRunning} export slots busy; peak RSS ${Math.round(r.peakRssMb)} MB (goal ≤ 1536 MB), RSS before ${Math.round(r.baseRssMb)} MB`
		);
	}
}
