// Custom sizes end to end in Debian Chromium: adding 500×900 mm on the template form (selected,
// previewed, created as a document of that size), refusing a size that is too small in the user's
// language, removing a saved size, and resizing a design in the editor to a new pixel size.
import { expect, test, type Page } from '@playwright/test';
import { storeDocument, templateDocument } from './editor-fixtures';
import type { PosterDocument } from '../../src/lib/document/schema';

const TEMPLATE = 'sale-burst';
const CUSTOM = 'custom-500x900mm';
const mmToPt = (mm: number) => (mm * 72) / 25.4;

async function documentOf(page: Page, id: string): Promise<PosterDocument> {
	const response = await page.request.get(`/api/documents/${encodeURIComponent(id)}`);
	expect(response.status()).toBe(200);
	return (await response.json()).document as PosterDocument;
}

/** The live preview's picture size once it has loaded. */
async function previewSize(page: Page) {
	const img = page.getByTestId('live-preview').locator('img');
	await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
	return img.evaluate((i: HTMLImageElement) => ({ src: i.src, w: i.naturalWidth, h: i.naturalHeight }));
}

test.beforeEach(async ({ request }) => {
	// Sizes saved by an earlier run would change what the picker shows.
	for (const id of [CUSTOM, 'custom-1080x1350px']) await request.delete(`/api/presets/${id}`);
});

test('a custom size on the form: refused when too small, saved, selected, previewed and created', async ({
	page
}) => {
	await page.goto(`/new/${TEMPLATE}`);
	const preview = page.getByTestId('live-preview');
	await expect(preview).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	const before = await previewSize(page);

	await page.getByTestId('custom-size').click();
	const editor = page.getByTestId('custom-size-editor');
	await expect(editor).toContainText('新建自定义尺寸');
	await expect(editor.locator('[data-unit="mm"]')).toHaveAttribute('aria-checked', 'true');

	// 5 mm is below the 10 mm minimum: the Chinese message, and nothing is saved.
	await editor.getByTestId('custom-width').fill('5');
	await editor.getByTestId('custom-height').fill('900');
	await editor.getByTestId('custom-save').click();
	await expect(editor.getByTestId('custom-size-error')).toHaveText(
		'印刷尺寸的宽和高须在 10–5000 毫米之间（PDF 页面上限）'
	);
	// The server refuses it too, in the user's language.
	const refused = await page.request.post('/api/presets', { data: { widthMm: 5, heightMm: 900 } });
	expect(refused.status()).toBe(400);
	expect((await refused.json()).message).toContain('自定义尺寸无效');

	await editor.getByTestId('custom-width').fill('500');
	await expect(editor.getByTestId('custom-size-error')).toHaveCount(0);
	await editor.getByTestId('custom-name').fill('门店海报');
	// Enter saves the size; it must not submit the template form.
	await editor.getByTestId('custom-name').press('Enter');
	await expect(editor).toHaveCount(0);

	const card = page.locator(`label[data-format="${CUSTOM}"]`);
	await expect(card).toContainText('门店海报');
	await expect(card).toContainText('500×900 mm');
	await expect(card.locator('input[type="radio"]')).toBeChecked();
	await expect(page).toHaveURL(new RegExp(`format=${CUSTOM}`));
	expect(page.url()).toContain('/new/');

	// The preview redraws on the new page shape (500:900).
	await expect.poll(async () => (await previewSize(page)).src, { timeout: 60_000 }).not.toBe(before.src);
	await expect(preview).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	const after = await previewSize(page);
	expect(after.w / after.h).toBeCloseTo(500 / 900, 2);
	await expect(page.getByTestId('prompt-text')).not.toBeEmpty();

	await page.getByTestId('create').click();
	await page.waitForURL(/\/design\/[^/?]+$/, { timeout: 60_000 });
	const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
	const doc = await documentOf(page, id);
	expect(doc.page.preset).toBe(CUSTOM);
	expect(Math.abs(doc.page.width - mmToPt(500))).toBeLessThan(0.1);
	expect(Math.abs(doc.page.height - mmToPt(900))).toBeLessThan(0.1);
	expect(doc.source?.formatId).toBe(CUSTOM);

	// The saved size is offered again (loaded by the server) and can be removed there.
	await page.goto(`/new/${TEMPLATE}?format=${CUSTOM}`);
	await expect(card.locator('input[type="radio"]')).toBeChecked();
	await card.getByRole('button', { name: '删除自定义尺寸“门店海报”' }).click();
	await expect(card).toHaveCount(0);
	await expect(page.locator('label[data-format] input:checked')).toHaveCount(1);
	const { custom } = await (await page.request.get('/api/presets')).json();
	expect(custom.map((p: { id: string }) => p.id)).not.toContain(CUSTOM);
	// The design made with it still opens at its size (the id encodes the size).
	expect((await documentOf(page, id)).page.preset).toBe(CUSTOM);
});

test('the size editor is all English in the English UI', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'haibao-locale', value: 'en', url: baseURL! }]);
	await page.goto(`/new/${TEMPLATE}`);
	// Hydrated once the preview (drawn from the browser's request) is up.
	await expect(page.getByTestId('live-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await page.getByTestId('custom-size').click();
	const editor = page.getByTestId('custom-size-editor');
	await expect(editor).toContainText('New custom size');
	await editor.locator('[data-unit="px"]').click();
	await editor.getByTestId('custom-width').fill('10');
	await editor.getByTestId('custom-height').fill('1000');
	await editor.getByTestId('custom-save').click();
	await expect(editor.getByTestId('custom-size-error')).toHaveText(
		'Screen sizes must be 64–12000 px on each side'
	);
	await expect(editor).not.toContainText(/[\u4e00-\u9fff]/);
});

test('the editor resizes a design to a new custom pixel size as a new document', async ({
	page,
	request
}) => {
	const { id } = await storeDocument(request, await templateDocument(TEMPLATE, 'zh'));
	await page.goto(`/design/${id}`);
	// The editor is ready (hydrated) once its canvas has drawn the layers.
	await page.waitForFunction(() => {
		const c = (window as unknown as { __haibaoCanvas?: { shapes: Map<string, unknown> } }).__haibaoCanvas;
		return !!c && c.shapes.size > 0;
	});
	await page.getByRole('button', { name: '调整尺寸' }).click();
	const dialog = page.getByTestId('resize');
	await dialog.getByTestId('custom-size').click();
	const editor = dialog.getByTestId('custom-size-editor');
	await editor.locator('[data-unit="px"]').click();
	await editor.getByTestId('custom-width').fill('1080');
	await editor.getByTestId('custom-height').fill('1350');
	await editor.getByTestId('custom-save').click();
	const chosen = dialog.locator('button[data-preset="custom-1080x1350px"]');
	await expect(chosen).toHaveAttribute('aria-pressed', 'true');
	await expect(chosen).toContainText('1080×1350 px');

	await dialog.locator('.btn-primary').click();
	await page.waitForURL((url) => url.pathname.startsWith('/design/') && !url.pathname.endsWith(id), {
		timeout: 60_000
	});
	const newId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
	const doc = await documentOf(page, newId);
	expect(doc.page.preset).toBe('custom-1080x1350px');
	expect(doc.page.width).toBeCloseTo(1080, 1);
	expect(doc.page.height).toBeCloseTo(1350, 1);
	expect(doc.layers.length).toBeGreaterThan(0);
	// The original keeps its format.
	expect((await documentOf(page, id)).page.preset).not.toBe('custom-1080x1350px');
});
