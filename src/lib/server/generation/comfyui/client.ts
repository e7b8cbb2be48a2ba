// ComfyUI HTTP + WebSocket client: POST /prompt, progress on /ws?clientId=…, results from
// /history/{id} and /view, cancel with /interrupt (or /queue delete while still queued).
// If the WebSocket drops mid-run, the client falls back to polling /history.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { GenerationCancelledError } from '../backend';
import { ComfyError, networkError, promptRejected } from './errors';
import type { ComfyWorkflow } from './workflow';

export interface ComfyImageRef {
	filename: string;
	subfolder: string;
	type: string;
}

export interface ComfyRunOptions {
	signal?: AbortSignal;
	/** Sampler progress (value of max), from the WebSocket "progress" frames of `progressNode`. */
	onProgress?: (value: number, max: number) => void;
	progressNode?: string;
	/** Whole run, queue time included. Default 10 minutes. */
	timeoutMs?: number;
}

export interface ComfyRunResult {
	promptId: string;
	images: { ref: ComfyImageRef; bytes: Buffer }[];
}

interface Frame {
	type: string;
	data: Record<string, unknown> & { prompt_id?: string };
}

export class ComfyClient {
	readonly baseUrl: string;

	constructor(
		baseUrl: string,
		private readonly requestTimeoutMs = 15_000,
		private readonly pollIntervalMs = 500
	) {
		this.baseUrl = baseUrl.replace(/\/+$/, '');
	}

	private async request(path: string, init: RequestInit = {}, what = path): Promise<Response> {
		try {
			return await fetch(this.baseUrl + path, {
				...init,
				signal: AbortSignal.timeout(this.requestTimeoutMs)
			});
		} catch (error) {
			throw networkError(this.baseUrl, error, what);
		}
	}

	private async json<T>(path: string, init: RequestInit = {}): Promise<T> {
		const res = await this.request(path, init);
		if (!res.ok)
			throw new ComfyError(
				`ComfyUI ${path} answered HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`,
				'protocol'
			);
		return (await res.json()) as T;
	}

	systemStats(): Promise<{
		system?: { comfyui_version?: string };
		devices?: { name?: string; vram_total?: number }[];
	}> {
		return this.json('/system_stats');
	}

	async submit(workflow: ComfyWorkflow, clientId: string): Promise<string> {
		const res = await this.request('/prompt', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ prompt: workflow, client_id: clientId })
		});
		const body = await res.json().catch(() => ({}));
		if (res.status === 400 || (body && Object.keys(body.node_errors ?? {}).length > 0 && !body.prompt_id))
			throw promptRejected(body);
		if (!res.ok || typeof body.prompt_id !== 'string') {
			throw new ComfyError(
				`ComfyUI POST /prompt answered HTTP ${res.status} without a prompt_id`,
				'protocol'
			);
		}
		return body.prompt_id;
	}

	async history(promptId: string): Promise<{
		outputs: Record<string, { images?: ComfyImageRef[] }>;
		status?: { status_str?: string; completed?: boolean; messages?: unknown[] };
	} | null> {
		const all = await this.json<Record<string, never>>(`/history/${encodeURIComponent(promptId)}`);
		return all[promptId] ?? null;
	}

	async view(ref: ComfyImageRef): Promise<Buffer> {
		const query = new URLSearchParams({ filename: ref.filename, subfolder: ref.subfolder, type: ref.type });
		const res = await this.request(`/view?${query}`);
		if (!res.ok)
			throw new ComfyError(`ComfyUI /view could not send ${ref.filename} (HTTP ${res.status})`, 'protocol');
		return Buffer.from(await res.arrayBuffer());
	}

	/** Interrupts our prompt if running (newer ComfyUI honours prompt_id), or removes it from the queue. */
	async cancel(promptId: string, running: boolean): Promise<void> {
		const body = running ? { prompt_id: promptId } : { delete: [promptId] };
		await this.request(running ? '/interrupt' : '/queue', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		}).catch(() => undefined);
	}

	private connect(clientId: string): Promise<WebSocket> {
		const url = `${this.baseUrl.replace(/^http/, 'ws')}/ws?clientId=${encodeURIComponent(clientId)}`;
		return new Promise((resolve, reject) => {
			const ws = new WebSocket(url, { handshakeTimeout: this.requestTimeoutMs });
			ws.once('open', () => resolve(ws));
			ws.once('error', (error) => reject(networkError(this.baseUrl, error, '/ws')));
		});
	}

	/** Submits a workflow and follows it to its images. */
	async run(workflow: ComfyWorkflow, options: ComfyRunOptions = {}): Promise<ComfyRunResult> {
		const { signal, onProgress, progressNode, timeoutMs = 600_000 } = options;
		if (signal?.aborted) throw new GenerationCancelledError();
		const clientId = randomUUID();
		const ws = await this.connect(clientId);
		let promptId: string | null = null;
		let running = false;
		const early: Frame[] = [];

		try {
			return await new Promise<ComfyRunResult>((resolve, reject) => {
				let settled = false;
				let poller: ReturnType<typeof setInterval> | null = null;
				/** Settles once; a cancel request (if any) is sent before the promise settles. */
				const finish = (error: Error | null, cancelFirst = false) => {
					if (settled) return;
					settled = true;
					clearTimeout(timer);
					if (poller) clearInterval(poller);
					signal?.removeEventListener('abort', onAbort);
					const before = cancelFirst && promptId ? this.cancel(promptId, running) : Promise.resolve();
					if (error) void before.then(() => reject(error));
					else this.collect(promptId!).then(resolve, reject);
				};
				const timer = setTimeout(() => {
					finish(
						new ComfyError(
							`ComfyUI did not finish within ${Math.round(timeoutMs / 1000)} s; the job was cancelled. ComfyUI 生成超时，已取消。`,
							'timeout'
						),
						true
					);
				}, timeoutMs);
				const onAbort = () => finish(new GenerationCancelledError(), true);
				signal?.addEventListener('abort', onAbort, { once: true });

				const handle = (frame: Frame) => {
					if (frame.data?.prompt_id !== promptId) return;
					switch (frame.type) {
						case 'execution_start':
						case 'executing':
							running = true;
							if (frame.type === 'executing' && frame.data.node === null) finish(null);
							break;
						case 'progress':
							if (!progressNode || frame.data.node === progressNode)
								onProgress?.(Number(frame.data.value), Number(frame.data.max));
							break;
						case 'execution_success':
							finish(null);
							break;
						case 'execution_error':
							finish(
								new ComfyError(
									`ComfyUI failed in node ${String(frame.data.node_id)} (${String(frame.data.node_type)}): ${String(frame.data.exception_message ?? '').trim()}. ComfyUI 执行出错。`,
									'execution'
								)
							);
							break;
						case 'execution_interrupted':
							finish(new GenerationCancelledError('ComfyUI interrupted the job'));
							break;
					}
				};
				ws.on('message', (raw, isBinary) => {
					if (isBinary) return; // preview images
					let frame: Frame;
					try {
						frame = JSON.parse(raw.toString());
					} catch {
						return;
					}
					if (promptId === null) early.push(frame);
					else handle(frame);
				});
				// A dropped socket is not a failed job: follow it through /history instead.
				ws.on('close', () => {
					if (settled || poller) return;
					poller = setInterval(() => {
						if (!promptId) return;
						this.history(promptId).then(
							(entry) => {
								if (!entry) return;
								if (entry.status?.status_str === 'error') {
									finish(
										new ComfyError(
											`ComfyUI reported an error for the job: ${JSON.stringify(entry.status.messages ?? []).slice(0, 400)}`,
											'execution'
										)
									);
								} else if (entry.status?.completed !== false) finish(null);
							},
							(error) => finish(error)
						);
					}, this.pollIntervalMs);
				});

				this.submit(workflow, clientId).then(
					(id) => {
						promptId = id;
						if (settled) return void this.cancel(id, false); // cancelled while submitting
						for (const frame of early.splice(0)) handle(frame);
					},
					(error) => finish(error)
				);
			});
		} finally {
			ws.removeAllListeners();
			ws.on('error', () => undefined);
			ws.terminate();
		}
	}

	private async collect(promptId: string): Promise<ComfyRunResult> {
		const entry = await this.history(promptId);
		if (!entry) throw new ComfyError(`ComfyUI has no history for prompt ${promptId}`, 'protocol');
		const refs = Object.values(entry.outputs ?? {}).flatMap((o) => o.images ?? []);
		if (refs.length === 0)
			throw new ComfyError(
				'ComfyUI finished but produced no image (does the workflow end in SaveImage?)',
				'protocol'
			);
		const images = [];
		for (const ref of refs) images.push({ ref, bytes: await this.view(ref) });
		return { promptId, images };
	}
}
