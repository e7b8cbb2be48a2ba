// Bad input against the real route handlers and a real SQLite file: every refusal is a JSON answer
// with a message naming the limit (never a 500 with an HTML page), and the stored document is
// exactly as it was after each refused save.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as documentsRoute from '../../../src/routes/api/documents/+server';
import * as documentRoute from '../../../src/routes/api/documents/[id]/+server';
import * as exportRoute from '../../../src/routes/api/export/+server';
import * as preflightRoute from '../../../src/routes/api/preflight/+server';
import * as resizeRoute from '../../../src/routes/design/[id]/resize/+server';
import * as thumbnailRoute from '../../../src/routes/designs/[id]/thumbnail.png/+server';
import { closeDb, getDb } from '../../../src/lib/server/storage/db';
import { MAX_GROUP_DEPTH } from '../../../src/lib/document/limits';
import { makeDoc, nestedGroups, rect, text } from '../document/fixtures';
import { callRoute as call, jsonBody, type Handler } from '../helpers/route';

let dir: string;
const previous = process.env.HAIBAO_DATA;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'haibao-limits-'));
	process.env.HAIBAO_DATA = dir;
});
afterAll(() => {
	closeDb();
	process.env.HAIBAO_DATA = previous;
	rmSync(dir, { recursive: true, force: true });
});

const post = (handler: unknown, body: unknown, url = 'http://localhost/api') =>
	call(handler as Handler, { method: 'POST', url, ...jsonBody(body) });

/** A stored document and a way to check that it is unchanged. */
async function stored() {
	const { id: _id, ...doc } = makeDoc([rect('bg', 0, 0, 600, 800), text('title', 50, 50)]);
	const res = await post(documentsRoute.POST, { document: doc });
	const { document } = await res.json();
	const params = { id: document.id as string };
	const load = async () => (await call(documentRoute.GET as Handler, { params })).json();
	const before = await load();
	const put = (changed: unknown, locale: 'zh' | 'en' = 'en') =>
		call(documentRoute.PUT as Handler, {
			method: 'PUT',
			params,
			locale,
			...jsonBody({ document: changed, revision: before.revision })
		});
	return {
		params,
		document: before.document,
		put,
		unchanged: async () => expect(await load()).toEqual(before)
	};
}

describe('documents refused by the schema', () => {
	it('1,000 nested groups: 400 JSON naming the limit (create and save), stored document unchanged', async () => {
		const s = await stored();
		const deep = nestedGroups(1000, s.document);
		const created = await post(documentsRoute.POST, { document: { ...deep, id: undefined } });
		expect(created.status).toBe(400);
		expect(created.headers.get('content-type')).toMatch(/json/);
		expect((await created.json()).message).toMatch(`more than ${MAX_GROUP_DEPTH} levels`);

		const saved = await s.put(deep, 'zh');
		expect(saved.status).toBe(400);
		const body = await saved.json();
		expect(body.message).toBe('文档无效，未保存 — layers[0]: 编组嵌套太深（超过 50 层），最多 50 层。');
		expect(body.error.en).toMatch(/groups are nested too deeply \(more than 50 levels\)/);
		await s.unchanged();

		// 695 levels: saved before this limit, then broke export, preflight and resize with a 500.
		expect((await s.put(nestedGroups(695, s.document))).status).toBe(400);
		await s.unchanged();
	});

	it('a document at the nesting limit saves, exports, preflights, resizes and draws its thumbnail', async () => {
		const s = await stored();
		const deep = nestedGroups(MAX_GROUP_DEPTH - 1, s.document);
		expect((await s.put(deep)).status).toBe(200);
		const exported = await post(exportRoute.POST, { documentId: s.params.id, format: 'png', dpi: 20 });
		expect(exported.status).toBe(200);
		expect((await sharp(Buffer.from(await exported.arrayBuffer())).metadata()).width).toBe(167);
		expect((await post(exportRoute.POST, { documentId: s.params.id, format: 'pdf' })).status).toBe(200);
		expect((await post(preflightRoute.POST, { documentId: s.params.id })).status).toBe(200);
		const resized = await call(resizeRoute.POST as Handler, {
			method: 'POST',
			params: s.params,
			...jsonBody({ formatId: 'a4' })
		});
		expect(resized.status).toBe(201);
		const thumb = await call(thumbnailRoute.GET as Handler, {
			params: s.params,
			url: `http://localhost/designs/${s.params.id}/thumbnail.png?size=100`
		});
		expect(thumb.status).toBe(200);
	});

	it('a 1 MB text layer, dpi 1e308 and a 100 m page: 400 with the limit, stored document unchanged', async () => {
		const s = await stored();
		const huge = structuredClone(s.document);
		huge.layers[1].runs[0].text = '海'.repeat(1024 * 1024);
		const tooLong = await s.put(huge);
		expect(tooLong.status).toBe(400);
		expect((await tooLong.json()).message).toMatch(
			/text too long \(1,048,576 characters\); a text layer holds at most 5,000/
		);

		const dpi = await s.put({ ...s.document, page: { ...s.document.page, dpi: 1e308 } }, 'zh');
		expect(dpi.status).toBe(400);
		expect((await dpi.json()).message).toMatch(/page\.dpi: 分辨率 1e\+308 dpi 无效，应在 10–1200 dpi 之间/);

		const page = await s.put({ ...s.document, page: { ...s.document.page, width: (100_000 * 72) / 25.4 } });
		expect(page.status).toBe(400);
		expect((await page.json()).message).toMatch(
			/page too large \(100,000 mm\).*at most 5,080 mm \(14,400 pt\)/
		);
		await s.unchanged();

		// The same document sent inline to export is refused the same way.
		const inline = await post(exportRoute.POST, { document: huge, format: 'png' });
		expect(inline.status).toBe(400);
		expect((await inline.json()).message).toMatch(/text too long/);
	});

	it('a 60 MB JSON body answers 413 "too large", not "not valid JSON"; the document is unchanged', async () => {
		const s = await stored();
		const body = JSON.stringify({
			document: { ...s.document, title: 'x'.repeat(60 * 1024 * 1024) },
			revision: 1
		});
		const headerSets: Record<string, string>[] = [
			{ 'content-type': 'application/json' },
			{ 'content-length': String(body.length) }
		];
		for (const headers of headerSets) {
			const res = await call(documentRoute.PUT as Handler, {
				method: 'PUT',
				params: s.params,
				body,
				headers
			});
			expect(res.status).toBe(413);
			expect((await res.json()).message).toBe('the request body is too large; the limit is 16 MB');
		}
		for (const handler of [documentsRoute.POST, exportRoute.POST, preflightRoute.POST]) {
			const res = await call(handler as Handler, { method: 'POST', body, locale: 'zh' });
			expect(res.status).toBe(413);
			expect((await res.json()).message).toBe('请求内容太大，上限 16 MB。');
		}
		await s.unchanged();
	});
});

describe('a stored document this version refuses (saved before the limits)', () => {
	it('answers 400 with the reason on load, export, preflight, resize and thumbnail, never 500', async () => {
		const s = await stored();
		// 695 levels was accepted before: write it as an older version would have.
		const deep = nestedGroups(695, s.document);
		getDb().prepare('UPDATE documents SET body = ? WHERE id = ?').run(JSON.stringify(deep), s.params.id);
		const answers = [
			await call(documentRoute.GET as Handler, { params: s.params }),
			await post(exportRoute.POST, { documentId: s.params.id, format: 'png', dpi: 20 }),
			await post(preflightRoute.POST, { documentId: s.params.id }),
			await call(resizeRoute.POST as Handler, {
				method: 'POST',
				params: s.params,
				...jsonBody({ formatId: 'a4' })
			}),
			await call(thumbnailRoute.GET as Handler, {
				params: s.params,
				url: 'http://localhost/designs/x/thumbnail.png'
			})
		];
		for (const [k, res] of answers.entries()) {
			expect(res.status, `#${k}`).toBe(400);
			expect((await res.json()).error.en, `#${k}`).toMatch(/cannot be read: .*nested too deeply/);
		}
	});
});

describe('export bounds', () => {
	it('refuses a raster with too many pixels, naming the highest dpi for that page', async () => {
		const s = await stored();
		const rollup = { ...s.document.page, width: (800 * 72) / 25.4, height: (2000 * 72) / 25.4, dpi: 150 };
		expect((await s.put({ ...s.document, page: rollup })).status).toBe(200);
		const res = await post(exportRoute.POST, { documentId: s.params.id, format: 'png', dpi: 600 });
		expect(res.status).toBe(400);
		expect((await res.json()).message).toBe(
			'at 600 dpi the image would be 893 megapixels, over the 150 MP limit; this page allows at most 245 dpi'
		);
		const dpi = await post(exportRoute.POST, { documentId: s.params.id, format: 'png', dpi: 1e6 });
		expect(dpi.status).toBe(400);
		expect((await dpi.json()).message).toMatch(/dpi.*1200/);
	});
});

describe('document ids', () => {
	const bad = ['..%2F..%2Fetc', 'ABC', 'a'.repeat(65), 'x y', '-lead'];

	it('every route taking a document id answers 400 with a message for a malformed one', async () => {
		for (const id of bad) {
			const params = { id };
			const answers = [
				await call(documentRoute.GET as Handler, { params }),
				await call(documentRoute.PUT as Handler, {
					method: 'PUT',
					params,
					...jsonBody({ document: {}, revision: 1 })
				}),
				await call(documentRoute.DELETE as Handler, { method: 'DELETE', params }),
				await call(resizeRoute.POST as Handler, { method: 'POST', params, ...jsonBody({ formatId: 'a4' }) }),
				await call(thumbnailRoute.GET as Handler, {
					params,
					url: 'http://localhost/designs/x/thumbnail.png'
				}),
				await post(exportRoute.POST, { documentId: id, format: 'png' }),
				await post(preflightRoute.POST, { documentId: id })
			];
			for (const [k, res] of answers.entries()) {
				expect(res.status, `${id} #${k}`).toBe(400);
				expect((await res.json()).error.en, `${id} #${k}`).toMatch(
					/^invalid document id ".*": use lowercase letters, digits, _ and -/
				);
			}
		}
		const zh = await call(documentRoute.GET as Handler, { params: { id: 'ABC' }, locale: 'zh' });
		expect((await zh.json()).message).toBe(
			'文档 id「ABC」无效：只能包含小写字母、数字、_ 和 -，最长 64 个字符。'
		);
	});

	it('a new document with an unsafe id in its body is refused and nothing is stored', async () => {
		const { id: _id, ...doc } = makeDoc([]);
		const before = (await (await call(documentsRoute.GET as Handler)).json()).documents.length;
		const res = await post(documentsRoute.POST, { document: { ...doc, id: '../../x' } });
		expect(res.status).toBe(400);
		expect((await res.json()).message).toMatch(/id: lowercase letters, digits, _ and -/);
		expect((await (await call(documentsRoute.GET as Handler)).json()).documents.length).toBe(before);
	});
});
