// The process-wide generation service used by the API routes: backends from the environment,
// one queue, job records in the app database. Created on first use; survives dev-server reloads.
import { ComfyUIBackend } from './comfyui/backend';
import { ComfyClient } from './comfyui/client';
import { HOW_TO_CONFIGURE, readGenerationConfig, type GenerationConfig } from './config';
import type { BackendId, GenerationBackend } from './backend';
import { JobStore } from './jobs';
import { getJobRuntime } from '../jobs/index';
import { Limiter } from '../jobs/limiter';
import { GenerationQueue } from './queue';
import { getOcr } from '../ocr/host';
import { ZImageBackend } from './zimage/backend';

export interface BackendStatus {
	id: BackendId;
	ok: boolean;
	model: string | null;
	/** The model's name in each UI language, when its manifest has one. */
	label: { zh: string; en: string } | null;
	detail: string;
}

export interface GenerationService {
	config: GenerationConfig;
	queue: GenerationQueue;
	backends: Partial<Record<BackendId, GenerationBackend>>;
	/** Why a configured backend could not start (e.g. an incomplete model folder). */
	problems: Partial<Record<BackendId, string>>;
}

const KEY = Symbol.for('haibao.generation.service');
type Holder = { [KEY]?: Promise<GenerationService> };

export function getGenerationService(): Promise<GenerationService> {
	const holder = globalThis as Holder;
	holder[KEY] ??= createGenerationService();
	return holder[KEY];
}

export async function createGenerationService(config = readGenerationConfig()): Promise<GenerationService> {
	const backends: GenerationService['backends'] = {};
	const problems: GenerationService['problems'] = {};
	if (config.zimage) {
		try {
			backends.zimage = await ZImageBackend.create(config.zimage.modelDir, config.zimage);
		} catch (error) {
			problems.zimage = (error as Error).message;
		}
	}
	if (config.comfyui)
		backends.comfyui = new ComfyUIBackend(config.comfyui.url, config.comfyui.files, config.comfyui.timeoutMs);
	const store = new JobStore();
	store.failInterrupted();
	// The in-process model takes the job runtime's generation slots; ComfyUI works on its own machine.
	const comfyLimiter = new Limiter(config.concurrency);
	const limiterFor = (id: BackendId) =>
		id === 'zimage' ? getJobRuntime().limiter('generation') : comfyLimiter;
	// Every image whose prompt asks for text is read back by the OCR worker before the job is done.
	const checkText = (png: Buffer, expectations: Parameters<ReturnType<typeof getOcr>['checkImage']>[1]) =>
		getOcr().checkImage(png, expectations);
	const queue = new GenerationQueue(store, backends, limiterFor, undefined, checkText);
	return { config, queue, backends, problems };
}

/** What /api/generation/status and `haibao doctor` report. */
export async function describeGeneration(service: GenerationService, probeComfy = true) {
	const statuses: BackendStatus[] = [];
	const { config } = service;
	if (config.zimage) {
		const b = service.backends.zimage;
		statuses.push(
			b
				? {
						id: 'zimage',
						ok: true,
						model: b.modelLabel,
						label: b.modelDisplayName ?? null,
						detail: `${config.zimage.modelDir} (${config.zimage.executionProvider})`
					}
				: {
						id: 'zimage',
						ok: false,
						model: null,
						label: null,
						detail: service.problems.zimage ?? 'not available'
					}
		);
	}
	if (config.comfyui && service.backends.comfyui) {
		const b = service.backends.comfyui;
		let ok = true;
		let detail = config.comfyui.url;
		if (probeComfy) {
			try {
				const stats = await new ComfyClient(config.comfyui.url, 3000).systemStats();
				detail = `${config.comfyui.url} (ComfyUI ${stats.system?.comfyui_version ?? '?'}${stats.devices?.[0]?.name ? `, ${stats.devices[0].name}` : ''})`;
			} catch (error) {
				ok = false;
				detail = (error as Error).message;
			}
		}
		statuses.push({ id: 'comfyui', ok, model: b.modelLabel, label: b.modelDisplayName ?? null, detail });
	}
	const usable = statuses.filter((s) => s.ok).map((s) => s.id);
	return {
		configured: usable.length > 0,
		defaultBackend:
			config.defaultBackend && usable.includes(config.defaultBackend)
				? config.defaultBackend
				: (usable[0] ?? null),
		backends: statuses,
		howTo: HOW_TO_CONFIGURE
	};
}
