import { describe, expect, it } from 'vitest';
import {
	eulerStep,
	flowMatchSigmas,
	timestepsFor
} from '../../../src/lib/server/generation/zimage/scheduler';

describe('flow-matching Euler scheduler (shift 3)', () => {
	it('sigmas for 8 steps equal the reference table to 1e-6', () => {
		const reference = [1.0, 0.954545, 0.9, 0.833333, 0.75, 0.642857, 0.5, 0.3, 0];
		const sigmas = flowMatchSigmas(8);
		expect(sigmas).toHaveLength(9);
		sigmas.forEach((s, i) => expect(Math.abs(s - reference[i])).toBeLessThan(1e-6));
	});

	it('timesteps are 1 − σ for each of the N steps (the transformer scales by 1000 inside)', () => {
		const sigmas = flowMatchSigmas(8);
		const t = timestepsFor(sigmas);
		expect(t).toHaveLength(8);
		expect(t[0]).toBe(0);
		t.forEach((v, i) => expect(v).toBeCloseTo(1 - sigmas[i], 12));
	});

	it('follows σ = 3s/(1+2s) over s = linspace(1, 1/N, N) for other step counts', () => {
		const sigmas = flowMatchSigmas(4);
		const s = [1, 0.75, 0.5, 0.25];
		s.forEach((v, i) => expect(sigmas[i]).toBeCloseTo((3 * v) / (1 + 2 * v), 12));
		expect(sigmas[4]).toBe(0);
		expect(() => flowMatchSigmas(0)).toThrow(/steps/);
	});

	it('an Euler step negates the model output: x + (σ_next − σ)·(−out)', () => {
		const x = new Float32Array([1, -2, 0.5]);
		eulerStep(x, new Float32Array([0.2, 0.4, -1]), 1, 0.75);
		// dt = −0.25, v = −out → x + 0.25·out
		expect(Array.from(x)).toEqual([1.05, -1.9, 0.25].map(Math.fround));
		expect(() => eulerStep(x, new Float32Array(2), 1, 0.5)).toThrow(/values/);
	});
});
