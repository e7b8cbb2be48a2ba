// The catalogue end to end in Debian Chromium: searching the gallery in Chinese and English, an
// empty category × format pair that names the formats on offer, starting from a blank page (a
// preset, a filtered format, a new custom size), thumbnails of the newer templates, and the
// gallery at desktop and phone sizes (screenshots kept in the test output).
import { expect, test, type Page } from '@playwright/test';

const NEWER = [
	'ecommerce-product-hero',
	'ecommerce-live-flash',
	'festival-lantern',
	'festival-dragon-boat',
	'festival-national-day',
	'festival-christmas',
	'fitness-gym',
	'beauty-salon',
	'real-estate-skyline',
	'real-estate-garden',
	'travel-destination',
	'travel-postcard'
];

const cards = (page: Page) => page.locator('a.card[data-template]');
const shownIds = async (page: Page) =>
	(await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-template')))).sort();

async function search(page: Page, query: string) {
	const box = page.getByRole('searchbox');
	await box.fill(query);
	await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query || null);
}

test('search finds templates by Chinese and English names, categories and tags', async ({ page }) => {
	await page.goto('/');
	const all = await cards(page).count();
	expect(all).toBeGreaterThanOrEqual(24);
	await expect(page.getByRole('searchbox', { name: '搜索模板' })).toBeVisible();

	await search(page, '端午');
	await expect.poll(() => shownIds(page)).toEqual(['festival-dragon-boat']);
	await expect(page.getByTestId('template-count')).toHaveText('共 1 个模板');

	// A category name in Chinese, a tag in English, a name in English with odd case.
	await search(page, '房产');
	await expect.poll(() => shownIds(page)).toEqual(['real-estate-garden', 'real-estate-skyline']);
	await search(page, 'xmas');
	await expect.poll(() => shownIds(page)).toEqual(['festival-christmas']);
	await search(page, 'Postcard');
	await expect.poll(() => shownIds(page)).toEqual(['travel-postcard']);

	// The query survives a reload (?q=) and combines with a category filter.
	await search(page, '旅游');
	await page.reload();
	await expect(page.getByRole('searchbox')).toHaveValue('旅游');
	await expect.poll(() => shownIds(page)).toEqual(['travel-destination', 'travel-postcard']);
	await page.locator('[data-category="festival"]').click();
	await expect(page.getByTestId('gallery-empty')).toContainText('没有与“旅游”匹配的模板');
	await page.getByTestId('gallery-empty').getByRole('button', { name: '清除搜索' }).click();
	await expect(page.getByRole('searchbox')).toHaveValue('');
	await expect.poll(() => cards(page).count()).toBe(4);

	// English interface: English queries and messages.
	await page.locator('[data-locale="en"]').click();
	await page.locator('[data-category="all"]').click();
	await expect(page.getByRole('searchbox', { name: 'Search templates' })).toBeVisible();
	await search(page, 'real estate');
	await expect.poll(() => shownIds(page)).toEqual(['real-estate-garden', 'real-estate-skyline']);
	await search(page, 'gym');
	await expect.poll(() => shownIds(page)).toEqual(['fitness-gym']);
	await search(page, 'zzzq');
	await expect(page.getByTestId('gallery-empty')).toContainText('No template matches “zzzq”');
	await page.getByRole('button', { name: 'Clear search' }).first().click();
	await expect.poll(() => cards(page).count()).toBe(all);
	await page.locator('[data-locale="zh"]').click();
});

test('an empty category × format pair says which formats the category offers', async ({ page }, testInfo) => {
	await page.goto('/?category=festival&format=screen-1920x1080');
	const empty = page.getByTestId('gallery-empty');
	await expect(empty).toContainText('“节日”分类还没有“横屏 16:9”尺寸的模板');
	await empty.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('gallery-empty-pair.png') });
	const offered = empty.getByTestId('offered-formats').locator('[data-format]');
	const ids = await offered.evaluateAll((els) => els.map((e) => e.getAttribute('data-format')));
	expect(ids).toEqual(expect.arrayContaining(['a3', 'rollup-80x200', 'xhs-1242x1660', 'banner-300x70']));
	expect(ids).not.toContain('screen-1920x1080');
	await offered.filter({ hasText: '易拉宝' }).click();
	await expect(page).toHaveURL(/format=rollup-80x200/);
	await expect
		.poll(() => shownIds(page))
		.toEqual(['festival-christmas', 'festival-lantern', 'festival-national-day']);

	// In English too, with the blank page of the asked format on offer.
	await page.locator('[data-locale="en"]').click();
	await page.goto('/?category=travel&format=screen-1920x1080');
	await expect(page.getByTestId('gallery-empty')).toContainText(
		'No Travel template comes in Screen / slide 16:9 yet.'
	);
	await expect(page.getByRole('button', { name: 'Start a blank Screen / slide 16:9 page' })).toBeVisible();
	await page.locator('[data-locale="zh"]').click();
});

async function openedDocument(page: Page) {
	await expect(page).toHaveURL(/\/design\/[^/]+$/, { timeout: 30_000 });
	const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
	const response = await page.request.get(`/api/documents/${encodeURIComponent(id)}`);
	expect(response.ok()).toBe(true);
	return (await response.json()).document as {
		page: { preset: string; width: number; height: number };
		layers: unknown[];
	};
}

test('start from a blank page: a preset, the filtered format, a new custom size', async ({
	page,
	request
}, testInfo) => {
	await request.delete('/api/presets/custom-1000x500px');
	await page.goto('/');
	await page.getByTestId('blank-card').getByRole('link', { name: '从空白开始' }).click();
	const panel = page.getByTestId('blank-panel');
	await expect(panel.getByRole('heading', { name: '选择空白画布的尺寸' })).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('blank-panel.png') });
	await panel.locator('button[data-format="a3"]').click();
	let doc = await openedDocument(page);
	expect(doc.page.preset).toBe('a3');
	expect(doc.page.width).toBeCloseTo((297 / 25.4) * 72, 1);
	expect(doc.layers).toEqual([]);
	await expect(page.locator('canvas').first()).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('blank-editor-a3.png') });

	// With a format filter the card makes that format at once.
	await page.goto('/?format=xhs-1242x1660');
	await page.getByTestId('blank-card').getByRole('button', { name: '空白 小红书封面 3:4' }).click();
	doc = await openedDocument(page);
	expect(doc.page).toMatchObject({ preset: 'xhs-1242x1660', width: 1242, height: 1660 });

	// A new custom size in px, saved and used in one go.
	await page.goto('/');
	await page.getByTestId('blank-card').getByRole('link', { name: '从空白开始' }).click();
	await page.getByRole('button', { name: '自定义尺寸' }).click();
	const editor = page.getByTestId('blank-panel');
	await editor.locator('[data-unit="px"]').click();
	await editor.getByTestId('custom-width').fill('1000');
	await editor.getByTestId('custom-height').fill('500');
	await editor.getByRole('button', { name: '保存并使用' }).click();
	doc = await openedDocument(page);
	expect(doc.page).toMatchObject({ preset: 'custom-1000x500px', width: 1000, height: 500 });

	// Saved custom sizes are offered for blank pages from then on.
	await page.goto('/new/blank');
	await expect(page.locator('button[data-format="custom-1000x500px"]')).toBeVisible();
});

test('thumbnails of the newer templates render, and the gallery looks right at 1440×900 and 390×844', async ({
	page
}, testInfo) => {
	await page.goto('/');
	for (const id of NEWER) {
		const img = page.locator(`a.card[data-template="${id}"] img`);
		const src = await img.getAttribute('src');
		const response = await page.request.get(src!);
		expect(response.ok(), id).toBe(true);
		expect(response.headers()['content-type'], id).toContain('image/png');
		expect((await response.body()).length, id).toBeGreaterThan(2000);
	}
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: testInfo.outputPath('gallery-1440x900.png') });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/?q=%E8%8A%82%E6%97%A5');
	await expect.poll(() => cards(page).count()).toBe(4);
	await page.getByRole('searchbox').scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('gallery-390x844.png') });
	// Nothing sticks out sideways on a phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
