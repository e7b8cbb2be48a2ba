// The server's OCR: one worker thread (worker.ts) per process, started on first use and unref'd
// while idle so it never keeps a CLI or test process alive. checkImage() reads an image and
// compares it with the strings the model was asked to draw (templates/text-check.ts).
import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { checkTexts, type TextCheck, type TextExpectation } from '../../templates/text-check';
import { startWorker } from '../jobs/worker-entry';
import type { OcrOptions, OcrResult } from './engine';
import type { OcrReply, OcrRequest } from './worker';

interface Pending {
	resolve(result: OcrResult): void;
	reject(error: Error): void;
}

export class OcrHost {
	private worker: Worker | null = null;
	private pending = new Map<number, Pending>();
	private counter = 0;
	/** Recent results by image bytes and options: preflight asks again each time the dialog opens. */
	private cache = new Map<string, OcrResult>();

	/** Reads every line of text in an image (PNG/JPEG/WebP bytes). */
	async read(image: Buffer, options: OcrOptions = {}): Promise<OcrResult> {
		const key = createHash('sha256').update(image).update(JSON.stringify(options)).digest('hex');
		const known = this.cache.get(key);
		if (known) return known;
		const result = await this.readInWorker(image, options);
		this.cache.set(key, result);
		if (this.cache.size > 32) this.cache.delete(this.cache.keys().next().value!);
		return result;
	}

	private async readInWorker(image: Buffer, options: OcrOptions): Promise<OcrResult> {
		const worker = this.ensureWorker();
		const id = ++this.counter;
		const bytes = image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength) as ArrayBuffer;
		worker.ref();
		try {
			return await new Promise<OcrResult>((resolve, reject) => {
				this.pending.set(id, { resolve, reject });
				worker.postMessage({ type: 'read', id, image: bytes, options } satisfies OcrRequest, [bytes]);
			});
		} finally {
			this.pending.delete(id);
			if (this.pending.size === 0) this.worker?.unref();
		}
	}

	/** Reads the image and gives a verdict for each expected string. */
	async checkImage(image: Buffer, expectations: readonly TextExpectation[]): Promise<TextCheck> {
		const started = performance.now();
		const result = await this.read(image);
		const ms = performance.now() - started;
		const lines = result.lines.map(({ text, confidence, bounds, vertical }) => ({
			text,
			confidence,
			bounds,
			vertical
		}));
		return checkTexts(expectations, {
			lines,
			width: result.width,
			height: result.height,
			ms: Math.round(ms)
		});
	}

	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		if (worker) await worker.terminate();
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		// The built workers/ocr.js in production; its TypeScript source through tsx otherwise.
		const worker = startWorker('ocr');
		worker.on('message', (reply: OcrReply) => {
			const p = this.pending.get(reply.id);
			if (!p) return;
			if (reply.type === 'done') p.resolve(reply.result);
			else p.reject(new Error(`OCR failed: ${reply.message}`));
		});
		const fail = (error: Error) => {
			if (this.worker === worker) this.worker = null;
			for (const p of this.pending.values()) p.reject(error);
			this.pending.clear();
		};
		worker.on('error', (error) => fail(new Error(`The OCR worker thread failed: ${error.message}`)));
		worker.on('exit', (code) => fail(new Error(`The OCR worker thread stopped (exit code ${code})`)));
		worker.unref();
		this.worker = worker;
		return worker;
	}
}

const KEY = Symbol.for('haibao.ocr.host');
type Holder = { [KEY]?: OcrHost };

/** The process-wide OCR host (survives dev-server reloads). */
export function getOcr(): OcrHost {
	const holder = globalThis as Holder;
	holder[KEY] ??= new OcrHost();
	return holder[KEY];
}
