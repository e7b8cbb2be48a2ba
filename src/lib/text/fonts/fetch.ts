// Browser side: the manifest and font files come from the /fonts routes, on demand (never bundled).
import { createFontLibrary, type FontLibraryLoader, type FontLibraryOptions } from './library';
import { parseManifest, type FontManifest } from './manifest';

/** A loader that fetches font files from `base` (the /fonts route), versioned by the manifest's hash. */
export function fetchLoader(manifest: FontManifest, base = '/fonts', fetchImpl: typeof fetch = fetch) {
	return async (file: string): Promise<Uint8Array> => {
		const version = manifest.fonts.find((f) => f.file === file)?.sha256;
		const url = `${base}/${encodeURIComponent(file)}${version ? `?v=${version}` : ''}`;
		const res = await fetchImpl(url);
		if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
		return new Uint8Array(await res.arrayBuffer());
	};
}

let shared: Promise<FontLibraryLoader> | undefined;

/** The browser's font library, one per page: manifest fetched once, faces fetched as ensure() asks. */
export function getBrowserFonts(base = '/fonts', options?: FontLibraryOptions): Promise<FontLibraryLoader> {
	shared ??= (async () => {
		const res = await fetch(`${base}/manifest.json`);
		if (!res.ok) throw new Error(`GET ${base}/manifest.json: ${res.status}`);
		const manifest = parseManifest(await res.json());
		return createFontLibrary(manifest, fetchLoader(manifest, base), options);
	})().catch((err) => {
		shared = undefined;
		throw err;
	});
	return shared;
}
