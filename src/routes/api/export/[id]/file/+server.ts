// GET /api/export/[id]/file: the finished export as a download.
import { errorJson } from '$lib/server/storage/http';
import { getExportJob } from '$lib/server/export/jobs';
import { contentDisposition } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) => {
	const job = getExportJob(params.id);
	const locale = locals.locale ?? 'zh';
	if (!job)
		return errorJson(
			404,
			{ zh: '找不到这个导出任务（可能已过期）。', en: 'no such export job (it may have expired)' },
			locale
		);
	if (job.state !== 'done' || !job.bytes)
		return errorJson(409, { zh: '文件还没有导出完成。', en: 'the export has not finished yet' }, locale, {
			state: job.state
		});
	return new Response(new Uint8Array(job.bytes), {
		headers: {
			'content-type': job.mime ?? 'application/octet-stream',
			'content-length': String(job.bytes.length),
			'content-disposition': contentDisposition(job.fileName ?? 'poster'),
			'cache-control': 'no-store'
		}
	});
};
