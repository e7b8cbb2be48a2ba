// POST /api/generate/prompt {templateId, values, formatId?, locale?, textModes?} → {prompt, tokenEstimate, size,
// warnings}: the template's picture description in the given language, without generating. The
// editor's AI picture dialog prefills its description box with it. 400 unknown template/format.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { buildPrompt } from '$lib/templates/prompt';
import { getTemplate } from '$lib/server/templates/catalog';
import { errorJson, readJson } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

const bodySchema = z.object({
	templateId: z.string().min(1).max(200),
	values: z.record(z.string(), z.string().max(2000)).default({}),
	formatId: z.string().max(200).optional(),
	locale: z.enum(['zh', 'en']).optional(),
	/** Fields the model draws (the design's hidden field layers): their text is quoted in the prompt. */
	textModes: z.record(z.string().max(200), z.enum(['layer', 'model'])).optional()
});

export const POST: RequestHandler = async ({ request, locals }) => {
	const uiLocale = locals.locale ?? 'zh';
	const body = await readJson(request, uiLocale);
	if (!body.ok) return body.response;
	const parsed = bodySchema.safeParse(body.value);
	if (!parsed.success) {
		const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
		return errorJson(400, { zh: `请求无效：${detail}`, en: `invalid request: ${detail}` }, uiLocale);
	}
	const { templateId, values, formatId, locale = uiLocale, textModes } = parsed.data;
	const template = await getTemplate(templateId);
	if (!template)
		return errorJson(
			400,
			{ zh: `找不到模板“${templateId}”`, en: `unknown template "${templateId}"` },
			uiLocale
		);
	// A design resized to a custom size keeps its template: describe it on the template's own format.
	const format = formatId && template.formats.includes(formatId) ? formatId : template.formats[0];
	try {
		const built = buildPrompt(template, values, { formatId: format, locale, textModes });
		return json({
			prompt: built.prompt,
			language: built.language,
			tokenEstimate: built.tokenEstimate,
			size: built.size,
			warnings: built.warnings.map(({ zh, en }) => ({ zh, en }))
		});
	} catch (error) {
		const message = (error as Error).message;
		return errorJson(400, { zh: `无法生成描述：${message}`, en: message }, uiLocale);
	}
};
