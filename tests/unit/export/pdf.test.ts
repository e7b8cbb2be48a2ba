// The print PDF, checked with real readers: poppler (pdfinfo -box, pdffonts, pdfimages, pdftotext,
// pdftoppm) and MuPDF (mutool draw). Its render is compared with the PNG export of the same document.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/lib/server/export/pdf';
import { renderPng } from '../../../src/lib/server/export/png';
import type { ExportDeps } from '../../../src/lib/server/export/prepare';
import {
	flatArt,
	image,
	makeDoc,
	meanDifference,
	mm,
	pdftoppm,
	photo,
	rect,
	run,
	showcase,
	tempDir,
	text
} from './fixtures';

let assets: Record<string, Buffer>;
const loadAsset: ExportDeps['loadAsset'] = async (id) => {
	if (!assets[id]) throw new Error(`no asset ${id}`);
	return assets[id];
};
let tmp: ReturnType<typeof tempDir>;
const save = (name: string, bytes: Buffer) => {
	const file = join(tmp.dir, name);
	writeFileSync(file, bytes);
	return file;
};

/** pdfinfo -box as numbers: {MediaBox: [x0, y0, x1, y1], …, size: [w, h]}. */
function boxes(file: string) {
	const out = run('pdfinfo', ['-box', file]);
	const result: Record<string, number[]> = {};
	for (const m of out.matchAll(/^(MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+([\d.\s-]+)$/gm))
		result[m[1]] = m[2].trim().split(/\s+/).map(Number);
	const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
	result.size = [Number(size[1]), Number(size[2])];
	return result;
}

const close = (a: number[], b: number[], tolerance = 0.02) =>
	a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

beforeAll(async () => {
	tmp = tempDir();
	assets = { photo: await photo(), flat: await flatArt() };
});
afterAll(() => tmp.cleanup());

describe('PDF page geometry', () => {
	it('sets MediaBox, BleedBox and TrimBox from the format (A3, 3 mm bleed, marks)', async () => {
		const doc = makeDoc([rect('bg', -mm(3), -mm(3), mm(303), mm(426))], {
			preset: 'a3',
			width: mm(297),
			height: mm(420)
		});
		const file = save('a3.pdf', await renderPdf(doc, { marks: true, deps: { loadAsset } }));
		const b = boxes(file);
		const margin = mm(11); // 3 mm bleed + 1 mm gap + 5 mm marks + 2 mm room
		expect(close(b.size, [mm(297) + 2 * margin, mm(420) + 2 * margin])).toBe(true);
		expect(close(b.TrimBox, [margin, margin, margin + mm(297), margin + mm(420)])).toBe(true);
		expect(close(b.BleedBox, [margin - mm(3), margin - mm(3), margin + mm(300), margin + mm(423)])).toBe(
			true
		);
	});

	it('without marks the page is trim + bleed; without bleed it is the trim', async () => {
		const doc = makeDoc([]);
		const withBleed = boxes(save('bleed.pdf', await renderPdf(doc, { marks: false, deps: { loadAsset } })));
		expect(close(withBleed.MediaBox, [0, 0, mm(216), mm(303)])).toBe(true);
		expect(close(withBleed.TrimBox, [mm(3), mm(3), mm(213), mm(300)])).toBe(true);
		const trimOnly = boxes(save('trim.pdf', await renderPdf(doc, { bleed: false, deps: { loadAsset } })));
		expect(close(trimOnly.MediaBox, [0, 0, mm(210), mm(297)])).toBe(true);
		expect(close(trimOnly.TrimBox, trimOnly.MediaBox)).toBe(true);
	});

	it('puts crop marks outside the bleed and never over the artwork', async () => {
		// Black artwork over the whole bleed area, a white page around it: only marks may be dark there.
		const doc = makeDoc([
			rect('ink', -mm(3), -mm(3), mm(216), mm(303), { fill: { type: 'solid', color: '#000000' } })
		]);
		const png = pdftoppm(await renderPdf(doc, { marks: true, deps: { loadAsset } }), 144, tmp.dir);
		const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
		const px = (pt: number) => Math.round((pt * 144) / 72);
		const at = (x: number, y: number) => data[y * info.width + x];
		const trim = px(mm(11));
		const bleedEdge = px(mm(8));
		// The darkest pixel near the top trim line (a 0.25 pt hairline straddles pixel rows).
		const markAt = (x: number) => Math.min(at(x, trim - 1), at(x, trim), at(x, trim + 1));
		// The mark left of the page on the top trim line: dark from 4 mm to 9 mm outside the trim…
		expect(markAt(px(mm(11 - 6)))).toBeLessThan(160);
		// …and white between the mark and the artwork (a gap, no overlap).
		expect(markAt(bleedEdge - 2)).toBeGreaterThan(200);
		// Inside the bleed box it is artwork (black) right up to its edge, nothing drawn over it.
		for (let x = bleedEdge + 1; x < trim; x++) expect(at(x, trim + 6)).toBeLessThan(30);
		// Outside the marks' band the margin is blank paper.
		expect(at(px(mm(1)), px(mm(1)))).toBeGreaterThan(250);
	});
});

describe('PDF content', () => {
	let pdf: Buffer;
	let file: string;
	beforeAll(async () => {
		pdf = await renderPdf(showcase(), { marks: false, deps: { loadAsset } });
		file = save('showcase.pdf', pdf);
	});

	it('embeds every font as a subset with a ToUnicode map', () => {
		const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
		expect(rows.length).toBe(5);
		for (const row of rows) {
			expect(row).toMatch(/^[A-Z]{6}\+\S+/);
			expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+0$/);
		}
		expect(rows.join('\n')).toMatch(
			/NotoSansSC-Black[\s\S]*Inter-Bold[\s\S]*NotoSerifSC-Black[\s\S]*LXGWWenKai[\s\S]*SmileySans/
		);
	});

	it('has selectable, searchable text', () => {
		const words = run('pdftotext', [file, '-']);
		expect(words).toContain('春季新品发布会');
		expect(words).toContain('Spring Launch 2025 · 上海');
		// The shadow is not a second copy of the text.
		expect(words.split('春季新品发布会').length).toBe(2);
	});

	it('embeds images at full resolution: JPEG as is, flat art lossless', () => {
		const list = run('pdfimages', ['-list', file])
			.trim()
			.split('\n')
			.slice(2)
			.map((l) => l.trim().split(/\s+/));
		const photos = list.filter((r) => r[3] === '600' && r[4] === '400');
		expect(photos.length).toBeGreaterThan(0);
		for (const r of photos) expect(r[8]).toBe('jpeg');
		// The untouched photograph is embedded byte for byte.
		expect(pdf.includes(assets.photo)).toBe(true);
		const flat = list.filter((r) => r[2] === 'image' && r[3] === '300' && r[4] === '360');
		expect(flat.length).toBe(1);
		expect(flat[0][8]).toBe('image');
	});

	it('renders in poppler like the PNG export of the same document', async () => {
		const dpi = 50;
		const fromPdf = pdftoppm(pdf, dpi, tmp.dir);
		const fromPng = await renderPng(showcase(), { dpi, bleed: true, deps: { loadAsset } });
		const diff = await meanDifference(fromPdf, fromPng);
		// Measured ~1 (antialiasing, JPEG in the PDF vs decoded pixels); a misplaced layer gives > 5.
		expect(diff).toBeLessThan(3);
	});

	it('renders in MuPDF too, like poppler', async () => {
		const out = join(tmp.dir, 'mu.png');
		const log = run('sh', ['-c', `mutool draw -r 50 -o '${out}' '${file}' 2>&1`]);
		expect(log).not.toMatch(/error/i);
		const diff = await meanDifference(readFileSync(out), pdftoppm(pdf, 50, tmp.dir));
		expect(diff).toBeLessThan(3);
	});
});

describe('PDF fonts and colour', () => {
	const textDoc = (s: string) =>
		makeDoc(
			[
				text('t', mm(10), mm(10), mm(190), mm(270), [
					{ text: s, family: 'Noto Sans SC', size: 9, color: '#000000' }
				])
			],
			{ bleedMm: 0 }
		);
	const fontBytes = async (s: string) => (await renderPdf(textDoc(s), { deps: { loadAsset } })).length;

	it('grows with the distinct glyphs used, not with the font file or the text length', async () => {
		const common =
			'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跑花林';
		const few = await fontBytes('海报'.repeat(100));
		const fewShort = await fontBytes('海报');
		const many = await fontBytes(common);
		// Two glyphs: the same size whatever the text length, and a tiny fraction of the 4.4 MB font.
		expect(Math.abs(few - fewShort)).toBeLessThan(4000);
		expect(fewShort).toBeLessThan(40_000);
		// Hundreds of distinct glyphs cost proportionally more.
		expect(many).toBeGreaterThan(fewShort + 50_000);
	});

	it('writes vector colours in CMYK when asked', async () => {
		const doc = makeDoc([rect('r', 0, 0, 100, 100, { fill: { type: 'solid', color: '#FF0000' } })], {
			bleedMm: 0
		});
		const decoded = async (cmyk: boolean) => {
			const input = save(`cmyk-${cmyk}.pdf`, await renderPdf(doc, { cmyk, deps: { loadAsset } }));
			const output = input.replace(/\.pdf$/, '-plain.pdf');
			run('mutool', ['clean', '-d', input, output]);
			return readFileSync(output, 'latin1');
		};
		expect(await decoded(true)).toMatch(/\/DeviceCMYK cs\n0 1 1 0 scn\n/);
		expect(await decoded(false)).toMatch(/\/DeviceRGB cs\n1 0 0 scn\n/);
	});

	it('places images with crop and rounded clip without errors in either reader', async () => {
		const doc = makeDoc(
			[
				image('i', 'photo', mm(20), mm(20), mm(100), mm(50), {
					crop: { x: 0.2, y: 0.2, width: 0.5, height: 0.5 },
					cornerRadius: 20
				})
			],
			{
				bleedMm: 0
			}
		);
		const pdf = await renderPdf(doc, { deps: { loadAsset } });
		const diff = await meanDifference(
			pdftoppm(pdf, 40, tmp.dir),
			await renderPng(doc, { dpi: 40, deps: { loadAsset } })
		);
		expect(diff).toBeLessThan(3);
	});
});
