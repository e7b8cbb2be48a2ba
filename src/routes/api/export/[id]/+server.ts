// GET /api/export/[id]: an export job's status as JSON; with Accept: text/event-stream, a stream of
// "progress" events ending with "done" or "failed" (each carries the same status object).
import { json } from '@sveltejs/kit';
import { errorJson } from '$lib/server/storage/http';
import { getExportJob, jobStatus, type ExportJob } from '$lib/server/export/jobs';
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

	const encoder = new TextEncoder();
	let listener: ((j: ExportJob) => void) | undefined;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (j: ExportJob) => {
				const event = j.state === 'done' || j.state === 'failed' ? j.state : 'progress';
				controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(jobStatus(j))}\n\n`));
				if (event !== 'progress') {
					j.listeners.delete(send);
					controller.close();
				}
			};
			listener = send;
			job.listeners.add(send);
			send(job);
		},
		cancel() {
			if (listener) job.listeners.delete(listener);
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' }
	});
};
