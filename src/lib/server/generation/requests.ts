// Turning a generate request body (a prompt, or a template + field values + format) into backend
// requests: validated, seeds for 1–4 variations, the prompt built by the templates' prompt builder.
import { z } from 'zod';
import { buildPrompt } from '../../templates/prompt';
import { normaliseText, quotedStrings, type TextExpectation } from '../../templates/text-check';
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
		/** Where each drawn string should be (the browser's prompt builder knows; image fractions). */
		expect: z
			.array(
				z.object({
					text: z.string().min(1).max(500),
					field: z.string().max(100).optional(),
					region: z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }).optional()
				})
			)
			.max(20)
			.optional(),
		/** Try up to N seeds until every drawn string reads back exactly (needs quoted text, count 1). */
		auto: z.number().int().min(2).max(8).optional(),
		textModes: z.record(z.string(), z.enum(['layer', 'model'])).optional(),
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
	/** The strings the model is asked to draw; each image is read back against them. */
	textCheck: TextExpectation[];
}

/** The prompt's quoted strings, each with its field and region when the caller knows them. */
export function textExpectations(prompt: string, known: readonly TextExpectation[] = []): TextExpectation[] {
	return quotedStrings(prompt).map((text) => {
		const match = known.find((k) => normaliseText(k.text) === normaliseText(text));
		return match ? { ...match, text } : { text };
	});
}

export async function prepareRequests(
	body: GenerateBody,
	randomSeed = () => Math.floor(Math.random() * 2 ** 32)
): Promise<PreparedRequests> {
	let prompt = body.prompt ?? '';
	let width = body.width;
	let height = body.height;
	const warnings: PreparedRequests['warnings'] = [];
	let known: TextExpectation[] = body.expect ?? [];
	if (!body.prompt && body.templateId) {
		const template = await getTemplate(body.templateId);
		if (!template)
			throw new RequestError(`unknown template "${body.templateId}"`, `找不到模板 "${body.templateId}"`);
		let built;
		try {
			built = buildPrompt(template, body.values, {
				formatId: body.formatId,
				locale: body.locale,
				textModes: body.textModes
			});
		} catch (error) {
			throw new RequestError((error as Error).message, `无法生成提示词：${(error as Error).message}`);
		}
		prompt = built.prompt;
		known = built.modelTexts;
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
	const textCheck = textExpectations(prompt, known);
	if (body.auto && textCheck.length === 0)
		throw new RequestError(
			'"auto" tries seeds until the drawn text reads back, but this prompt asks for no text (no quoted strings).',
			'“自动”会换种子直到文字读对，但提示词里没有要模型画的文字（没有引号中的文字）。'
		);
	if (body.auto && body.count > 1)
		throw new RequestError(
			'"auto" picks the best of several seeds itself: ask for one image (count 1).',
			'“自动”会自己从多个种子中挑最好的一张：数量请选 1。'
		);
	const seed = body.seed ?? randomSeed();
	const requests = Array.from({ length: body.count }, (_, i) => ({
		prompt,
		width: width!,
		height: height!,
		seed: (seed + i) % (MAX_SEED + 1),
		...(body.steps ? { steps: body.steps } : {}),
		...(textCheck.length ? { textCheck } : {}),
		...(body.auto ? { autoTries: body.auto } : {})
	}));
	return { prompt, requests, warnings, textCheck };
}
