// /api/ocr/check, /api/ocr/fallback and the preflight item "text in images that does not read
// back", called with real Requests against a real SQLite store, on a Haibao-rendered image whose
// headline is deliberately wrong (双十二 where 双十一 was asked for).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as checkRoute from '../../../src/routes/api/ocr/check/+server';
import * as fallbackRoute from '../../../src/routes/api/ocr/fallback/+server';
import * as preflightRoute from '../../../src/routes/api/preflight/+server';
import { getOcr } from '../../../src/lib/server/ocr/host';
import { getAsset, putAsset } from '../../../src/lib/server/storage/assets';
import { closeDb } from '../../../src/lib/server/storage/db';
import { image, makeDoc, text } from '../export/fixtures';
import { callRoute as call, jsonBody, type Handler } from '../helpers/route';
import { ocrCase, renderCase } from './cases';

let dir: string;
let wrongId: string;
const previous = process.env.HAIBAO_DATA;
const c = { ...ocrCase(0), size: 64 };
const generation = {
	backend: 'zimage',
	model: 'tiny',
	prompt: '红色海报，标题"双十一狂欢节"',
	seed: 1,
	steps: 8,
	width: 512,
	height: 256
};
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'haibao-ocr-routes-'));
	process.env.HAIBAO_DATA = dir;
	wrongId = (await putAsset(await renderCase(c, '双十二狂欢节'), { meta: { generation } })).id;
}, 60_000);
afterAll(async () => {
	await getOcr().close();
	closeDb();
	process.env.HAIBAO_DATA = previous;
	rmSync(dir, { recursive: true, force: true });
});

const post = (route: { POST: unknown }, body: unknown) =>
	call(route.POST as Handler, { method: 'POST', ...jsonBody(body) });

describe('/api/ocr/check and /api/ocr/fallback', () => {
	it('checks a stored image, then covers the wrong text and stores the patched copy', async () => {
		const res = await post(checkRoute, {
			assetId: wrongId,
			expect: [{ text: '双十一狂欢节', field: 'headline' }]
		});
		expect(res.status).toBe(200);
		const check = await res.json();
		expect(check.fields[0]).toMatchObject({ verdict: 'near', found: '双十二狂欢节', field: 'headline' });
		const fb = await post(fallbackRoute, { assetId: wrongId, boxes: [check.fields[0].box] });
		expect(fb.status).toBe(200);
		const patched = await fb.json();
		expect(patched.assetId).not.toBe(wrongId);
		expect(patched.covered[0]).toMatchObject({ ink: c.ink.toUpperCase(), fill: c.background.toUpperCase() });
		expect(getAsset(patched.assetId)!.meta).toMatchObject({ generation, textCovered: { from: wrongId } });
		// The patched image no longer shows any text.
		const again = await (
			await post(checkRoute, { assetId: patched.assetId, expect: [{ text: '双十一狂欢节' }] })
		).json();
		expect([again.verdict, again.lines]).toEqual(['missing', []]);
	}, 60_000);

	it('refuses unknown images, empty lists and boxes outside the image, in the user’s language', async () => {
		expect((await post(checkRoute, { assetId: 'nope', expect: [{ text: 'x' }] })).status).toBe(404);
		expect((await post(checkRoute, { assetId: wrongId, expect: [] })).status).toBe(400);
		const outside = await post(fallbackRoute, {
			assetId: wrongId,
			boxes: [{ x: 5000, y: 0, width: 10, height: 10 }]
		});
		expect(outside.status).toBe(400);
		expect((await outside.json()).message).toContain('lies outside');
	});
});

describe('preflight: text in images that does not read back', () => {
	it('names the image layer and the text it shows instead; nothing once the text is set in real type', async () => {
		const doc = makeDoc([
			image('hero', wrongId, 0, 0, 512, 256, { generation: { ...generation, previousAssetIds: [] } })
		]);
		const report = await (await post(preflightRoute, { document: doc })).json();
		const issue = report.issues.find((i: { code: string }) => i.code === 'text-not-read-back');
		expect(issue).toMatchObject({
			layerId: 'hero',
			severity: 'warning',
			detail: { expected: '双十一狂欢节', found: '双十二狂欢节', verdict: 'near' }
		});
		expect(issue.message.en).toContain('reads as "双十二狂欢节"');
		// A visible text layer now shows the headline: the image is no longer expected to.
		const typeset = makeDoc([
			image('hero', wrongId, 0, 0, 512, 256, { generation: { ...generation, previousAssetIds: [] } }),
			text('headline', 0, 0, 512, 100, [
				{ text: '双十一狂欢节', family: 'Noto Sans SC', size: 40, color: '#FFFFFF' }
			])
		]);
		const after = await (await post(preflightRoute, { document: typeset })).json();
		expect(after.issues.filter((i: { code: string }) => i.code === 'text-not-read-back')).toEqual([]);
	}, 60_000);
});
