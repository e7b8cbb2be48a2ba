// createFontLibrary over the real fonts: lazy once-only loading, CSS weight matching, the fallback
// chain for mixed Chinese/English text, and missing characters reported.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createFontLibrary, nearestWeight } from '../../../src/lib/text/fonts';
import { diskLoader, getServerFonts, readManifest } from '../../../src/lib/server/fonts';

const dir = path.resolve('fonts');
const manifest = readManifest(dir);

/** A disk loader that counts reads per file. */
function countingLoader() {
	const reads = new Map<string, number>();
	const inner = diskLoader(manifest, dir);
	const load = async (file: string) => {
		reads.set(file, (reads.get(file) ?? 0) + 1);
		return inner(file);
	};
	return { reads, load };
}

const keysOf = (text: string, family: string, weight: number, lib: ReturnType<typeof createFontLibrary>) =>
	[...text].map((ch) => lib.faceFor(family, weight, ch.codePointAt(0)!)?.ref.key ?? null);

describe('nearestWeight (CSS Fonts 4 matching)', () => {
	it('searches in the CSS direction', () => {
		expect(nearestWeight([400, 700, 900], 700)).toBe(700);
		expect(nearestWeight([400, 700, 900], 800)).toBe(900); // > 500: heavier first
		expect(nearestWeight([400, 700], 950)).toBe(700); // then lighter
		expect(nearestWeight([400, 700, 900], 500)).toBe(400); // 400–500: up to 500, then lighter
		expect(nearestWeight([300, 700], 450)).toBe(300);
		expect(nearestWeight([400, 700, 900], 300)).toBe(400); // < 400: lighter first, then heavier
		expect(nearestWeight([200, 400], 300)).toBe(200);
		expect(nearestWeight([], 400)).toBeUndefined();
	});
});

describe('createFontLibrary', () => {
	it('loads nothing until ensure(), then each face once even under concurrent calls', async () => {
		const { reads, load } = countingLoader();
		const lib = createFontLibrary(manifest, load);
		expect(lib.face('Noto Sans SC', 900)).toBeUndefined();
		expect(reads.size).toBe(0);
		await Promise.all([lib.ensure([{ family: 'Noto Sans SC', weight: 900 }]), lib.ensure([{ family: 'Noto Sans SC', weight: 800 }])]);
		await lib.ensure([{ family: 'Noto Sans SC', weight: 900 }]);
		expect(reads.get('NotoSansSC-Black.otf')).toBe(1);
		// Its fallback (Inter, nearest weight) came along; nothing else did.
		expect([...reads.keys()].sort()).toEqual(['Inter-Black.otf', 'NotoSansSC-Black.otf']);
		const face = lib.face('Noto Sans SC', 800)!;
		expect(face.ref).toMatchObject({ key: 'Noto Sans SC/900/normal', family: 'Noto Sans SC', weight: 900, style: 'normal', unitsPerEm: 1000 });
		expect(lib.byKey('Noto Sans SC/900/normal')).toBe(face);
		expect(face.bytes.byteLength).toBe(manifest.fonts.find((f) => f.file === 'NotoSansSC-Black.otf')!.bytes);
	});

	it('resolves weights like CSS and italic to the upright face when a family has no italic', async () => {
		const lib = createFontLibrary(manifest, diskLoader(manifest, dir));
		expect(lib.entryFor('League Spartan', 650)?.weight).toBe(700);
		expect(lib.entryFor('Noto Serif SC', 700)?.weight).toBe(900);
		expect(lib.entryFor('Noto Sans SC', 500)?.weight).toBe(400);
		expect(lib.entryFor('Inter', 400, true)?.file).toBe('Inter-Regular.otf');
		expect(lib.entryFor('Comic Sans', 400)).toBeUndefined();
	});

	it('falls back Latin → Latin family, Han → CJK sans for mixed text', async () => {
		const lib = getServerFonts(dir);
		await lib.ensure([
			{ family: 'Bebas Neue', weight: 400 },
			{ family: 'LXGW WenKai', weight: 400 },
			{ family: 'Lobster Two', weight: 700 },
			{ family: 'Ma Shan Zheng', weight: 400 }
		]);
		expect(lib.fallbacks('Bebas Neue', 400).map((f) => f.ref.key)).toEqual(['Inter/400/normal', 'Noto Sans SC/400/normal']);
		expect(lib.fallbacks('LXGW WenKai', 400).map((f) => f.ref.key)).toEqual(['Noto Sans SC/400/normal', 'Inter/400/normal']);

		const B = 'Bebas Neue/400/normal';
		const N = 'Noto Sans SC/400/normal';
		expect(keysOf('SALE 限时5折!', 'Bebas Neue', 400, lib)).toEqual([B, B, B, B, B, N, N, B, N, B]);
		// A CJK family draws its own Latin.
		const W = 'LXGW WenKai/400/normal';
		expect(keysOf('新品 New', 'LXGW WenKai', 400, lib)).toEqual([W, W, W, W, W, W]);
		// Lobster Two has no Cyrillic: the Latin default (Inter) draws it; Han goes to the CJK sans.
		// Its only face is bold italic, so an upright request gets it (CSS matching falls back across styles).
		const L = 'Lobster Two/700/italic';
		const I7 = 'Inter/700/normal';
		expect(keysOf('Hi Мир 好', 'Lobster Two', 700, lib)).toEqual([L, L, L, I7, I7, I7, L, 'Noto Sans SC/700/normal']);
		// Ma Shan Zheng lacks a few rare GB2312 hanzi and most Latin: the chain fills in.
		expect(keysOf('马齄', 'Ma Shan Zheng', 400, lib)).toEqual(['Ma Shan Zheng/400/normal', N]);
		expect(lib.missingCharacters('马齄 SALE', 'Ma Shan Zheng', 400)).toEqual([]);
	});

	it('reports what no font covers: emoji, CJK Ext-B; ignores variation selectors and ZWJ', async () => {
		const lib = getServerFonts(dir);
		await lib.ensure([{ family: 'Noto Sans SC', weight: 700 }, { family: 'Bebas Neue', weight: 400 }]);
		expect(lib.missingCharacters('海报👍设计𠀀A😀👍', 'Noto Sans SC', 700)).toEqual(['👍', '𠀀', '😀']);
		expect(lib.missingCharacters('SALE ❤\uFE0F\u200D\n', 'Bebas Neue', 400).includes('\uFE0F')).toBe(false);
		expect(lib.missingCharacters('SALE 限时5折', 'Bebas Neue', 400)).toEqual([]);
		expect(lib.faceFor('Noto Sans SC', 700, 0x1f44d)).toBeUndefined();
	});

	it('unknown families fall back to the CJK sans and Latin default instead of failing', async () => {
		const lib = createFontLibrary(manifest, diskLoader(manifest, dir));
		await lib.ensure([{ family: 'Comic Sans', weight: 400 }]);
		expect(lib.hasFamily('Comic Sans')).toBe(false);
		expect(lib.face('Comic Sans', 400)).toBeUndefined();
		expect(lib.fallbacks('Comic Sans', 400).map((f) => f.ref.key)).toEqual(['Noto Sans SC/400/normal', 'Inter/400/normal']);
		expect(lib.missingCharacters('你好 hi', 'Comic Sans', 400)).toEqual([]);
	});

	it('surfaces load errors with the file name and lets a later ensure() retry', async () => {
		let fail = true;
		const inner = diskLoader(manifest, dir);
		const lib = createFontLibrary(manifest, async (file) => {
			if (fail) throw new Error('network down');
			return inner(file);
		});
		await expect(lib.ensure([{ family: 'Inter', weight: 400 }])).rejects.toThrow(/Inter\/400\/normal \(Inter-Regular\.otf\): network down/);
		expect(() => lib.missingCharacters('x', 'Inter', 400)).toThrow(/ensure\(\)/);
		fail = false;
		await lib.ensure([{ family: 'Inter', weight: 400 }]);
		expect(lib.face('Inter', 400)?.covers(0x41)).toBe(true);
	});

	it('the disk loader refuses files the manifest does not list', async () => {
		const load = diskLoader(manifest, dir);
		await expect(load('../package.json')).rejects.toThrow(/not a font of the manifest/);
		await expect(load('manifest.json')).rejects.toThrow(/not a font of the manifest/);
	});
});
