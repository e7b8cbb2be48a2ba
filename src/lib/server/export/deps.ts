// Default fonts and asset loader of an export: the server's font library (faces the document
// uses loaded first) and the stored assets. Callers (tests, the CLI) may pass their own.
import type { Layer, PosterDocument } from '../../document/schema';
import type { FaceRequest } from '../../text/fonts/library';
import type { FontLibrary } from '../../text/types';
import { initShaper } from '../../text/layout';
import { getServerFonts } from '../fonts';
import type { ExportDeps } from './prepare';

export function faceRequests(layers: readonly Layer[], out: FaceRequest[] = []): FaceRequest[] {
	for (const layer of layers) {
		if (layer.hidden) continue;
		if (layer.type === 'group') faceRequests(layer.children, out);
		else if (layer.type === 'text')
			for (const run of layer.runs)
				out.push({ family: run.family, weight: run.weight ?? 400, italic: run.italic ?? false });
	}
	return out;
}

type Ensurable = FontLibrary & { ensure?(requests: readonly FaceRequest[]): Promise<void> };

export async function resolveExportDeps(
	doc: PosterDocument,
	given: Partial<ExportDeps> = {}
): Promise<ExportDeps> {
	// The text engine shapes with harfbuzz.wasm, loaded once per process.
	await initShaper();
	const fonts: Ensurable = given.fonts ?? getServerFonts();
	if (typeof fonts.ensure === 'function') await fonts.ensure(faceRequests(doc.layers));
	const loadAsset =
		given.loadAsset ??
		(async (id: string) => {
			// Loaded on demand so an export with its own loader never opens the database.
			const { getAssetBytes } = await import('../storage/assets');
			const bytes = getAssetBytes(id);
			if (!bytes) throw new Error(`asset ${id} not found`);
			return bytes;
		});
	return { fonts, loadAsset };
}
