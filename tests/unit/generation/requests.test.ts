// Generate request bodies → backend requests (real templates from templates/, the real prompt builder).
import { describe, expect, it } from 'vitest';
import {
	generateBodySchema,
	prepareRequests,
	RequestError
} from '../../../src/lib/server/generation/requests';
import { getTemplate } from '../../../src/lib/server/templates/catalog';
import { buildPrompt } from '../../../src/lib/templates/prompt';

const parse = (body: unknown) => generateBodySchema.parse(body);

describe('generate requests', () => {
	it('makes one request per variation with consecutive seeds', async () => {
		const { requests } = await prepareRequests(
			parse({ prompt: '红色海报', width: 512, height: 768, seed: 10, count: 3 })
		);
		expect(requests).toEqual(
			[10, 11, 12].map((seed) => ({ prompt: '红色海报', width: 512, height: 768, seed }))
		);
	});

	it('builds the prompt and size from a template, its values and format', async () => {
		const template = (await getTemplate('restaurant-warm-table'))!;
		const formatId = template.formats[0];
		const expected = buildPrompt(template, {}, { formatId, locale: 'zh' });
		const { prompt, requests } = await prepareRequests(
			parse({ templateId: template.id, formatId, locale: 'zh', seed: 1 })
		);
		expect(prompt).toBe(expected.prompt);
		expect(requests[0]).toMatchObject({ width: expected.size.width, height: expected.size.height, seed: 1 });
	});

	it('refuses sizes that are not multiples of 16 in both languages, and counts outside 1–4', async () => {
		const error = await prepareRequests(parse({ prompt: 'x', width: 1000, height: 1024 })).catch((e) => e);
		expect(error).toBeInstanceOf(RequestError);
		expect(error.en).toMatch(/width 1000 is not a multiple of 16/);
		expect(error.zh).toMatch(/不是 16 的倍数/);
		expect(generateBodySchema.safeParse({ prompt: 'x', count: 5 }).success).toBe(false);
		expect(generateBodySchema.safeParse({ width: 512 }).success).toBe(false);
		await expect(prepareRequests(parse({ templateId: 'no-such-template' }))).rejects.toThrow(
			/unknown template/
		);
	});
});
