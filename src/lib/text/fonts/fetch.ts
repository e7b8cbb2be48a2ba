// Browser side: the manifest and font files come from the /fonts routes, on demand (never bundled).
import { createFontLibrary, type FontLibraryLoader, type FontLibraryOptions } from './library';
import { parseManifest } from './manifest';

/** A loader that fetches font files from `base` (the /fonts route by default). */
export function fetchLoader(base = '/fonts', fetchImpl: typeof fetch = fetch) {
	return async (file: string): Promise<Uint8Array> => {
		const res = await fetchImpl(`${base}/${encodeURIComponent(file)}`);
		if (!res.ok) throw new Error(`GET ${base}/${file}: ${res.status}`);
		return new Uint8Array(await res.arrayBuffer());
	};
}

let shared: Promise<FontLibraryLoader> | undefined;

/** The browser's font library, one per page: manifest fetched once, faces fetched as ensure() asks. */
export function getBrowserFonts(base = '/fonts', options?: FontLibraryOptions): Promise<FontLibraryLoader> {
	shared ??= (async () => {
		const res = await fetch(`${base}/manifest.json`);
		if (!res.ok) throw new Error(`GET ${base}/manifest.json: ${res.status}`);
		return createFontLibrary(parseManifest(await res.json()), fetchLoader(base), options);
	})().catch((err) => {
		shared = undefined;
		throw err;
	});
	return shared;
}
