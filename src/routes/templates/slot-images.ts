// Put chosen images (generated or picked before the document exists) into a freshly instantiated
// document's image slots. instantiate() leaves slot frames empty; their layer ids are the template
// element ids, so each slot's layers are found through the template's layout.
import type { Generation, Layer, PosterDocument } from '$lib/document/schema';
import type { Template } from '$lib/templates/schema';
import type { ImageRegion } from '$lib/templates/text-check';

/** A field the model drew but the user set in real type: where the model's text was, in its colour. */
export interface TypesetField {
	/** The covered text's box in the image (fractions); null: keep the template's place. */
	box: ImageRegion | null;
	/** #RRGGBB sampled from the model's lettering; null: keep the template's colour. */
	color: string | null;
}

export interface SlotImage {
	assetId: string;
	generation?: Generation | null;
	/** Fields set in real type over this image, by field id. */
	typeset?: Record<string, TypesetField>;
}

/** Page box of an image region, for an image of w×h drawn into `frame` with cover fit. */
function pageBox(frame: Layer, region: ImageRegion, w: number, h: number) {
	const scale = Math.max(frame.width / w, frame.height / h);
	const vw = frame.width / (w * scale);
	const vh = frame.height / (h * scale);
	const px = (f: number) => frame.x + ((f - (1 - vw) / 2) / vw) * frame.width;
	const py = (f: number) => frame.y + ((f - (1 - vh) / 2) / vh) * frame.height;
	const x0 = px(region.x0),
		x1 = px(region.x1),
		y0 = py(region.y0),
		y1 = py(region.y1);
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The typeset fields' layers: shown, moved onto the covered text, in its colour. */
function applyTypeset(
	template: Template,
	doc: PosterDocument,
	slot: string,
	image: SlotImage
): PosterDocument {
	const typeset = image.typeset ?? {};
	const frame = doc.layers.find((l) => slotLayerIds(template, slot).has(l.id));
	const g = image.generation;
	const layers = doc.layers.map((layer): Layer => {
		const t = layer.type === 'text' && layer.field ? typeset[layer.field] : undefined;
		if (!t || layer.type !== 'text') return layer;
		const found = t.box && frame && g ? pageBox(frame, t.box, g.width, g.height) : null;
		const color = t.color && /^#[0-9A-Fa-f]{6}$/.test(t.color) ? t.color : null;
		if (!found)
			return { ...layer, hidden: false, runs: color ? layer.runs.map((r) => ({ ...r, color })) : layer.runs };
		// The size the model drew (the found box's height, its width for a column), with a little
		// room around the glyphs so the fitted text keeps it.
		const drawn = Math.max(6, layer.vertical ? found.width : found.height);
		const scale = drawn / Math.max(...layer.runs.map((r) => r.size));
		return {
			...layer,
			hidden: false,
			x: found.x - found.width * 0.06,
			y: found.y - found.height * 0.15,
			width: found.width * 1.12,
			height: found.height * 1.3,
			rotation: 0,
			runs: layer.runs.map((r) => ({ ...r, size: r.size * scale, color: color ?? r.color })),
			fit: { ...layer.fit, mode: 'shrink' as const, maxSize: drawn }
		};
	});
	return { ...doc, layers };
}

/** Element ids → layer ids bound to `slot`. */
function slotLayerIds(template: Template, slot: string): Set<string> {
	return new Set(
		template.layout.elements.filter((e) => e.type === 'image' && e.slot === slot).map((e) => e.id)
	);
}

export function applySlotImages(
	template: Template,
	doc: PosterDocument,
	images: Readonly<Record<string, SlotImage>>
): PosterDocument {
	const bySlot = Object.entries(images).filter(([slot]) => template.slots.some((s) => s.id === slot));
	if (!bySlot.length) return doc;
	const ids = new Map<string, SlotImage>();
	for (const [slot, image] of bySlot) for (const id of slotLayerIds(template, slot)) ids.set(id, image);
	const visit = (layer: Layer): Layer => {
		if (layer.type === 'group') return { ...layer, children: layer.children.map(visit) };
		const image = layer.type === 'image' ? ids.get(layer.id) : undefined;
		if (!image || layer.type !== 'image') return layer;
		return { ...layer, assetId: image.assetId, generation: image.generation ?? null };
	};
	let out: PosterDocument = { ...doc, layers: doc.layers.map(visit) };
	for (const [slot, image] of bySlot) if (image.typeset) out = applyTypeset(template, out, slot, image);
	return out;
}

/** `{"slot": "assetId"}` or `{"slot": {assetId, generation}}` from a form field or query parameter. */
export function parseSlotImages(raw: string | null | undefined): Record<string, SlotImage> | null {
	if (!raw) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return null;
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
	const out: Record<string, SlotImage> = {};
	for (const [slot, value] of Object.entries(parsed)) {
		if (typeof value === 'string') out[slot] = { assetId: value };
		else if (value && typeof value === 'object' && typeof (value as SlotImage).assetId === 'string')
			out[slot] = value as SlotImage;
		else return null;
	}
	return out;
}
