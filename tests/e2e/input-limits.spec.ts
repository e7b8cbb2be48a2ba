// Bad files dropped into the editor in Chromium: an over-complex SVG logo, one with more shapes
// than can become layers (counted after fabric parses it) and a truncated PNG are each refused
// with a clear message, and the design keeps exactly the layers it had.
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { storeDocument, templateDocument } from './editor-fixtures';
import type { PosterDocument } from '../../src/lib/document/schema';

type Win = {
	__haibao: { editor: { doc: PosterDocument } };
	__haibaoCanvas: { shapes: Map<string, unknown> };
};

const docOf = (page: Page) => page.evaluate(() => (window as unknown as Win).__haibao.editor.doc);

async function openEditor(page: Page, id: string) {
	await page.goto(`/design/${id}`);
	await page.waitForFunction(() => {
		const c = (window as unknown as Partial<Win>).__haibaoCanvas;
		return !!c && c.shapes.size > 0;
	});
}

const svg = (body: string) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000" width="1000" height="1000">${body}</svg>`;

test('over-complex SVG logos and a truncated PNG are refused with a message; the design is unchanged', async ({
	page,
	request
}) => {
	const { id } = await storeDocument(request, await templateDocument('sale-burst', 'zh'));
	await openEditor(page, id);
	const before = (await docOf(page)).layers;
	const upload = (name: string, mimeType: string, buffer: Buffer) =>
		page.getByTestId('upload-input').setInputFiles({ name, mimeType, buffer });

	const d = Array.from({ length: 48_000 }, (_, i) => `L${i % 1000} ${(i * 7) % 1000}`).join('');
	await upload('complex.svg', 'image/svg+xml', Buffer.from(svg(`<path d="M0 0${d}Z" fill="#c00"/>`)));
	await expect(page.getByTestId('toast').last()).toContainText(
		'SVG 太复杂（超过 10,000 段路径），上限 10,000 段路径'
	);

	// 500 squares pass the text scan (2,000 segments) but would become 500 layers.
	const squares = Array.from(
		{ length: 500 },
		(_, i) => `<rect x="${(i % 25) * 40}" y="${Math.floor(i / 25) * 40}" width="30" height="30" fill="#036"/>`
	).join('');
	await upload('dots.svg', 'image/svg+xml', Buffer.from(svg(squares)));
	await expect(page.getByTestId('toast').last()).toContainText(
		'SVG 中的图形太多（500 个），导入时最多 400 个'
	);

	const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#884422' } })
		.png({ compressionLevel: 0 })
		.toBuffer();
	await upload('cut.png', 'image/png', png.subarray(0, Math.floor(png.length / 2)));
	await expect(page.getByTestId('toast').last()).toContainText('图片无法读取');

	expect((await docOf(page)).layers).toEqual(before);
});

test('through the real server: a 60 MB JSON body is 413 "too large", a malformed id 400, both JSON', async ({
	request
}) => {
	const { id, revision } = await storeDocument(request, await templateDocument('sale-burst', 'en'));
	const body = Buffer.from(
		JSON.stringify({ document: { id, title: 'x'.repeat(60 * 1024 * 1024) }, revision })
	);
	const big = await request.put(`/api/documents/${id}`, {
		data: body,
		headers: { 'content-type': 'application/json', 'accept-language': 'en' }
	});
	expect(big.status()).toBe(413);
	expect((await big.json()).error.en).toBe('the request body is too large; the limit is 16 MB');
	expect((await (await request.get(`/api/documents/${id}`)).json()).revision).toBe(revision);

	const bad = await request.get('/api/documents/..%2F..%2Fetc');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error.zh).toMatch(/^文档 id「\.\.\/\.\.\/etc」无效/);
});
