// Desktop editing as Canva and 稿定 users expect it, in Debian Chromium at 1440×900: text corners
// scale the type and sides reflow it, vertical text turns into a column, double-click enters a
// group, the right-click menu with its shortcuts, layer names in the reader's language and the
// layers list by keyboard. (Resize and contrast: editor-resize-contrast.spec.ts.)
import { expect, test } from '@playwright/test';
import { storeDocument, templateDocument } from './editor-fixtures';
import type { PosterDocument, TextLayer } from '../../src/lib/document/schema';
import { findLayer, pageBounds } from '../../src/lib/document/operations';
import { mmToPt, ptToMm } from '../../src/lib/geometry';
import {
	docOf,
	drag,
	layerOf,
	openEditor,
	priceSticker,
	screenBox,
	selectionOf,
	shot,
	textSize,
	useEnglish,
	type Win
} from './desktop-helpers';

test('text: a corner scales the type with the box, a side changes the wrapping width only, vertical makes a column', async ({
	page,
	request
}) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);
	await page.locator('[data-layer-id="subtitle"]').click();
	const before = await layerOf(page, 'subtitle');

	// Bottom-right corner outwards: font size follows the box (keep ratio, as in Canva).
	let b = await screenBox(page, 'subtitle');
	await drag(page, { x: b.x + b.width, y: b.y + b.height }, 60, 60 * (b.height / b.width));
	const scaled = await layerOf(page, 'subtitle');
	const k = scaled.width / before.width;
	expect(k).toBeGreaterThan(1.05);
	expect(textSize(scaled) / textSize(before)).toBeCloseTo(k, 2);
	expect(scaled.height / before.height).toBeCloseTo(k, 2);

	// Right side inwards: narrower box, same type size, same height (the text rewraps).
	b = await screenBox(page, 'subtitle');
	await drag(page, { x: b.x + b.width, y: b.y + b.height / 2 }, -120, 0);
	const narrowed = await layerOf(page, 'subtitle');
	expect(narrowed.width).toBeLessThan(scaled.width - 50);
	expect(textSize(narrowed)).toBeCloseTo(textSize(scaled), 6);
	expect(narrowed.height).toBeCloseTo(scaled.height, 6);
	await shot(page, 'text-resized');

	// Vertical writing: the box turns into a column about its centre.
	await page.getByTestId('vertical').click();
	const column = (await layerOf(page, 'subtitle')) as TextLayer;
	expect(column.vertical).toBe(true);
	expect(column.width).toBeCloseTo(narrowed.height, 6);
	expect(column.height).toBeCloseTo(narrowed.width, 6);
	expect(column.x + column.width / 2).toBeCloseTo(narrowed.x + narrowed.width / 2, 6);
	expect(column.y + column.height / 2).toBeCloseTo(narrowed.y + narrowed.height / 2, 6);
	await shot(page, 'text-vertical');
	await page.keyboard.press('Control+Z');
	expect((await layerOf(page, 'subtitle')).width).toBeCloseTo(narrowed.width, 6);
});

test('a price sticker group moves as one; double-click enters it to pick a member, Escape leaves', async ({
	page,
	request
}) => {
	const made = await templateDocument('sale-burst', 'zh');
	const { document: doc, groupId } = priceSticker(made);
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);
	await expect(page.locator(`[data-layer-id="${groupId}"]`)).toHaveAccessibleName('价格贴纸');

	// A click selects the whole group; a drag moves its parts together.
	let g = await screenBox(page, groupId);
	const centre = () => ({ x: g.x + g.width / 2, y: g.y + g.height / 2 });
	await page.mouse.click(centre().x, centre().y);
	expect(await selectionOf(page)).toEqual([groupId]);
	const tag0 = pageBounds(findLayer(await docOf(page), 'price-tag')!);
	await drag(page, centre(), -30, -20);
	const afterGroupDrag = await docOf(page);
	const tag1 = pageBounds(findLayer(afterGroupDrag, 'price-tag')!);
	const price1 = pageBounds(findLayer(afterGroupDrag, 'price')!);
	expect(tag1.x).toBeLessThan(tag0.x - 5);
	expect(price1.x - tag1.x).toBeCloseTo(0, 4);

	// Double-click enters the group and selects the member under the pointer (the price text).
	g = await screenBox(page, groupId);
	await page.mouse.dblclick(centre().x, centre().y);
	expect(await selectionOf(page)).toEqual(['price']);
	expect(await page.evaluate(() => (window as unknown as Win).__haibao.editor.enteredGroupId)).toBe(groupId);
	await shot(page, 'group-entered');
	// Dragging the member moves it alone (on screen while dragging, in the document on release).
	const c0 = centre();
	await page.mouse.move(c0.x, c0.y);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(c0.x + 4 * i, c0.y);
	await shot(page, 'group-member-dragging');
	await page.mouse.up();
	const inside = await docOf(page);
	expect(pageBounds(findLayer(inside, 'price')!).x).toBeGreaterThan(price1.x + 5);
	expect(pageBounds(findLayer(inside, 'price-tag')!).x).toBeCloseTo(tag1.x, 4);
	expect(findLayer(inside, 'price')!.parent?.id).toBe(groupId);

	// The member's X/Y are on the page (not in the group's box): typing X moves it on the page.
	const centreOf = async (id: string) => {
		const b = pageBounds(findLayer(await docOf(page), id)!);
		return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
	};
	const before = await centreOf('price');
	const member = findLayer(await docOf(page), 'price')!.layer;
	const shownX = Number(await page.getByTestId('prop-x').inputValue());
	expect(shownX).toBeCloseTo(ptToMm(before.x - member.width / 2), 1);
	await page.getByTestId('prop-x').fill(String(shownX + 10));
	await page.getByTestId('prop-x').press('Enter');
	await expect.poll(async () => (await centreOf('price')).x - before.x).toBeCloseTo(mmToPt(10), 0);
	expect((await centreOf('price')).y).toBeCloseTo(before.y, 4);

	// The member has its own handles (in the rotated group's frame): its corner scales its type.
	const anchor = await page.evaluate(() => {
		type N = { getClientRect(): { x: number; y: number; width: number; height: number } };
		const c = (
			window as unknown as { __haibaoCanvas: { transformer: { findOne(s: string): N | undefined } } }
		).__haibaoCanvas;
		const a = c.transformer.findOne('.bottom-right')!.getClientRect();
		const r = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
		return { x: r.left + a.x + a.width / 2, y: r.top + a.y + a.height / 2 };
	});
	const size0 = textSize(findLayer(await docOf(page), 'price')!.layer);
	const { width: w0, rotation: r0 } = findLayer(await docOf(page), 'price')!.layer;
	await drag(page, anchor, 30, 12);
	const grown = findLayer(await docOf(page), 'price')!;
	expect(grown.parent?.id).toBe(groupId);
	expect(grown.layer.rotation).toBeCloseTo(r0, 6);
	expect(grown.layer.width / w0).toBeGreaterThan(1.05);
	expect(textSize(grown.layer) / size0).toBeCloseTo(grown.layer.width / w0, 2);
	await shot(page, 'group-member-scaled');

	// Escape leaves the group: the group is selected again and clicks select it whole.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // out of the X field
	await page.keyboard.press('Escape');
	expect(await selectionOf(page)).toEqual([groupId]);
	expect(await page.evaluate(() => (window as unknown as Win).__haibao.editor.enteredGroupId)).toBeNull();
	const p = await screenBox(page, 'price-tag');
	await page.mouse.click(p.x + 10, p.y + p.height / 2);
	expect(await selectionOf(page)).toEqual([groupId]);
	// Enter goes into the selected group from the keyboard too (its top member); Escape comes back.
	await page.keyboard.press('Enter');
	expect(await selectionOf(page)).toEqual(['price']);
	await page.keyboard.press('Escape');
	expect(await selectionOf(page)).toEqual([groupId]);
	// A click on the empty canvas leaves an entered group: the next click selects the group whole.
	const pr = await screenBox(page, 'price');
	await page.mouse.dblclick(pr.x + pr.width / 2, pr.y + pr.height / 2);
	expect(await selectionOf(page)).toEqual(['price']);
	const stage = (await page.getByTestId('stage').boundingBox())!;
	await page.mouse.click(stage.x + 20, stage.y + 20);
	expect(await selectionOf(page)).toEqual([]);
	await page.mouse.click(p.x + 10, p.y + p.height / 2);
	expect(await selectionOf(page)).toEqual([groupId]);
});

test('the right-click menu: copy, paste, duplicate, delete, stacking, lock, group, with shortcuts, in Chinese and English', async ({
	page,
	request
}) => {
	const doc = await templateDocument('sale-burst', 'zh');
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);
	const count = async () => (await docOf(page)).layers.length;
	const n0 = await count();
	const menu = page.getByTestId('context-menu');
	const item = (cmd: string) => menu.locator(`[data-command="${cmd}"]`);

	const h = await screenBox(page, 'headline');
	await page.mouse.click(h.x + h.width / 2, h.y + h.height / 2, { button: 'right' });
	await expect(menu).toBeVisible();
	expect(await selectionOf(page)).toEqual(['headline']);
	for (const [cmd, label, keys] of [
		['copy', '复制', 'Ctrl+C'],
		['paste', '粘贴', 'Ctrl+V'],
		['duplicate', '创建副本', 'Ctrl+D'],
		['delete', '删除', 'Delete'],
		['bringForward', '上移一层', 'Ctrl+]'],
		['sendBackward', '下移一层', 'Ctrl+['],
		['lock', '锁定', 'Ctrl+Shift+L'],
		['group', '编组', 'Ctrl+G'],
		['ungroup', '取消编组', 'Ctrl+Shift+G']
	]) {
		await expect(item(cmd).locator('span')).toHaveText(label);
		await expect(item(cmd).locator('kbd')).toHaveText(keys);
	}
	await expect(item('paste')).toBeDisabled(); // nothing copied yet
	await expect(item('group')).toBeDisabled(); // one layer
	await expect(item('copy')).toBeFocused(); // the keyboard starts on the first enabled item
	await shot(page, 'context-menu-zh');

	// Copy, then paste from a second right-click.
	await item('copy').click();
	await expect(menu).toHaveCount(0);
	await page.mouse.click(h.x + h.width / 2, h.y + h.height / 2, { button: 'right' });
	await item('paste').click();
	expect(await count()).toBe(n0 + 1);
	const pasted = (await selectionOf(page))[0];
	expect(pasted).not.toBe('headline');

	// Delete the pasted copy (it is selected and on top), by keyboard inside the menu.
	const c = await screenBox(page, pasted);
	await page.mouse.click(c.x + c.width / 2, c.y + c.height / 2, { button: 'right' });
	await expect(item('copy')).toBeFocused();
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // paste, duplicate, delete
	await expect(item('delete')).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await count()).toBe(n0);

	// Duplicate, send back, lock.
	await page.mouse.click(h.x + h.width / 2, h.y + h.height / 2, { button: 'right' });
	await item('duplicate').click();
	expect(await count()).toBe(n0 + 1);
	const copyId = (await selectionOf(page))[0];
	const order = async () => (await docOf(page)).layers.map((l) => l.id);
	const at0 = (await order()).indexOf(copyId);
	await page.locator(`[data-layer-id="${copyId}"]`).click({ button: 'right' });
	await item('sendBackward').click();
	expect((await order()).indexOf(copyId)).toBe(at0 - 1);
	await page.locator(`[data-layer-id="${copyId}"]`).click({ button: 'right' });
	await item('lock').click();
	expect((await layerOf(page, copyId)).locked).toBe(true);
	await page.locator(`[data-layer-id="${copyId}"]`).click({ button: 'right' });
	await expect(item('lock').locator('span')).toHaveText('解锁');
	await page.keyboard.press('Escape');
	await expect(menu).toHaveCount(0);

	// Group two layers from the menu of the layers list, then ungroup.
	await page.locator('[data-layer-id="date"]').click();
	await page.locator('[data-layer-id="shop"]').click({ modifiers: ['Shift'] });
	await page.locator('[data-layer-id="shop"]').click({ button: 'right' });
	await item('group').click();
	const grouped = (await selectionOf(page))[0];
	expect((await layerOf(page, grouped)).type).toBe('group');
	await page.locator(`[data-layer-id="${grouped}"]`).click({ button: 'right' });
	await item('ungroup').click();
	expect(new Set(await selectionOf(page))).toEqual(new Set(['date', 'shop']));

	// English UI: English labels, same shortcuts.
	await useEnglish(page);
	await openEditor(page, id);
	const h2 = await screenBox(page, 'headline');
	await page.mouse.click(h2.x + h2.width / 2, h2.y + h2.height / 2, { button: 'right' });
	await expect(item('duplicate').locator('span')).toHaveText('Duplicate');
	await expect(item('duplicate').locator('kbd')).toHaveText('Ctrl+D');
	await expect(item('bringToFront').locator('span')).toHaveText('Bring to front');
	await shot(page, 'context-menu-en');
});

test('layer names follow the reader’s language and the content; the layers list works by keyboard', async ({
	page,
	request
}) => {
	const made = await templateDocument('sale-burst', 'zh');
	const { document: doc, groupId } = priceSticker(made);
	const { id } = await storeDocument(request, doc);
	await openEditor(page, id);
	const row = (layerId: string) => page.locator(`[data-layer-id="${layerId}"]`);
	await expect(row('headline')).toHaveAccessibleName('标题：双十一狂欢节');
	await expect(row('hero')).toHaveAccessibleName('图片');
	await expect(row(groupId)).toHaveAccessibleName('价格贴纸');
	await expect(row('bg')).toHaveAccessibleName('背景');
	await shot(page, 'layers-zh');

	// One Tab stop for the whole list: the active row; the row's buttons are not Tab stops.
	const list = page.getByTestId('layers');
	await expect(list.locator('li[tabindex="0"]')).toHaveCount(1);
	await expect(list.locator('button:not([tabindex="-1"])')).toHaveCount(0);
	await row('headline').click();
	await expect(row('headline')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	const rows = await list
		.locator('li[data-layer-id]')
		.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.layerId!));
	const below = rows[rows.indexOf('headline') + 1];
	expect(await selectionOf(page)).toEqual([below]);
	await expect(row(below)).toBeFocused();
	await expect(row(below)).toHaveAttribute('tabindex', '0');
	await expect(list.locator('li[tabindex="0"]')).toHaveCount(1);
	await page.keyboard.press('Shift+ArrowUp');
	expect(new Set(await selectionOf(page))).toEqual(new Set([below, 'headline']));
	await page.keyboard.press('Home');
	expect(await selectionOf(page)).toEqual([rows[0]]);
	// Leaving with Shift+Tab and coming back with Tab lands on the active row.
	await page.keyboard.press('Shift+Tab');
	expect(await list.evaluate((l) => l.contains(document.activeElement))).toBe(false);
	await page.keyboard.press('Tab');
	await expect(row(rows[0])).toBeFocused();
	await page.keyboard.press('End');
	expect(await selectionOf(page)).toEqual([rows.at(-1)]);
	// The menu key (Shift+F10) opens the layer menu beside the row; Escape gives the focus back.
	await page.keyboard.press('Shift+F10');
	await expect(page.getByTestId('context-menu').locator('[data-command="copy"]')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('context-menu')).toHaveCount(0);
	await expect(row(rows.at(-1)!)).toBeFocused();
	// F2 renames; a typed name is shown as typed in both languages.
	await row('headline').click();
	await page.keyboard.press('F2');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('我的大标题');
	await page.keyboard.press('Enter');
	await expect(row('headline')).toHaveAccessibleName('我的大标题');
	await expect(row('headline')).toBeFocused();
	// Hide and lock from the keyboard on the focused row (the row's eye and lock show the state).
	await page.keyboard.press('Control+Shift+H');
	expect((await layerOf(page, 'headline')).hidden).toBe(true);
	await expect(row('headline').getByRole('button', { name: '显示' })).toBeVisible();
	await page.keyboard.press('Control+Shift+H');
	expect((await layerOf(page, 'headline')).hidden).toBe(false);
	await expect
		.poll(async () => {
			const stored = (await (await request.get(`/api/documents/${id}`)).json()).document as PosterDocument;
			return stored.layers.find((l) => l.id === 'headline')?.name;
		})
		.toBe('我的大标题');

	// The English UI names the same Chinese-made design's layers in English.
	await useEnglish(page);
	await openEditor(page, id);
	await expect(row('subtitle')).toHaveAccessibleName('Subtitle: 全场低至5折 满300减50');
	await expect(row('hero')).toHaveAccessibleName('Image');
	await expect(row(groupId)).toHaveAccessibleName('Price sticker');
	await expect(row('headline')).toHaveAccessibleName('我的大标题');
	await shot(page, 'layers-en');
});
