// Messages between worker-host.ts (server thread) and worker.ts (pipeline thread).
import type { GenerationMetadata, GenerationProgress, GenerationRequest } from '../backend';
import type { ZImageOptions } from './pipeline';

export type HostMessage =
	| {
			type: 'generate';
			jobId: string;
			modelDir: string;
			options: ZImageOptions;
			request: GenerationRequest;
			/** Int32 flag: the host stores 1 to cancel; the worker checks it after every step. */
			cancelFlag: SharedArrayBuffer;
	  }
	| { type: 'dispose' };

export type WorkerMessage =
	| { type: 'ready' }
	| { type: 'progress'; jobId: string; progress: GenerationProgress }
	| {
			type: 'done';
			jobId: string;
			png: ArrayBuffer;
			width: number;
			height: number;
			metadata: GenerationMetadata;
	  }
	| { type: 'error'; jobId: string; message: string; cancelled: boolean };
