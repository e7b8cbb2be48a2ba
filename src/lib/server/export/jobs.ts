// Exports as jobs of the job runtime: queued in the export slots (a page over BIG_PAGE_PIXELS
// takes both, so at most one big raster is in memory at a time), rendered in a render worker
// thread, recorded in SQLite, the file kept under <data>/jobs until cleaned up (by age and total
// size, see jobs/index.ts). The POST /api/export route answers either with the job (async) or,
// after the same job, with the file itself.
import type { PosterDocument } from '../../document/schema';
import { getJobRuntime, getRenderPool } from '../jobs/index';
import type { WorkerPool } from '../jobs/pool';
import type { RenderResult, RenderTask } from '../jobs/render-worker';
import type { JobRuntime } from '../jobs/runtime';
import type { RuntimeJobRecord } from '../jobs/store';
import type { ExportedFile, ExportOptions } from './index';
import { assetIdsOf } from './prepare';
import type { PreflightReport } from './preflight';
import { downloadName, type Bilingual } from './request';

/** Rasters above this (A3 at 300 dpi is 17.4 M px, a roll-up at 150 dpi 56 M px) run alone. */
export const BIG_PAGE_PIXELS = 24_000_000;

export type ExportSettings = Omit<ExportOptions, 'deps' | 'onProgress'>;

/** Pixels of a PNG/JPEG export (0 for PDF). */
export function exportPixels(doc: PosterDocument, options: ExportSettings): number {
	if (options.format === 'pdf') return 0;
	const dpi = options.dpi ?? doc.page.dpi;
	const bleed = options.bleed ? (2 * (doc.page.bleedMm ?? 0) * 72) / 25.4 : 0;
	let w = ((doc.page.width + bleed) * dpi) / 72;
	let h = ((doc.page.height + bleed) * dpi) / 72;
	if (options.maxSide && Math.max(w, h) > options.maxSide) {
		const k = options.maxSide / Math.max(w, h);
		w *= k;
		h *= k;
	}
	return Math.round(w) * Math.round(h);
}

/** Slots an export takes in the export limiter. */
export const exportWeight = (doc: PosterDocument, options: ExportSettings) =>
	exportPixels(doc, options) > BIG_PAGE_PIXELS ? 2 : 1;

/** Bytes of the stored images a document uses (loaded here: the render thread opens no database). */
export async function documentAssets(doc: PosterDocument): Promise<Record<string, Uint8Array>> {
	const { getAssetBytes } = await import('../storage/assets');
	const assets: Record<string, Uint8Array> = {};
	for (const id of assetIdsOf(doc.layers)) {
		const bytes = getAssetBytes(id);
		if (bytes) assets[id] = bytes;
	}
	return assets;
}

/** One export in a render thread (no queueing here: callers hold a slot of the runtime). */
export async function renderInWorker(
	doc: PosterDocument,
	options: ExportSettings,
	{
		signal,
		onProgress,
		pool = getRenderPool(),
		assets
	}: {
		signal?: AbortSignal;
		onProgress?: (f: number) => void;
		pool?: WorkerPool;
		assets?: Record<string, Uint8Array>;
	} = {}
): Promise<ExportedFile> {
	const task: RenderTask = { doc, options, assets: assets ?? (await documentAssets(doc)) };
	const r = await pool.run<RenderResult>(task, { signal, onProgress });
	return {
		bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength),
		mime: r.mime,
		extension: r.extension
	};
}

/** Queues an export job; `done` resolves with its final record. */
export function startExportJob(
	doc: PosterDocument,
	options: ExportSettings,
	{
		runtime = getJobRuntime(),
		pool,
		assets
	}: { runtime?: JobRuntime; pool?: WorkerPool; assets?: Record<string, Uint8Array> } = {}
) {
	const input = { title: doc.title, page: { width: doc.page.width, height: doc.page.height }, ...options };
	return runtime.submit(
		'export',
		input,
		async ({ signal, progress }) => {
			const file = await renderInWorker(doc, options, { signal, onProgress: progress, pool, assets });
			return {
				file: { bytes: file.bytes, extension: file.extension },
				result: { fileName: downloadName(doc, file.extension), mime: file.mime, size: file.bytes.length }
			};
		},
		{ weight: exportWeight(doc, options) }
	);
}

export interface ExportJobStatus {
	id: string;
	state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
	progress: number;
	error?: Bilingual;
	fileName?: string;
	mime?: string;
	size?: number;
	url?: string;
}

/** What the browser sees of an export job. */
export function jobStatus(job: RuntimeJobRecord): ExportJobStatus {
	const result = (job.result ?? {}) as { fileName?: string; mime?: string; size?: number; expired?: boolean };
	let error: Bilingual | undefined;
	if (job.status === 'cancelled') error = { zh: '导出已取消。', en: 'export cancelled' };
	else if (job.status === 'failed')
		error = {
			zh: `导出失败：${job.error ?? '未知错误'}`,
			en: `export failed: ${job.error ?? 'unknown error'}`
		};
	else if (result.expired)
		error = { zh: '导出的文件已过期被清理，请重新导出。', en: 'the exported file has expired: export again' };
	return {
		id: job.id,
		state: job.status,
		progress: Math.round(job.progress * 1000) / 1000,
		error,
		fileName: result.fileName,
		mime: result.mime,
		size: result.size,
		url: job.status === 'done' && job.resultPath ? `/api/export/${job.id}/file` : undefined
	};
}

/** An export job's record, if the id is one. */
export function getExportJob(id: string, runtime = getJobRuntime()): RuntimeJobRecord | null {
	const job = runtime.get(id);
	return job?.kind === 'export' ? job : null;
}

/** A small PNG of a document (gallery thumbnails): in a thumbnail slot and a render thread. */
export function renderThumbnail(
	doc: PosterDocument,
	maxSide: number,
	runtime = getJobRuntime()
): Promise<Buffer> {
	return runtime.run('thumbnail', async () => (await renderInWorker(doc, { format: 'png', maxSide })).bytes);
}

/** The preflight report of a document, checked in a render thread (it lays out all the text). */
export async function preflightInWorker(
	doc: PosterDocument,
	pool = getRenderPool()
): Promise<PreflightReport> {
	const task: RenderTask = {
		op: 'preflight',
		doc,
		options: { format: 'pdf' },
		assets: await documentAssets(doc)
	};
	return pool.run<PreflightReport>(task);
}
