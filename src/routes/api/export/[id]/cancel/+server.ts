// POST /api/export/[id]/cancel: a queued export ends at once; a running one stops at its next strip.
import { json } from '@sveltejs/kit';
import { errorJson } from '$lib/server/storage/http';
import { getJobRuntime } from '$lib/server/jobs/index';
import { getExportJob, jobStatus } from '$lib/server/export/jobs';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, locals }) => {
	if (!getExportJob(params.id))
		return errorJson(
			404,
			{ zh: '找不到这个导出任务（可能已过期）。', en: 'no such export job (it may have expired)' },
			locals.locale ?? 'zh'
		);
	getJobRuntime().cancel(params.id);
	return json(jobStatus(getExportJob(params.id)!));
};
