// Font subsetting with HarfBuzz's hb-subset (harfbuzzjs ships harfbuzz-subset.wasm): a font file
// cut down to the glyphs of some code points, with its layout tables, as a valid OpenType font.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

type Exports = Record<string, (...args: number[]) => number> & { memory: WebAssembly.Memory };
let loading: Promise<Exports> | undefined;

const HB_MEMORY_MODE_READONLY = 1;

function subsetter(): Promise<Exports> {
	loading ??= (async () => {
		const require = createRequire(import.meta.url);
		const bytes = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
		// The subset build is standalone: it imports nothing and grows its own memory.
		const { instance } = await WebAssembly.instantiate(bytes, {});
		const exports = instance.exports as unknown as Exports;
		exports.__wasm_call_ctors?.();
		return exports;
	})();
	return loading;
}

/** The font cut down to `codePoints` (code points the font lacks are ignored). */
export async function subsetFont(font: Uint8Array, codePoints: Iterable<number>): Promise<Uint8Array> {
	const hb = await subsetter();
	const data = hb.malloc(font.byteLength);
	new Uint8Array(hb.memory.buffer).set(font, data);
	const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
	const face = hb.hb_face_create(blob, 0);
	const input = hb.hb_subset_input_create_or_fail();
	const lengthPtr = hb.malloc(4);
	try {
		if (!input) throw new Error('hb-subset: out of memory');
		const unicodes = hb.hb_subset_input_unicode_set(input);
		for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
		const subset = hb.hb_subset_or_fail(face, input);
		if (!subset) throw new Error('hb-subset could not subset this font');
		const out = hb.hb_face_reference_blob(subset);
		const ptr = hb.hb_blob_get_data(out, lengthPtr);
		const length = new Uint32Array(hb.memory.buffer, lengthPtr, 1)[0];
		const result = new Uint8Array(hb.memory.buffer, ptr, length).slice();
		hb.hb_blob_destroy(out);
		hb.hb_face_destroy(subset);
		return result;
	} finally {
		if (input) hb.hb_subset_input_destroy(input);
		hb.hb_face_destroy(face);
		hb.hb_blob_destroy(blob);
		hb.free(data);
		hb.free(lengthPtr);
	}
}
