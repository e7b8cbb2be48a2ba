// Resolving a template's relative layout on one format: overrides applied, boxes in pt.
// Shared by instantiate (document layers) and the prompt builder (calm areas, text positions).
import { mmToPt, type Box as PtBox } from '../geometry';
import { aspectClass, presetSizePt, type FormatPreset } from './presets';
import type { Box, Element, ElementOverride, Template } from './schema';

export interface ReferenceBoxes {
	/** Trim size, pt. */
	width: number;
	height: number;
	short: number;
	bleed: PtBox;
	page: PtBox;
	safe: PtBox;
	content: PtBox;
}

/** The four reference boxes of a format, in pt, origin at the trim's top-left. */
export function referenceBoxes(preset: FormatPreset, margin: number): ReferenceBoxes {
	const { width, height } = presetSizePt(preset);
	const short = Math.min(width, height);
	const bleed = mmToPt(preset.bleedMm);
	const safe = mmToPt(preset.safeMm);
	const hidden = mmToPt(preset.hiddenBottomMm);
	const inset = Math.max(safe, margin * short);
	return {
		width,
		height,
		short,
		bleed: { x: -bleed, y: -bleed, width: width + 2 * bleed, height: height + 2 * bleed },
		page: { x: 0, y: 0, width, height },
		safe: { x: safe, y: safe, width: width - 2 * safe, height: height - 2 * safe - hidden },
		content: { x: inset, y: inset, width: width - 2 * inset, height: height - 2 * inset - hidden }
	};
}

/** A relative box → pt. With `aspect`, the largest box of that aspect inside, placed by `align`. */
export function resolveBox(box: Box, refs: ReferenceBoxes): PtBox {
	const ref = refs[box.ref];
	let width = box.w * ref.width;
	let height = box.h * ref.height;
	let x = ref.x + box.x * ref.width;
	let y = ref.y + box.y * ref.height;
	if (box.aspect) {
		const fitted = Math.min(width, height * box.aspect);
		const fittedHeight = fitted / box.aspect;
		x += (width - fitted) * box.align[0];
		y += (height - fittedHeight) * box.align[1];
		width = fitted;
		height = fittedHeight;
	}
	return { x, y, width, height };
}

/** Override keys that apply to a format, in order: its aspect class, then its preset id. */
export function overrideKeys(preset: FormatPreset): string[] {
	const { width, height } = presetSizePt(preset);
	return [aspectClass(width, height), preset.id];
}

/** The keys of `o` that are set (an absent key never resets a value). */
const defined = <T extends object>(o: T | undefined): Partial<T> =>
	Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

function applyOverride(e: Element, o: ElementOverride): Element {
	const next = { ...e, box: { ...e.box, ...defined(o.box) } } as Element;
	if (o.rotation !== undefined) next.rotation = o.rotation;
	if (o.opacity !== undefined) next.opacity = o.opacity;
	if (o.hidden !== undefined) next.hidden = o.hidden;
	if (next.type === 'text' && o.style) next.style = { ...next.style, ...defined(o.style) };
	if (next.type === 'shape') {
		if (o.fill) next.fill = o.fill;
		if (o.path) next.path = o.path;
		if (o.viewBox) next.viewBox = o.viewBox;
	}
	return next;
}

export interface ResolvedElement {
	element: Element;
	/** Box in pt, page coordinates (origin at the trim's top-left). */
	box: PtBox;
}

/** The template's visible elements on this format, bottom to top, with their boxes in pt. */
export function resolveElements(
	template: Template,
	preset: FormatPreset
): { refs: ReferenceBoxes; elements: ResolvedElement[] } {
	const refs = referenceBoxes(preset, template.layout.margin);
	const keys = overrideKeys(preset);
	const elements: ResolvedElement[] = [];
	for (const original of template.layout.elements) {
		let element = original;
		for (const key of keys) {
			const o = template.layout.overrides[key]?.[element.id];
			if (o) element = applyOverride(element, o);
		}
		if (element.hidden) continue;
		elements.push({ element, box: resolveBox(element.box, refs) });
	}
	return { refs, elements };
}

/** Font size in pt of a text style on this format. */
export function fontSizePt(
	style: { size: number; sizeRef: 'short' | 'height' | 'width' },
	refs: ReferenceBoxes
): number {
	const base = style.sizeRef === 'height' ? refs.height : style.sizeRef === 'width' ? refs.width : refs.short;
	return style.size * base;
}

/** "@name" → the palette colour; hex passes through. */
export function resolveColor(color: string, palette: Record<string, string>): string {
	if (!color.startsWith('@')) return color;
	const hex = palette[color.slice(1)];
	if (!hex) throw new Error(`palette has no colour "${color.slice(1)}"`);
	return hex;
}

/** Whether an element applies to these values: `requires` filled, `script` matching its field's value. */
export function elementApplies(e: Element, values: Readonly<Record<string, string>>): boolean {
	if (e.requires && !values[e.requires]?.trim()) return false;
	if (e.script) {
		const key = e.type !== 'shape' && e.field ? e.field : e.requires;
		const value = key ? (values[key] ?? '') : '';
		if (/\p{Script=Han}/u.test(value) !== (e.script === 'han')) return false;
	}
	return true;
}

/** Fraction of `a`'s area that lies inside `b`. */
export function overlapFraction(a: PtBox, b: PtBox): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	const area = a.width * a.height;
	return w > 0 && h > 0 && area > 0 ? (w * h) / area : 0;
}

/** The box of the image element that shows the prompt recipe's slot (the largest, if several). */
export function promptSlotBox(template: Template, elements: readonly ResolvedElement[]): PtBox | undefined {
	const slot = template.prompt?.slot;
	let best: PtBox | undefined;
	for (const { element, box } of elements) {
		if (
			element.type === 'image' &&
			element.slot === slot &&
			(!best || box.width * box.height > best.width * best.height)
		)
			best = box;
	}
	return best;
}

/**
 * Which text fields the image model really draws: a field asked for in "model" mode whose text
 * box lies (mostly) outside the generated image stays a Haibao layer.
 */
export function effectiveTextModes(
	template: Template,
	preset: FormatPreset,
	requested: Readonly<Record<string, 'layer' | 'model'>> = {}
): Record<string, 'layer' | 'model'> {
	const { elements } = resolveElements(template, preset);
	const slotBox = promptSlotBox(template, elements);
	const modes: Record<string, 'layer' | 'model'> = {};
	for (const f of template.fields) {
		if (f.kind === 'image' || f.kind === 'qr') continue;
		const wanted = requested[f.id] ?? f.mode;
		const boxes = elements
			.filter((r) => r.element.type === 'text' && r.element.field === f.id)
			.map((r) => r.box);
		const inside = !!slotBox && boxes.length > 0 && boxes.every((b) => overlapFraction(b, slotBox) >= 0.8);
		modes[f.id] = wanted === 'model' && inside ? 'model' : 'layer';
	}
	return modes;
}
