// POST /api/generate {prompt | templateId+values+formatId, width, height, seed, count 1–4, steps?, backend?}
// → 202 {batchId, backend, model, prompt, jobs: [{id, seed, status}]}. 503 with the how-to when no backend works.
import { json } from '@sveltejs/kit';
import { errorJson, readJson } from '$lib/server/storage/http';
import { generateBodySchema, prepareRequests, RequestError } from '$lib/server/generation/requests';
import { describeGeneration, getGenerationService } from '$lib/server/generation/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const body = await readJson(request, locale);
	if (!body.ok) return body.response;
	const parsed = generateBodySchema.safeParse(body.value);
	if (!parsed.success) {
		const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
		return errorJson(
			400,
			{ en: `invalid generate request: ${detail}`, zh: `生成请求无效：${detail}` },
			locale
		);
	}
	const service = await getGenerationService();
	const status = await describeGeneration(service, false);
	const backendId = parsed.data.backend ?? status.defaultBackend;
	const backend = backendId ? service.backends[backendId] : undefined;
	if (!backendId || !backend) {
		const problem = backendId ? service.problems[backendId] : undefined;
		return errorJson(
			503,
			problem
				? { en: `${problem}\n\n${status.howTo.en}`, zh: `${problem}\n\n${status.howTo.zh}` }
				: status.howTo,
			locale,
			{ howTo: status.howTo, backends: status.backends }
		);
	}
	try {
		const prepared = await prepareRequests({ ...parsed.data, locale: parsed.data.locale ?? locale });
		const jobs = service.queue.enqueue(backendId, prepared.requests);
		return json(
			{
				batchId: jobs[0].batchId,
				backend: backendId,
				model: backend.modelLabel,
				label: backend.modelDisplayName ?? null,
				prompt: prepared.prompt,
				warnings: prepared.warnings,
				textCheck: prepared.textCheck,
				autoTries: parsed.data.auto ?? null,
				jobs: jobs.map((j) => ({ id: j.id, seed: j.request.seed, status: j.status }))
			},
			{ status: 202 }
		);
	} catch (error) {
		if (error instanceof RequestError) return errorJson(400, { en: error.en, zh: error.zh }, locale);
		throw error;
	}
};
