// The editor end to end in Debian Chromium: a design made from a real template, Chinese typed
// through composition events and insertText, a snapping drag, undo/redo, a font change, an
// upload, autosave and reload; conflicts between tabs; and the stage against the server's PNG.
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { storeDocument, templateDocument } from './editor-fixtures';
import type { Layer, PosterDocument, TextLayer } from '../../src/lib/document/schema';
import { findLayer, pageBounds } from '../../src/lib/document/operations';
import { collectSnapTargets } from '../../src/lib/editor/snapping';
import { mmToPt } from '../../src/lib/geometry';
import { getTemplate } from '../../src/lib/server/templates/catalog';

type Win = {
	__haibao: { editor: { doc: PosterDocument; selection: string[] } };
	__haibaoCanvas: { frameTimes: number[]; pageSnapshot(r: number): string; shapes: Map<string, unknown> };
};

const docOf = (page: Page) => page.evaluate(() => (window as unknown as Win).__haibao.editor.doc);
const layerOf = async (page: Page, id: string) =>
	(await docOf(page)).layers.find((l) => l.id === id) as Layer;
const textOf = (l: Layer) => (l as TextLayer).runs.map((r) => r.text).join('');

async function openEditor(page: Page, id: string) {
	await page.goto(`/design/${id}`);
	await page.waitForFunction(() => {
		const c = (window as unknown as Partial<Win>).__haibaoCanvas;
		return !!c && c.shapes.size > 0;
	});
	await page.waitForTimeout(300);
}

/** Screen rectangle of a layer's box (unrotated layers), from the editor's view. */
async function screenBox(page: Page, id: string) {
	return page.evaluate((id) => {
		const w = window as unknown as {
			__haibao: { editor: { doc: PosterDocument; view: { zoom: number; panX: number; panY: number } } };
		};
		const { doc, view } = w.__haibao.editor;
		const l = doc.layers.find((x) => x.id === id)!;
		const r = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
		return {
			x: r.left + l.x * view.zoom + view.panX,
			y: r.top + l.y * view.zoom + view.panY,
			width: l.width * view.zoom,
			height: l.height * view.zoom,
			zoom: view.zoom
		};
	}, id);
}

const waitSaved = (page: Page) =>
	expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 10_000 });

test('edit a template design in Chinese: IME typing, snapping drag, undo/redo, font, upload, reload', async ({
	page,
	request
}) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);
	const headline = doc.layers.find((l) => l.type === 'text' && l.field === 'headline')!;

	// Type a Chinese headline: double-click to edit, select all, then an IME composition.
	const hb = await screenBox(page, headline.id);
	await page.mouse.dblclick(hb.x + hb.width / 2, hb.y + hb.height / 2);
	const ta = page.getByTestId('text-editor');
	await expect(ta).toBeFocused();
	await page.keyboard.press('Control+A');
	await ta.evaluate((el: HTMLTextAreaElement) => {
		el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
		el.value = 'chun';
		el.dispatchEvent(
			new InputEvent('input', { data: 'chun', isComposing: true, inputType: 'insertCompositionText' })
		);
		el.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'chun' }));
	});
	await expect(page.getByTestId('preedit')).toHaveText('chun');
	// Partial pinyin is never committed to the document.
	expect(textOf(await layerOf(page, headline.id))).toBe(textOf(headline));
	await ta.evaluate((el: HTMLTextAreaElement) => {
		el.value = '春节';
		el.dispatchEvent(new CompositionEvent('compositionupdate', { data: '春节' }));
		el.dispatchEvent(new CompositionEvent('compositionend', { data: '春节' }));
	});
	expect(textOf(await layerOf(page, headline.id))).toBe('春节');
	await page.keyboard.insertText('大促销');
	expect(textOf(await layerOf(page, headline.id))).toBe('春节大促销');
	await page.keyboard.press('Escape');
	await expect(ta).toHaveCount(0);

	// Drag a layer so its centre lands 3 screen px beside the page's centre line: it snaps onto the
	// nearest line (the centre line or another layer's edge), exactly.
	const offCentre = (l: Layer) => Math.abs(l.x + l.width / 2 - doc.page.width / 2);
	const target = doc.layers
		.filter((l) => l.type === 'text' && !l.locked && l.id !== headline.id && !l.rotation)
		.sort((p, q) => offCentre(q) - offCentre(p))[0];
	expect(offCentre(target)).toBeGreaterThan(20);
	const before = await layerOf(page, target.id);
	const tb = await screenBox(page, target.id);
	const startX = tb.x + tb.width / 2;
	const startY = tb.y + tb.height / 2;
	const pageCentreScreenX = await page.evaluate((w) => {
		const v = (window as unknown as { __haibao: { editor: { view: { zoom: number; panX: number } } } })
			.__haibao.editor.view;
		return (
			document.querySelector('[data-testid="stage"]')!.getBoundingClientRect().left +
			(w / 2) * v.zoom +
			v.panX
		);
	}, doc.page.width);
	await page.mouse.move(startX, startY);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++)
		await page.mouse.move(startX + (pageCentreScreenX + 3 - startX) * (i / 8), startY - 30 * (i / 8));
	const guides = await page.evaluate(() => {
		const c = (window as unknown as { __haibaoCanvas: { stage: { find(s: string): { length: number } } } })
			.__haibaoCanvas;
		return c.stage.find('Line').length;
	});
	expect(guides).toBeGreaterThan(0);
	await page.mouse.up();
	const moved = await layerOf(page, target.id);
	// Where the pointer alone would have put it, and where snapping put it: on a snap line, exactly.
	const rawX = before.x + (pageCentreScreenX + 3 - startX) / tb.zoom;
	expect(Math.abs(moved.x - rawX)).toBeGreaterThan(1e-6);
	expect(Math.abs(moved.x - rawX)).toBeLessThanOrEqual(6 / tb.zoom + 1e-6);
	const after = await docOf(page);
	const others = after.layers
		.filter((l) => !l.hidden && l.id !== target.id)
		.map((l) => pageBounds(findLayer(after, l.id)!));
	const lines = collectSnapTargets(
		{
			width: after.page.width,
			height: after.page.height,
			safe: mmToPt(after.page.safeMm),
			hiddenBottom: mmToPt(after.page.hiddenBottomMm)
		},
		others
	).xs.map((l) => l.value);
	const probes = [moved.x, moved.x + moved.width / 2, moved.x + moved.width];
	expect(probes.some((p) => lines.some((v) => Math.abs(v - p) < 1e-6))).toBe(true);
	expect(moved.y).toBeLessThan(before.y);

	// Undo and redo, by keyboard and by the toolbar.
	await page.keyboard.press('Control+Z');
	expect((await layerOf(page, target.id)).x).toBeCloseTo(before.x, 6);
	await page.keyboard.press('Control+Shift+Z');
	expect((await layerOf(page, target.id)).x).toBeCloseTo(moved.x, 6);
	await page.getByTestId('undo').click();
	expect((await layerOf(page, target.id)).y).toBeCloseTo(before.y, 6);
	await page.getByTestId('redo').click();
	expect((await layerOf(page, target.id)).y).toBeCloseTo(moved.y, 6);

	// Change the headline's font from the properties panel (selected through the layers panel).
	await page.locator(`[data-layer-id="${headline.id}"]`).click();
	await page.getByTestId('font-family').selectOption('LXGW WenKai');
	expect(((await layerOf(page, headline.id)) as TextLayer).runs[0].family).toBe('LXGW WenKai');

	// A3 is a print format: X/Y/W/H show in mm (one decimal), typed mm are stored as pt, and the
	// mm/pt choice is remembered.
	const mm1 = (pt: number) => String(Math.round((pt / mmToPt(1)) * 10) / 10);
	await expect(page.getByTestId('unit-mm')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('prop-x')).toHaveValue(mm1((await layerOf(page, headline.id)).x));
	await page.getByTestId('prop-w').fill('200');
	await page.getByTestId('prop-w').press('Enter');
	await expect.poll(async () => (await layerOf(page, headline.id)).width).toBeCloseTo(mmToPt(200), 6);
	await page.getByTestId('unit-pt').click();
	await expect(page.getByTestId('prop-w')).toHaveValue('566.9');

	// Upload a picture through the file input.
	const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#2266dd' } })
		.png()
		.toBuffer();
	await page
		.getByTestId('upload-input')
		.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
	await expect
		.poll(
			async () => (await docOf(page)).layers.filter((l) => l.type === 'image' && l.name === 'photo').length
		)
		.toBe(1);
	const image = (await docOf(page)).layers.find((l) => l.type === 'image' && l.name === 'photo')!;
	expect(image.width / image.height).toBeCloseTo(1.5, 3);

	// Autosave within 2 s, then a reload restores everything exactly.
	await waitSaved(page);
	const saved = await docOf(page);
	await page.reload();
	await openEditor(page, id);
	const reloaded = await docOf(page);
	expect(reloaded.layers).toEqual(saved.layers);
	expect(textOf(reloaded.layers.find((l) => l.id === headline.id)!)).toBe('春节大促销');
	expect((reloaded.layers.find((l) => l.id === headline.id) as TextLayer).runs[0].family).toBe('LXGW WenKai');
	await page.locator(`[data-layer-id="${headline.id}"]`).click();
	await expect(page.getByTestId('unit-pt')).toHaveAttribute('aria-pressed', 'true');
	const stored = await (await request.get(`/api/documents/${id}`)).json();
	expect(stored.document.layers).toEqual(saved.layers);
});

test('uploads of the wrong type are refused with a clear message; SVG logos become sanitised vector layers', async ({
	page,
	request
}) => {
	const { id } = await storeDocument(request, await templateDocument('sale-burst', 'zh'));
	await openEditor(page, id);
	await page.getByTestId('upload-input').setInputFiles({
		name: 'notes.png',
		mimeType: 'image/png',
		buffer: Buffer.from('just some text, not a picture')
	});
	await expect(page.getByTestId('toast').last()).toContainText('不支持');
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" onload="window.__pwned=1"><script>window.__pwned=2</script>
		<rect x="0" y="0" width="40" height="50" fill="#ff0000"/><circle cx="75" cy="25" r="25" fill="url(http://evil.example/x)" stroke="#000" stroke-width="2"/>
		<path d="M45 0 L55 50" stroke="#00ff00" stroke-width="4" fill="none"/></svg>`;
	await page
		.getByTestId('upload-input')
		.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
	await expect.poll(async () => (await docOf(page)).layers.some((l) => l.name === 'logo')).toBe(true);
	const logo = (await docOf(page)).layers.find((l) => l.name === 'logo')!;
	expect(logo.type).toBe('group');
	const kids = logo.type === 'group' ? logo.children : [];
	expect(kids.length).toBeGreaterThanOrEqual(2);
	expect(kids.every((k) => k.type === 'shape' && k.shape === 'path' && !!k.path && !!k.viewBox)).toBe(true);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a save that conflicts with another tab is offered to the user, never silently overwritten', async ({
	page,
	request
}) => {
	const doc = await templateDocument('sale-burst', 'en');
	const { id, revision } = await storeDocument(request, doc);
	await openEditor(page, id);
	// "Another tab" saves a new title.
	const put = await request.put(`/api/documents/${id}`, {
		data: { document: { ...doc, id, title: 'Theirs' }, revision }
	});
	expect(put.status()).toBe(200);
	// This tab edits: select a layer and nudge it.
	const layer = doc.layers.find((l) => l.type === 'text' && !l.locked)!;
	await page.locator(`[data-layer-id="${layer.id}"]`).click();
	await page.keyboard.press('Shift+ArrowRight');
	await expect(page.getByTestId('conflict')).toBeVisible({ timeout: 10_000 });
	expect((await (await request.get(`/api/documents/${id}`)).json()).document.title).toBe('Theirs');
	await page.getByTestId('keep-mine').click();
	await waitSaved(page);
	const after = (await (await request.get(`/api/documents/${id}`)).json()).document as PosterDocument;
	expect(after.layers.find((l) => l.id === layer.id)!.x).toBeCloseTo(layer.x + 10, 6);
});

test('the stage draws what the server PNG export draws (same glyph positions)', async ({
	page,
	request
}, testInfo) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);
	const scale = 0.5; // device px per pt for both
	const dataUrl = await page.evaluate(
		(s) => (window as unknown as Win).__haibaoCanvas.pageSnapshot(s),
		scale
	);
	const stagePng = Buffer.from(dataUrl.split(',')[1], 'base64');
	const res = await request.post('/api/export', { data: { documentId: id, format: 'png', dpi: 72 * scale } });
	expect(res.status()).toBe(200);
	const serverPng = await res.body();
	await sharp(stagePng).toFile(testInfo.outputPath('stage.png'));
	await sharp(serverPng).toFile(testInfo.outputPath('server.png'));
	// Same origin and scale: compare pixel for pixel over the common area (sizes round differently by ≤ 1 px).
	const sm = await sharp(stagePng).metadata();
	const vm = await sharp(serverPng).metadata();
	expect(Math.abs((vm.width ?? 0) - (sm.width ?? 0))).toBeLessThanOrEqual(1);
	expect(Math.abs((vm.height ?? 0) - (sm.height ?? 0))).toBeLessThanOrEqual(1);
	const area = {
		left: 0,
		top: 0,
		width: Math.min(sm.width!, vm.width!),
		height: Math.min(sm.height!, vm.height!)
	};
	const a = await sharp(stagePng).extract(area).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const b = await sharp(serverPng).extract(area).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	let differing = 0;
	let sum = 0;
	for (let i = 0; i < a.data.length; i += 3) {
		const d = Math.max(
			Math.abs(a.data[i] - b.data[i]),
			Math.abs(a.data[i + 1] - b.data[i + 1]),
			Math.abs(a.data[i + 2] - b.data[i + 2])
		);
		sum += d;
		if (d > 48) differing++;
	}
	const pixels = a.data.length / 3;
	console.log(
		`stage vs server PNG: ${a.info.width}×${a.info.height}, mean diff ${(sum / pixels).toFixed(2)}/255, ${((100 * differing) / pixels).toFixed(3)}% pixels differ by > 48`
	);
	expect(differing / pixels).toBeLessThan(0.002);
	expect(sum / pixels).toBeLessThan(1);
});

test("resize to another format lays the design out again as a new document, keeping the user's work", async ({
	request
}) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const headline = doc.layers.find((l) => l.type === 'text' && l.field === 'headline') as TextLayer;
	const edited = {
		...doc,
		layers: doc.layers.map((l) =>
			l.id === headline.id ? { ...headline, runs: headline.runs.map((r) => ({ ...r, text: '春节大促' })) } : l
		)
	};
	const { id } = await storeDocument(request, edited);
	const formats = (await getTemplate('sale-burst'))!.formats;
	const other = formats.find((f) => f !== doc.page.preset)!;
	const res = await request.post(`/design/${id}/resize`, { data: { formatId: other } });
	expect(res.status()).toBe(201);
	const { id: newId } = await res.json();
	expect(newId).not.toBe(id);
	const fresh = (await (await request.get(`/api/documents/${newId}`)).json()).document as PosterDocument;
	expect(fresh.page.preset).toBe(other);
	expect(fresh.source?.templateId).toBe('sale-burst');
	expect(textOf(fresh.layers.find((l) => l.id === headline.id)!)).toBe('春节大促');
	// The original is untouched.
	expect((await (await request.get(`/api/documents/${id}`)).json()).document.page.preset).toBe(
		doc.page.preset
	);
	const bad = await request.post(`/design/${id}/resize`, { data: { formatId: 'no-such-format' } });
	expect(bad.status()).toBe(400);
});

test('the Resize dialog opens the new copy in the editor (not the previous design)', async ({
	page,
	request
}) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);
	const other = (await getTemplate('sale-burst'))!.formats.find((f) => f !== doc.page.preset)!;
	await page.getByRole('button', { name: '调整尺寸' }).click();
	const dialog = page.getByTestId('resize');
	await dialog.locator(`button[data-preset="${other}"]`).click();
	await dialog.locator('.btn-primary').click();
	await page.waitForURL((url) => !url.pathname.endsWith(id));
	const newId = new URL(page.url()).pathname.split('/').pop();
	await page.waitForFunction((newId) => (window as unknown as Win).__haibao?.editor.doc.id === newId, newId);
	const shown = await docOf(page);
	expect(shown.page.preset).toBe(other);
	expect(shown.layers.length).toBeGreaterThan(0);
});

test('the shortcuts help is all Chinese in the Chinese UI, mouse gestures included', async ({
	page,
	request
}) => {
	const { id } = await storeDocument(request, await templateDocument('sale-burst', 'zh'));
	await openEditor(page, id);
	await page.keyboard.press('?');
	const help = page.getByTestId('help');
	await expect(help).toContainText('空格 + 拖动');
	await expect(help).not.toContainText(/drag|wheel|click/);
	await expect(help.getByRole('button', { name: '关闭' })).toBeInViewport();
});
