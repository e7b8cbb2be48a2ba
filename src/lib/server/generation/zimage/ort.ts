// The only module that imports onnxruntime-node: session creation with execution providers,
// checks of the manifest and of every feed against the session's own metadata, tensor helpers.
// Note: onnxruntime-node's session.run executes on the calling thread (1.30: a setImmediate around a
// synchronous native call), so the server runs the pipeline in a worker thread (worker-host.ts).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { TensorSpec } from './manifest';

export type Dtype = TensorSpec['dtype'];
export interface TensorData {
	dtype: Dtype;
	data: Float32Array | Uint16Array | BigInt64Array | Int32Array;
	dims: number[];
}

// ---------- tensor helpers ----------

export function floatTensor(values: Float32Array, dims: number[], dtype: Dtype = 'float32'): TensorData {
	if (dtype === 'float16') return { dtype, data: float32ToFloat16(values), dims };
	if (dtype !== 'float32') throw new Error(`a float tensor cannot have dtype ${dtype}`);
	return { dtype, data: values, dims };
}

export function intTensor(values: ArrayLike<number>, dims: number[], dtype: Dtype = 'int64'): TensorData {
	if (dtype === 'int64')
		return { dtype, data: BigInt64Array.from(Array.from(values, (v) => BigInt(v))), dims };
	if (dtype === 'int32') return { dtype, data: Int32Array.from(values), dims };
	throw new Error(`an integer tensor cannot have dtype ${dtype}`);
}

/** The values of a float tensor as fp32 (fp16 is widened). */
export function toFloat32(t: TensorData): Float32Array {
	if (t.dtype === 'float32') return t.data as Float32Array;
	if (t.dtype === 'float16') return float16ToFloat32(t.data as Uint16Array);
	throw new Error(`expected a float tensor, got ${t.dtype}`);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
export function float32ToFloat16(values: Float32Array): Uint16Array {
	const out = new Uint16Array(values.length);
	for (let i = 0; i < values.length; i++) {
		f32[0] = values[i];
		const x = u32[0];
		const sign = (x >>> 16) & 0x8000;
		const exp = (x >>> 23) & 0xff;
		let mant = x & 0x7fffff;
		if (exp === 0xff) out[i] = sign | 0x7c00 | (mant ? 0x200 : 0);
		else if (exp > 142)
			out[i] = sign | 0x7c00; // overflow → ±inf
		else if (exp < 113) {
			if (exp < 103)
				out[i] = sign; // underflow → ±0
			else {
				mant |= 0x800000;
				const shift = 126 - exp;
				const half = mant >>> shift;
				const rem = mant & ((1 << shift) - 1);
				const mid = 1 << (shift - 1);
				out[i] = sign | (half + (rem > mid || (rem === mid && half & 1) ? 1 : 0));
			}
		} else {
			let h = sign | ((exp - 112) << 10) | (mant >>> 13);
			const rem = mant & 0x1fff;
			if (rem > 0x1000 || (rem === 0x1000 && h & 1)) h++;
			out[i] = h;
		}
	}
	return out;
}

export function float16ToFloat32(bits: Uint16Array): Float32Array {
	const out = new Float32Array(bits.length);
	for (let i = 0; i < bits.length; i++) {
		const h = bits[i];
		const sign = h & 0x8000 ? -1 : 1;
		const exp = (h >>> 10) & 0x1f;
		const mant = h & 0x3ff;
		out[i] =
			exp === 0
				? sign * mant * 2 ** -24
				: exp === 31
					? mant
						? NaN
						: sign * Infinity
					: sign * (1 + mant / 1024) * 2 ** (exp - 15);
	}
	return out;
}

const shapeText = (dims: readonly (number | string)[]) => `[${dims.join(', ')}]`;

// ---------- execution providers ----------

export interface ExecutionProviderInfo {
	name: string;
	/** Shipped inside the npm package (CPU, WebGPU) or fetched by the post-install step (CUDA, TensorRT). */
	bundled: boolean;
	/** Its provider library is on disk (always true when bundled). */
	installed: boolean;
}

function binaryFolder(): string {
	const require = createRequire(import.meta.url);
	const root = dirname(dirname(require.resolve('onnxruntime-node')));
	return join(root, 'bin', 'napi-v6', process.platform, process.arch);
}

export function listExecutionProviders(): ExecutionProviderInfo[] {
	const bin = binaryFolder();
	return ort.listSupportedBackends().map(({ name, bundled }) => ({
		name,
		bundled,
		installed: bundled || existsSync(join(bin, `libonnxruntime_providers_${name}.so`))
	}));
}

/** A one-node Identity model (float[1] → float[1]), used to prove a provider really starts. */
const PROBE_MODEL = Buffer.from(
	'CAg6OwoQCgF4EgF5IghJZGVudGl0eRIFcHJvYmVaDwoBeBIKCggIARIECgIIAWIPCgF5EgoKCAgBEgQKAggBQgQKABAR',
	'base64'
);

/** Tries to create and run a session on `provider` alone; returns the error text when it cannot. */
export async function probeExecutionProvider(provider: string): Promise<{ ok: boolean; error?: string }> {
	try {
		const session = await ort.InferenceSession.create(PROBE_MODEL, {
			executionProviders: [provider],
			logSeverityLevel: 4
		});
		const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([1.5]), [1]) });
		await session.release();
		const y = (out.y.data as Float32Array)[0];
		return y === 1.5 ? { ok: true } : { ok: false, error: `probe returned ${y}` };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

function providersFor(provider: string): string[] {
	const known = listExecutionProviders();
	const info = known.find((p) => p.name === provider);
	if (!info) {
		throw new Error(
			`Unknown execution provider "${provider}". This onnxruntime-node supports: ${known.map((p) => p.name).join(', ')}.`
		);
	}
	if (!info.installed) {
		throw new Error(
			`Execution provider "${provider}" is not installed (its library was skipped at npm install). ` +
				`Run "npx haibao setup-gpu" on a machine with internet access, or use --ep cpu.`
		);
	}
	return provider === 'cpu' ? ['cpu'] : [provider, 'cpu'];
}

// ---------- sessions ----------

export interface ModelSession {
	readonly label: string;
	readonly inputNames: readonly string[];
	readonly outputNames: readonly string[];
	run(feeds: Record<string, TensorData>): Promise<Record<string, TensorData>>;
	release(): Promise<void>;
}

export interface SessionOptions {
	/** Role name used in messages, e.g. "transformer". */
	role: string;
	executionProvider?: string;
	intraOpThreads?: number;
	/** The manifest's view of the graph: checked against the session right after it loads. */
	expectInputs?: TensorSpec[];
	expectOutputs?: TensorSpec[];
}

type Meta = { name: string; isTensor: boolean; type?: string; shape?: readonly (number | string)[] };

export async function createSession(modelPath: string, options: SessionOptions): Promise<ModelSession> {
	const label = `${options.role} (${basename(modelPath)})`;
	let session: ort.InferenceSession;
	try {
		session = await ort.InferenceSession.create(modelPath, {
			executionProviders: providersFor(options.executionProvider ?? 'cpu'),
			graphOptimizationLevel: 'all',
			...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
			logSeverityLevel: 3
		});
	} catch (error) {
		throw new Error(
			`${label}: could not load the model: ${error instanceof Error ? error.message : String(error)}`
		);
	}
	const inputs = session.inputMetadata as readonly Meta[];
	const outputs = session.outputMetadata as readonly Meta[];
	const describe = (list: readonly Meta[]) =>
		list.map((m) => `${m.name} ${shapeText(m.shape ?? [])} ${m.type ?? ''}`.trim()).join('; ');
	const problems: string[] = [];
	const check = (kind: 'input' | 'output', specs: TensorSpec[] | undefined, list: readonly Meta[]) => {
		for (const spec of specs ?? []) {
			const meta = list.find((m) => m.name === spec.name);
			if (!meta)
				problems.push(
					`model.json names ${kind} "${spec.name}", but the model has no such ${kind}; its ${kind}s are: ${describe(list)}`
				);
			else if ((meta.shape?.length ?? 0) !== spec.rank)
				problems.push(
					`${kind} "${spec.name}" has rank ${meta.shape?.length} ${shapeText(meta.shape ?? [])}, model.json says rank ${spec.rank}`
				);
			else if (meta.type !== spec.dtype)
				problems.push(`${kind} "${spec.name}" is ${meta.type}, model.json says ${spec.dtype}`);
		}
	};
	check('input', options.expectInputs, inputs);
	check('output', options.expectOutputs, outputs);
	if (problems.length) {
		await session.release();
		throw new Error(`${label} does not match model.json:\n  ${problems.join('\n  ')}`);
	}

	return {
		label,
		inputNames: session.inputNames,
		outputNames: session.outputNames,
		async run(feeds) {
			const ortFeeds: Record<string, ort.Tensor> = {};
			for (const name of Object.keys(feeds)) {
				if (!session.inputNames.includes(name)) {
					throw new Error(
						`${label}: the model has no input named "${name}"; its inputs are: ${describe(inputs)}`
					);
				}
			}
			for (const meta of inputs) {
				const feed = feeds[meta.name];
				if (!feed)
					throw new Error(`${label}: input "${meta.name}" ${shapeText(meta.shape ?? [])} was not given`);
				const expected = meta.shape ?? [];
				const fits =
					expected.length === feed.dims.length &&
					expected.every((d, i) => typeof d === 'string' || d < 0 || d === feed.dims[i]);
				if (!fits || meta.type !== feed.dtype) {
					throw new Error(
						`${label}: input "${meta.name}" expects shape ${shapeText(expected)} (${meta.type}) but got ${shapeText(feed.dims)} (${feed.dtype})`
					);
				}
				ortFeeds[meta.name] = new ort.Tensor(feed.dtype, feed.data, feed.dims);
			}
			const result = await session.run(ortFeeds);
			const out: Record<string, TensorData> = {};
			for (const [name, value] of Object.entries(result)) {
				const t = value as ort.Tensor;
				out[name] = { dtype: t.type as Dtype, data: t.data as TensorData['data'], dims: [...t.dims] };
			}
			return out;
		},
		release: () => session.release()
	};
}
