// fonts/manifest.json and the files it lists: valid, present, real OpenType (not TTC/WOFF2),
// parsable by opentype.js, licensed, within the size budget; CJK faces cover GB2312.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseManifest, parseFace, FontManifest } from '../../../src/lib/text/fonts';

const dir = path.resolve('fonts');
const manifest = parseManifest(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(dir, file)));

/** The 6,763 hanzi of GB2312 (rows 0xB0–0xF7), decoded with the GBK codec (a superset with the same mapping). */
function gb2312Hanzi(): number[] {
	const decoder = new TextDecoder('gbk');
	const out: number[] = [];
	for (let hi = 0xb0; hi <= 0xf7; hi++)
		for (let lo = 0xa1; lo <= 0xfe; lo++) {
			const cp = decoder.decode(new Uint8Array([hi, lo])).codePointAt(0)!;
			if (cp >= 0x4e00 && cp <= 0x9fff) out.push(cp);
		}
	return out;
}

/** Table tags of an sfnt file, read from its table directory. */
function tableTags(bytes: Uint8Array): string[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const count = view.getUint16(4);
	return Array.from({ length: count }, (_, i) => String.fromCharCode(...bytes.subarray(12 + i * 16, 16 + i * 16)));
}

describe('fonts/manifest.json', () => {
	it('lists the agreed families and weights', () => {
		const faces = new Set(manifest.fonts.map((f) => `${f.family}/${f.weight}`));
		const expected = [
			'Noto Sans SC/400', 'Noto Sans SC/700', 'Noto Sans SC/900', 'Noto Serif SC/400', 'Noto Serif SC/900',
			'Smiley Sans/400', 'LXGW WenKai/400', 'Bebas Neue/400', 'League Spartan/400', 'League Spartan/700',
			'League Spartan/900', 'Lobster Two/700', 'Inter/400', 'Inter/700', 'Inter/900', 'Ma Shan Zheng/400'
		];
		for (const face of expected) expect(faces, face).toContain(face);
		expect(manifest.fonts.every((f) => f.license === 'OFL-1.1')).toBe(true);
	});

	it('rejects bad manifests with a message that names the problem', () => {
		const bad = structuredClone(manifest) as FontManifest;
		bad.fonts[0].file = '../package.json';
		expect(() => parseManifest(bad)).toThrow(/fonts\.0\.file/);
		const dup = structuredClone(manifest) as FontManifest;
		dup.fonts.push({ ...dup.fonts[0] });
		expect(() => parseManifest(dup)).toThrow(/duplicate face Noto Sans SC\/400\/normal/);
	});

	it('every file exists, is a plain OTF/TTF matching its hash, has a licence file, and parses', () => {
		let total = 0;
		for (const entry of manifest.fonts) {
			const bytes = bytesOf(entry.file);
			total += bytes.byteLength;
			const magic = String.fromCharCode(...bytes.subarray(0, 4));
			expect(magic === 'OTTO' || (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0), entry.file).toBe(true);
			expect(entry.bytes).toBe(bytes.byteLength);
			expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
			expect(existsSync(path.join(dir, entry.licenseFile!)), entry.licenseFile).toBe(true);
			expect(readFileSync(path.join(dir, entry.licenseFile!), 'utf8')).toMatch(/Open Font License[\s\S]*PERMISSION & CONDITIONS/i);
			const face = parseFace(entry, bytes);
			expect(face.font.unitsPerEm).toBeGreaterThan(0);
			expect(face.covers('A'.codePointAt(0)!) || entry.family === 'Ma Shan Zheng').toBe(true);
		}
		expect(total).toBeLessThanOrEqual(80 * 1024 * 1024);
		const onDisk = manifest.fonts.reduce((n, f) => n + statSync(path.join(dir, f.file)).size, 0);
		expect(onDisk).toBe(total);
	});

	it('each CJK face covers all 6,763 GB2312 hanzi (Ma Shan Zheng: all but 33 rare ones)', () => {
		const hanzi = gb2312Hanzi();
		expect(hanzi).toHaveLength(6763);
		const cjk = manifest.fonts.filter((f) => f.scripts.includes('Hans'));
		expect(cjk.length).toBeGreaterThanOrEqual(8);
		for (const entry of cjk) {
			const face = parseFace(entry, bytesOf(entry.file));
			const missing = hanzi.filter((cp) => !face.covers(cp));
			if (entry.family === 'Ma Shan Zheng') {
				// The upstream font lacks these; the fallback chain draws them with Noto Sans SC.
				expect(missing.length).toBe(33);
				expect(String.fromCodePoint(...missing)).toContain('齄');
			} else expect(missing, entry.file).toEqual([]);
		}
	});

	it('the Noto subsets keep vertical metrics and features, punctuation features and 通用规范汉字表 extras', () => {
		for (const entry of manifest.fonts.filter((f) => f.family.startsWith('Noto'))) {
			const bytes = bytesOf(entry.file);
			expect(tableTags(bytes)).toEqual(expect.arrayContaining(['vhea', 'vmtx', 'VORG', 'GSUB', 'GPOS', 'CFF ']));
			const face = parseFace(entry, bytes);
			const gsub = new Set(face.font.tables.gsub.features.map((f: { tag: string }) => f.tag));
			const gpos = new Set(face.font.tables.gpos.features.map((f: { tag: string }) => f.tag));
			for (const tag of ['vert', 'vrt2']) expect(gsub, `${entry.file} ${tag}`).toContain(tag);
			for (const tag of ['halt', 'vhal', 'palt', 'kern']) expect(gpos, `${entry.file} ${tag}`).toContain(tag);
			// 通用规范汉字表 characters outside GB2312 (喆 堃 昇), Latin, fullwidth and vertical punctuation forms.
			for (const ch of '喆堃昇Aé，。「」︐︑﹁﹂…—') expect(face.covers(ch.codePointAt(0)!), `${entry.file} ${ch}`).toBe(true);
			// Subset: far fewer than the full font's 65k glyphs.
			expect(face.font.numGlyphs).toBeLessThan(20000);
			expect(face.font.names.windows.fontFamily.en).toMatch(/^Noto (Sans|Serif) SC/);
		}
	});
});
