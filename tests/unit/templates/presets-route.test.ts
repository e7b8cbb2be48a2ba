// The /api/presets handlers with real Requests against a real SQLite file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as presetsRoute from '../../../src/routes/api/presets/+server';
import * as presetRoute from '../../../src/routes/api/presets/[id]/+server';
import { closeDb } from '../../../src/lib/server/storage/db';
import { findPreset } from '../../../src/lib/server/templates/custom-presets';
import { callRoute, jsonBody, type Handler } from '../helpers/route';

let dir: string;
const previous = process.env.HAIBAO_DATA;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'haibao-presets-'));
	process.env.HAIBAO_DATA = dir;
});
afterAll(() => {
	closeDb();
	process.env.HAIBAO_DATA = previous;
	rmSync(dir, { recursive: true, force: true });
});

function call(
	handler: Handler,
	method: string,
	body?: unknown,
	params: Record<string, string> = {},
	locale: 'zh' | 'en' = 'zh'
) {
	const payload =
		body === undefined
			? {}
			: typeof body === 'string'
				? { body, headers: { 'content-type': 'application/json' } }
				: jsonBody(body);
	return callRoute(handler, { method, url: 'http://localhost/api/presets', params, locale, ...payload });
}

describe('/api/presets', () => {
	it('adds a custom print size that is listed, found by id, and removed', async () => {
		const added = await call(presetsRoute.POST as Handler, 'POST', {
			widthMm: 500,
			heightMm: 900,
			name: { zh: '门店海报', en: 'Shop poster' }
		});
		expect(added.status).toBe(201);
		const { preset } = await added.json();
		expect(preset).toMatchObject({ id: 'custom-500x900mm', kind: 'print', width: 500, height: 900 });
		expect(preset.name.zh).toBe('门店海报');

		const listed = await (await call(presetsRoute.GET as Handler, 'GET')).json();
		expect(listed.presets.some((p: { id: string }) => p.id === 'a3')).toBe(true);
		expect(listed.custom.map((p: { id: string }) => p.id)).toEqual(['custom-500x900mm']);
		expect(findPreset('custom-500x900mm')?.name.en).toBe('Shop poster');

		const removed = await call(presetRoute.DELETE as Handler, 'DELETE', undefined, {
			id: 'custom-500x900mm'
		});
		expect(removed.status).toBe(204);
		const after = await (await call(presetsRoute.GET as Handler, 'GET')).json();
		expect(after.custom).toEqual([]);
		// The id still decodes to its size, so documents made with it keep opening.
		expect(findPreset('custom-500x900mm')?.width).toBe(500);
	});

	it('adds a custom screen size in px', async () => {
		const added = await call(presetsRoute.POST as Handler, 'POST', { widthPx: 1080, heightPx: 1920 });
		expect(added.status).toBe(201);
		expect((await added.json()).preset).toMatchObject({ id: 'custom-1080x1920px', kind: 'screen', dpi: 72 });
	});

	it('refuses bad sizes and bad JSON with a message in the user language', async () => {
		const tooSmall = await call(presetsRoute.POST as Handler, 'POST', { widthMm: 2, heightMm: 900 });
		expect(tooSmall.status).toBe(400);
		const body = await tooSmall.json();
		expect(body.message).toContain('自定义尺寸无效');
		expect(body.issues[0].path).toBe('widthMm');

		const mixed = await call(presetsRoute.POST as Handler, 'POST', { widthMm: 200, heightPx: 900 }, {}, 'en');
		expect(mixed.status).toBe(400);
		expect((await mixed.json()).message).toContain('invalid custom size');

		const notJson = await call(presetsRoute.POST as Handler, 'POST', '{oops');
		expect(notJson.status).toBe(400);

		const missing = await call(
			presetRoute.DELETE as Handler,
			'DELETE',
			undefined,
			{ id: 'custom-1x1mm' },
			'en'
		);
		expect(missing.status).toBe(404);
		expect((await missing.json()).message).toBe('no custom size "custom-1x1mm"');
	});
});

describe('/api/presets page limits', () => {
	it('refuses sizes whose PDF page would pass 14,400 pt, and names the limit', async () => {
		const tooBig = await call(
			presetsRoute.POST as Handler,
			'POST',
			{ widthMm: 6000, heightMm: 900 },
			{},
			'en'
		);
		expect(tooBig.status).toBe(400);
		expect((await tooBig.json()).message).toMatch(/mm \(10–5000, print\) or in px \(64–12000, screen\)/);
		const wideBleed = await call(
			presetsRoute.POST as Handler,
			'POST',
			{ widthMm: 5000, heightMm: 900, bleedMm: 200 },
			{},
			'en'
		);
		expect(wideBleed.status).toBe(400);
		expect((await wideBleed.json()).message).toMatch(
			/^page too large \(5,000 mm\).*with 200 mm bleed the trim is at most 4,664 mm a side/
		);
		const largest = await call(presetsRoute.POST as Handler, 'POST', { widthMm: 5000, heightMm: 900 });
		expect(largest.status).toBe(201);
	});
});
