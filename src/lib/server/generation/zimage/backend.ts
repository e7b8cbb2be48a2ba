// The in-process Z-Image-Turbo backend: validates the model folder up front, then runs every job
// in a worker thread so the web server's event loop never waits on onnxruntime.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../jobs/worker-entry';
import {
	checkSize,
	GenerationCancelledError,
	type GeneratedImage,
	type GenerateOptions,
	type GenerationBackend,
	type GenerationRequest
} from '../backend';
import { openModelFolder, type ModelFolder } from './manifest';
import type { ZImageOptions } from './pipeline';
import type { HostMessage, WorkerMessage } from './worker-protocol';

interface Pending {
	resolve(image: GeneratedImage): void;
	reject(error: Error): void;
	onProgress?: GenerateOptions['onProgress'];
}

export class ZImageBackend implements GenerationBackend {
	readonly id = 'zimage' as const;
	private worker: Worker | null = null;
	private pending = new Map<string, Pending>();
	private counter = 0;

	private constructor(
		readonly model: ModelFolder,
		readonly options: ZImageOptions
	) {}

	/** Validates the folder (manifest and files) without loading weights. */
	static async create(modelDir: string, options: ZImageOptions = {}): Promise<ZImageBackend> {
		return new ZImageBackend(await openModelFolder(modelDir), options);
	}

	get modelLabel(): string {
		return this.model.manifest.name;
	}

	get modelDisplayName(): { zh: string; en: string } | undefined {
		return this.model.manifest.label;
	}

	async generate(
		request: GenerationRequest,
		{ signal, onProgress }: GenerateOptions = {}
	): Promise<GeneratedImage> {
		checkSize(request.width, request.height);
		if (signal?.aborted) throw new GenerationCancelledError();
		const worker = this.ensureWorker();
		const jobId = `z${++this.counter}`;
		const cancelFlag = new SharedArrayBuffer(4);
		const onAbort = () => Atomics.store(new Int32Array(cancelFlag), 0, 1);
		signal?.addEventListener('abort', onAbort, { once: true });
		worker.ref();
		try {
			return await new Promise<GeneratedImage>((resolve, reject) => {
				this.pending.set(jobId, { resolve, reject, onProgress });
				const message: HostMessage = {
					type: 'generate',
					jobId,
					modelDir: this.model.dir,
					options: this.options,
					request,
					cancelFlag
				};
				worker.postMessage(message);
			});
		} finally {
			signal?.removeEventListener('abort', onAbort);
			this.pending.delete(jobId);
			if (this.pending.size === 0) this.worker?.unref();
		}
	}

	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		if (worker) await worker.terminate();
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		// The built app starts build/workers/zimage.js; from source, tsx compiles worker.ts.
		const worker = startWorker('zimage');
		worker.on('message', (message: WorkerMessage) => this.onMessage(message));
		const fail = (error: Error) => {
			if (this.worker === worker) this.worker = null;
			for (const p of this.pending.values()) p.reject(error);
			this.pending.clear();
		};
		worker.on('error', (error) => fail(new Error(`The Z-Image worker thread failed: ${error.message}`)));
		worker.on('exit', (code) =>
			fail(new Error(`The Z-Image worker thread stopped (exit code ${code}); out of memory?`))
		);
		worker.unref();
		this.worker = worker;
		return worker;
	}

	private onMessage(message: WorkerMessage): void {
		if (message.type === 'ready') return;
		const pending = this.pending.get(message.jobId);
		if (!pending) return;
		if (message.type === 'progress') pending.onProgress?.(message.progress);
		else if (message.type === 'done') {
			pending.resolve({
				png: Buffer.from(message.png),
				width: message.width,
				height: message.height,
				metadata: message.metadata
			});
		} else pending.reject(message.cancelled ? new GenerationCancelledError() : new Error(message.message));
	}
}
