// Turning a generate request body (a prompt, or a template + field values + format) into backend
// requests: validated, seeds for 1–4 variations, the prompt built by the templates' prompt builder.
import { z } from 'zod';
import { buildPrompt } from '../../templates/prompt';
import { getTemplate } from '../templates/catalog';
import { BACKEND_IDS, checkSize, SizeError, type BackendId, type GenerationRequest } from './backend';
import { MAX_SEED } from './zimage/rng';

export const generateBodySchema = z
	.object({
		prompt: z.string().trim().min(1).max(8000).optional(),
		templateId: z.string().min(1).optional(),
		values: z.record(z.string(), z.string()).default({}),
		formatId: z.string().optional(),
		locale: z.enum(['zh', 'en']).optional(),
		width: z.number().int().optional(),
		height: z.number().int().optional(),
		seed: z.number().int().min(0).max(MAX_SEED).optional(),
		steps: z.number().int().min(1).max(50).optional(),
		count: z.number().int().min(1).max(4).default(1),
		backend: z.enum(BACKEND_IDS as [BackendId, ...BackendId[]]).optional()
	})
	.refine((b) => b.prompt || b.templateId, { message: 'give a prompt or a templateId' });
export type GenerateBody = z.infer<typeof generateBodySchema>;

export class RequestError extends Error {
	constructor(
		readonly en: string,
		readonly zh: string
	) {
		super(en);
	}
}

export interface PreparedRequests {
	prompt: string;
	requests: GenerationRequest[];
	warnings: { zh: string; en: string }[];
}

export async function prepareRequests(
	body: GenerateBody,
	randomSeed = () => Math.floor(Math.random() * 2 ** 32)
): Promise<PreparedRequests> {
	let prompt = body.prompt ?? '';
	let width = body.width;
	let height = body.height;
	const warnings: PreparedRequests['warnings'] = [];
	if (!body.prompt && body.templateId) {
		const template = await getTemplate(body.templateId);
		if (!template)
			throw new RequestError(`unknown template "${body.templateId}"`, `找不到模板 "${body.templateId}"`);
		let built;
		try {
			built = buildPrompt(template, body.values, { formatId: body.formatId, locale: body.locale });
		} catch (error) {
			throw new RequestError((error as Error).message, `无法生成提示词：${(error as Error).message}`);
		}
		prompt = built.prompt;
		width ??= built.size.width;
		height ??= built.size.height;
		warnings.push(...built.warnings.map((w) => ({ zh: w.zh, en: w.en })));
	}
	width ??= 1024;
	height ??= 1024;
	try {
		checkSize(width, height);
	} catch (error) {
		if (error instanceof SizeError) throw new RequestError(error.en, error.zh);
		throw error;
	}
	const seed = body.seed ?? randomSeed();
	const requests = Array.from({ length: body.count }, (_, i) => ({
		prompt,
		width: width!,
		height: height!,
		seed: (seed + i) % (MAX_SEED + 1),
		...(body.steps ? { steps: body.steps } : {})
	}));
	return { prompt, requests, warnings };
}
