// POST /api/generate/prompt: the template's picture description for the AI dialog, in the asked
// language, from the real template and prompt builder; clear errors otherwise.
import { describe, expect, it } from 'vitest';
import * as route from '../../../src/routes/api/generate/prompt/+server';
import { getTemplate } from '../../../src/lib/server/templates/catalog';
import { buildPrompt } from '../../../src/lib/templates/prompt';
import { callRoute, jsonBody, type Handler } from '../helpers/route';

const post = (body: unknown, locale: 'zh' | 'en' = 'zh') =>
	callRoute(route.POST as Handler, { method: 'POST', locale, ...jsonBody(body) });

describe('/api/generate/prompt', () => {
	it('describes the picture in the asked language, as the prompt builder does', async () => {
		const template = (await getTemplate('restaurant-warm-table'))!;
		const formatId = template.formats[0];
		for (const locale of ['zh', 'en'] as const) {
			const res = await post({ templateId: template.id, values: {}, formatId, locale });
			expect(res.status).toBe(200);
			const body = await res.json();
			const expected = buildPrompt(template, {}, { formatId, locale });
			expect(body.prompt).toBe(expected.prompt);
			expect(body.tokenEstimate).toBe(expected.tokenEstimate);
			expect(body.size).toEqual(expected.size);
		}
		const zh = await (await post({ templateId: template.id, formatId })).json();
		expect(zh.prompt).toMatch(/\p{Script=Han}{8}/u); // the UI language when none is asked
	});

	it('describes a design on a custom size by its template’s own first format', async () => {
		const template = (await getTemplate('sale-burst'))!;
		const res = await post({ templateId: template.id, formatId: 'custom-500x900mm', locale: 'en' });
		expect(res.status).toBe(200);
		const expected = buildPrompt(template, {}, { formatId: template.formats[0], locale: 'en' });
		expect((await res.json()).prompt).toBe(expected.prompt);
	});

	it('refuses an unknown template and a malformed body with a message in the UI language', async () => {
		const unknown = await post({ templateId: 'no-such-template' });
		expect(unknown.status).toBe(400);
		expect((await unknown.json()).message).toContain('找不到模板');
		const bad = await post({ values: { a: 1 } }, 'en');
		expect(bad.status).toBe(400);
		expect((await bad.json()).message).toMatch(/invalid request: templateId/);
	});
});
