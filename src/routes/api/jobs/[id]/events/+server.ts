// GET /api/jobs/[id]/events: server-sent events, one "job" event with the full record at once and on
// every change (progress once per step), ending after the job reaches done, failed or cancelled.
import { jobNotFound } from '$lib/server/generation/http';
import { TERMINAL, type JobRecord } from '$lib/server/generation/jobs';
import { getGenerationService } from '$lib/server/generation/service';
import { sseResponse } from '$lib/server/jobs/sse';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const { queue } = await getGenerationService();
	const first = queue.get(params.id);
	if (!first) return jobNotFound(params.id, locals.locale ?? 'zh');
	return sseResponse(request, (channel) => {
		const send = (job: JobRecord) => {
			channel.send('job', job);
			if (TERMINAL.includes(job.status)) channel.close();
		};
		const unsubscribe = queue.subscribe(params.id, send);
		send(queue.get(params.id) ?? first); // re-read: it may have changed while subscribing
		return unsubscribe;
	});
};
