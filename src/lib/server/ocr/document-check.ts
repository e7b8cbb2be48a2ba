// The text check for a whole document (preflight, `haibao poster --check-text`): every image that
// a model drew text into is read back. What an image should say: the quoted strings of the prompt
// it was generated from, and the text of hidden field layers over it (fields the model draws);
// strings a visible text layer now shows (set in real type) are no longer expected in the image.
import type { ImageLayer, Layer, PosterDocument, TextLayer } from '../../document/schema';
import {
	normaliseText,
	quotedStrings,
	type ImageRegion,
	type TextCheck,
	type TextExpectation
} from '../../templates/text-check';

export interface ImageTextCheck {
	layerId: string;
	assetId: string;
	check: TextCheck;
}

export interface DocumentTextIssue {
	code: 'text-not-read-back';
	severity: 'warning';
	layerId: string;
	message: { zh: string; en: string };
	detail: { expected: string; found: string | null; verdict: 'near' | 'missing'; field: string | null };
}

type Checker = (image: Buffer, expectations: TextExpectation[]) => Promise<TextCheck>;

const layerText = (l: TextLayer) => l.runs.map((r) => r.text).join('');

/** Where a page box lands in an image drawn into `frame` with cover fit (centred). */
function regionIn(frame: ImageLayer, box: Layer, imageW: number, imageH: number): ImageRegion {
	const scale = Math.max(frame.width / imageW, frame.height / imageH);
	const vw = frame.width / (imageW * scale);
	const vh = frame.height / (imageH * scale);
	const fx = (x: number) => (1 - vw) / 2 + ((x - frame.x) / frame.width) * vw;
	const fy = (y: number) => (1 - vh) / 2 + ((y - frame.y) / frame.height) * vh;
	const clamp = (v: number) => Math.min(1, Math.max(0, v));
	return {
		x0: clamp(fx(box.x)),
		y0: clamp(fy(box.y)),
		x1: clamp(fx(box.x + box.width)),
		y1: clamp(fy(box.y + box.height))
	};
}

const overlapsFrame = (a: Layer, b: Layer) =>
	a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** The strings each image layer should show, before its size is known (regions come later). */
export function imageExpectations(
	doc: PosterDocument,
	embeddedPrompt: (layer: ImageLayer) => string | null = () => null
): { layer: ImageLayer; hidden: TextLayer[]; texts: string[] }[] {
	const top = doc.layers;
	const texts = top.filter((l): l is TextLayer => l.type === 'text');
	const shown = new Set(texts.filter((l) => !l.hidden).map((l) => normaliseText(layerText(l))));
	const out: { layer: ImageLayer; hidden: TextLayer[]; texts: string[] }[] = [];
	for (const layer of top) {
		if (layer.type !== 'image' || !layer.assetId || layer.hidden) continue;
		const hidden = texts.filter((t) => t.hidden && t.field && overlapsFrame(t, layer));
		const prompt = layer.generation?.prompt ?? embeddedPrompt(layer);
		const wanted = [...(prompt ? quotedStrings(prompt) : []), ...hidden.map(layerText)];
		const unique: string[] = [];
		for (const w of wanted) {
			const key = normaliseText(w);
			if (key && !shown.has(key) && !unique.some((u) => normaliseText(u) === key)) unique.push(w);
		}
		if (unique.length) out.push({ layer, hidden, texts: unique });
	}
	return out;
}

export async function checkDocumentText(
	doc: PosterDocument,
	loadAsset: (id: string) => Promise<Uint8Array>,
	check: Checker,
	embeddedPrompt?: (layer: ImageLayer) => string | null
): Promise<ImageTextCheck[]> {
	const results: ImageTextCheck[] = [];
	for (const { layer, hidden, texts } of imageExpectations(doc, embeddedPrompt)) {
		const bytes = Buffer.from(await loadAsset(layer.assetId!));
		const size = imageSize(bytes);
		const expectations: TextExpectation[] = texts.map((text) => {
			const h = hidden.find((l) => normaliseText(layerText(l)) === normaliseText(text));
			return {
				text,
				...(h?.field ? { field: h.field } : {}),
				...(h && size ? { region: regionIn(layer, h, size.width, size.height) } : {})
			};
		});
		results.push({ layerId: layer.id, assetId: layer.assetId!, check: await check(bytes, expectations) });
	}
	return results;
}

/** PNG and JPEG sizes from their headers (regions need them before the OCR runs). */
function imageSize(b: Buffer): { width: number; height: number } | null {
	if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47)
		return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
	if (b[0] === 0xff && b[1] === 0xd8) {
		let o = 2;
		while (o + 9 < b.length) {
			const marker = b[o + 1];
			const len = b.readUInt16BE(o + 2);
			if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
				return { height: b.readUInt16BE(o + 5), width: b.readUInt16BE(o + 7) };
			o += 2 + len;
		}
	}
	return null;
}

/** Preflight items: one per expected string that does not read back exactly. */
export function textIssues(results: readonly ImageTextCheck[]): DocumentTextIssue[] {
	return results.flatMap(({ layerId, check }) =>
		check.fields
			.filter((f) => f.verdict !== 'exact')
			.map((f) => ({
				code: 'text-not-read-back' as const,
				severity: 'warning' as const,
				layerId,
				message:
					f.verdict === 'near'
						? {
								zh: `图片中的文字“${f.expected}”读出来是“${f.found}”，可能写错了字；可换一个种子，或改用真实文字图层。`,
								en: `The text "${f.expected}" in the image reads as "${f.found}": the model may have got a character wrong. Try another seed or set it in real type.`
							}
						: {
								zh: `图片中找不到文字“${f.expected}”；可换一个种子，或改用真实文字图层。`,
								en: `The text "${f.expected}" cannot be read in the image. Try another seed or set it in real type.`
							},
				detail: {
					expected: f.expected,
					found: f.found,
					verdict: f.verdict as 'near' | 'missing',
					field: f.field
				}
			}))
	);
}
