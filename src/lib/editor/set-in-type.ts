// "Set it in real type" in the editor, as one document change: the image layer takes the patched
// copy (the model's lettering covered; the old asset kept for "previous image"), and each string
// becomes an editable Haibao text layer over where the model drew it, in the colour sampled from
// its lettering. A hidden field layer with the same text (a template field the model drew) is
// shown and moved; otherwise a new text layer is added above the image.
import { addLayer, findLayer, updateLayer } from '../document/operations';
import type { ImageLayer, PosterDocument, TextLayer } from '../document/schema';
import { placeImage } from '../render/image-fit';
import { normaliseText, type PixelBox } from '../templates/text-check';
import { newTextLayer } from './actions';

export interface TypesetString {
	text: string;
	/** Where the model drew it, in image pixels (null: it was not found; keep a sensible place). */
	box: PixelBox | null;
	/** #RRGGBB sampled from the lettering (null: keep the layer's colour). */
	ink: string | null;
	/** Read as a vertical column. */
	vertical?: boolean;
}

const layerText = (l: TextLayer) => l.runs.map((r) => r.text).join('');

/** Page box of an image-pixel box inside an image layer (its crop and fit; unrotated layers). */
export function imageBoxOnPage(layer: ImageLayer, box: PixelBox, imageW: number, imageH: number) {
	const { source, dest } = placeImage(layer.crop, layer.fit, imageW, imageH, layer.width, layer.height);
	const px = (f: number) => layer.x + dest.x + ((f - source.x) / source.width) * dest.width;
	const py = (f: number) => layer.y + dest.y + ((f - source.y) / source.height) * dest.height;
	const x0 = px(box.x / imageW);
	const x1 = px((box.x + box.width) / imageW);
	const y0 = py(box.y / imageH);
	const y1 = py((box.y + box.height) / imageH);
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function setInRealType(
	doc: PosterDocument,
	imageLayerId: string,
	patchedAssetId: string | null,
	image: { width: number; height: number },
	strings: readonly TypesetString[],
	locale: 'zh' | 'en',
	makeId: () => string = () => globalThis.crypto.randomUUID()
): PosterDocument {
	const found = findLayer(doc, imageLayerId)?.layer;
	if (!found || found.type !== 'image') throw new Error(`no image layer "${imageLayerId}"`);
	const frame = found;
	let next = doc;
	if (patchedAssetId && patchedAssetId !== frame.assetId) {
		const previous = [
			...(frame.generation?.previousAssetIds ?? []),
			...(frame.assetId ? [frame.assetId] : [])
		];
		next = updateLayer<ImageLayer>(next, frame.id, {
			assetId: patchedAssetId,
			generation: frame.generation ? { ...frame.generation, previousAssetIds: previous } : null
		});
	}
	const placeable = frame.rotation === 0;
	for (const s of strings) {
		const onPage = s.box && placeable ? imageBoxOnPage(frame, s.box, image.width, image.height) : null;
		// Room around the glyphs, so the fitted text keeps the size the model drew.
		const box = onPage && {
			x: onPage.x - onPage.width * 0.06,
			y: onPage.y - onPage.height * 0.15,
			width: onPage.width * 1.12,
			height: onPage.height * 1.3
		};
		const hidden = next.layers.find(
			(l): l is TextLayer =>
				l.type === 'text' && l.hidden && normaliseText(layerText(l)) === normaliseText(s.text)
		);
		// The size the model drew: the found box's height (width for a column) in points.
		const drawnSize = onPage ? Math.max(6, s.vertical ? onPage.width : onPage.height) : null;
		if (hidden) {
			const largest = Math.max(...hidden.runs.map((r) => r.size));
			const scale = drawnSize ? drawnSize / largest : 1;
			next = updateLayer<TextLayer>(next, hidden.id, {
				hidden: false,
				...(box ? { ...box, rotation: 0 } : {}),
				runs: hidden.runs.map((r) => ({ ...r, size: r.size * scale, color: s.ink ?? r.color })),
				...(drawnSize ? { fit: { ...hidden.fit, mode: 'shrink' as const, maxSize: drawnSize } } : {})
			});
			continue;
		}
		const base = newTextLayer(next, locale);
		const size = drawnSize ?? base.runs[0].size;
		const layer: TextLayer = {
			...base,
			id: makeId(),
			name: s.text.slice(0, 24),
			...(box ?? {}),
			verticalAlign: 'middle',
			vertical: s.vertical ?? false,
			runs: [{ ...base.runs[0], text: s.text, size, color: s.ink ?? base.runs[0].color }],
			fit: { mode: 'shrink', minSize: 6, maxSize: Math.max(size, 6) }
		};
		const index = next.layers.findIndex((l) => l.id === frame.id);
		next = addLayer(next, layer, index >= 0 ? { index: index + 1 } : {});
	}
	return next;
}
