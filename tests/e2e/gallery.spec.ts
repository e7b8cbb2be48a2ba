// The app pages end to end in Debian Chromium: the gallery (language switch, filters, thumbnails
// drawn by the server painter), the field form (typing Chinese, live prompt, format picker,
// validation), creating a design, and finding it saved after a reload.
import { expect, test, type Page } from '@playwright/test';

// concert-neon: its headline sits on the generated image, so the model may draw it.
const TEMPLATE = 'concert-neon';
const CATEGORY = 'concert';
/** Validation runs on another template: sale-burst's 主标题 allows 60 characters. */
const SALE = 'sale-burst';
const HEADLINE = '国庆黄金周特惠';
const TYPED = '春季新品';

async function imageLoaded(page: Page, selector: string) {
	await expect
		.poll(
			() =>
				page
					.locator(selector)
					.first()
					.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
			{ timeout: 60_000 }
		)
		.toBe(true);
}

test('gallery → form → create → the design is saved', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('从一张好模板开始');

	// English and back; the choice survives a reload (cookie haibao-locale).
	await page.locator('[data-locale="en"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start from a great template');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start from a great template');
	expect((await page.context().cookies()).find((c) => c.name === 'haibao-locale')?.value).toBe('en');
	await page.locator('[data-locale="zh"]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('从一张好模板开始');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

	// Thumbnails are real PNGs rendered from the templates.
	const cards = page.locator('a.card[data-template]');
	const all = await cards.count();
	expect(all).toBeGreaterThanOrEqual(12);
	await imageLoaded(page, `a.card[data-template="${TEMPLATE}"] img`);

	// Filter by category: only sale templates remain, and the URL says so.
	await page.locator(`[data-category="${CATEGORY}"]`).click();
	await expect(page).toHaveURL(new RegExp(`category=${CATEGORY}`));
	await expect.poll(() => cards.count()).toBeLessThan(all);
	for (const label of await page.locator('a.card .cat').allTextContents()) expect(label).toBe('演出');
	// Filter by format too, then clear it again.
	await page.locator('[data-format="xhs-1242x1660"]').click();
	await expect(page).toHaveURL(/format=xhs-1242x1660/);
	await expect(page.locator(`a.card[data-template="${TEMPLATE}"]`)).toBeVisible();
	await page.locator('[data-format="all"]').click();

	await page.locator(`a.card[data-template="${TEMPLATE}"]`).click();
	await expect(page).toHaveURL(new RegExp(`/new/${TEMPLATE}`));
	await expect(page.getByTestId('live-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

	// Let the model draw the headline, so the prompt quotes it word for word.
	const headline = page.locator('[data-field="headline"]');
	await headline.locator('[data-mode="model"]').click();
	const input = page.locator('#field-headline');
	await input.fill(HEADLINE);
	await expect(page.getByTestId('prompt-text')).toContainText(`"${HEADLINE}"`);
	await expect(page.getByTestId('count-headline')).toHaveText(`${[...HEADLINE].length}/80`);

	// A real keyboard (IME-style insertText) updates the same way.
	await input.fill('');
	await input.focus();
	await page.keyboard.insertText(TYPED);
	await expect(input).toHaveValue(TYPED);
	await expect(page.getByTestId('prompt-text')).toContainText(`"${TYPED}"`);
	await expect(page.getByTestId('prompt-tokens')).toContainText('token');

	// Pick the 小红书 cover format; the preview redraws for it.
	await page.locator('label[data-format="xhs-1242x1660"]').click();
	await expect(page).toHaveURL(/format=xhs-1242x1660/);
	await expect(page.getByTestId('live-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

	await page.getByTestId('create').click();
	await page.waitForURL(/\/design\/[^/?]+$/, { timeout: 60_000 });
	const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

	// Saved: through the documents API…
	const response = await page.request.get(`/api/documents/${encodeURIComponent(id)}`);
	expect(response.status()).toBe(200);
	const { document, revision } = await response.json();
	expect(revision).toBeGreaterThanOrEqual(1);
	expect(document.id).toBe(id);
	expect(typeof document.title === 'string' && document.title.length > 0).toBe(true);
	expect(document.page.preset).toBe('xhs-1242x1660');
	expect(document.source).toMatchObject({ templateId: TEMPLATE, formatId: 'xhs-1242x1660', locale: 'zh' });
	expect(document.source.values.headline).toBe(TYPED);
	const headlineLayer = JSON.stringify(document.layers).includes(TYPED);
	expect(headlineLayer).toBe(true);

	// …and after a reload the design page and the gallery still have it.
	await page.reload();
	await expect(page).toHaveURL(new RegExp(`/design/${id}$`));
	await expect(page).toHaveTitle(new RegExp(document.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	await page.goto('/');
	const saved = page.locator(`a[data-design="${id}"]`);
	await expect(saved).toContainText(document.title);
	await imageLoaded(page, `a[data-design="${id}"] img`);
});

test('an over-long headline shows the message in both languages and blocks creation', async ({ page }) => {
	const countDocuments = async () =>
		((await (await page.request.get('/api/documents')).json()) as { documents: unknown[] }).documents.length;
	const before = await countDocuments();

	await page.goto(`/new/${SALE}`);
	const tooLong = '超长标题'.repeat(16); // 64 characters, the field allows 60
	await page.locator('#field-headline').fill(tooLong);
	const error = page.getByTestId('error-headline');
	await expect(error).toHaveText('“主标题”最多 60 个字，现在是 64 个');
	await expect(page.getByTestId('count-headline')).toHaveText('64/60');

	await page.getByTestId('create').click();
	await expect(page.getByTestId('form-blocked')).toHaveText('请先修正标红的内容');
	await expect(page).toHaveURL(new RegExp(`/new/${SALE}`));
	await expect(page.locator('#field-headline')).toBeFocused();

	await page.locator('[data-locale="en"]').click();
	await expect(error).toHaveText('"Headline" is at most 60 characters (now 64).');
	await expect(page.getByTestId('form-blocked')).toHaveText('Please fix the fields marked in red');
	await expect(page.locator('#field-headline')).toHaveValue(tooLong);

	// The server refuses it too (a form post without JavaScript), and nothing was saved.
	const post = await page.request.post(`/new/${SALE}?/create`, {
		form: { 'field:headline': tooLong, format: 'a3' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(post.status()).toBe(400);
	expect(await post.text()).toContain('at most 60 characters');
	expect(await countDocuments()).toBe(before);
	await page.locator('[data-locale="zh"]').click();
});
