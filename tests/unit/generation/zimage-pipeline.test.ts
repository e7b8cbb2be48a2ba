// The in-process pipeline on the TINY test model (tests/fixtures/tiny-zimage, closed-form graphs).
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import {
	ZImagePipeline,
	VAE_SCALING_FACTOR,
	VAE_SHIFT_FACTOR
} from '../../../src/lib/server/generation/zimage/pipeline';
import { GaussianRng } from '../../../src/lib/server/generation/zimage/rng';
import { flowMatchSigmas } from '../../../src/lib/server/generation/zimage/scheduler';
import { readPngText } from '../../../src/lib/server/generation/png-text';
import { isCancelled, type GenerationProgress } from '../../../src/lib/server/generation/backend';
import {
	TINY_A,
	TINY_B,
	TINY_DIM,
	tinyEmbedding,
	tinyVaeBias,
	tinyVaeWeight
} from '../../../scripts/make-tiny-models';

const TINY = join(import.meta.dirname, '../../fixtures/tiny-zimage');
const scratch = mkdtempSync(join(tmpdir(), 'haibao-zimage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copyOfTiny(): string {
	const dir = mkdtempSync(join(scratch, 'model-'));
	cpSync(TINY, dir, { recursive: true });
	return dir;
}

async function rawPixels(png: Buffer) {
	const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
	return { data, info };
}

describe('Z-Image pipeline on the tiny model', () => {
	it('yields the closed-form Euler result of a transformer out = A·x + B·t + mean(caption)', async () => {
		const pipeline = await ZImagePipeline.open(TINY);
		const request = { prompt: 'hello world', width: 32, height: 48, seed: 1234 };
		const result = await pipeline.generate(request);

		// Caption mean: the tiny encoder's rows for the token ids, padded to 32 rows by repeating the last.
		const tokenIds = (await import('../../../src/lib/server/generation/zimage/tokenizer'))
			.loadTokenizer(join(TINY, 'tokenizer.json'), undefined, 512)
			.then((t) => t.encode(request.prompt).ids);
		const ids = await tokenIds;
		expect(result.tokenCount).toBe(ids.length);
		const padded = [...ids, ...new Array(32 - ids.length).fill(ids[ids.length - 1])];
		let sum = 0;
		for (const id of padded) for (let j = 0; j < TINY_DIM; j++) sum += tinyEmbedding(id, j);
		const captionMean = sum / (padded.length * TINY_DIM);

		const sigmas = flowMatchSigmas(8);
		const x = Array.from(new GaussianRng(request.seed).fillGaussian(new Float32Array(16 * 4 * 6)));
		for (let i = 0; i < 8; i++) {
			const t = 1 - sigmas[i];
			for (let k = 0; k < x.length; k++)
				x[k] += (sigmas[i + 1] - sigmas[i]) * -(TINY_A * x[k] + TINY_B * t + captionMean);
		}
		expect(result.latents).toHaveLength(x.length);
		let worst = 0;
		x.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - result.latents[k]))));
		expect(worst).toBeLessThan(1e-5);
	});

	it('applies the VAE scale and shift before the decoder and clamp/round after it', async () => {
		const pipeline = await ZImagePipeline.open(TINY);
		const result = await pipeline.generate({ prompt: 'red poster', width: 48, height: 32, seed: 9 });
		const { data, info } = await rawPixels(result.png);
		expect([info.width, info.height, info.channels]).toEqual([48, 32, 3]);
		const latentW = 6;
		const plane = 6 * 4;
		let mismatches = 0;
		let clampedLow = 0;
		let clampedHigh = 0;
		for (let py = 0; py < 32; py++) {
			for (let px = 0; px < 48; px++) {
				const cell = Math.floor(py / 8) * latentW + Math.floor(px / 8);
				for (let c = 0; c < 3; c++) {
					let v = tinyVaeBias(c);
					for (let k = 0; k < 16; k++)
						v +=
							tinyVaeWeight(c, k) *
							(result.latents[k * plane + cell] / VAE_SCALING_FACTOR + VAE_SHIFT_FACTOR);
					const unit = v / 2 + 0.5;
					if (unit < 0) clampedLow++;
					if (unit > 1) clampedHigh++;
					const expected = Math.round(Math.min(1, Math.max(0, unit)) * 255);
					if (Math.abs(data[(py * 48 + px) * 3 + c] - expected) > 1) mismatches++;
				}
			}
		}
		expect(mismatches).toBe(0);
		expect(clampedLow).toBeGreaterThan(0); // the clamp was exercised on both sides
		expect(clampedHigh).toBeGreaterThan(0);
	});

	it('writes prompt, seed, steps, size and model into PNG text chunks', async () => {
		const pipeline = await ZImagePipeline.open(TINY);
		const result = await pipeline.generate({
			prompt: '新春快乐 "海报"',
			width: 16,
			height: 16,
			seed: 3,
			steps: 4
		});
		expect(readPngText(result.png)).toMatchObject({
			prompt: '新春快乐 "海报"',
			seed: '3',
			steps: '4',
			size: '16x16',
			model: 'tiny test model (not Z-Image-Turbo)'
		});
		expect(result.metadata).toMatchObject({ backend: 'zimage', steps: 4, width: 16, height: 16 });
	});

	it('same seed → identical image, another seed → a different one (also with resident sessions)', async () => {
		const pipeline = await ZImagePipeline.open(TINY);
		const resident = await ZImagePipeline.open(TINY, { keepResident: true });
		const request = { prompt: 'hello', width: 32, height: 32, seed: 77 };
		const a = await pipeline.generate(request);
		const b = await resident.generate(request);
		const b2 = await resident.generate(request);
		const c = await pipeline.generate({ ...request, seed: 78 });
		await resident.dispose();
		const pa = await rawPixels(a.png);
		expect(pa.data.equals((await rawPixels(b.png)).data)).toBe(true);
		expect(pa.data.equals((await rawPixels(b2.png)).data)).toBe(true);
		expect(pa.data.equals((await rawPixels(c.png)).data)).toBe(false);
	});

	it('reports progress once per step', async () => {
		const pipeline = await ZImagePipeline.open(TINY);
		const events: GenerationProgress[] = [];
		await pipeline.generate(
			{ prompt: 'hello', width: 16, height: 16, seed: 1, steps: 6 },
			{ onProgress: (p) => events.push(p) }
		);
		const steps = events.filter((e) => e.phase === 'denoising' && e.step > 0).map((e) => e.step);
		expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
		expect(events.every((e) => e.totalSteps === 6)).toBe(true);
	});

	it('cancelling mid-loop stops within one step', async () => {
		const pipeline = await ZImagePipeline.open(TINY);
		const controller = new AbortController();
		const steps: number[] = [];
		const run = pipeline.generate(
			{ prompt: 'hello', width: 16, height: 16, seed: 1 },
			{
				signal: controller.signal,
				onProgress: (p) => {
					if (p.phase !== 'denoising' || p.step === 0) return;
					steps.push(p.step);
					if (p.step === 3) controller.abort();
				}
			}
		);
		const error = await run.then(
			() => null,
			(e) => e
		);
		expect(isCancelled(error)).toBe(true);
		expect(steps).toEqual([1, 2, 3]);
	});

	it('rejects sizes that are not multiples of 16 with a clear message', async () => {
		const pipeline = await ZImagePipeline.open(TINY);
		await expect(pipeline.generate({ prompt: 'x', width: 1000, height: 1024, seed: 1 })).rejects.toThrow(
			/width 1000 is not a multiple of 16.*992 or 1008/
		);
		await expect(pipeline.generate({ prompt: 'x', width: 1024, height: 1030, seed: 1 })).rejects.toThrow(
			/height 1030/
		);
	});

	it('names a missing file exactly', async () => {
		const dir = copyOfTiny();
		unlinkSync(join(dir, 'transformer.onnx'));
		await expect(ZImagePipeline.open(dir)).rejects.toThrow(/transformer: missing file transformer\.onnx/);
	});

	it('names the expected default files when a folder has no model.json', async () => {
		const dir = mkdtempSync(join(scratch, 'empty-'));
		const error = await ZImagePipeline.open(dir).catch((e) => e);
		expect(error.message).toMatch(/default webnn\/Z-Image-Turbo layout/);
		expect(error.message).toMatch(/onnx\/transformer_model_q4f16\.onnx/);
		expect(error.message).toMatch(/tokenizer\/tokenizer\.json/);
	});

	it('a wrong tensor name in model.json gives an error naming the tensor and the real inputs', async () => {
		const dir = copyOfTiny();
		const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
		manifest.components.transformer.inputs.latents.name = 'latent';
		writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest));
		const pipeline = await ZImagePipeline.open(dir);
		const error = await pipeline.generate({ prompt: 'x', width: 16, height: 16, seed: 1 }).catch((e) => e);
		expect(error.message).toMatch(/transformer \(transformer\.onnx\)/);
		expect(error.message).toMatch(/"latent".*no such input/);
		expect(error.message).toMatch(/hidden_states \[1, 16, 1, height, width\] float32/);
	});

	it('a wrong rank in model.json is reported with the model shape', async () => {
		const dir = copyOfTiny();
		const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
		manifest.components.transformer.inputs.latents.rank = 4;
		writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest));
		const pipeline = await ZImagePipeline.open(dir);
		await expect(pipeline.generate({ prompt: 'x', width: 16, height: 16, seed: 1 })).rejects.toThrow(
			/input "hidden_states" has rank 5 \[1, 16, 1, height, width\], model\.json says rank 4/
		);
	});

	it('a malformed model.json is reported field by field', async () => {
		const dir = copyOfTiny();
		writeFileSync(
			join(dir, 'model.json'),
			JSON.stringify({ schema: 'haibao.zimage-model/1', name: 'x', components: {} })
		);
		await expect(ZImagePipeline.open(dir)).rejects.toThrow(/model\.json components\.tokenizer/);
	});
});
