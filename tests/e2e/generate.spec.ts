// Generation end to end, on the TINY test model. The server must run with
//   ZIMAGE_MODEL_DIR=tests/fixtures/tiny-zimage ZIMAGE_STEP_DELAY_MS=150
// (the delay lets the instant tiny model show per-step progress and be cancelled mid-run).
import { expect, test, type APIRequestContext } from '@playwright/test';

async function generationConfigured(request: APIRequestContext): Promise<boolean> {
	const status = await (await request.get('/api/generation/status')).json();
	return status.configured === true;
}

test('SSE streams one progress event per step and ends with a stored PNG (tiny model)', async ({
	request
}) => {
	test.skip(
		!(await generationConfigured(request)),
		'server started without ZIMAGE_MODEL_DIR=tests/fixtures/tiny-zimage'
	);
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
	test.skip(
		!(await generationConfigured(request)),
		'server started without ZIMAGE_MODEL_DIR=tests/fixtures/tiny-zimage'
	);
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
	test.skip(
		!(await generationConfigured(request)),
		'server started without ZIMAGE_MODEL_DIR=tests/fixtures/tiny-zimage'
	);
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
