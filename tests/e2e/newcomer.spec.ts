// The path a newcomer takes on a fresh clone, on the server exactly as `npm start` runs it (no ORIGIN,
// nothing but a port and a data folder): pick a template, create a design, upload a PNG, export a PDF.
// playwright.config.ts runs this file twice: at http://localhost:PORT and at http://127.0.0.1:PORT.
// Requests from other sites stay refused.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const TEMPLATE = 'sale-burst';

test('a newcomer creates a design, uploads a PNG and exports a PDF', async ({ page }) => {
	await page.goto('/');
	await page.locator(`a.card[data-template="${TEMPLATE}"]`).click();
	await page.waitForURL(new RegExp(`/new/${TEMPLATE}`));
	await expect(page.getByTestId('live-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

	// 创建设计: a form POST, refused with 403 when the server mistakes its own origin.
	const created = page.waitForResponse(
		(r) => r.request().method() === 'POST' && r.url().includes('?/create')
	);
	await page.getByTestId('create').click();
	expect((await created).status()).toBeLessThan(400);
	await page.waitForURL(/\/design\/[^/?]+$/, { timeout: 60_000 });
	await expect(page.getByTestId('export')).toBeVisible({ timeout: 60_000 });

	// Upload a PNG: a multipart POST, the other request the origin check guards.
	const png = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#d72a1f' } })
		.png()
		.toBuffer();
	const uploaded = page.waitForResponse(
		(r) => r.request().method() === 'POST' && r.url().includes('/api/assets')
	);
	await page
		.getByTestId('upload-input')
		.setInputFiles({ name: '新品.png', mimeType: 'image/png', buffer: png });
	expect((await uploaded).status()).toBe(201);
	await expect(page.locator('[data-layer-id]').filter({ hasText: '新品' })).toHaveCount(1);

	// Export the print PDF and read it with poppler.
	await page.getByTestId('export').click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByRole('button', { name: 'PDF 印刷' }).click();
	const download = page.waitForEvent('download');
	await dialog.getByTestId('export-start').click();
	const pdf = join(mkdtempSync(join(tmpdir(), 'haibao-newcomer-')), 'poster.pdf');
	await (await download).saveAs(pdf);
	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	expect(info).toMatch(/Pages:\s+1/);
	// Its text is real type in embedded subset fonts.
	expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(
		/\+NotoSansSC|\+[A-Za-z]+.*yes\s+yes/
	);
});

test('POSTs from another site are refused; only this machine’s names are answered', async ({
	request,
	baseURL
}) => {
	const foreign = { origin: 'http://evil.example' };
	const form = await request.post(`/new/${TEMPLATE}?/create`, {
		form: { format: 'a3' },
		headers: foreign,
		maxRedirects: 0
	});
	expect(form.status()).toBe(403);
	const upload = await request.post('/api/assets', {
		multipart: { file: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('x') } },
		headers: foreign
	});
	expect(upload.status()).toBe(403);
	// The same POST from the page's own origin gets through the check (400: the form is incomplete,
	// or 303 to the new design: either way not the 403 of the origin check).
	const own = await request.post(`/new/${TEMPLATE}?/create`, {
		form: { format: 'a3' },
		headers: { origin: baseURL! },
		maxRedirects: 0
	});
	expect(own.status()).not.toBe(403);

	// DNS rebinding: a foreign name resolved to this machine gets nothing.
	const url = new URL(baseURL!);
	const status = await new Promise<number>((resolve, reject) => {
		const req = httpRequest(
			{ host: url.hostname, port: url.port, path: '/', headers: { host: `evil.example:${url.port}` } },
			(res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			}
		);
		req.on('error', reject);
		req.end();
	});
	expect(status).toBe(403);
});

test('pages carry security headers', async ({ request }) => {
	const res = await request.get('/');
	const headers = res.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	const csp = headers['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("object-src 'none'");
	expect(csp).toMatch(/script-src 'self'/);
	// Nor is an API answer.
	expect((await request.get('/api/presets')).headers()['x-content-type-options']).toBe('nosniff');
});
