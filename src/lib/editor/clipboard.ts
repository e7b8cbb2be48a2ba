// Copy and paste of layers, within a document and between documents (and tabs): the clipboard is
// JSON with the layers as they are; pasting gives every layer (and group child) a new id.
import { newId } from '../document/ids';
import { Layer as LayerSchema, type Layer } from '../document/schema';
import { z } from 'zod';

export const CLIPBOARD_KIND = 'haibao/layers';
export const CLIPBOARD_STORAGE_KEY = 'haibao.clipboard';

export interface ClipboardPayload {
	kind: typeof CLIPBOARD_KIND;
	version: 1;
	/** The document copied from: pasting into the same one offsets the copies so they show. */
	sourceDocumentId: string;
	/** Page size of the source, to keep pasted layers on the target page. */
	page: { width: number; height: number };
	/** Bottom to top. */
	layers: Layer[];
}

const Payload = z.object({
	kind: z.literal(CLIPBOARD_KIND),
	version: z.literal(1),
	sourceDocumentId: z.string(),
	page: z.object({ width: z.number().positive(), height: z.number().positive() }),
	layers: z.array(LayerSchema).min(1)
});

export function makeClipboard(
	sourceDocumentId: string,
	page: { width: number; height: number },
	layers: readonly Layer[]
): ClipboardPayload {
	return {
		kind: CLIPBOARD_KIND,
		version: 1,
		sourceDocumentId,
		page: { width: page.width, height: page.height },
		layers: structuredClone([...layers])
	};
}

export const serializeClipboard = (p: ClipboardPayload) => JSON.stringify(p);

/** The payload in clipboard text, or null when the text is not ours (or is damaged). */
export function parseClipboard(text: string | null | undefined): ClipboardPayload | null {
	if (!text || !text.includes(CLIPBOARD_KIND)) return null;
	try {
		const parsed = Payload.safeParse(JSON.parse(text));
		return parsed.success ? (parsed.data as ClipboardPayload) : null;
	} catch {
		return null;
	}
}

/** A deep copy of a layer with new ids for it and all its children. */
export function withNewIds(layer: Layer): Layer {
	if (layer.type === 'group') return { ...layer, id: newId(), children: layer.children.map(withNewIds) };
	return { ...layer, id: newId() };
}

/**
 * The layers to insert for a paste into `target`: new ids; offset by `offset` pt when pasted into
 * the document they came from (so copies do not hide the originals); moved back onto the page when
 * the target page is smaller than where they were.
 */
export function layersForPaste(
	payload: ClipboardPayload,
	target: { id: string; page: { width: number; height: number } },
	pasteCount = 1,
	offset = 12
): Layer[] {
	const shift = payload.sourceDocumentId === target.id ? offset * pasteCount : 0;
	return payload.layers.map((l) => {
		const copy = withNewIds(structuredClone(l));
		let x = copy.x + shift;
		let y = copy.y + shift;
		if (x + copy.width > target.page.width) x = Math.max(0, target.page.width - copy.width);
		if (y + copy.height > target.page.height) y = Math.max(0, target.page.height - copy.height);
		return { ...copy, x, y };
	});
}
