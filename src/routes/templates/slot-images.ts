// Put chosen images (generated or picked before the document exists) into a freshly instantiated
// document's image slots. instantiate() leaves slot frames empty; their layer ids are the template
// element ids, so each slot's layers are found through the template's layout.
import type { Generation, Layer, PosterDocument } from '$lib/document/schema';
import type { Template } from '$lib/templates/schema';

export interface SlotImage {
	assetId: string;
	generation?: Generation | null;
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
	return { ...doc, layers: doc.layers.map(visit) };
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
