// Phones (390×844, touch): the gallery's filter rows scroll sideways with a visible "more" cue, the
// form's format cards fit, and the editor works by touch — canvas across the width, a bottom bar
// (text, image, layers, export), tap to select, pinch to zoom (CDP touch events), double tap to edit.
import { expect, test, type Page } from '@playwright/test';
import type { PosterDocument, TextLayer } from '../../src/lib/document/schema';
import { storeDocument, templateDocument } from './editor-fixtures';
import { walkLayers } from '../../src/lib/document/tree';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

type Win = {
	__haibao: {
		editor: {
			doc: PosterDocument;
			selection: string[];
			editingTextId: string | null;
			view: { zoom: number; panX: number; panY: number };
		};
	};
	__haibaoCanvas: { shapes: Map<string, unknown> };
};
const state = (page: Page) =>
	page.evaluate(() => {
		const e = (window as unknown as Win).__haibao.editor;
		return { selection: e.selection, editing: e.editingTextId, view: e.view, layers: e.doc.layers.length };
	});

/** Centre of a layer on screen (unrotated top-level layers). */
const layerCentre = (page: Page, id: string) =>
	page.evaluate((id) => {
		const { doc, view } = (window as unknown as Win).__haibao.editor;
		const l = doc.layers.find((x) => x.id === id)!;
		const r = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
		return {
			x: r.left + (l.x + l.width / 2) * view.zoom + view.panX,
			y: r.top + (l.y + l.height / 2) * view.zoom + view.panY
		};
	}, id);

const noSidewaysScroll = async (page: Page) =>
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test('gallery filters scroll sideways with a visible cue on a phone', async ({ page }) => {
	await page.goto('/');
	await noSidewaysScroll(page);
	for (const testId of ['category-chips', 'format-chips']) {
		const chips = page.getByTestId(testId);
		await chips.scrollIntoViewIfNeeded();
		const scroller = chips.locator('..');
		const size = await chips.evaluate((c) => ({ scroll: c.scrollWidth, client: c.clientWidth }));
		expect(size.scroll).toBeGreaterThan(size.client); // more chips than fit: the row scrolls
		// The cue: the far edge fades and a "more" arrow shows.
		await expect(scroller).toHaveAttribute('data-more', 'end');
		expect(await chips.evaluate((c) => getComputedStyle(c).maskImage)).toContain('gradient');
		const more = scroller.getByTestId('chips-more');
		await expect(more).toBeVisible();
		await more.tap();
		await expect.poll(() => chips.evaluate((c) => c.scrollLeft)).toBeGreaterThan(50);
		await expect(scroller).toHaveAttribute('data-more', /both|start/);
		// Reach the last chip and use it.
		await chips.evaluate((c) => c.scrollTo({ left: c.scrollWidth }));
		await expect(scroller).toHaveAttribute('data-more', 'start');
		await expect(more).toBeHidden();
		const last = chips.locator('a').last();
		const box = (await last.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		await last.tap();
		await expect(last).toHaveAttribute('aria-current', 'true');
	}
	await page.getByTestId('category-chips').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'tests/.tmp/mobile-gallery-390.png' });
});

test('the form’s format cards fit a phone', async ({ page }) => {
	await page.goto('/new/sale-burst');
	const cards = page.locator('.picker .option');
	expect(await cards.count()).toBeGreaterThanOrEqual(4);
	for (const card of await cards.all()) {
		const box = (await card.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		// Nothing inside is cut off: the name and the size line show whole.
		for (const part of ['.name', '.size']) {
			const el = card.locator(part);
			if (!(await el.count())) continue;
			const fit = await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1);
			expect(fit, `${await el.textContent()} fits its card`).toBe(true);
		}
	}
	await noSidewaysScroll(page);
	await page.locator('.picker').screenshot({ path: 'tests/.tmp/mobile-formats-390.png' });
});

test('the editor on a phone: full-width canvas, bottom bar, tap to select, pinch to zoom, double tap to edit', async ({
	page,
	request
}) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const { id } = await storeDocument(request, doc);
	await page.goto(`/design/${id}`);
	await page.waitForFunction(
		() => ((window as unknown as Partial<Win>).__haibaoCanvas?.shapes.size ?? 0) > 0
	);
	await noSidewaysScroll(page);

	// The canvas spans the width and the page fills most of it; the desktop toolbar gives way to the bottom bar.
	const stage = (await page.getByTestId('stage').boundingBox())!;
	expect(stage.x).toBe(0);
	expect(stage.width).toBe(390);
	const { view } = await state(page);
	expect(doc.page.width * view.zoom).toBeGreaterThan(0.9 * 390);
	await expect(page.getByTestId('add-text')).toHaveCount(0);
	const bar = page.getByTestId('mobile-toolbar');
	for (const name of ['文字', '图片', '图层', '导出'])
		await expect(bar.getByRole('button', { name })).toBeVisible();
	const barBox = (await bar.boundingBox())!;
	expect(barBox.y + barBox.height).toBeLessThanOrEqual(844);
	expect(barBox.y).toBeGreaterThan(844 - 80);
	await page.screenshot({ path: 'tests/.tmp/mobile-editor-390.png' });

	// Tap selects; the style sheet then shows the layer's properties.
	const headline = doc.layers.find((l) => l.type === 'text' && l.field === 'headline') as TextLayer;
	let c = await layerCentre(page, headline.id);
	await page.touchscreen.tap(c.x, c.y);
	await expect.poll(async () => (await state(page)).selection).toEqual([headline.id]);
	await bar.getByTestId('m-style').tap();
	await expect(page.getByTestId('style-slot')).toBeVisible();
	await expect(page.getByTestId('properties')).toBeVisible();
	await page.screenshot({ path: 'tests/.tmp/mobile-editor-style-390.png' });
	await page.getByTestId('style-slot').getByRole('button', { name: '完成' }).tap();
	await expect(page.getByTestId('style-slot')).toBeHidden();

	// Double tap on the headline edits its text in place.
	c = await layerCentre(page, headline.id);
	await page.touchscreen.tap(c.x, c.y);
	await page.touchscreen.tap(c.x, c.y);
	await expect.poll(async () => (await state(page)).editing).toBe(headline.id);
	await expect(page.getByTestId('text-editor')).toBeVisible();
	await expect(page.getByTestId('text-editor')).toBeFocused();
	await page.keyboard.insertText('龙舟节');
	await expect
		.poll(() =>
			page.evaluate(
				(id) =>
					((window as unknown as Win).__haibao.editor.doc.layers.find((l) => l.id === id) as TextLayer).runs
						.map((r) => r.text)
						.join(''),
				headline.id
			)
		)
		.toContain('龙舟节');

	await page.getByTestId('m-layers').tap(); // closes the text editor as any tap outside does
	await expect(page.getByTestId('layers-slot')).toBeVisible();
	const rows = page.getByTestId('layers').getByRole('option');
	// One row per layer, a template group's members included.
	expect(await rows.count()).toBe([...walkLayers(doc.layers)].length);
	await rows.nth(2).tap();
	await expect.poll(async () => (await state(page)).selection.length).toBe(1);
	await page.screenshot({ path: 'tests/.tmp/mobile-editor-layers-390.png' });
	await page.getByTestId('layers-slot').getByRole('button', { name: '完成' }).tap();

	// Pinch (two fingers moving apart, as CDP touch events) zooms in around the fingers.
	await page.getByTestId('layers-slot').waitFor({ state: 'hidden' });
	const before = (await state(page)).view;
	const mid = { x: 195, y: stage.y + stage.height / 2 };
	const cdp = await page.context().newCDPSession(page);
	const fingers = (d: number) => [
		{ x: mid.x - d, y: mid.y, id: 0 },
		{ x: mid.x + d, y: mid.y, id: 1 }
	];
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) });
	for (let d = 50; d <= 120; d += 10)
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	const after = (await state(page)).view;
	expect(after.zoom / before.zoom).toBeGreaterThan(2.5); // fingers 80 → 240 px apart: 3×
	// The page point under the fingers stays under them.
	const under = (v: typeof before) => ({
		x: (mid.x - stage.x - v.panX) / v.zoom,
		y: (mid.y - stage.y - v.panY) / v.zoom
	});
	expect(Math.abs(under(after).x - under(before).x)).toBeLessThan(4);
	expect(Math.abs(under(after).y - under(before).y)).toBeLessThan(4);
	await page.screenshot({ path: 'tests/.tmp/mobile-editor-pinched-390.png' });

	// Text adds a text layer; Export opens the export dialog.
	const count = (await state(page)).layers;
	await bar.getByTestId('m-text').tap();
	await expect.poll(async () => (await state(page)).layers).toBe(count + 1);
	await bar.getByTestId('m-export').tap();
	await expect(page.getByTestId('export-dialog')).toBeVisible();
	const dialog = (await page.getByTestId('export-dialog').boundingBox())!;
	expect(dialog.x).toBeGreaterThanOrEqual(0);
	expect(dialog.x + dialog.width).toBeLessThanOrEqual(390);
	await page.screenshot({ path: 'tests/.tmp/mobile-export-390.png' });
});

test('one finger on the empty canvas pans the view on a phone', async ({ page, request }) => {
	const { id } = await storeDocument(request, await templateDocument('sale-burst', 'zh'));
	await page.goto(`/design/${id}`);
	await page.waitForFunction(
		() => ((window as unknown as Partial<Win>).__haibaoCanvas?.shapes.size ?? 0) > 0
	);
	const stage = (await page.getByTestId('stage').boundingBox())!;
	const before = (await state(page)).view;
	// Just below the page's bottom edge: empty canvas.
	const y =
		stage.y +
		before.panY +
		(await page.evaluate(() => (window as unknown as Win).__haibao.editor.doc.page.height)) * before.zoom +
		6;
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 200, y, id: 0 }] });
	for (let i = 1; i <= 6; i++)
		await cdp.send('Input.dispatchTouchEvent', {
			type: 'touchMove',
			touchPoints: [{ x: 200 - 10 * i, y: y - 20 * i, id: 0 }]
		});
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	const after = (await state(page)).view;
	expect(after.zoom).toBe(before.zoom);
	expect(after.panX - before.panX).toBeCloseTo(-60, 0);
	expect(after.panY - before.panY).toBeCloseTo(-120, 0);
	expect((await state(page)).selection).toEqual([]);
});

test.describe('the same pages on a desktop (1440×900)', () => {
	test.use({
		viewport: { width: 1440, height: 900 },
		isMobile: false,
		hasTouch: false,
		deviceScaleFactor: 1
	});

	test('filters wrap without the phone cue, and the editor keeps its desktop toolbar and panels', async ({
		page,
		request
	}) => {
		await page.goto('/');
		for (const testId of ['category-chips', 'format-chips']) {
			const chips = page.getByTestId(testId);
			expect(await chips.evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
			await expect(chips.locator('..').getByTestId('chips-more')).toBeHidden();
		}
		await page.screenshot({ path: 'tests/.tmp/mobile-gallery-1440.png' });
		const { id } = await storeDocument(request, await templateDocument('sale-burst', 'zh'));
		await page.goto(`/design/${id}`);
		await page.waitForFunction(
			() => ((window as unknown as Partial<Win>).__haibaoCanvas?.shapes.size ?? 0) > 0
		);
		await expect(page.getByTestId('add-text')).toBeVisible();
		await expect(page.getByTestId('mobile-toolbar')).toHaveCount(0);
		await expect(page.getByTestId('layers')).toBeVisible();
		await expect(page.getByTestId('properties')).toBeVisible();
		await page.screenshot({ path: 'tests/.tmp/mobile-editor-1440.png' });
	});
});
