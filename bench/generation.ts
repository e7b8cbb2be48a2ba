// Generation benchmark on the TINY test models (tests/fixtures/tiny-zimage): the pipeline's own
// overhead per denoising step outside session.run (goal ≤ 1 ms), peak resident memory, and how
// long the main event loop stalls while a job runs in-process versus in the worker thread.
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ZImagePipeline } from '../src/lib/server/generation/zimage/pipeline';
import { ZImageBackend } from '../src/lib/server/generation/zimage/backend';

const TINY = fileURLToPath(new URL('../tests/fixtures/tiny-zimage', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function bench(): Promise<void> {
	console.log(
		`load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')} (min is the least disturbed run on a shared machine)`
	);
	const pipeline = await ZImagePipeline.open(TINY, { keepResident: true });
	for (const size of [512, 1024, 1536]) {
		const request = { prompt: '红色海报，标题 "新春快乐"', width: size, height: size, seed: 1 };
		await pipeline.generate(request); // warm-up: sessions load, JIT settles
		const overhead: number[] = [];
		const total: number[] = [];
		for (let i = 0; i < 7; i++) {
			const r = await pipeline.generate({ ...request, seed: i });
			overhead.push(r.metadata.timings.overheadPerStepMs);
			total.push(r.metadata.timings.total);
		}
		const latents = 16 * (size / 8) ** 2;
		console.log(
			`tiny model ${size}×${size} (${latents.toLocaleString('en')} latent values): overhead per step outside session.run ` +
				`${median(overhead).toFixed(3)} ms median (min ${Math.min(...overhead).toFixed(3)}, max ${Math.max(...overhead).toFixed(3)}); ` +
				`whole image ${median(total).toFixed(1)} ms (goal ≤ 1 ms per step)`
		);
	}
	await pipeline.dispose();

	// Event-loop stall: a 1536² image has a VAE stage big enough to notice.
	const request = { prompt: 'hello', width: 1536, height: 1536, seed: 3 };
	const inProcess = await ZImagePipeline.open(TINY);
	const h1 = monitorEventLoopDelay({ resolution: 1 });
	h1.enable();
	await inProcess.generate(request);
	h1.disable();
	const backend = await ZImageBackend.create(TINY);
	await backend.generate({ ...request, width: 64, height: 64 }); // start the worker thread first
	const h2 = monitorEventLoopDelay({ resolution: 1 });
	h2.enable();
	await backend.generate(request);
	h2.disable();
	await backend.close();
	console.log(
		`main event loop, longest stall during one 1536² tiny-model job: in-process ${(h1.max / 1e6).toFixed(1)} ms, ` +
			`worker thread ${(h2.max / 1e6).toFixed(1)} ms`
	);
	console.log(
		`peak resident memory (this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`
	);
}
