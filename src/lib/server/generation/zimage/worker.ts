// Worker-thread entry: runs the Z-Image pipeline off the server's event loop (onnxruntime-node's
// session.run blocks its calling thread). Started by worker-host.ts; jobs run one after another.
import { parentPort } from 'node:worker_threads';
import { isCancelled } from '../backend';
import { ZImagePipeline } from './pipeline';
import type { HostMessage, WorkerMessage } from './worker-protocol';

if (!parentPort) throw new Error('zimage/worker.ts must run in a worker thread');
const port = parentPort;
const resident = new Map<string, ZImagePipeline>();
let chain: Promise<void> = Promise.resolve();

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function run(message: Extract<HostMessage, { type: 'generate' }>): Promise<void> {
	const { jobId, modelDir, options, request } = message;
	const flag = new Int32Array(message.cancelFlag);
	const controller = new AbortController();
	const pollCancel = () => {
		if (Atomics.load(flag, 0) === 1 && !controller.signal.aborted) controller.abort();
	};
	// While the thread is free (between steps, during a step delay) the flag is polled here too.
	const poller = setInterval(pollCancel, 10);
	try {
		pollCancel();
		const key = `${modelDir}\0${options.executionProvider ?? 'cpu'}`;
		let pipeline = options.keepResident ? resident.get(key) : undefined;
		if (!pipeline) {
			pipeline = await ZImagePipeline.open(modelDir, options);
			if (options.keepResident) resident.set(key, pipeline);
		}
		const result = await pipeline.generate(request, {
			signal: controller.signal,
			onProgress: (progress) => {
				pollCancel(); // the cancel flag is shared memory: seen even while this thread is busy
				post({ type: 'progress', jobId, progress });
			}
		});
		const png = result.png.buffer.slice(
			result.png.byteOffset,
			result.png.byteOffset + result.png.byteLength
		) as ArrayBuffer;
		post(
			{ type: 'done', jobId, png, width: result.width, height: result.height, metadata: result.metadata },
			[png]
		);
	} catch (error) {
		post({
			type: 'error',
			jobId,
			message: error instanceof Error ? error.message : String(error),
			cancelled: isCancelled(error)
		});
	} finally {
		clearInterval(poller);
	}
}

port.on('message', (message: HostMessage) => {
	if (message.type === 'generate') chain = chain.then(() => run(message));
	else if (message.type === 'dispose') {
		chain = chain.then(async () => {
			await Promise.all([...resident.values()].map((p) => p.dispose()));
			resident.clear();
		});
	}
});
post({ type: 'ready' });
