// Export end to end: the API (file download, job + progress, preflight) on the built app, and the
// editor's export dialog downloading a PNG and a PDF in Debian Chromium.
import { expect, test } from '@playwright/test';
import { storeDocument, templateDocument } from './editor-fixtures';

test('POST /api/export answers a PNG download at the asked dpi', async ({ request }) => {
	const doc = await templateDocument('sale-burst');
	const res = await request.post('/api/export', { data: { document: doc, format: 'png', dpi: 36 } });
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('image/png');
	expect(res.headers()['content-disposition']).toMatch(/^attachment; filename=".*\.png"; filename\*=UTF-8''/);
	const png = await res.body();
	// A3 at 36 dpi: 421 × 595 px in the IHDR.
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([421, 595]);
});

test('an async export reports progress and serves the PDF; bad settings get a clear 400', async ({
	request
}) => {
	const stored = await storeDocument(request, await templateDocument('launch-spotlight'));
	const started = await request.post('/api/export', {
		data: { documentId: stored.id, format: 'pdf', marks: true, async: true }
	});
	expect(started.status()).toBe(202);
	const { id } = await started.json();
	let status: { state: string; progress: number; url?: string } = { state: 'queued', progress: 0 };
	for (let i = 0; i < 100 && status.state !== 'done' && status.state !== 'failed'; i++) {
		status = await (await request.get(`/api/export/${id}`)).json();
		if (status.state !== 'done') await new Promise((r) => setTimeout(r, 200));
	}
	expect(status.state).toBe('done');
	expect(status.progress).toBe(1);
	const file = await request.get(status.url!);
	expect(file.headers()['content-type']).toBe('application/pdf');
	expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');

	const bad = await request.post('/api/export', { data: { documentId: stored.id, format: 'tiff' } });
	expect(bad.status()).toBe(400);
	expect((await bad.json()).message).toContain('format');
	const missing = await request.post('/api/export', { data: { documentId: 'nope', format: 'png' } });
	expect(missing.status()).toBe(404);
});

test('POST /api/preflight lists problems with layer ids in both languages', async ({ request }) => {
	const doc = await templateDocument('sale-burst');
	const res = await request.post('/api/preflight', { data: { document: doc } });
	expect(res.status()).toBe(200);
	const report = await res.json();
	expect(report.dpiThreshold).toBe(150);
	// The template's picture frame is still empty.
	const empty = report.issues.find((i: { code: string }) => i.code === 'empty-frame');
	expect(empty.layerId).toBe('hero');
	expect(empty.message.zh).toContain('图片框');
	expect(empty.message.en).toContain('image frame');
});

test('the editor export dialog shows preflight and downloads a PNG and a PDF', async ({ page, request }) => {
	const stored = await storeDocument(request, await templateDocument('sale-burst'));
	await page.goto(`/design/${stored.id}`);
	await page.getByTestId('export').click();
	const dialog = page.getByTestId('export-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.getByTestId('preflight')).toContainText('印前检查发现');
	await dialog.getByRole('button', { name: 'PNG' }).click();
	await dialog.getByRole('combobox').selectOption('72');
	// A3 with its 3 mm bleed at 72 dpi, then without the bleed.
	await expect(dialog.getByTestId('export-pixels')).toContainText('859 × 1208 px');
	await dialog.getByRole('checkbox', { name: /出血/ }).uncheck();
	await expect(dialog.getByTestId('export-pixels')).toContainText('842 × 1191 px');
	await page.screenshot({ path: 'tests/.tmp/export-dialog.png' });
	const pngDownload = page.waitForEvent('download');
	await dialog.getByTestId('export-start').click();
	const png = await pngDownload;
	expect(png.suggestedFilename()).toMatch(/\.png$/);
	await expect(dialog.getByTestId('export-progress')).toContainText('完成');

	await dialog.getByRole('button', { name: 'PDF 印刷' }).click();
	const pdfDownload = page.waitForEvent('download');
	await dialog.getByTestId('export-start').click();
	expect((await pdfDownload).suggestedFilename()).toMatch(/\.pdf$/);
});

test('a long export can be cancelled from the dialog, and the server keeps answering meanwhile', async ({
	page,
	request
}) => {
	const stored = await storeDocument(request, await templateDocument('sale-burst'));
	await page.goto(`/design/${stored.id}`);
	await page.getByTestId('export').click();
	const dialog = page.getByTestId('export-dialog');
	await dialog.getByRole('button', { name: 'PNG' }).click();
	await dialog.getByRole('combobox').selectOption('600');
	await dialog.getByTestId('export-start').click();
	const cancel = dialog.getByTestId('export-cancel');
	await expect(cancel).toBeVisible();
	// The A3 at 600 dpi renders in a worker thread: other requests are answered at once (loosely
	// timed here on a shared machine; `npm run bench jobs` measures the event loop).
	const started = Date.now();
	expect((await request.get('/api/presets')).ok()).toBe(true);
	expect(Date.now() - started).toBeLessThan(2000);
	await cancel.click();
	await expect(dialog.getByRole('alert')).toContainText('导出已取消');
	await expect(dialog.getByTestId('export-start')).toBeEnabled();
	await page.screenshot({ path: 'tests/.tmp/export-cancelled.png' });
});
