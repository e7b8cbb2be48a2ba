// Flow-matching Euler schedule of Z-Image-Turbo (reference/zimage-turbo.md §4–5). Pure and tiny:
// fixed shift 3, no dynamic shifting, t = 1 − σ for the transformer, velocity = −model output.

export const DEFAULT_STEPS = 8;
export const SHIFT = 3;

/** σ for N steps: s = linspace(1, 1/N, N), σ = shift·s / (1 + (shift − 1)·s), then a final 0. */
export function flowMatchSigmas(steps: number, shift = SHIFT): number[] {
	if (!Number.isInteger(steps) || steps < 1 || steps > 100) {
		throw new RangeError(`steps must be an integer from 1 to 100 (got ${steps})`);
	}
	const sigmas: number[] = [];
	for (let i = 0; i < steps; i++) {
		const s = steps === 1 ? 1 : 1 + ((1 / steps - 1) * i) / (steps - 1);
		sigmas.push((shift * s) / (1 + (shift - 1) * s));
	}
	sigmas.push(0);
	return sigmas;
}

/** The transformer's timestep for each step: t = 1 − σ_i, in [0, 1] (it scales by 1000 inside). */
export function timestepsFor(sigmas: number[]): number[] {
	return sigmas.slice(0, -1).map((sigma) => 1 - sigma);
}

/**
 * One Euler step in fp32, in place: x ← x + (σ_next − σ)·v with v = −modelOutput.
 * `modelOutput` may be any layout with the same element count (the export drops the batch axis).
 */
export function eulerStep(
	latents: Float32Array,
	modelOutput: Float32Array,
	sigma: number,
	sigmaNext: number
): void {
	if (modelOutput.length !== latents.length) {
		throw new Error(`transformer output has ${modelOutput.length} values, latents have ${latents.length}`);
	}
	const dt = Math.fround(sigmaNext - sigma);
	const n = latents.length;
	for (let i = 0; i < n; i++) latents[i] -= dt * modelOutput[i]; // x + dt·v with v = −output
}
