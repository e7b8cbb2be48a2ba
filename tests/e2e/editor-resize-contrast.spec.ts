// Resize to another format keeping the user's own changes, and the UI's text contrast (WCAG AA)
// across the gallery, the template form, the editor and its dialogs, in Debian Chromium.
import { expect, test } from '@playwright/test';
import { storeDocument, templateDocument } from './editor-fixtures';
import type { Layer, PosterDocument, TextLayer } from '../../src/lib/document/schema';
import { findLayer, pageBounds } from '../../src/lib/document/operations';
import { getTemplate } from '../../src/lib/server/templates/catalog';
import { getPreset } from '../../src/lib/templates/presets';
import { instantiate } from '../../src/lib/templates/instantiate';
import type { Box } from '../../src/lib/geometry';
import { lowContrast, openEditor, screenBox, shot, useEnglish } from './desktop-helpers';

test('resize to another format keeps what the user moved and added, off the text; template layers follow the new layout', async ({
	page,
	request
}) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const template = (await getTemplate('sale-burst'))!;
	// The user moves the burst to the lower left, rotates it, adds a sticker over the headline,
	// deletes the confetti and recolours the subtitle.
	const sticker: Layer = {
		...findLayer(doc, 'tag-pill')!.layer,
		id: 'my-sticker',
		name: '贴纸',
		x: doc.layers.find((l) => l.id === 'headline')!.x + 200,
		y: doc.layers.find((l) => l.id === 'headline')!.y + 60,
		width: 160,
		height: 90
	};
	const edited: PosterDocument = {
		...doc,
		layers: [
			...doc.layers
				.filter((l) => l.id !== 'confetti')
				.map((l) =>
					l.id === 'burst'
						? { ...l, x: 20, y: 700, rotation: 20 }
						: l.id === 'subtitle' && l.type === 'text'
							? { ...l, runs: l.runs.map((r) => ({ ...r, color: '#00FF00' })) }
							: l
				),
			sticker
		]
	};
	const { id } = await storeDocument(request, edited);
	const res = await request.post(`/design/${id}/resize`, { data: { formatId: 'square-1080' } });
	expect(res.status()).toBe(201);
	const { id: newId } = await res.json();
	const out = (await (await request.get(`/api/documents/${newId}`)).json()).document as PosterDocument;
	const byId = new Map(out.layers.map((l) => [l.id, l]));
	const laidOut = instantiate(template, getPreset('square-1080')!, doc.source!.values, { locale: 'zh' });
	if (!laidOut.ok) throw new Error('template did not lay out');

	// Template layers the user left alone sit where the template puts them on the new format.
	for (const id of ['headline', 'price', 'cta', 'tag']) {
		const l = findLayer(laidOut.document, id)!.layer;
		expect(findLayer(out, id)?.layer).toMatchObject({ x: l.x, y: l.y, width: l.width, height: l.height });
	}
	// Restyled: the colour is carried onto the new layout.
	expect((byId.get('subtitle') as TextLayer).runs[0].color).toBe('#00FF00');
	// Deleted stays deleted; the moved burst keeps its rotation and its place relative to the page.
	expect(byId.has('confetti')).toBe(false);
	const burst = byId.get('burst')!;
	expect(burst.rotation).toBe(20);
	const oldBurst = edited.layers.find((l) => l.id === 'burst')!;
	const frac = (l: Layer, W: number) => (l.x + l.width / 2) / W;
	expect(Math.abs(frac(burst, out.page.width) - frac(oldBurst, doc.page.width))).toBeLessThan(0.2);
	// Nothing the user placed covers a text block.
	const box = (l: Layer): Box => pageBounds(findLayer(out, l.id)!);
	const overlaps = (a: Box, b: Box) =>
		a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
	for (const mine of ['burst', 'my-sticker']) {
		const i = out.layers.findIndex((l) => l.id === mine);
		const texts = out.layers
			.slice(0, i)
			.filter((l) => l.type === 'text' && !l.hidden && l.runs.some((r) => r.text.trim()));
		for (const t of texts) expect(overlaps(box(out.layers[i]), box(t)), `${mine} over ${t.id}`).toBe(false);
	}
	const s = byId.get('my-sticker')!;
	expect(s.x).toBeGreaterThanOrEqual(0);
	expect(s.x + s.width).toBeLessThanOrEqual(out.page.width + 1e-6);

	await openEditor(page, newId);
	await shot(page, 'resized-square');
});

test('UI text keeps 4.5:1 contrast: gallery, template form, editor (layers, properties, menu)', async ({
	page,
	request
}) => {
	await page.goto('/');
	await expect(page.locator('main')).toBeVisible();
	await page.waitForTimeout(500);
	expect(await lowContrast(page)).toEqual([]);
	await page.goto('/new/sale-burst');
	await page.waitForTimeout(1000);
	expect(await lowContrast(page)).toEqual([]);
	await shot(page, 'form');

	const { id } = await storeDocument(request, await templateDocument('sale-burst', 'zh'));
	await openEditor(page, id);
	expect(await lowContrast(page)).toEqual([]);
	await page.locator('[data-layer-id="headline"]').click();
	expect(await lowContrast(page)).toEqual([]);
	await page.locator('[data-layer-id="hero"]').click();
	expect(await lowContrast(page)).toEqual([]);
	const h = await screenBox(page, 'headline');
	await page.mouse.click(h.x + h.width / 2, h.y + h.height / 2, { button: 'right' });
	expect(await lowContrast(page)).toEqual([]);
	await shot(page, 'editor');
	await page.keyboard.press('Escape');

	// The dialogs: resize, shortcuts help, export; and the English UI.
	await page.getByRole('button', { name: '调整尺寸' }).click();
	await expect(page.getByTestId('resize')).toBeVisible();
	expect(await lowContrast(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await page.keyboard.press('?');
	await expect(page.getByTestId('help')).toBeVisible();
	expect(await lowContrast(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await page.getByTestId('export').click();
	await expect(page.getByTestId('export-dialog')).toBeVisible();
	expect(await lowContrast(page)).toEqual([]);
	await useEnglish(page);
	await openEditor(page, id);
	await page.locator('[data-layer-id="headline"]').click();
	expect(await lowContrast(page)).toEqual([]);
	await page.goto('/');
	await page.waitForTimeout(500);
	expect(await lowContrast(page)).toEqual([]);
});
