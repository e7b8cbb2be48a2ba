import { describe, expect, it } from 'vitest';
import { GaussianRng } from '../../../src/lib/server/generation/zimage/rng';

describe('seeded fp32 Gaussian generator', () => {
	it('is deterministic per seed and differs between seeds', () => {
		const a = new GaussianRng(42).fillGaussian(new Float32Array(1000));
		const b = new GaussianRng(42).fillGaussian(new Float32Array(1000));
		const c = new GaussianRng(43).fillGaussian(new Float32Array(1000));
		expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
		expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
	});

	it('uses both 32-bit halves of large seeds', () => {
		const low = new GaussianRng(5).fillGaussian(new Float32Array(8));
		const high = new GaussianRng(5 + 2 ** 32).fillGaussian(new Float32Array(8));
		expect(Array.from(low)).not.toEqual(Array.from(high));
	});

	it('draws standard normal values (mean ≈ 0, variance ≈ 1, finite)', () => {
		const n = 200_000;
		const v = new GaussianRng(1).fillGaussian(new Float32Array(n));
		let sum = 0;
		let sq = 0;
		let nonFinite = 0;
		for (const x of v) {
			if (!Number.isFinite(x)) nonFinite++;
			sum += x;
			sq += x * x;
		}
		const mean = sum / n;
		expect(nonFinite).toBe(0);
		expect(Math.abs(mean)).toBeLessThan(0.01);
		expect(Math.abs(sq / n - mean * mean - 1)).toBeLessThan(0.02);
	});

	it('rejects seeds that are not whole non-negative numbers', () => {
		expect(() => new GaussianRng(-1)).toThrow(/seed/);
		expect(() => new GaussianRng(1.5)).toThrow(/seed/);
	});
});
