// The ComfyUI backend against a protocol-faithful fake ComfyUI server (HTTP + WebSocket, 127.0.0.1).
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import sharp from 'sharp';
import { ComfyUIBackend } from '../../../src/lib/server/generation/comfyui/backend';
import {
	buildWorkflow,
	DEFAULT_FILES,
	OFFICIAL_WORKFLOW
} from '../../../src/lib/server/generation/comfyui/workflow';
import { readPngText } from '../../../src/lib/server/generation/png-text';
import { isCancelled, type GenerationProgress } from '../../../src/lib/server/generation/backend';
import { FakeComfyUI, type FakeComfyOptions } from './fake-comfyui';

let server: FakeComfyUI | null = null;
afterEach(async () => {
	await server?.stop();
	server = null;
});
const start = async (options: FakeComfyOptions = {}) => (server = await new FakeComfyUI(options).start());
const request = { prompt: '红色海报，标题 "新春快乐"', width: 64, height: 48, seed: 42 };

describe('ComfyUI workflow builder', () => {
	it('fills the official workflow with prompt, size, seed and steps, keeping its graph', () => {
		const w = buildWorkflow({ ...request, steps: 6 }, DEFAULT_FILES.official);
		expect(Object.keys(w)).toEqual(Object.keys(OFFICIAL_WORKFLOW));
		expect(w['5'].inputs.text).toBe(request.prompt);
		expect(w['7'].inputs).toMatchObject({ width: 64, height: 48, batch_size: 1 });
		expect(w['8'].inputs).toMatchObject({
			seed: 42,
			steps: 6,
			cfg: 1,
			scheduler: 'simple',
			denoise: 1,
			sampler_name: 'res_multistep'
		});
		expect(w['2'].inputs).toMatchObject({ shift: 3, model: ['1', 0] });
		expect(w['6']).toEqual({ class_type: 'ConditioningZeroOut', inputs: { conditioning: ['5', 0] } });
		expect(w['1']).toEqual({
			class_type: 'UNETLoader',
			inputs: { unet_name: 'z_image_turbo_bf16.safetensors', weight_dtype: 'default' }
		});
		expect(OFFICIAL_WORKFLOW['5'].inputs.text).not.toBe(request.prompt); // the template is not mutated
	});

	it('builds the GGUF variant with ComfyUI-GGUF loaders and the configured files', () => {
		const w = buildWorkflow(request, {
			...DEFAULT_FILES.gguf,
			unet: 'zit-Q3_K_S.gguf',
			clip: 'qwen3-4b-Q4_K_M.gguf'
		});
		expect(w['1']).toEqual({ class_type: 'UnetLoaderGGUF', inputs: { unet_name: 'zit-Q3_K_S.gguf' } });
		expect(w['3']).toEqual({
			class_type: 'CLIPLoaderGGUF',
			inputs: { clip_name: 'qwen3-4b-Q4_K_M.gguf', type: 'lumina2' }
		});
	});
});

describe('ComfyUI client against a fake ComfyUI server', () => {
	it('submits, follows progress on /ws, fetches the image from /history and /view', async () => {
		const fake = await start();
		const backend = new ComfyUIBackend(fake.url, DEFAULT_FILES.official);
		const progress: GenerationProgress[] = [];
		const image = await backend.generate(request, { onProgress: (p) => progress.push(p) });
		expect(progress.filter((p) => p.phase === 'denoising').map((p) => p.step)).toEqual([
			1, 2, 3, 4, 5, 6, 7, 8
		]);
		const meta = await sharp(image.png).metadata();
		expect([meta.width, meta.height, image.width, image.height]).toEqual([64, 48, 64, 48]);
		expect(readPngText(image.png)).toMatchObject({
			prompt: request.prompt,
			seed: '42',
			backend: 'comfyui',
			size: '64x48'
		});
		const posted = fake.received.find((r) => r.path === 'POST /prompt')!.body as {
			prompt: Record<string, { inputs: Record<string, unknown> }>;
			client_id: string;
		};
		expect(posted.client_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(posted.prompt['8'].inputs.seed).toBe(42);
		expect(fake.received.some((r) => r.path === 'GET /view')).toBe(true);
	});

	it('names an unknown model file and where to put it', async () => {
		const fake = await start();
		const backend = new ComfyUIBackend(fake.url, {
			...DEFAULT_FILES.official,
			unet: 'z_image_turbo_fp8.safetensors'
		});
		await expect(backend.generate(request)).rejects.toThrow(
			/no model file "z_image_turbo_fp8\.safetensors" for UNETLoader.*models\/diffusion_models/
		);
	});

	it('says to install ComfyUI-GGUF when the GGUF loader nodes are missing', async () => {
		const fake = await start();
		const backend = new ComfyUIBackend(fake.url, DEFAULT_FILES.gguf);
		await expect(backend.generate(request)).rejects.toThrow(/UnetLoaderGGUF.*ComfyUI-GGUF/);
	});

	it('runs the GGUF variant where ComfyUI-GGUF is installed', async () => {
		const fake = await start({
			extraNodes: ['UnetLoaderGGUF', 'CLIPLoaderGGUF'],
			models: { unet_name: ['z_image_turbo-Q4_K_M.gguf'], clip_name: ['Qwen3-4B-Q4_K_M.gguf'] }
		});
		const image = await new ComfyUIBackend(fake.url, DEFAULT_FILES.gguf).generate(request);
		expect(image.metadata.model).toMatch(/z_image_turbo-Q4_K_M\.gguf/);
	});

	it('lists node_errors of a rejected workflow', async () => {
		const fake = await start();
		const backend = new ComfyUIBackend(fake.url, DEFAULT_FILES.official);
		await expect(backend.generate({ ...request, steps: 0 })).rejects.toThrow(
			/node 8 \(KSampler\): Value 0 smaller than min of 1/
		);
	});

	it('reports an execution error from the WebSocket', async () => {
		const fake = await start({ failWith: 'CUDA out of memory' });
		await expect(new ComfyUIBackend(fake.url, DEFAULT_FILES.official).generate(request)).rejects.toThrow(
			/node 8 \(KSampler\): CUDA out of memory/
		);
	});

	it('finishes through /history when the WebSocket connection drops mid-run', async () => {
		const fake = await start({ dropSocketAfterStep: 3, stepDelayMs: 10 });
		const progress: number[] = [];
		const image = await new ComfyUIBackend(fake.url, DEFAULT_FILES.official).generate(request, {
			onProgress: (p) => p.phase === 'denoising' && progress.push(p.step)
		});
		expect(progress).toEqual([1, 2, 3]);
		expect(image.width).toBe(64);
	});

	it('cancels with /interrupt for its own prompt', async () => {
		const fake = await start({ stepDelayMs: 20 });
		const controller = new AbortController();
		const run = new ComfyUIBackend(fake.url, DEFAULT_FILES.official).generate(request, {
			signal: controller.signal,
			onProgress: (p) => p.step === 2 && controller.abort()
		});
		expect(isCancelled(await run.catch((e) => e))).toBe(true);
		const interrupt = fake.received.find((r) => r.path === 'POST /interrupt');
		expect(interrupt?.body).toMatchObject({ prompt_id: expect.any(String) });
	});

	it('explains a refused connection', async () => {
		const port = await new Promise<number>((resolve) => {
			const s = createServer().listen(0, '127.0.0.1', () => {
				const p = (s.address() as { port: number }).port;
				s.close(() => resolve(p));
			});
		});
		await expect(
			new ComfyUIBackend(`http://127.0.0.1:${port}`, DEFAULT_FILES.official).generate(request)
		).rejects.toThrow(/Cannot reach ComfyUI at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\).*COMFYUI_URL/);
	});

	it('times out with a clear message and cancels the job', async () => {
		const fake = await start({ stepDelayMs: 200 });
		const backend = new ComfyUIBackend(fake.url, DEFAULT_FILES.official, 150);
		await expect(backend.generate(request)).rejects.toThrow(
			/ComfyUI did not finish within 0 s; the job was cancelled/
		);
		expect(fake.received.some((r) => r.path === 'POST /interrupt')).toBe(true);
	});
});

describe('doctor checks of a ComfyUI server (fake server)', () => {
	it('reports the server and which configured model files it has', async () => {
		const { checkComfyUI } = await import('../../../src/lib/server/generation/doctor');
		const fake = await start();
		const checks = await checkComfyUI(fake.url, { ...DEFAULT_FILES.official, vae: 'flux_vae.safetensors' });
		expect(checks[0]).toMatchObject({
			name: 'ComfyUI server',
			ok: true,
			detail: expect.stringMatching(/0\.3\.60-fake.*cuda:0 fake/)
		});
		expect(checks.find((c) => c.name === 'UNETLoader')).toMatchObject({ ok: true });
		expect(checks.find((c) => c.name === 'VAELoader')).toMatchObject({
			ok: false,
			detail: expect.stringMatching(/flux_vae\.safetensors is not among.*ae\.safetensors/)
		});
		const gguf = await checkComfyUI(fake.url, DEFAULT_FILES.gguf);
		expect(gguf.find((c) => c.name === 'UnetLoaderGGUF')).toMatchObject({
			ok: false,
			detail: expect.stringMatching(/ComfyUI-GGUF/)
		});
	});
});
