// GET /api/jobs/[id]: the job record (status, progress, error, assetId, metadata).
import { json } from '@sveltejs/kit';
import { jobNotFound } from '$lib/server/generation/http';
import { getGenerationService } from '$lib/server/generation/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const job = (await getGenerationService()).queue.get(params.id);
	if (!job) return jobNotFound(params.id, locals.locale ?? 'zh');
	return json(job);
};
