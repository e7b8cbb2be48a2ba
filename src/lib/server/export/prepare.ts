// Everything an export needs before drawing: the scene, decoded images and their original bytes
// (the PDF embeds the originals at full resolution), and the fonts. Shared by PNG, PDF and preflight.
import { loadImage, type Image } from '@napi-rs/canvas';
import type { Layer, PosterDocument } from '../../document/schema';
import { buildScene } from '../../render/build-scene';
import type { PaintResources } from '../../render/paint';
import type { Scene } from '../../render/scene';
import type { FontLibrary } from '../../text/types';

export interface ExportDeps {
	fonts: FontLibrary;
	/** Bytes of a stored asset; rejects when the asset does not exist. */
	loadAsset(id: string): Promise<Uint8Array>;
}

export interface LoadedAsset {
	id: string;
	bytes: Buffer;
	image: Image;
	width: number;
	height: number;
}

export interface PreparedExport {
	doc: PosterDocument;
	scene: Scene;
	resources: PaintResources;
	assets: Map<string, LoadedAsset>;
	/** Asset ids that could not be loaded (drawn as placeholders, reported by preflight). */
	missingAssets: string[];
}

export function assetIdsOf(layers: readonly Layer[], out = new Set<string>()): Set<string> {
	for (const layer of layers) {
		if (layer.hidden) continue;
		if (layer.type === 'group') assetIdsOf(layer.children, out);
		else if (layer.type === 'image' && layer.assetId) out.add(layer.assetId);
	}
	return out;
}

export async function loadAssets(ids: Iterable<string>, loadAsset: ExportDeps['loadAsset']) {
	const assets = new Map<string, LoadedAsset>();
	const missing: string[] = [];
	for (const id of ids) {
		try {
			const bytes = Buffer.from(await loadAsset(id));
			const image = await loadImage(bytes);
			assets.set(id, { id, bytes, image, width: image.width, height: image.height });
		} catch {
			missing.push(id);
		}
	}
	return { assets, missing };
}

export async function prepareExport(doc: PosterDocument, deps: ExportDeps): Promise<PreparedExport> {
	const { assets, missing } = await loadAssets(assetIdsOf(doc.layers), deps.loadAsset);
	const scene = buildScene(doc, deps.fonts, {
		imageSize: (id) => assets.get(id)
	});
	const images = new Map<string, Image>();
	for (const [id, asset] of assets) images.set(id, asset.image);
	return { doc, scene, resources: { images, fonts: deps.fonts }, assets, missingAssets: missing };
}
