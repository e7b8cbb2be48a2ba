// Generation end to end, on the TINY test model: this spec runs against the server that
// playwright.config.ts starts with `npm start` and ZIMAGE_MODEL_DIR=tests/fixtures/tiny-zimage-paced
// (a tiny stand-in whose steps take real time, so per-step progress and cancel can be seen).
import { expect, test, type APIRequestContext } from '@playwright/test';

/** This project's server runs with ZIMAGE_MODEL_DIR set: generation must be on (never skipped). */
async function expectGenerationConfigured(request: APIRequestContext): Promise<void> {
	const status = await (await request.get('/api/generation/status')).json();
	expect(status.configured, 'server started without ZIMAGE_MODEL_DIR').toBe(true);
}

test('SSE streams one progress event per step and ends with a stored PNG (tiny model)', async ({
	request
}) => {
	await expectGenerationConfigured(request);
	const res = await request.post('/api/generate', {
		data: { prompt: '红色海报 "新春快乐"', width: 64, height: 48, seed: 11 }
	});
	expect(res.status()).toBe(202);
	const { jobs, model } = await res.json();
	expect(model).toBe('tiny test model (not Z-Image-Turbo)');
	const stream = await request.get(`/api/jobs/${jobs[0].id}/events`);
	expect(stream.headers()['content-type']).toContain('text/event-stream');
	const events = (await stream.text())
		.split('\n\n')
		.filter((e) => e.startsWith('event: job'))
		.map((e) => JSON.parse(e.slice(e.indexOf('data: ') + 6)));
	const steps = events
		.filter((e) => e.progress.phase === 'denoising' && e.progress.step > 0)
		.map((e) => e.progress.step);
	expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	const last = events.at(-1);
	expect(last.status).toBe('done');
	const asset = await request.get(`/api/assets/${last.assetId}`);
	expect(asset.headers()['content-type']).toBe('image/png');
});

test('the template form generates variations with live progress, cancels, and offers results to choose (tiny model)', async ({
	page,
	request
}) => {
	await expectGenerationConfigured(request);
	await page.goto('/new/restaurant-warm-table');
	const panel = page.getByTestId('generate-panel');
	await expect(panel).toBeVisible();
	// The Chinese UI shows the model's Chinese label; the stored name stays the manifest's name.
	await expect(panel.getByTestId('generate-model')).toContainText('测试用小模型（不是 Z-Image-Turbo）');
	await panel.getByText('高级').click(); // size and seed sit behind 高级
	await panel.getByTestId('generate-width').fill('128');
	await panel.getByTestId('generate-height').fill('96');
	await panel.getByTestId('generate-count').selectOption('2');
	await panel.getByTestId('generate-button').click();

	// Live progress: the bar of the running job advances step by step.
	const bar = panel.getByTestId('generate-progress').first();
	await expect(bar).toHaveAttribute('aria-valuenow', /^[1-7]$/);
	await expect(panel.getByTestId('generate-choose')).toHaveCount(2, { timeout: 30_000 });
	await panel.getByTestId('generate-choose').first().click();
	await expect(panel.locator('li.chosen')).toHaveCount(1);
	await expect(panel.getByTestId('generate-model')).toContainText('测试用小模型（不是 Z-Image-Turbo）');
	await panel.screenshot({ path: 'tests/.tmp/generate-panel.png' });

	// Cancel a running job: it stops and leaves no image.
	await panel.getByTestId('generate-button').click();
	await expect(panel.getByTestId('generate-progress').first()).toHaveAttribute('aria-valuenow', /^[1-6]$/);
	await panel.getByTestId('generate-cancel').click();
	await expect(panel.locator('li[data-status="cancelled"]')).toHaveCount(1);
	await expect(panel.getByTestId('generate-choose')).toHaveCount(2);
});

test('a size that is not a multiple of 16 is refused before anything runs', async ({ page, request }) => {
	await expectGenerationConfigured(request);
	const res = await request.post('/api/generate', {
		data: { prompt: 'x', width: 1000, height: 1024 },
		headers: { cookie: 'haibao-locale=en' }
	});
	expect(res.status()).toBe(400);
	expect((await res.json()).message).toMatch(/width 1000 is not a multiple of 16/);
	await page.goto('/new/restaurant-warm-table');
	const panel = page.getByTestId('generate-panel');
	await panel.getByText('高级').click();
	await panel.getByTestId('generate-width').fill('1000');
	await expect(panel.getByTestId('generate-size-error')).toBeVisible();
	await expect(panel.getByTestId('generate-button')).toBeDisabled();
});

test('an image generated on the form goes into the new design (tiny model)', async ({ page, request }) => {
	await expectGenerationConfigured(request);

	await page.goto('/new/concert-neon');
	const preview = page.getByTestId('live-preview');
	await expect(preview).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	const before = await preview.locator('img').getAttribute('src');

	const panel = page.getByTestId('generate-panel');
	await panel.getByText('高级').click(); // size and seed sit behind 高级
	await panel.getByTestId('generate-width').fill('64');
	await panel.getByTestId('generate-height').fill('96');
	await panel.getByTestId('generate-button').click();
	await expect(panel.getByTestId('generate-choose')).toHaveCount(1, { timeout: 30_000 });
	await panel.getByTestId('generate-choose').first().click();

	// The form says the image is chosen and the poster preview redraws with it.
	await expect(page.getByTestId('generated-chosen')).toBeVisible();
	await expect.poll(() => preview.locator('img').getAttribute('src'), { timeout: 30_000 }).not.toBe(before);
	await expect(preview).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

	await page.getByTestId('create').click();
	await page.waitForURL(/\/design\/[^/?]+$/, { timeout: 60_000 });
	const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
	const { document } = await (await request.get(`/api/documents/${encodeURIComponent(id)}`)).json();
	type Layer = {
		type: string;
		assetId?: string | null;
		generation?: { model: string; seed: number; prompt: string } | null;
	};
	const generated = (document.layers as Layer[]).filter((l) => l.type === 'image' && l.generation);
	expect(generated.length).toBeGreaterThanOrEqual(1);
	expect(generated[0].assetId).toBeTruthy();
	expect(generated[0].generation!.model).toContain('tiny');
	expect(generated[0].generation!.prompt.length).toBeGreaterThan(20);
	const asset = await request.get(`/api/assets/${generated[0].assetId}`);
	expect(asset.headers()['content-type']).toBe('image/png');
});
