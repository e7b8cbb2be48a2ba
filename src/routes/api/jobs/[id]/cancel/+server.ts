// POST /api/jobs/[id]/cancel: a queued job ends at once; a running one stops after its current step.
import { json } from '@sveltejs/kit';
import { jobNotFound } from '$lib/server/generation/http';
import { getGenerationService } from '$lib/server/generation/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, locals }) => {
	const job = (await getGenerationService()).queue.cancel(params.id);
	if (!job) return jobNotFound(params.id, locals.locale ?? 'zh');
	return json(job);
};
