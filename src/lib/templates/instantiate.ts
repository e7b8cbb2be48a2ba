// instantiate(template, format, values) → a PosterDocument: the template's artwork as shape layers,
// its text as fitted text layers bound to their fields, and empty image frames for the model's image.
import { PosterDocument, SCHEMA_VERSION, type Layer, type Paint, type TextRun } from '../document/schema';
import {
	effectiveTextModes,
	elementApplies,
	fontSizePt,
	resolveColor,
	resolveElements,
	type ReferenceBoxes,
	type ResolvedElement
} from './layout';
import { getPreset, type FormatPreset } from './presets';
import { qrFieldErrors, qrGroupLayer } from './qr';
import type { Field, ImageElement, PaintRef, ShapeElement, Template, TextElement } from './schema';
import type { TextLayer } from '../document/schema';
import type { TextLayout } from '../text/types';
import { displayValue, hasHan, parsePrice, validateValues, type FieldError, type Locale } from './values';

export interface InstantiateOptions {
	locale?: Locale;
	/**
	 * Per text field: "model" means the image model draws it, so its layer is created hidden (the
	 * user can show it again). Fields outside the generated image always stay visible layers.
	 */
	textModes?: Readonly<Record<string, 'layer' | 'model'>>;
	/**
	 * Lays out a text layer with the real text engine (the server passes one with its fonts loaded).
	 * With it, text elements declared `below` another are placed under that text's real last line;
	 * without it they keep their template boxes.
	 */
	measure?: (layer: TextLayer) => Pick<TextLayout, 'lines'>;
	/** Document id (default: a random UUID) and timestamp (default: now), for reproducible output. */
	id?: string;
	now?: string;
}

export type InstantiateResult = { ok: true; document: PosterDocument } | { ok: false; errors: FieldError[] };

export function instantiate(
	template: Template,
	format: string | FormatPreset,
	values: Readonly<Record<string, string>>,
	options: InstantiateOptions = {}
): InstantiateResult {
	const locale = options.locale ?? 'zh';
	const preset = typeof format === 'string' ? getPreset(format) : format;
	const formatId = typeof format === 'string' ? format : format.id;
	if (!preset || (!template.formats.includes(preset.id) && !preset.id.startsWith('custom-'))) {
		return {
			ok: false,
			errors: [
				{
					field: 'format',
					zh: `模板“${template.name.zh}”不提供格式“${formatId}”，可选：${template.formats.join('、')}`,
					en: `Template "${template.name.en}" does not offer format "${formatId}"; choose one of ${template.formats.join(', ')}.`
				}
			]
		};
	}
	const errors = [...validateValues(template, values), ...qrFieldErrors(template, values)];
	if (errors.length) return { ok: false, errors };

	const trimmed: Record<string, string> = {};
	for (const [k, v] of Object.entries(values)) if (v.trim()) trimmed[k] = v.trim();
	const fields = new Map(template.fields.map((f) => [f.id, f]));
	const { refs, elements } = resolveElements(template, preset);
	const modes = effectiveTextModes(template, preset, options.textModes);
	const layers: Layer[] = [];
	for (const resolved of elements) {
		const e = resolved.element;
		if (!elementApplies(e, trimmed)) continue;
		const field = e.type !== 'shape' && e.field ? fields.get(e.field) : undefined;
		if (e.type === 'text') {
			const text = field ? trimmed[field.id] : e.text?.[locale];
			if (!text) continue;
			const mode = field ? modes[field.id] : 'layer';
			layers.push(textLayer(template, resolved, e, field, text, refs, locale, mode === 'model'));
		} else if (e.type === 'image' && field?.kind === 'qr') {
			// Drawn as vector modules; an empty optional QR field leaves the element out.
			const text = trimmed[field.id];
			if (text) layers.push(qrGroupLayer(resolved, field, text, template.palette, locale));
		} else if (e.type === 'image') {
			layers.push(imageLayer(template, resolved, field, trimmed, locale));
		} else {
			layers.push(shapeLayer(template, resolved, refs, locale));
		}
	}

	if (options.measure) flowBelow(elements, layers, refs.short, options.measure);
	const grouped = groupLayers(template, layers, locale);
	const headline = dominantText(grouped);
	const now = options.now ?? new Date().toISOString();
	const document = PosterDocument.parse({
		schemaVersion: SCHEMA_VERSION,
		id: options.id ?? globalThis.crypto.randomUUID(),
		title: headline ?? template.name[locale],
		page: {
			preset: preset.id,
			width: refs.width,
			height: refs.height,
			bleedMm: preset.bleedMm,
			safeMm: preset.safeMm,
			hiddenBottomMm: preset.hiddenBottomMm,
			dpi: preset.dpi,
			background: template.palette.background
		},
		layers: grouped,
		source: { templateId: template.id, formatId: preset.id, values: trimmed, locale },
		createdAt: now,
		updatedAt: now
	});
	return { ok: true, document };
}

const base = (r: ResolvedElement, name: string) => ({
	id: r.element.id,
	name,
	x: r.box.x,
	y: r.box.y,
	width: r.box.width,
	height: r.box.height,
	rotation: r.element.rotation,
	opacity: r.element.opacity,
	locked: false,
	hidden: false
});

function paint(p: PaintRef | undefined, palette: Record<string, string>): Paint | null {
	if (!p) return null;
	if (p.type === 'solid') return { type: 'solid', color: resolveColor(p.color, palette) };
	return {
		type: 'linear',
		angle: p.angle,
		stops: p.stops.map((s) => ({ offset: s.offset, color: resolveColor(s.color, palette) }))
	};
}

function textLayer(
	template: Template,
	r: ResolvedElement,
	e: TextElement,
	field: Field | undefined,
	value: string,
	refs: ReferenceBoxes,
	locale: Locale,
	drawnByModel: boolean
): Layer {
	const s = e.style;
	let text = field ? displayValue(field, value, locale) : value;
	if (s.uppercase) text = text.toUpperCase();
	const latin = !hasHan(text) && s.latinFamily;
	const family = latin ? s.latinFamily! : s.family;
	const weight = latin ? (s.latinWeight ?? s.weight) : s.weight;
	const size = fontSizePt(s, refs);
	const color = resolveColor(s.color, template.palette);
	const run = (t: string, runSize: number): TextRun => ({
		text: t,
		family,
		weight,
		italic: false,
		size: runSize,
		color
	});
	let runs = [run(text, size)];
	const price = field?.kind === 'price' ? parsePrice(value, field.currency) : null;
	if (price && s.currencyScale < 1)
		runs = [run(price.symbol, size * s.currencyScale), run(price.amount, size)];
	const name = field ? field.label[locale] : text.slice(0, 24);
	return {
		...base(r, name),
		hidden: drawnByModel,
		type: 'text',
		runs,
		align: s.align,
		verticalAlign: s.verticalAlign,
		vertical: s.vertical,
		letterSpacing: s.letterSpacing,
		lineHeight: s.lineHeight,
		stroke: s.stroke
			? { color: resolveColor(s.stroke.color, template.palette), width: s.stroke.width * size }
			: null,
		shadow: s.shadow
			? {
					color: resolveColor(s.shadow.color, template.palette),
					blur: s.shadow.blur * size,
					offsetX: s.shadow.x * size,
					offsetY: s.shadow.y * size
				}
			: null,
		fit: { mode: 'shrink', minSize: Math.max(4, size * s.minScale), maxSize: size },
		field: field?.id ?? null
	};
}

function imageLayer(
	template: Template,
	r: ResolvedElement,
	field: Field | undefined,
	values: Record<string, string>,
	locale: Locale
): Layer {
	const e = r.element as ImageElement;
	const name = field ? field.label[locale] : locale === 'zh' ? '生成图片' : 'Generated image';
	// Image fields carry an asset id (QR fields never get here: they become vector groups).
	const assetId = field?.kind === 'image' ? (values[field.id] ?? null) : null;
	return {
		...base(r, name),
		type: 'image',
		assetId,
		crop: null,
		fit: e.fit,
		filters: { brightness: 1, contrast: 1, saturation: 1, blur: 0 },
		flipX: false,
		flipY: false,
		cornerRadius: e.cornerRadius * Math.min(r.box.width, r.box.height),
		placeholder: paint(e.placeholder, template.palette),
		generation: null,
		field: field?.id ?? null
	};
}

/**
 * Text that follows other text: each element with `below` starts `gap` under the laid-out bottom of
 * the text it follows (its last line, wherever fitting put it) and keeps its own bottom edge, so it
 * moves down (and shrinks to fit) under a long headline and moves up under a short one. In element
 * order, so a chain (subtitle below headline, date below subtitle) flows top to bottom.
 */
function flowBelow(
	elements: readonly ResolvedElement[],
	layers: Layer[],
	short: number,
	measure: NonNullable<InstantiateOptions['measure']>
) {
	for (const { element: e } of elements) {
		if (e.type !== 'text' || !e.below) continue;
		const i = layers.findIndex((l) => l.id === e.id);
		const above = layers.find((l) => l.id === e.below!.id);
		if (i < 0 || !above || above.type !== 'text' || above.hidden) continue;
		const lines = measure(above).lines;
		if (!lines.length) continue;
		const textBottom = above.y + Math.max(...lines.map((l) => l.y + l.height));
		const layer = layers[i];
		const bottom = layer.y + layer.height;
		const top = textBottom + e.below.gap * short;
		// Never thinner than one line at the smallest size fitting allows.
		const minHeight = layer.type === 'text' ? (layer.fit?.minSize ?? 4) * (layer.lineHeight ?? 1.2) : 0;
		layers[i] = { ...layer, y: top, height: Math.max(minHeight, bottom - top) };
	}
}

/**
 * The template's groups (a price and its sticker, a badge and its label) as group layers, so they
 * move together in the editor. A group takes the place of its members in the stacking order; its
 * box is the union of theirs and the children are placed relative to it. A group with fewer than
 * two members present (optional fields left empty) is not made.
 */
function groupLayers(template: Template, layers: Layer[], locale: Locale): Layer[] {
	let out = layers;
	for (const g of template.layout.groups) {
		const members = out.filter((l) => g.members.includes(l.id));
		if (members.length < 2) continue;
		const x = Math.min(...members.map((l) => l.x));
		const y = Math.min(...members.map((l) => l.y));
		const width = Math.max(...members.map((l) => l.x + l.width)) - x;
		const height = Math.max(...members.map((l) => l.y + l.height)) - y;
		const group: Layer = {
			id: g.id,
			name: g.name[locale],
			type: 'group',
			x,
			y,
			width,
			height,
			rotation: 0,
			opacity: 1,
			locked: false,
			hidden: false,
			children: members.map((l) => ({ ...l, x: l.x - x, y: l.y - y }))
		};
		const at = out.indexOf(members[0]);
		out = out.filter((l) => !members.includes(l));
		out.splice(at, 0, group);
	}
	return out;
}

/** The design's title: the text of the largest visible field-bound text (the headline). */
function dominantText(layers: readonly Layer[]): string | undefined {
	let best: { size: number; text: string } | undefined;
	const all = (ls: readonly Layer[]): Layer[] =>
		ls.flatMap((l) => (l.type === 'group' ? all(l.children) : [l]));
	for (const l of all(layers)) {
		if (l.type !== 'text' || l.hidden || !l.field) continue;
		const size = Math.max(...l.runs.map((r) => r.size));
		if (!best || size > best.size) best = { size, text: l.runs.map((r) => r.text).join('') };
	}
	return best?.text.replace(/\s+/g, ' ').trim();
}

/** Users see layer names in the layers panel: plain words in their language, not template ids. */
const SHAPE_NAMES = {
	background: { zh: '背景', en: 'Background' },
	rect: { zh: '矩形', en: 'Rectangle' },
	ellipse: { zh: '圆形', en: 'Ellipse' },
	line: { zh: '线条', en: 'Line' },
	path: { zh: '图形', en: 'Graphic' }
} as const;

function shapeLayer(template: Template, r: ResolvedElement, refs: ReferenceBoxes, locale: Locale): Layer {
	const e = r.element as ShapeElement;
	const fullBleed = e.box.ref === 'bleed' && e.box.x <= 0 && e.box.y <= 0 && e.box.w >= 1 && e.box.h >= 1;
	return {
		...base(r, SHAPE_NAMES[fullBleed ? 'background' : e.shape][locale]),
		// The page background should not move when the user drags across it.
		locked: fullBleed,
		type: 'shape',
		shape: e.shape,
		path: e.path ?? null,
		viewBox: e.viewBox ?? null,
		fill: paint(e.fill, template.palette),
		stroke: e.stroke
			? {
					color: resolveColor(e.stroke.color, template.palette),
					width: e.stroke.width * refs.short,
					dash: e.stroke.dash
				}
			: null,
		cornerRadius: e.cornerRadius * refs.short
	};
}
