// POST /api/jobs/[id]/cancel: a queued job ends at once; a running one stops after its current step.
import { json } from '@sveltejs/kit';
import { errorJson } from '$lib/server/storage/http';
import { getGenerationService } from '$lib/server/generation/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, locals }) => {
	const job = (await getGenerationService()).queue.cancel(params.id);
	if (!job)
		return errorJson(
			404,
			{ en: `no generation job ${params.id}`, zh: `找不到生成任务 ${params.id}` },
			locals.locale ?? 'zh'
		);
	return json(job);
};
