// Worker-thread entry for the OCR: onnxruntime-node's session.run blocks its calling thread, so
// reading an image (hundreds of milliseconds) happens here, never on the web server's event loop.
// Started by host.ts; requests run one after another on one engine opened at the first request.
import { parentPort } from 'node:worker_threads';
import { OcrEngine, type OcrOptions, type OcrResult } from './engine';

export type OcrRequest = { type: 'read'; id: number; image: ArrayBuffer; options: OcrOptions };
export type OcrReply =
	{ type: 'done'; id: number; result: OcrResult } | { type: 'error'; id: number; message: string };

if (!parentPort) throw new Error('ocr/worker.ts must run in a worker thread');
const port = parentPort;
let engine: Promise<OcrEngine> | null = null;
let chain: Promise<void> = Promise.resolve();

async function read(request: OcrRequest): Promise<void> {
	try {
		engine ??= OcrEngine.open();
		const result = await (await engine).read(Buffer.from(request.image), request.options);
		port.postMessage({ type: 'done', id: request.id, result } satisfies OcrReply);
	} catch (error) {
		engine = null;
		const message = error instanceof Error ? error.message : String(error);
		port.postMessage({ type: 'error', id: request.id, message } satisfies OcrReply);
	}
}

port.on('message', (request: OcrRequest) => {
	chain = chain.then(() => read(request));
});
