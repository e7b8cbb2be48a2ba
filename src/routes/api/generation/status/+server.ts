// GET /api/generation/status: which backend is configured and working, its model name, and how to
// configure one (both languages) — the generate panel shows this when nothing is set up.
import { json } from '@sveltejs/kit';
import { describeGeneration, getGenerationService } from '$lib/server/generation/service';
import { RECOMMENDED_SIZES } from '$lib/server/generation/backend';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const status = await describeGeneration(await getGenerationService());
	return json({ ...status, recommendedSizes: RECOMMENDED_SIZES });
};
