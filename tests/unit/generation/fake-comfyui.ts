// A small ComfyUI stand-in for the protocol tests: real HTTP and WebSocket on 127.0.0.1 (random port),
// speaking ComfyUI's wire format (POST /prompt, /ws frames, /history, /view, /interrupt, /queue).
// It "executes" a workflow by emitting the frames ComfyUI emits and saving a flat-colour PNG.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeComfyOptions {
	/** Model files the server "has" per loader input. */
	models?: { unet_name?: string[]; clip_name?: string[]; vae_name?: string[] };
	/** Node classes installed (the GGUF loaders only when asked). */
	extraNodes?: string[];
	stepDelayMs?: number;
	/** Close every WebSocket after this sampler step (the job still finishes). */
	dropSocketAfterStep?: number;
	/** Fail in the sampler with this exception message. */
	failWith?: string;
	/** Paints the output image (default: a flat colour from the seed). */
	paint?: (seed: number, width: number, height: number) => Promise<Buffer>;
}

const BASE_NODES = [
	'UNETLoader',
	'ModelSamplingAuraFlow',
	'CLIPLoader',
	'VAELoader',
	'CLIPTextEncode',
	'ConditioningZeroOut',
	'EmptySD3LatentImage',
	'KSampler',
	'VAEDecode',
	'SaveImage'
];

type Workflow = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

export class FakeComfyUI {
	readonly received: { path: string; body: unknown }[] = [];
	readonly history = new Map<string, unknown>();
	private files = new Map<string, Buffer>();
	private sockets = new Map<string, WebSocket>();
	private interrupted = new Set<string>();
	private server: Server;
	private wss: WebSocketServer;
	url = '';

	constructor(private options: FakeComfyOptions = {}) {
		this.server = createServer((req, res) => this.route(req, res));
		this.wss = new WebSocketServer({ noServer: true });
		this.server.on('upgrade', (req, socket, head) => {
			const url = new URL(req.url ?? '', 'http://x');
			if (url.pathname !== '/ws') return socket.destroy();
			this.wss.handleUpgrade(req, socket, head, (ws) => {
				const clientId = url.searchParams.get('clientId') ?? randomUUID();
				this.sockets.set(clientId, ws);
				ws.send(
					JSON.stringify({
						type: 'status',
						data: { status: { exec_info: { queue_remaining: 0 } }, sid: clientId }
					})
				);
			});
		});
	}

	async start(): Promise<this> {
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		for (const ws of this.sockets.values()) ws.terminate();
		this.wss.close();
		this.server.closeAllConnections();
		await new Promise((r) => this.server.close(r));
	}

	private async route(req: IncomingMessage, res: import('node:http').ServerResponse) {
		const url = new URL(req.url ?? '', 'http://x');
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : null;
		this.received.push({ path: `${req.method} ${url.pathname}`, body });
		const json = (status: number, value: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(value));
		};
		if (req.method === 'POST' && url.pathname === '/prompt') {
			const errors = this.validate(body.prompt as Workflow);
			if (errors) return json(400, errors);
			const promptId = randomUUID();
			json(200, { prompt_id: promptId, number: 1, node_errors: {} });
			void this.execute(promptId, body.client_id, body.prompt);
			return;
		}
		if (req.method === 'GET' && url.pathname.startsWith('/history/')) {
			const id = decodeURIComponent(url.pathname.slice('/history/'.length));
			return json(200, this.history.has(id) ? { [id]: this.history.get(id) } : {});
		}
		if (req.method === 'GET' && url.pathname === '/view') {
			const file = this.files.get(
				`${url.searchParams.get('type')}/${url.searchParams.get('subfolder')}/${url.searchParams.get('filename')}`
			);
			if (!file) return json(404, { error: 'not found' });
			res.writeHead(200, { 'content-type': 'image/png' });
			return res.end(file);
		}
		if (req.method === 'POST' && url.pathname === '/interrupt') {
			if (body?.prompt_id) this.interrupted.add(body.prompt_id);
			return json(200, {});
		}
		if (req.method === 'POST' && url.pathname === '/queue') return json(200, {});
		if (req.method === 'GET' && url.pathname.startsWith('/object_info/')) {
			const cls = decodeURIComponent(url.pathname.slice('/object_info/'.length));
			if (![...BASE_NODES, ...(this.options.extraNodes ?? [])].includes(cls)) return json(200, {});
			const files = this.modelLists();
			const input =
				cls.startsWith('UNET') || cls.startsWith('Unet')
					? 'unet_name'
					: cls.startsWith('CLIP')
						? 'clip_name'
						: 'vae_name';
			return json(200, {
				[cls]: { input: { required: { [input]: [files[input]] } }, output: ['MODEL'], name: cls }
			});
		}
		if (req.method === 'GET' && url.pathname === '/system_stats') {
			return json(200, {
				system: { comfyui_version: '0.3.60-fake', os: 'posix' },
				devices: [{ name: 'cuda:0 fake', vram_total: 6e9 }]
			});
		}
		json(404, { error: 'unknown route' });
	}

	private validate(workflow: Workflow) {
		const known = new Set([...BASE_NODES, ...(this.options.extraNodes ?? [])]);
		for (const [id, node] of Object.entries(workflow)) {
			if (!known.has(node.class_type)) {
				return {
					error: {
						type: 'missing_node_type',
						message: `Node '${node.class_type}' not found. The custom node may not be installed.`,
						details: `Node ID '#${id}'`,
						extra_info: {}
					},
					node_errors: {}
				};
			}
		}
		const node_errors: Record<string, unknown> = {};
		const models = this.modelLists();
		for (const [id, node] of Object.entries(workflow)) {
			for (const input of ['unet_name', 'clip_name', 'vae_name'] as const) {
				const value = node.inputs[input];
				if (typeof value === 'string' && !models[input]!.includes(value)) {
					node_errors[id] = {
						errors: [
							{
								type: 'value_not_in_list',
								message: 'Value not in list',
								details: `${input}: '${value}' not in ${JSON.stringify(models[input])}`,
								extra_info: { input_name: input, received_value: value }
							}
						],
						dependent_outputs: ['10'],
						class_type: node.class_type
					};
				}
			}
			if (node.class_type === 'KSampler' && Number(node.inputs.steps) < 1) {
				node_errors[id] = {
					errors: [
						{
							type: 'value_smaller_than_min',
							message: 'Value 0 smaller than min of 1',
							details: 'steps',
							extra_info: { input_name: 'steps' }
						}
					],
					class_type: 'KSampler'
				};
			}
		}
		if (Object.keys(node_errors).length === 0) return null;
		return {
			error: {
				type: 'prompt_outputs_failed_validation',
				message: 'Prompt outputs failed validation',
				details: '',
				extra_info: {}
			},
			node_errors
		};
	}

	private modelLists(): Record<'unet_name' | 'clip_name' | 'vae_name', string[]> {
		return {
			unet_name: ['z_image_turbo_bf16.safetensors'],
			clip_name: ['qwen_3_4b.safetensors'],
			vae_name: ['ae.safetensors'],
			...this.options.models
		};
	}

	private send(clientId: string, type: string, data: Record<string, unknown>) {
		const ws = this.sockets.get(clientId);
		if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type, data }));
	}

	private async execute(promptId: string, clientId: string, workflow: Workflow) {
		const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
		const steps = Number(workflow['8'].inputs.steps);
		const { width, height } = workflow['7'].inputs as { width: number; height: number };
		await sleep(5);
		this.send(clientId, 'execution_start', { prompt_id: promptId, timestamp: Date.now() });
		this.send(clientId, 'execution_cached', { nodes: [], prompt_id: promptId, timestamp: Date.now() });
		for (const node of ['1', '2', '3', '4', '5', '6', '7', '8'])
			this.send(clientId, 'executing', { node, display_node: node, prompt_id: promptId });
		for (let step = 1; step <= steps; step++) {
			await sleep(this.options.stepDelayMs ?? 2);
			if (this.interrupted.has(promptId)) {
				this.send(clientId, 'execution_interrupted', {
					prompt_id: promptId,
					node_id: '8',
					node_type: 'KSampler',
					executed: []
				});
				this.history.set(promptId, {
					outputs: {},
					status: { status_str: 'error', completed: false, messages: [['execution_interrupted', {}]] }
				});
				return;
			}
			if (this.options.failWith && step === 2) {
				this.send(clientId, 'execution_error', {
					prompt_id: promptId,
					node_id: '8',
					node_type: 'KSampler',
					exception_message: this.options.failWith,
					exception_type: 'torch.OutOfMemoryError',
					traceback: []
				});
				this.history.set(promptId, {
					outputs: {},
					status: {
						status_str: 'error',
						completed: false,
						messages: [['execution_error', { exception_message: this.options.failWith }]]
					}
				});
				return;
			}
			this.send(clientId, 'progress', { value: step, max: steps, prompt_id: promptId, node: '8' });
			this.sockets.get(clientId)?.send(Buffer.from([0, 0, 0, 1, 0xff, 0xd8])); // a binary preview frame
			if (this.options.dropSocketAfterStep === step) this.sockets.get(clientId)?.terminate();
		}
		const seed = Number(workflow['8'].inputs.seed);
		const png = this.options.paint
			? await this.options.paint(seed, width, height)
			: await sharp({
					create: { width, height, channels: 3, background: { r: seed % 256, g: 80, b: 160 } }
				})
					.png()
					.toBuffer();
		const filename = `z-image-turbo_${String(this.files.size + 1).padStart(5, '0')}_.png`;
		this.files.set(`output/haibao/${filename}`, png);
		const images = [{ filename, subfolder: 'haibao', type: 'output' }];
		this.history.set(promptId, {
			prompt: [1, promptId, workflow, {}, ['10']],
			outputs: { '10': { images } },
			status: { status_str: 'success', completed: true, messages: [] }
		});
		this.send(clientId, 'executed', {
			node: '10',
			display_node: '10',
			output: { images },
			prompt_id: promptId
		});
		this.send(clientId, 'executing', { node: null, prompt_id: promptId });
		this.send(clientId, 'execution_success', { prompt_id: promptId, timestamp: Date.now() });
	}
}
