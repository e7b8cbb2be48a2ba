// Export jobs for long exports: POST starts one and answers its id; the browser follows progress
// (JSON poll or server-sent events) and downloads the file. One export runs at a time (a roll-up
// raster is a quarter gigabyte); finished files are kept for ten minutes.
import { randomUUID } from 'node:crypto';
import type { PosterDocument } from '../../document/schema';
import { exportDocument, type ExportOptions } from './index';
import { downloadName } from './request';

export interface ExportJob {
	id: string;
	state: 'queued' | 'running' | 'done' | 'failed';
	progress: number;
	error?: { zh: string; en: string };
	fileName?: string;
	mime?: string;
	bytes?: Buffer;
	size?: number;
	finishedAt?: number;
	listeners: Set<(job: ExportJob) => void>;
}

const KEEP_MS = 10 * 60 * 1000;
const jobs = new Map<string, ExportJob>();
let chain: Promise<unknown> = Promise.resolve();

function notify(job: ExportJob) {
	for (const listener of job.listeners) listener(job);
}

function sweep() {
	const now = Date.now();
	for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

export function startExportJob(doc: PosterDocument, options: ExportOptions): ExportJob {
	sweep();
	const job: ExportJob = { id: randomUUID(), state: 'queued', progress: 0, listeners: new Set() };
	jobs.set(job.id, job);
	chain = chain.then(async () => {
		job.state = 'running';
		notify(job);
		let last = 0;
		try {
			const file = await exportDocument(doc, {
				...options,
				onProgress: (f) => {
					job.progress = f;
					// At most a hundred progress events per job.
					if (f - last >= 0.01 || f === 1) {
						last = f;
						notify(job);
					}
				}
			});
			Object.assign(job, {
				state: 'done',
				progress: 1,
				bytes: file.bytes,
				size: file.bytes.length,
				mime: file.mime,
				fileName: downloadName(doc, file.extension)
			});
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			job.state = 'failed';
			job.error = { zh: `导出失败：${detail}`, en: `export failed: ${detail}` };
		}
		job.finishedAt = Date.now();
		notify(job);
	});
	return job;
}

export const getExportJob = (id: string) => jobs.get(id);

/** What the browser sees of a job. */
export function jobStatus(job: ExportJob) {
	return {
		id: job.id,
		state: job.state,
		progress: Math.round(job.progress * 1000) / 1000,
		error: job.error,
		fileName: job.fileName,
		size: job.size,
		url: job.state === 'done' ? `/api/export/${job.id}/file` : undefined
	};
}
