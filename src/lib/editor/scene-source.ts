// Browser side of the scene: the fonts a document needs (loaded on demand from /fonts), its images
// (decoded from /api/assets), and buildScene with a layout cache so only changed text re-lays out.
import type { PosterDocument, Layer } from '../document/schema';
import { walkLayers } from '../document/tree';
import { buildScene, createSceneCache, type SceneCache } from '../render/build-scene';
import type { Scene } from '../render/scene';
import type { FaceRequest, FontLibraryLoader } from '../text/fonts';

export const assetUrl = (assetId: string) => `/api/assets/${encodeURIComponent(assetId)}`;

/** Every (family, weight, italic) the document's text asks for. */
export function fontRequests(layers: readonly Layer[]): FaceRequest[] {
	const seen = new Map<string, FaceRequest>();
	for (const { layer } of walkLayers(layers)) {
		if (layer.type !== 'text') continue;
		for (const r of layer.runs) {
			const req = { family: r.family, weight: r.weight ?? 400, italic: r.italic ?? false };
			seen.set(`${req.family}/${req.weight}/${req.italic}`, req);
		}
	}
	return [...seen.values()];
}

export function assetIds(layers: readonly Layer[]): string[] {
	const ids = new Set<string>();
	for (const { layer } of walkLayers(layers))
		if (layer.type === 'image' && layer.assetId) ids.add(layer.assetId);
	return [...ids];
}

export class SceneSource {
	readonly images = new Map<string, HTMLImageElement>();
	private readonly failed = new Set<string>();
	private readonly pending = new Set<string>();
	private cache: SceneCache = createSceneCache();

	constructor(
		readonly fonts: FontLibraryLoader,
		/** Called when an image finished decoding: the scene must be rebuilt (cover crops need sizes). */
		private readonly onImage: () => void
	) {}

	/** Load what `doc` needs (fonts awaited; images arrive later through onImage). */
	async prepare(doc: PosterDocument): Promise<void> {
		for (const id of assetIds(doc.layers)) this.loadImage(id);
		await this.fonts.ensure(fontRequests(doc.layers));
	}

	/** True when every font of `doc` is loaded (building now needs no waiting). */
	ready(doc: PosterDocument): boolean {
		return fontRequests(doc.layers).every(
			(r) => this.fonts.face(r.family, r.weight, r.italic) !== undefined || !this.fonts.hasFamily(r.family)
		);
	}

	build(doc: PosterDocument): Scene {
		return buildScene(doc, this.fonts, {
			cache: this.cache,
			imageSize: (id) => {
				const img = this.images.get(id);
				return img ? { width: img.naturalWidth, height: img.naturalHeight } : undefined;
			}
		});
	}

	/** Start decoding an asset; resolves when it is ready (or failed). */
	loadImage(assetId: string): Promise<void> {
		if (this.images.has(assetId) || this.failed.has(assetId) || this.pending.has(assetId))
			return Promise.resolve();
		this.pending.add(assetId);
		const img = new Image();
		img.decoding = 'async';
		return new Promise<void>((resolve) => {
			img.onload = () => {
				this.pending.delete(assetId);
				this.images.set(assetId, img);
				this.onImage();
				resolve();
			};
			img.onerror = () => {
				this.pending.delete(assetId);
				this.failed.add(assetId);
				resolve();
			};
			img.src = assetUrl(assetId);
		});
	}

	/** Wait until every image of the document has decoded (tests and screenshots). */
	async imagesSettled(doc: PosterDocument): Promise<void> {
		await Promise.all(assetIds(doc.layers).map((id) => this.loadImage(id)));
		while (this.pending.size) await new Promise((r) => setTimeout(r, 20));
	}
}
