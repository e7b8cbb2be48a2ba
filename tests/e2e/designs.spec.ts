// 我的设计 / My designs: thumbnails from the server painter (cached), rename, duplicate, and delete
// with Undo; the store is the app's real SQLite file.
import { expect, test, type Page } from '@playwright/test';
import { storeDocument, templateDocument } from './editor-fixtures';

const card = (page: Page, title: string) =>
	page
		.getByTestId('design-card')
		.filter({ has: page.getByTestId('design-title').getByText(title, { exact: true }) });

async function thumbLoaded(page: Page, title: string) {
	const img = card(page, title).getByTestId('design-thumb');
	await expect(img).toBeVisible();
	await expect
		.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
		.toBeGreaterThan(100);
}

test('我的设计 lists designs with thumbnails, renames, duplicates, and deletes with 撤销', async ({
	page,
	request
}) => {
	const tag = Date.now().toString(36);
	const title = `端午促销 ${tag}`;
	const { id } = await storeDocument(request, { ...(await templateDocument('sale-burst')), title });

	await page.goto('/');
	await page.getByRole('navigation').getByRole('link', { name: '我的设计' }).click();
	await expect(page).toHaveURL(/\/designs$/);
	await expect(page.getByRole('heading', { name: '我的设计' })).toBeVisible();
	await thumbLoaded(page, title);

	// The thumbnail is the server painter's, cached (a second ask is a cache hit).
	const src = await card(page, title).getByTestId('design-thumb').getAttribute('src');
	expect(src).toContain(`/designs/${id}/thumbnail.png`);
	const again = await request.get(src!);
	expect(again.headers()['content-type']).toBe('image/png');
	expect(again.headers()['x-haibao-cache']).toBe('hit');

	// Rename in place.
	const renamed = `龙舟节海报 ${tag}`;
	await card(page, title).getByTestId('design-rename').click();
	const input = page.getByTestId('design-title-input');
	await expect(input).toBeFocused();
	await input.fill(renamed);
	await input.press('Enter');
	await expect(card(page, renamed)).toHaveCount(1);
	expect((await (await request.get(`/api/documents/${id}`)).json()).document.title).toBe(renamed);
	await thumbLoaded(page, renamed);

	// Duplicate: a second design, titled as a copy.
	await card(page, renamed).getByTestId('design-duplicate').click();
	const copyTitle = `${renamed} 副本`;
	await expect(card(page, copyTitle)).toHaveCount(1);
	await expect(page.getByTestId('designs-notice')).toContainText(`已复制为「${copyTitle}」`);
	await thumbLoaded(page, copyTitle);
	await page.screenshot({ path: 'tests/.tmp/designs-1440.png' });

	// Delete offers 撤销; undoing brings the design back, also after a reload.
	await card(page, renamed).getByTestId('design-delete').click();
	await expect(card(page, renamed)).toHaveCount(0);
	const notice = page.getByTestId('designs-notice');
	await expect(notice).toContainText(`已删除「${renamed}」`);
	expect((await request.get(`/api/documents/${id}`)).status()).toBe(404);
	await notice.getByRole('button', { name: '撤销' }).click();
	await expect(card(page, renamed)).toHaveCount(1);
	await expect(notice).toContainText(`已恢复「${renamed}」`);
	await page.reload();
	await expect(card(page, renamed)).toHaveCount(1);
	expect((await (await request.get(`/api/documents/${id}`)).json()).document.title).toBe(renamed);

	// A delete left alone: the offer goes away after a few seconds and the design stays deleted.
	await card(page, copyTitle).getByTestId('design-delete').click();
	await expect(page.getByTestId('designs-notice')).toContainText('撤销');
	await expect(page.getByTestId('designs-notice')).toHaveCount(0, { timeout: 12_000 });
	await page.reload();
	await expect(card(page, copyTitle)).toHaveCount(0);
	await expect(card(page, renamed)).toHaveCount(1);
	// Leave the shared test store as found: the gallery of later specs lists saved designs.
	expect((await request.delete(`/api/documents/${id}`)).status()).toBe(204);
});

test('My designs in English, and on a phone (390×844)', async ({ browser, request }) => {
	const title = `Dragon boat sale ${Date.now().toString(36)}`;
	const { id } = await storeDocument(request, { ...(await templateDocument('sale-burst', 'en')), title });
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		locale: 'en-GB'
	});
	await context.addCookies([
		{ name: 'haibao-locale', value: 'en', url: test.info().project.use.baseURL ?? 'http://localhost' }
	]);
	const page = await context.newPage();
	await page.goto('/designs');
	await expect(page.getByRole('heading', { name: 'My designs' })).toBeVisible();
	await thumbLoaded(page, title);
	const c = card(page, title);
	for (const name of ['Rename', 'Duplicate', 'Delete'])
		await expect(c.getByRole('button', { name })).toBeVisible();
	// The top bar keeps one row in English (wordmark, both links, language switch).
	expect((await page.locator('header .home').boundingBox())!.height).toBeLessThanOrEqual(40);
	await expect(page.getByRole('navigation').getByRole('link', { name: 'My designs' })).toBeInViewport();
	// The cards fit the phone's width: nothing scrolls sideways.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	const box = (await c.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	await page.screenshot({ path: 'tests/.tmp/designs-390.png' });
	await c.getByRole('button', { name: 'Delete' }).tap();
	await expect(page.getByTestId('designs-notice')).toContainText(`Deleted “${title}”`);
	await page.getByTestId('designs-undo').tap();
	await expect(card(page, title)).toHaveCount(1);
	await context.close();
	expect((await request.delete(`/api/documents/${id}`)).status()).toBe(204);
});
