// Seeded fp32 Gaussian noise, owned by one job (no global state, so concurrent jobs never interfere).
//
// Generator: xoshiro128** (Blackman & Vigna), 32-bit state words seeded through splitmix32 from the
// two 32-bit halves of the seed (any integer 0 … 2^53 − 1). Normal deviates come from the Box–Muller
// transform in pairs: u1 ∈ (0, 1] and u2 ∈ [0, 1) from 24-bit uniforms (exactly representable in
// fp32), z0 = √(−2 ln u1)·cos 2πu2, z1 = √(−2 ln u1)·sin 2πu2, each rounded to fp32.
// The sequence is stable across platforms and versions of Node (only integer ops and Math.log/cos/sin
// on exactly-representable inputs). It is NOT torch.randn: the same seed paints a different picture
// than diffusers or ComfyUI, but always the same picture here.

export const MAX_SEED = Number.MAX_SAFE_INTEGER;

function splitmix32(state: number): () => number {
	let s = state >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

export class GaussianRng {
	private s = new Uint32Array(4);
	private spare: number | null = null;

	constructor(seed: number) {
		if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
			throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED} (got ${seed})`);
		}
		const low = seed >>> 0;
		const high = Math.floor(seed / 2 ** 32) >>> 0;
		const a = splitmix32(low ^ 0x6a09e667);
		const b = splitmix32(high ^ 0xbb67ae85);
		this.s[0] = a();
		this.s[1] = b();
		this.s[2] = a();
		this.s[3] = b();
		if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1; // all-zero state is absorbing
	}

	/** Next raw 32-bit output of xoshiro128**. */
	nextUint32(): number {
		const s = this.s;
		const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
		const t = s[1] << 9;
		s[2] ^= s[0];
		s[3] ^= s[1];
		s[1] ^= s[2];
		s[0] ^= s[3];
		s[2] ^= t;
		s[3] = rotl(s[3], 11);
		return result;
	}

	/** Uniform in [0, 1) with 24 bits (exact in fp32). */
	nextUniform(): number {
		return (this.nextUint32() >>> 8) / 16777216;
	}

	/** One standard normal deviate, rounded to fp32. */
	nextGaussian(): number {
		if (this.spare !== null) {
			const z = this.spare;
			this.spare = null;
			return z;
		}
		const u1 = 1 - this.nextUniform(); // (0, 1]: log never sees 0
		const u2 = this.nextUniform();
		const radius = Math.sqrt(-2 * Math.log(u1));
		const theta = 2 * Math.PI * u2;
		this.spare = Math.fround(radius * Math.sin(theta));
		return Math.fround(radius * Math.cos(theta));
	}

	/** Fills `out` with standard normal fp32 values and returns it. */
	fillGaussian(out: Float32Array): Float32Array {
		for (let i = 0; i < out.length; i++) out[i] = this.nextGaussian();
		return out;
	}
}

function rotl(x: number, k: number): number {
	return ((x << k) | (x >>> (32 - k))) >>> 0;
}
