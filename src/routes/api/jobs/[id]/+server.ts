// GET /api/jobs/[id]: the job record (status, progress, error, assetId, metadata).
import { json } from '@sveltejs/kit';
import { errorJson } from '$lib/server/storage/http';
import { getGenerationService } from '$lib/server/generation/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const job = (await getGenerationService()).queue.get(params.id);
	if (!job)
		return errorJson(
			404,
			{ en: `no generation job ${params.id}`, zh: `找不到生成任务 ${params.id}` },
			locals.locale ?? 'zh'
		);
	return json(job);
};
