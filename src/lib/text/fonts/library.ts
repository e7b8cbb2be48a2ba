// The FontLibrary of src/lib/text/types.ts, built from the manifest and an injected byte loader
// (disk on the server, fetch in the browser). Faces load lazily, once, with opentype.js lowMemory.
import * as opentypeModule from 'opentype.js';
import type { Font } from 'opentype.js';
import type { FaceRef, FontLibrary, LoadedFace } from '../types';
import { faceKey, type FontEntry, type FontManifest } from './manifest';

/** opentype.js is CommonJS under Node (default export only) and ESM in bundles (named only). */
const opentype: { parse: typeof opentypeModule.parse } =
	typeof opentypeModule.parse === 'function' ? opentypeModule : (opentypeModule as unknown as { default: typeof opentypeModule }).default;

/** opentype.js parse, whichever way the module was loaded. */
export const parseOpenType = opentype.parse;

export type LoadBytes = (file: string) => Promise<Uint8Array>;

export interface FaceRequest {
	family: string;
	weight: number;
	italic?: boolean;
}

export interface FontLibraryOptions {
	/** Fallback for Han and anything no other face covers. */
	cjkSans?: string;
	/** Fallback for Latin characters a family lacks. */
	latin?: string;
}

export interface FontLibraryLoader extends FontLibrary {
	readonly manifest: FontManifest;
	/** Loads (once) the faces nearest to each request plus their fallbacks; 'all' loads every face. */
	ensure(families: readonly FaceRequest[] | 'all'): Promise<void>;
	/** Characters of `text` that neither the face nor its fallbacks cover (unique, in order). Needs ensure() first. */
	missingCharacters(text: string, family: string, weight: number, italic?: boolean): string[];
	/** The face that draws `codePoint`: the family's own face if it covers it, else the first fallback that does. */
	faceFor(family: string, weight: number, codePoint: number, italic?: boolean): LoadedFace | undefined;
	/** The manifest entry a request resolves to (nearest weight, then style), loaded or not. */
	entryFor(family: string, weight: number, italic?: boolean): FontEntry | undefined;
	hasFamily(family: string): boolean;
	families(): string[];
	loaded(): LoadedFace[];
}

/** CSS Fonts 4 weight matching: the nearest weight, searching in the direction the CSS rules give. */
export function nearestWeight(available: readonly number[], desired: number): number | undefined {
	if (available.length === 0) return undefined;
	if (available.includes(desired)) return desired;
	const below = available.filter((w) => w < desired).sort((a, b) => b - a);
	const above = available.filter((w) => w > desired).sort((a, b) => a - b);
	if (desired >= 400 && desired <= 500) {
		const upTo500 = above.filter((w) => w <= 500);
		return upTo500[0] ?? below[0] ?? above[0];
	}
	return desired < 400 ? (below[0] ?? above[0]) : (above[0] ?? below[0]);
}

/** Code points nobody draws: controls, format characters (ZWJ, ZWSP), line separators, variation selectors. */
const IGNORABLE = /^(?:\p{Cc}|\p{Cf}|\p{Zl}|\p{Zp}|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}])$/u;

export function isIgnorable(char: string): boolean {
	return IGNORABLE.test(char);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
		return bytes.buffer;
	}
	return bytes.slice().buffer as ArrayBuffer;
}

/** Parses one face. Exported for the benchmark and tests; the library calls it once per face. */
export function parseFace(entry: FontEntry, bytes: Uint8Array): LoadedFace {
	const font: Font = opentype.parse(toArrayBuffer(bytes), { lowMemory: true });
	const glyphIndexMap: Record<number, number> = font.tables.cmap?.glyphIndexMap ?? {};
	const ref: FaceRef = {
		key: faceKey(entry.family, entry.weight, entry.style),
		family: entry.family,
		weight: entry.weight,
		style: entry.style,
		unitsPerEm: font.unitsPerEm,
		ascender: font.ascender,
		descender: font.descender
	};
	return { ref, file: entry.file, bytes, font, covers: (cp: number) => (glyphIndexMap[cp] ?? 0) > 0 };
}

export function createFontLibrary(manifest: FontManifest, loadBytes: LoadBytes, options: FontLibraryOptions = {}): FontLibraryLoader {
	const cjkSans = options.cjkSans ?? 'Noto Sans SC';
	const latin = options.latin ?? 'Inter';
	const byFamily = new Map<string, FontEntry[]>();
	for (const entry of manifest.fonts) {
		const list = byFamily.get(entry.family) ?? [];
		list.push(entry);
		byFamily.set(entry.family, list);
	}
	const faces = new Map<string, LoadedFace>();
	const loading = new Map<string, Promise<LoadedFace>>();

	function entryFor(family: string, weight: number, italic = false): FontEntry | undefined {
		const entries = byFamily.get(family);
		if (!entries) return undefined;
		const style = italic ? 'italic' : 'normal';
		const sameStyle = entries.filter((e) => e.style === style);
		const pool = sameStyle.length > 0 ? sameStyle : entries;
		const w = nearestWeight(
			pool.map((e) => e.weight),
			weight
		);
		return pool.find((e) => e.weight === w);
	}

	const isCjk = (family: string) => byFamily.get(family)?.some((e) => e.scripts.includes('Hans')) ?? false;

	/** Fallback families in order: a Latin family's run falls back to the Latin default, then the CJK sans. */
	function fallbackFamilies(family: string): string[] {
		const known = byFamily.has(family);
		const order = known && !isCjk(family) ? [latin, cjkSans] : [cjkSans, latin];
		return order.filter((f) => f !== family && byFamily.has(f));
	}

	function load(entry: FontEntry): Promise<LoadedFace> {
		const key = faceKey(entry.family, entry.weight, entry.style);
		let pending = loading.get(key);
		if (!pending) {
			pending = loadBytes(entry.file)
				.then((bytes) => parseFace(entry, bytes))
				.then((face) => {
					faces.set(key, face);
					return face;
				})
				.catch((err: unknown) => {
					loading.delete(key); // a later ensure() may retry
					throw new Error(`cannot load font ${key} (${entry.file}): ${err instanceof Error ? err.message : String(err)}`);
				});
			loading.set(key, pending);
		}
		return pending;
	}

	function loadedFace(family: string, weight: number, italic = false): LoadedFace | undefined {
		const entry = entryFor(family, weight, italic);
		return entry ? faces.get(faceKey(entry.family, entry.weight, entry.style)) : undefined;
	}

	function fallbacks(family: string, weight: number): LoadedFace[] {
		return fallbackFamilies(family)
			.map((f) => loadedFace(f, weight))
			.filter((f): f is LoadedFace => f !== undefined);
	}

	function faceFor(family: string, weight: number, codePoint: number, italic = false): LoadedFace | undefined {
		const own = loadedFace(family, weight, italic);
		if (own?.covers(codePoint)) return own;
		return fallbacks(family, weight).find((f) => f.covers(codePoint));
	}

	return {
		manifest,
		face: loadedFace,
		fallbacks,
		byKey: (key) => faces.get(key),
		entryFor,
		faceFor,
		hasFamily: (family) => byFamily.has(family),
		families: () => [...byFamily.keys()],
		loaded: () => [...faces.values()],

		async ensure(requests) {
			const wanted = new Set<FontEntry>();
			if (requests === 'all') manifest.fonts.forEach((e) => wanted.add(e));
			else {
				for (const r of requests) {
					const own = entryFor(r.family, r.weight, r.italic);
					if (own) wanted.add(own);
					for (const f of fallbackFamilies(r.family)) {
						const e = entryFor(f, r.weight);
						if (e) wanted.add(e);
					}
				}
			}
			await Promise.all([...wanted].map(load));
		},

		missingCharacters(text, family, weight, italic = false) {
			const chain = [loadedFace(family, weight, italic), ...fallbacks(family, weight)].filter((f) => f !== undefined);
			if (chain.length === 0) throw new Error(`fonts for "${family}" are not loaded: call ensure() first`);
			const missing: string[] = [];
			for (const char of text) {
				if (isIgnorable(char) || missing.includes(char)) continue;
				const cp = char.codePointAt(0)!;
				if (!chain.some((f) => f.covers(cp))) missing.push(char);
			}
			return missing;
		}
	};
}
