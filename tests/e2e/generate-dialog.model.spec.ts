// The editor's AI picture dialog on the TINY test model (this spec runs against the server that
// playwright.config.ts starts with ZIMAGE_MODEL_DIR at the paced tiny model): the user's own description
// prefilled from the template's in their language, technical settings behind 高级/Advanced, results
// visible without scrolling, and the dialog closing once a result is placed.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ImageLayer, PosterDocument } from '../../src/lib/document/schema';
import { storeDocument, templateDocument } from './editor-fixtures';

type Win = {
	__haibao: { editor: { doc: PosterDocument } };
	__haibaoCanvas: { shapes: Map<string, unknown> };
};

async function openEditor(page: Page, id: string) {
	await page.goto(`/design/${id}`);
	await page.waitForFunction(() => {
		const c = (window as unknown as Partial<Win>).__haibaoCanvas;
		return !!c && c.shapes.size > 0;
	});
}

const imageLayer = (page: Page, id: string) =>
	page.evaluate(
		(id) => (window as unknown as Win).__haibao.editor.doc.layers.find((l) => l.id === id) as ImageLayer,
		id
	);

/** The element is inside the dialog's visible area and the window: seen without scrolling. */
async function seenWithoutScrolling(dialog: Locator, element: Locator, viewportHeight: number) {
	expect(await dialog.evaluate((d) => d.scrollTop)).toBe(0);
	const d = (await dialog.boundingBox())!;
	const e = (await element.boundingBox())!;
	expect(e.y).toBeGreaterThanOrEqual(d.y);
	expect(e.y + e.height).toBeLessThanOrEqual(Math.min(d.y + d.height, viewportHeight));
}

async function templateDescription(
	page: Page,
	doc: PosterDocument,
	locale: 'zh' | 'en'
): Promise<{ prompt: string; size: { width: number; height: number } }> {
	const res = await page.request.post('/api/generate/prompt', {
		data: {
			templateId: doc.source!.templateId,
			values: doc.source!.values,
			formatId: doc.source!.formatId,
			locale
		}
	});
	expect(res.status()).toBe(200);
	return res.json();
}

test('the AI picture dialog takes the user’s own description, shows results in view and closes once one is placed (tiny model)', async ({
	page,
	request
}) => {
	const status = await (await request.get('/api/generation/status')).json();
	expect(status.configured, 'server started without ZIMAGE_MODEL_DIR').toBe(true);
	const doc = await templateDocument('restaurant-warm-table');
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);

	await page.getByTestId('generate').click();
	const dialog = page.getByTestId('generate-dialog');
	await expect(dialog).toBeVisible();
	// Prefilled with the template's description, in Chinese (the UI language).
	const description = dialog.getByTestId('generate-description');
	const { prompt: zhPrompt, size } = await templateDescription(page, doc, 'zh');
	await expect(description).toHaveValue(zhPrompt);
	expect(zhPrompt).toMatch(/\p{Script=Han}{10}/u);

	// Seed, size and tokens sit behind 高级, closed at first.
	const advanced = dialog.getByTestId('generate-advanced');
	await expect(dialog.getByTestId('generate-seed')).toBeHidden();
	await advanced.getByText('高级').click();
	await expect(dialog.getByTestId('generate-seed')).toBeVisible();
	await expect(dialog.getByTestId('generate-tokens')).toContainText('token');
	// The size starts as the template's recommendation for its picture slot.
	await expect(dialog.getByTestId('generate-width')).toHaveValue(String(size.width));
	await expect(dialog.getByTestId('generate-height')).toHaveValue(String(size.height));
	await dialog.getByTestId('generate-width').fill('64');
	await dialog.getByTestId('generate-height').fill('64');
	await advanced.getByText('高级').click();
	await expect(dialog.getByTestId('generate-seed')).toBeHidden();

	// An empty description is refused with a clear message; the user's own words are what is sent.
	await description.fill('');
	await dialog.getByTestId('generate-button').click();
	await expect(dialog.getByTestId('generate-description-error')).toContainText('请先描述想要的画面');
	const mine = '木桌上的一碗热腾腾的牛肉面，暖黄灯光，画面中没有文字';
	await description.fill(mine);
	await expect(dialog.getByTestId('generate-reset-description')).toBeVisible();
	await dialog.getByTestId('generate-count').selectOption('2');
	const submitted = page.waitForRequest((r) => r.url().endsWith('/api/generate') && r.method() === 'POST');
	await dialog.getByTestId('generate-button').click();
	expect((await submitted).postDataJSON()).toMatchObject({ prompt: mine, width: 64, height: 64, count: 2 });

	const results = dialog.getByTestId('generate-choose');
	await expect(results).toHaveCount(2, { timeout: 30_000 });
	await expect(results.first().locator('img')).toHaveJSProperty('complete', true);
	await seenWithoutScrolling(dialog, results.first(), 900);
	await page.screenshot({ path: 'tests/.tmp/generate-dialog-1440.png' });

	// Placing a result closes the dialog and puts the picture, with the description, on the layer.
	const assetId = (await results.first().locator('img').getAttribute('src'))!.split('/').pop();
	await results.first().click();
	await expect(dialog).toHaveCount(0);
	await expect(page.getByTestId('toast')).toContainText('已换上新图片');
	const layer = await imageLayer(page, 'dish');
	expect(layer.assetId).toBe(assetId);
	expect(layer.generation?.prompt).toBe(mine);

	// Next time, the description starts again from the template's.
	await page.getByTestId('generate').click();
	await expect(page.getByTestId('generate-description')).toHaveValue(zhPrompt);
});

test('in English the description is the template’s English one; on a phone the dialog fills the screen (tiny model)', async ({
	browser,
	request
}) => {
	const status = await (await request.get('/api/generation/status')).json();
	expect(status.configured, 'server started without ZIMAGE_MODEL_DIR').toBe(true);
	const doc = await templateDocument('sale-burst');
	const { id } = await storeDocument(request, doc);
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	await context.addCookies([
		{ name: 'haibao-locale', value: 'en', url: test.info().project.use.baseURL ?? 'http://localhost' }
	]);
	const page = await context.newPage();
	await openEditor(page, id);
	// On a phone the dialog opens from the bottom bar: 图片/Image → Generate with AI.
	await page.getByTestId('m-image').tap();
	await page.getByTestId('m-generate').tap();
	const dialog = page.getByTestId('generate-dialog');
	await expect(dialog).toBeVisible();
	const { prompt: enPrompt } = await templateDescription(page, doc, 'en');
	await expect(dialog.getByTestId('generate-description')).toHaveValue(enPrompt);
	expect(enPrompt).not.toMatch(/\p{Script=Han}{4}/u);
	await expect(dialog.getByText('Advanced')).toBeVisible();
	const box = (await dialog.boundingBox())!;
	expect(box.width).toBeGreaterThanOrEqual(389);
	await dialog.getByText('Advanced').tap();
	await dialog.getByTestId('generate-width').fill('64');
	await dialog.getByTestId('generate-height').fill('64');
	await dialog.getByText('Advanced').tap();
	await dialog.getByTestId('generate-button').tap();
	const result = dialog.getByTestId('generate-choose').first();
	await expect(result).toBeVisible({ timeout: 30_000 });
	await seenWithoutScrolling(dialog, result, 844);
	await page.screenshot({ path: 'tests/.tmp/generate-dialog-390.png' });
	await result.tap();
	await expect(dialog).toHaveCount(0);
	await context.close();
});
