// HarfBuzz shaping over the raw harfbuzz.wasm shipped by harfbuzzjs.
// We instantiate the wasm ourselves (instead of importing harfbuzzjs, whose module entry loads the
// wasm with a top-level await from a path we cannot choose) so that the same code runs in Node
// (file read) and in the browser (a URL the caller passes, e.g. a Vite `?url` import), and so that
// shaping is one synchronous call that reads glyphs straight out of wasm memory.
import type { LoadedFace } from './types';

/** One shaped glyph, in font units; `cluster` is a UTF-16 index into the shaped string. */
export interface ShapedGlyphs {
	count: number;
	glyphId: Uint32Array;
	cluster: Uint32Array;
	xAdvance: Int32Array;
	yAdvance: Int32Array;
	xOffset: Int32Array;
	yOffset: Int32Array;
}

export interface ShapeOptions {
	direction: 'ltr' | 'ttb';
	/** ISO 15924 script ("Hani", "Latn"). */
	script: string;
	/** BCP 47 language ("zh-Hans", "en"). */
	language: string;
	/** HarfBuzz feature strings ("kern", "-liga", "halt"). */
	features?: readonly string[];
}

type Exports = Record<string, (...args: number[]) => number> & { memory: WebAssembly.Memory };
let hb: Exports | undefined;

const HB_DIRECTION_LTR = 4;
const HB_DIRECTION_TTB = 6;
const HB_MEMORY_MODE_READONLY = 1;

function heapU8(): Uint8Array {
	return new Uint8Array(hb!.memory.buffer);
}

/** Where harfbuzz.wasm lies on disk (Node only); hidden from bundlers, never run in a browser. */
async function readWasmFromDisk(): Promise<Uint8Array> {
	const moduleName = 'node:module';
	const fsName = 'node:fs/promises';
	const { createRequire } = await import(/* @vite-ignore */ moduleName);
	const { readFile } = await import(/* @vite-ignore */ fsName);
	const require = createRequire(import.meta.url);
	return new Uint8Array(await readFile(require.resolve('harfbuzzjs/dist/harfbuzz.wasm')));
}

let initializing: Promise<void> | undefined;

/**
 * Load harfbuzz.wasm once. In the browser pass its URL (or its bytes); in Node pass nothing and
 * the file is read from node_modules. Idempotent; later calls resolve immediately.
 */
export function initShaper(source?: string | URL | ArrayBuffer | Uint8Array): Promise<void> {
	if (hb) return Promise.resolve();
	initializing ??= (async () => {
		let bytes: ArrayBuffer | Uint8Array;
		if (source instanceof ArrayBuffer || source instanceof Uint8Array) bytes = source;
		else if (source !== undefined) {
			const response = await fetch(source);
			if (!response.ok)
				throw new Error(`cannot load harfbuzz.wasm from ${String(source)}: HTTP ${response.status}`);
			bytes = await response.arrayBuffer();
		} else bytes = await readWasmFromDisk();
		const box: { memory?: WebAssembly.Memory } = {};
		const env = {
			_abort_js: () => {
				throw new Error('harfbuzz aborted');
			},
			_emscripten_runtime_keepalive_clear: () => {},
			_setitimer_js: () => 0,
			emscripten_resize_heap: (requested: number) => {
				const current = box.memory!.buffer.byteLength;
				const pages = Math.ceil((Math.max(requested >>> 0, current * 1.2) - current) / 65536);
				try {
					box.memory!.grow(pages);
					return 1;
				} catch {
					return 0;
				}
			},
			proc_exit: (code: number) => {
				throw new Error(`harfbuzz exited with ${code}`);
			}
		};
		const { instance } = await WebAssembly.instantiate(bytes as BufferSource, {
			env,
			wasi_snapshot_preview1: env
		});
		const exports = instance.exports as unknown as Exports;
		box.memory = exports.memory;
		exports.__wasm_call_ctors();
		hb = exports;
	})();
	return initializing;
}

export function shaperReady(): boolean {
	return hb !== undefined;
}

function need(): Exports {
	if (!hb) throw new Error('text shaper not initialised: await initShaper() before laying out text');
	return hb;
}

function tag(s: string): number {
	return ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
}

function untag(t: number): string {
	return String.fromCharCode((t >>> 24) & 255, (t >>> 16) & 255, (t >>> 8) & 255, t & 255);
}

/** ASCII string into wasm memory (caller frees). */
function ascii(s: string): number {
	const e = need();
	const ptr = e.malloc(s.length + 1);
	const heap = heapU8();
	for (let i = 0; i < s.length; i++) heap[ptr + i] = s.charCodeAt(i);
	heap[ptr + s.length] = 0;
	return ptr;
}

interface HbFont {
	font: number;
	face: number;
	features: Set<string>;
}

// One hb blob/face/font per loaded face, kept as long as the face lives.
const fonts = new WeakMap<LoadedFace, HbFont>();
const cleanup = new FinalizationRegistry<{ font: number; face: number; blob: number; data: number }>((h) => {
	if (!hb) return;
	hb.hb_font_destroy(h.font);
	hb.hb_face_destroy(h.face);
	hb.hb_blob_destroy(h.blob);
	hb.free(h.data);
});

function featureTags(e: Exports, face: number, table: string): string[] {
	const countPtr = e.malloc(4);
	const tagsPtr = e.malloc(4 * 512);
	new Uint32Array(e.memory.buffer, countPtr, 1)[0] = 512;
	e.hb_ot_layout_table_get_feature_tags(face, tag(table), 0, countPtr, tagsPtr);
	const n = new Uint32Array(e.memory.buffer, countPtr, 1)[0];
	const tags = Array.from(new Uint32Array(e.memory.buffer, tagsPtr, n), untag);
	e.free(countPtr);
	e.free(tagsPtr);
	return tags;
}

function hbFont(face: LoadedFace): HbFont {
	let h = fonts.get(face);
	if (h) return h;
	const e = need();
	const data = e.malloc(face.bytes.byteLength);
	heapU8().set(face.bytes, data);
	const blob = e.hb_blob_create(data, face.bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
	const hbFace = e.hb_face_create(blob, 0);
	const font = e.hb_font_create(hbFace);
	const features = new Set([...featureTags(e, hbFace, 'GSUB'), ...featureTags(e, hbFace, 'GPOS')]);
	h = { font, face: hbFace, features };
	fonts.set(face, h);
	cleanup.register(face, { font, face: hbFace, blob, data });
	return h;
}

/** True when the face's GSUB or GPOS table lists this feature (e.g. "halt", "vert"). */
export function hasFeature(face: LoadedFace, feature: string): boolean {
	return hbFont(face).features.has(feature);
}

let buffer = 0;
const langCache = new Map<string, number>();
const scriptCache = new Map<string, number>();
const featureCache = new Map<string, { ptr: number; count: number }>();

function featureArray(e: Exports, features: readonly string[]): { ptr: number; count: number } {
	const key = features.join(',');
	let f = featureCache.get(key);
	if (f) return f;
	const ptr = e.malloc(16 * Math.max(1, features.length));
	let count = 0;
	for (const s of features) {
		const str = ascii(s);
		if (e.hb_feature_from_string(str, -1, ptr + 16 * count)) count++;
		e.free(str);
	}
	f = { ptr, count };
	featureCache.set(key, f);
	return f;
}

/** Shape `text` (any JS string; clusters are UTF-16 indices) with one face. Synchronous. */
export function shape(face: LoadedFace, text: string, options: ShapeOptions): ShapedGlyphs {
	const e = need();
	const h = hbFont(face);
	if (!buffer) buffer = e.hb_buffer_create();
	e.hb_buffer_clear_contents(buffer);
	const textPtr = e.malloc(text.length * 2 + 2);
	const words = new Uint16Array(e.memory.buffer, textPtr, text.length);
	for (let i = 0; i < text.length; i++) words[i] = text.charCodeAt(i);
	e.hb_buffer_add_utf16(buffer, textPtr, text.length, 0, text.length);
	e.free(textPtr);
	e.hb_buffer_set_direction(buffer, options.direction === 'ttb' ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
	let script = scriptCache.get(options.script);
	if (script === undefined) {
		const p = ascii(options.script);
		script = e.hb_script_from_string(p, -1);
		e.free(p);
		scriptCache.set(options.script, script);
	}
	e.hb_buffer_set_script(buffer, script);
	let lang = langCache.get(options.language);
	if (lang === undefined) {
		const p = ascii(options.language);
		lang = e.hb_language_from_string(p, -1);
		e.free(p);
		langCache.set(options.language, lang);
	}
	e.hb_buffer_set_language(buffer, lang);
	const features = featureArray(e, options.features ?? []);
	e.hb_shape(h.font, buffer, features.ptr, features.count);
	const count = e.hb_buffer_get_length(buffer);
	const infos = e.hb_buffer_get_glyph_infos(buffer, 0);
	const positions = e.hb_buffer_get_glyph_positions(buffer, 0);
	const info = new Uint32Array(e.memory.buffer, infos, count * 5);
	const pos = new Int32Array(e.memory.buffer, positions, count * 5);
	const out: ShapedGlyphs = {
		count,
		glyphId: new Uint32Array(count),
		cluster: new Uint32Array(count),
		xAdvance: new Int32Array(count),
		yAdvance: new Int32Array(count),
		xOffset: new Int32Array(count),
		yOffset: new Int32Array(count)
	};
	for (let i = 0; i < count; i++) {
		out.glyphId[i] = info[i * 5];
		out.cluster[i] = info[i * 5 + 2];
		out.xAdvance[i] = pos[i * 5];
		out.yAdvance[i] = pos[i * 5 + 1];
		out.xOffset[i] = pos[i * 5 + 2];
		out.yOffset[i] = pos[i * 5 + 3];
	}
	return out;
}
