// The API route handlers, called with real Requests against a real SQLite file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as assetsRoute from '../../../src/routes/api/assets/+server';
import * as assetRoute from '../../../src/routes/api/assets/[id]/+server';
import * as documentsRoute from '../../../src/routes/api/documents/+server';
import * as documentRoute from '../../../src/routes/api/documents/[id]/+server';
import * as duplicateRoute from '../../../src/routes/api/documents/[id]/duplicate/+server';
import * as restoreRoute from '../../../src/routes/api/documents/[id]/restore/+server';
import { closeDb } from '../../../src/lib/server/storage/db';
import { makeDoc, rect, text } from '../document/fixtures';
import { callRoute as call, jsonBody, type Handler } from '../helpers/route';

let dir: string;
const previous = process.env.HAIBAO_DATA;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'haibao-routes-'));
	process.env.HAIBAO_DATA = dir;
});
afterAll(() => {
	closeDb();
	process.env.HAIBAO_DATA = previous;
	rmSync(dir, { recursive: true, force: true });
});

describe('/api/documents', () => {
	const doc = makeDoc([rect('bg', 0, 0, 600, 800), text('title', 50, 50)]);

	it('creates, lists, loads and saves with revisions; a stale save gets 409 with the stored version', async () => {
		const { id: _omit, ...withoutId } = doc;
		const created = await call(documentsRoute.POST as Handler, {
			method: 'POST',
			...jsonBody({ document: withoutId })
		});
		expect(created.status).toBe(201);
		const { document, revision } = await created.json();
		expect(document.id).toMatch(/^[0-9a-z]{20}$/);
		expect(revision).toBe(1);

		const list = await (await call(documentsRoute.GET as Handler)).json();
		expect(list.documents.map((d: { id: string }) => d.id)).toContain(document.id);

		const params = { id: document.id };
		const loaded = await (await call(documentRoute.GET as Handler, { params })).json();
		expect(loaded.revision).toBe(1);
		expect(loaded.document.layers).toHaveLength(2);

		const put = (body: unknown, locale: 'zh' | 'en' = 'en') =>
			call(documentRoute.PUT as Handler, { method: 'PUT', params, locale, ...jsonBody(body) });
		const ok = await put({ document: { ...loaded.document, title: '第二版' }, revision: 1 });
		expect(ok.status).toBe(200);
		expect((await ok.json()).revision).toBe(2);

		const stale = await put({ document: { ...loaded.document, title: 'other tab' }, revision: 1 }, 'zh');
		expect(stale.status).toBe(409);
		const conflict = await stale.json();
		expect(conflict.currentRevision).toBe(2);
		expect(conflict.document.title).toBe('第二版');
		expect(conflict.error.en).toMatch(/changed elsewhere/);
		expect(conflict.message).toBe(conflict.error.zh);

		const invalid = await put({
			document: { ...loaded.document, page: { ...loaded.document.page, background: 'white' } },
			revision: 2
		});
		expect(invalid.status).toBe(400);
		const problem = await invalid.json();
		expect(problem.issues[0]).toEqual({
			path: 'page.background',
			message: 'colour must be #RRGGBB or #RRGGBBAA'
		});
		expect(problem.error.zh).toContain('page.background');
		expect((await (await call(documentRoute.GET as Handler, { params })).json()).revision).toBe(2);

		expect((await put({ document: loaded.document })).status).toBe(400); // no revision
		expect((await put({ document: { ...loaded.document, id: 'elsewhere' }, revision: 2 })).status).toBe(400);
		const bad = await call(documentRoute.PUT as Handler, {
			method: 'PUT',
			params,
			body: '{oops',
			headers: { 'content-type': 'application/json' }
		});
		expect((await bad.json()).error.en).toMatch(/not valid JSON/);

		expect((await call(documentRoute.DELETE as Handler, { method: 'DELETE', params })).status).toBe(204);
		const gone = await call(documentRoute.GET as Handler, { params, locale: 'zh' });
		expect(gone.status).toBe(404);
		expect((await gone.json()).message).toContain('找不到文档');
	});

	it('renames, duplicates, deletes and restores (undo) a design', async () => {
		const created = await (
			await call(documentsRoute.POST as Handler, { method: 'POST', ...jsonBody({ ...doc, id: 'mine' }) })
		).json();
		const params = { id: created.document.id };
		const patch = (title: unknown, locale: 'zh' | 'en' = 'en') =>
			call(documentRoute.PATCH as Handler, { method: 'PATCH', params, locale, ...jsonBody({ title }) });
		const renamed = await patch('  端午海报 ');
		expect(renamed.status).toBe(200);
		expect(await renamed.json()).toMatchObject({ revision: 2, title: '端午海报' });
		const empty = await patch('  ', 'zh');
		expect(empty.status).toBe(400);
		expect((await empty.json()).message).toContain('名称不能为空');

		const dup = await call(duplicateRoute.POST as Handler, { method: 'POST', params, locale: 'zh' });
		expect(dup.status).toBe(201);
		const copy = await dup.json();
		expect(copy.document.title).toBe('端午海报 副本');
		expect(copy.document.id).not.toBe('mine');

		expect((await call(documentRoute.DELETE as Handler, { method: 'DELETE', params })).status).toBe(204);
		expect((await call(documentRoute.GET as Handler, { params })).status).toBe(404);
		const restored = await call(restoreRoute.POST as Handler, { method: 'POST', params });
		expect(restored.status).toBe(200);
		expect((await restored.json()).document.title).toBe('端午海报');
		expect((await call(documentRoute.GET as Handler, { params })).status).toBe(200);
		expect((await call(restoreRoute.POST as Handler, { method: 'POST', params })).status).toBe(404);
		// Malformed ids are refused before storage is asked.
		const odd = { id: '../x' };
		expect((await call(restoreRoute.POST as Handler, { method: 'POST', params: odd })).status).toBe(400);
		expect((await call(duplicateRoute.POST as Handler, { method: 'POST', params: odd })).status).toBe(400);
		expect(
			(
				await call(documentRoute.PATCH as Handler, {
					method: 'PATCH',
					params: odd,
					...jsonBody({ title: 'x' })
				})
			).status
		).toBe(400);
	});

	it('rejects an invalid new document with 400, the issues and nothing stored', async () => {
		const before = (await (await call(documentsRoute.GET as Handler)).json()).documents.length;
		const res = await call(documentsRoute.POST as Handler, {
			method: 'POST',
			...jsonBody({ ...doc, id: 'bad', layers: [{ type: 'text', id: 't' }] })
		});
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.issues.map((i: { path: string }) => i.path)).toContain('layers[0].name (layer "t")');
		expect((await (await call(documentsRoute.GET as Handler)).json()).documents.length).toBe(before);
	});
});

describe('/api/assets', () => {
	it('uploads multipart and raw bodies and serves them with type and cache headers', async () => {
		const png = await sharp({ create: { width: 30, height: 20, channels: 4, background: '#00aa00' } })
			.png()
			.toBuffer();
		const form = new FormData();
		form.set('file', new File([new Uint8Array(png)], 'logo.png', { type: 'image/png' }));
		form.set('meta', JSON.stringify({ purpose: 'logo' }));
		const up = await call(assetsRoute.POST as Handler, { method: 'POST', body: form });
		expect(up.status).toBe(201);
		const asset = await up.json();
		expect(asset).toMatchObject({
			mime: 'image/png',
			width: 30,
			height: 20,
			meta: { source: 'upload', purpose: 'logo', name: 'logo.png' }
		});

		const got = await call(assetRoute.GET as Handler, { params: { id: asset.id } });
		expect(got.status).toBe(200);
		expect(got.headers.get('content-type')).toBe('image/png');
		expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
		const again = await call(assetRoute.GET as Handler, {
			params: { id: asset.id },
			headers: { 'if-none-match': got.headers.get('etag')! }
		});
		expect(again.status).toBe(304);

		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
		const raw = await call(assetsRoute.POST as Handler, {
			method: 'POST',
			url: 'http://localhost/api/assets?name=a.svg',
			body: svg,
			headers: { 'content-type': 'application/octet-stream' }
		});
		const svgAsset = await raw.json();
		expect(svgAsset).toMatchObject({ mime: 'image/svg+xml', width: 10, height: 10, meta: { name: 'a.svg' } });
		const served = await call(assetRoute.GET as Handler, { params: { id: svgAsset.id } });
		expect(served.headers.get('content-type')).toBe('image/svg+xml');
		expect(served.headers.get('content-security-policy')).toContain('sandbox');
		expect((await call(assetRoute.GET as Handler, { params: { id: 'missing' } })).status).toBe(404);
	});

	it('refuses other types and oversized bodies with bilingual messages', async () => {
		const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
			.gif()
			.toBuffer();
		const res = await call(assetsRoute.POST as Handler, {
			method: 'POST',
			body: new Uint8Array(gif),
			locale: 'zh'
		});
		expect(res.status).toBe(415);
		const body = await res.json();
		expect(body.message).toContain('不支持的文件类型');
		expect(body.error.en).toContain('GIF');

		// A 26 MB raw body: refused from its Content-Length before it is read.
		const big = new Uint8Array(26 * 1024 * 1024);
		const tooBig = await call(assetsRoute.POST as Handler, {
			method: 'POST',
			body: big,
			headers: { 'content-length': String(big.byteLength) }
		});
		expect(tooBig.status).toBe(413);
		expect((await tooBig.json()).error).toEqual({
			zh: '文件太大，上限 25 MB。',
			en: 'file too large; the limit is 25 MB'
		});
		// The same without a declared length: the stream is cut at the limit.
		const stream = new Blob([big]).stream();
		const request = new Request('http://localhost/api/assets', {
			method: 'POST',
			body: stream,
			duplex: 'half'
		} as RequestInit);
		const streamed = await (assetsRoute.POST as Handler)({
			request,
			url: new URL(request.url),
			params: {},
			locals: { locale: 'en' }
		} as never);
		expect(streamed.status).toBe(413);
		const empty = await call(assetsRoute.POST as Handler, { method: 'POST', body: new FormData() });
		expect((await empty.json()).error.en).toMatch(/no file/);
	});
});
