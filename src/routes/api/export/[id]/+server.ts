// GET /api/export/[id]: an export job's status as JSON; with Accept: text/event-stream, a stream of
// "progress" events ending with "done", "failed" or "cancelled" (each carries the status object).
import { json } from '@sveltejs/kit';
import { errorJson } from '$lib/server/storage/http';
import { getJobRuntime } from '$lib/server/jobs/index';
import { sseResponse } from '$lib/server/jobs/sse';
import { TERMINAL_STATES, type RuntimeJobRecord } from '$lib/server/jobs/store';
import { getExportJob, jobStatus } from '$lib/server/export/jobs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, request, locals }) => {
	const job = getExportJob(params.id);
	if (!job)
		return errorJson(
			404,
			{ zh: '找不到这个导出任务（可能已过期）。', en: 'no such export job (it may have expired)' },
			locals.locale ?? 'zh'
		);
	if (!(request.headers.get('accept') ?? '').includes('text/event-stream'))
		return json(jobStatus(job), { headers: { 'cache-control': 'no-store' } });

	const runtime = getJobRuntime();
	return sseResponse(request, (channel) => {
		const send = (j: RuntimeJobRecord) => {
			const ended = TERMINAL_STATES.includes(j.status);
			channel.send(ended ? (j.status === 'done' ? 'done' : j.status) : 'progress', jobStatus(j));
			if (ended) channel.close();
		};
		const unsubscribe = runtime.subscribe(params.id, send);
		send(runtime.get(params.id) ?? job); // re-read: it may have changed since the lookup
		return unsubscribe;
	});
};
