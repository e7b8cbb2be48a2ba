// GET /api/export/[id]/file: the finished export as a download (streamed from <data>/jobs).
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { errorJson } from '$lib/server/storage/http';
import { getExportJob, jobStatus } from '$lib/server/export/jobs';
import { contentDisposition } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

const GONE = { zh: '找不到这个导出任务（可能已过期）。', en: 'no such export job (it may have expired)' };

export const GET: RequestHandler = ({ params, locals }) => {
	const job = getExportJob(params.id);
	const locale = locals.locale ?? 'zh';
	if (!job) return errorJson(404, GONE, locale);
	const status = jobStatus(job);
	if (job.status !== 'done')
		return errorJson(409, { zh: '文件还没有导出完成。', en: 'the export has not finished yet' }, locale, {
			state: job.status
		});
	let size: number;
	try {
		if (!job.resultPath) throw new Error('expired');
		size = statSync(job.resultPath).size;
	} catch {
		return errorJson(410, status.error ?? GONE, locale);
	}
	const body = Readable.toWeb(createReadStream(job.resultPath)) as ReadableStream<Uint8Array>;
	return new Response(body, {
		headers: {
			'content-type': status.mime ?? 'application/octet-stream',
			'content-length': String(size),
			'content-disposition': contentDisposition(status.fileName ?? 'poster'),
			'cache-control': 'no-store'
		}
	});
};
