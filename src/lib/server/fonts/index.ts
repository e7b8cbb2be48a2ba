// Server fonts: the manifest and files in <cwd>/fonts (or HAIBAO_FONTS), one library per process.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFontLibrary, isListedFile, parseManifest, type FontLibraryLoader, type FontManifest } from '../../text/fonts';

export function fontsDir(): string {
	return path.resolve(process.env.HAIBAO_FONTS || path.join(process.cwd(), 'fonts'));
}

/** Reads and validates <dir>/manifest.json (throws a clear error when missing or invalid). */
export function readManifest(dir = fontsDir()): FontManifest {
	const file = path.join(dir, 'manifest.json');
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		throw new Error(`font manifest not found: ${file} (set HAIBAO_FONTS to the fonts folder)`);
	}
	return parseManifest(JSON.parse(text));
}

/** A loader that reads only files the manifest lists, from `dir`. */
export function diskLoader(manifest: FontManifest, dir = fontsDir()) {
	return async (file: string): Promise<Uint8Array> => {
		if (!isListedFile(manifest, file)) throw new Error(`not a font of the manifest: ${file}`);
		const buf = await readFile(path.join(dir, file));
		return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
	};
}

const cache = new Map<string, FontLibraryLoader>();

/** The process-wide font library for the fonts folder; faces load on ensure() and stay loaded. */
export function getServerFonts(dir = fontsDir()): FontLibraryLoader {
	let lib = cache.get(dir);
	if (!lib) {
		const manifest = readManifest(dir);
		lib = createFontLibrary(manifest, diskLoader(manifest, dir));
		cache.set(dir, lib);
	}
	return lib;
}
