// Helpers for the desktop editor's end-to-end tests: the editor's window hooks, layer boxes on
// screen, pointer drags, screenshots, the English UI, and a WCAG contrast audit of the page.
import { test, type Page } from '@playwright/test';
import type { Layer, PosterDocument, TextLayer } from '../../src/lib/document/schema';
import { findLayer, groupLayers, pageBounds } from '../../src/lib/document/operations';

export type Win = {
	__haibao: {
		editor: {
			doc: PosterDocument;
			selection: string[];
			enteredGroupId: string | null;
			view: { zoom: number; panX: number; panY: number };
		};
	};
	__haibaoCanvas: { shapes: Map<string, unknown> };
};

export const docOf = (page: Page) => page.evaluate(() => (window as unknown as Win).__haibao.editor.doc);
export const selectionOf = (page: Page) =>
	page.evaluate(() => (window as unknown as Win).__haibao.editor.selection);
export const layerOf = async (page: Page, id: string) => findLayer(await docOf(page), id)!.layer;
export const textSize = (l: Layer) => (l as TextLayer).runs[0].size;

export async function openEditor(page: Page, id: string) {
	await page.goto(`/design/${id}`);
	await page.waitForFunction(() => {
		const c = (window as unknown as Partial<Win>).__haibaoCanvas;
		return !!c && c.shapes.size > 0;
	});
	await page.waitForTimeout(300);
}

/** Screen rectangle of a layer's page bounds (any depth, rotation included). */
export async function screenBox(page: Page, id: string) {
	const doc = await docOf(page);
	const b = pageBounds(findLayer(doc, id)!);
	return page.evaluate(
		({ b }) => {
			const { view } = (window as unknown as Win).__haibao.editor;
			const r = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
			return {
				x: r.left + b.x * view.zoom + view.panX,
				y: r.top + b.y * view.zoom + view.panY,
				width: b.width * view.zoom,
				height: b.height * view.zoom,
				zoom: view.zoom
			};
		},
		{ b }
	);
}

export async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
	await page.mouse.up();
}

export const shot = (page: Page, name: string) =>
	page.screenshot({ path: test.info().outputPath(`${name}.png`) });

/** The price and its sticker as one group: the template's own group when it makes one, else grouped here. */
export function priceSticker(doc: PosterDocument): { document: PosterDocument; groupId: string } {
	const parent = findLayer(doc, 'price')!.parent;
	if (parent && findLayer(doc, parent.id)!.ancestors.length === 0)
		return { document: doc, groupId: parent.id };
	return groupLayers(doc, ['price-tag', 'price'], { name: '编组' });
}

export async function useEnglish(page: Page) {
	const base = test.info().project.use.baseURL!;
	await page.context().addCookies([{ name: 'haibao-locale', value: 'en', url: base }]);
}

/** Every visible text in the page whose contrast with its background is under WCAG AA. */
export function lowContrast(page: Page) {
	return page.evaluate(() => {
		type RGBA = { r: number; g: number; b: number; a: number };
		const parse = (c: string): RGBA | null => {
			const m = c.match(/rgba?\(([^)]+)\)/);
			if (!m) return null;
			const p = m[1]
				.split(/[\s,/]+/)
				.filter(Boolean)
				.map(Number);
			return { r: p[0], g: p[1], b: p[2], a: p[3] ?? 1 };
		};
		const over = (f: RGBA, b: RGBA): RGBA => ({
			r: f.r * f.a + b.r * (1 - f.a),
			g: f.g * f.a + b.g * (1 - f.a),
			b: f.b * f.a + b.b * (1 - f.a),
			a: 1
		});
		const lum = (c: RGBA) => {
			const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
			return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
		};
		const ratio = (a: RGBA, b: RGBA) => {
			const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
			return (x + 0.05) / (y + 0.05);
		};
		/** Solid background behind an element (null over pictures and gradients: not judged here). */
		const background = (el: Element): RGBA | null => {
			const stack: RGBA[] = [];
			for (let e: Element | null = el; e; e = e.parentElement) {
				const cs = getComputedStyle(e);
				if (cs.backgroundImage !== 'none') return null;
				const c = parse(cs.backgroundColor);
				if (c && c.a > 0) {
					stack.push(c);
					if (c.a >= 1) break;
				}
			}
			return stack.reverse().reduce((b, f) => over(f, b), { r: 255, g: 255, b: 255, a: 1 });
		};
		const out: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
			const field = el.matches(
				'input:not([type=range]):not([type=color]):not([type=checkbox]), select, textarea'
			);
			if (!own && !field) continue;
			if (el.closest(':disabled, [aria-disabled="true"], [data-testid="stage"], .text-editor')) continue;
			const rect = el.getBoundingClientRect();
			if (
				!rect.width ||
				!rect.height ||
				!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
			)
				continue;
			const cs = getComputedStyle(el);
			let fg = parse(cs.color);
			const bg = background(el);
			if (!fg || !bg) continue;
			let opacity = 1;
			for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
			fg = { ...fg, a: fg.a * opacity };
			const size = parseFloat(cs.fontSize);
			const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
			const r = ratio(over(fg, bg), bg);
			if (r < (large ? 3 : 4.5)) {
				const text = (el.textContent || (el as HTMLInputElement).value || '').trim().slice(0, 30);
				out.push(
					`${r.toFixed(2)} ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text}" ${cs.color} on ${JSON.stringify(bg)}`
				);
			}
		}
		return out;
	});
}
