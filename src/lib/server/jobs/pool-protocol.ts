// Messages between WorkerPool (server thread) and a pool worker (serveTasks).
import { parentPort } from 'node:worker_threads';
import { AbortedError } from './limiter';

export type PoolTask = { type: 'task'; id: number; payload: unknown; cancelFlag: SharedArrayBuffer };

export type PoolReply =
	| { type: 'progress'; id: number; fraction: number }
	| { type: 'done'; id: number; result: unknown }
	| { type: 'error'; id: number; message: string; cancelled: boolean };

export interface TaskContext {
	onProgress(fraction: number): void;
	/** Throws AbortedError once the host has cancelled the task. */
	checkCancelled(): void;
}

/** Worker side: runs each task with `handle`; the result's `transfer` buffers move without copying. */
export function serveTasks(
	handle: (payload: unknown, ctx: TaskContext) => Promise<{ result: unknown; transfer?: ArrayBuffer[] }>
): void {
	const port = parentPort;
	if (!port) throw new Error('serveTasks must run in a worker thread');
	port.on('message', async (task: PoolTask) => {
		if (task.type !== 'task') return;
		const flag = new Int32Array(task.cancelFlag);
		const checkCancelled = () => {
			if (Atomics.load(flag, 0) === 1) throw new AbortedError();
		};
		try {
			const { result, transfer = [] } = await handle(task.payload, {
				onProgress: (fraction) => {
					checkCancelled();
					port.postMessage({ type: 'progress', id: task.id, fraction } satisfies PoolReply);
				},
				checkCancelled
			});
			port.postMessage({ type: 'done', id: task.id, result } satisfies PoolReply, transfer);
		} catch (error) {
			port.postMessage({
				type: 'error',
				id: task.id,
				message: error instanceof Error ? error.message : String(error),
				cancelled: error instanceof AbortedError || (error instanceof Error && error.name === 'AbortError')
			} satisfies PoolReply);
		}
	});
}
