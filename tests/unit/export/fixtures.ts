// Documents built in the tests (shapes, text, images) and helpers around the real tools
// (poppler, mupdf, sharp). Images are generated with sharp; fonts are the repository's fonts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { PosterDocument, type Layer } from '../../../src/lib/document/schema';
import { mmToPt } from '../../../src/lib/geometry';

export const mm = mmToPt;

const base = { rotation: 0, opacity: 1, locked: false, hidden: false, name: 'layer' };
const noFilters = { brightness: 1, contrast: 1, saturation: 1, blur: 0 };

export const rect = (
	id: string,
	x: number,
	y: number,
	w: number,
	h: number,
	extra: Record<string, unknown> = {}
) => ({
	...base,
	id,
	type: 'shape' as const,
	shape: 'rect' as const,
	x,
	y,
	width: w,
	height: h,
	path: null,
	viewBox: null,
	fill: { type: 'solid' as const, color: '#1D3557' },
	stroke: null,
	cornerRadius: 0,
	...extra
});

export const image = (
	id: string,
	assetId: string | null,
	x: number,
	y: number,
	w: number,
	h: number,
	extra: Record<string, unknown> = {}
) => ({
	...base,
	id,
	type: 'image' as const,
	x,
	y,
	width: w,
	height: h,
	assetId,
	crop: null,
	fit: 'cover' as const,
	filters: noFilters,
	flipX: false,
	flipY: false,
	cornerRadius: 0,
	placeholder: null,
	generation: null,
	field: null,
	...extra
});

export const text = (
	id: string,
	x: number,
	y: number,
	w: number,
	h: number,
	runs: { text: string; family: string; weight?: number; size: number; color: string }[],
	extra: Record<string, unknown> = {}
) => ({
	...base,
	id,
	type: 'text' as const,
	x,
	y,
	width: w,
	height: h,
	runs: runs.map((r) => ({ italic: false, weight: 400, ...r })),
	align: 'center' as const,
	verticalAlign: 'middle' as const,
	vertical: false,
	letterSpacing: 0,
	lineHeight: 1.2,
	stroke: null,
	shadow: null,
	fit: { mode: 'none' as const, minSize: 6, maxSize: 400 },
	field: null,
	...extra
});

export function makeDoc(layers: unknown[], page: Record<string, unknown> = {}): PosterDocument {
	return PosterDocument.parse({
		schemaVersion: 1,
		id: 'test-doc',
		title: 'Export test',
		page: {
			preset: 'a4',
			width: mm(210),
			height: mm(297),
			bleedMm: 3,
			safeMm: 5,
			dpi: 300,
			background: '#F4EFE6',
			...page
		},
		layers: layers as Layer[],
		createdAt: '2025-01-01T00:00:00.000Z',
		updatedAt: '2025-01-01T00:00:00.000Z'
	});
}

/** A photograph-like image: smooth gradients with a ripple (many distinct colours). */
export async function photo(width = 600, height = 400, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
	const raw = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 3;
			raw[i] = (x * 255) / width;
			raw[i + 1] = (y * 255) / height;
			raw[i + 2] = Math.sin(x / 17) * Math.cos(y / 23) * 100 + 128;
		}
	const img = sharp(raw, { raw: { width, height, channels: 3 } });
	return format === 'jpeg' ? img.jpeg({ quality: 92 }).toBuffer() : img.png().toBuffer();
}

/** A poster with every kind of layer: full-bleed photo, shapes, a group, CJK + Latin text, vertical text. */
export function showcase(): PosterDocument {
	return makeDoc([
		image('photo', 'photo', -mm(3), -mm(3), mm(216), mm(120)),
		rect('card', mm(15), mm(130), mm(85), mm(55), {
			rotation: 8,
			cornerRadius: 14,
			fill: {
				type: 'linear',
				angle: 90,
				stops: [
					{ offset: 0, color: '#E63946' },
					{ offset: 1, color: '#1D3557' }
				]
			},
			stroke: { color: '#000000', width: 2, dash: [6, 3] }
		}),
		{
			...rect('dot', mm(110), mm(130), mm(85), mm(55), {
				fill: { type: 'solid', color: '#2A9D8F' },
				stroke: { color: '#264653', width: 4 }
			}),
			shape: 'ellipse',
			opacity: 0.7
		},
		{
			...rect('star', mm(15), mm(200), mm(50), mm(50), { fill: { type: 'solid', color: '#F4A261' } }),
			shape: 'path',
			path: 'M50 0 L61 35 L98 35 L68 57 L79 91 L50 70 L21 91 L32 57 L2 35 L39 35 Z',
			viewBox: { width: 100, height: 100 }
		},
		{
			...base,
			id: 'group',
			type: 'group',
			x: mm(75),
			y: mm(195),
			width: mm(120),
			height: mm(70),
			opacity: 0.9,
			children: [
				image('framed', 'flat', 0, 0, mm(50), mm(60), {
					fit: 'contain',
					flipX: true,
					filters: { ...noFilters, brightness: 1.2, saturation: 0.4 }
				}),
				image('rounded', 'photo', mm(60), 0, mm(55), mm(60), { cornerRadius: mm(8) })
			]
		},
		text(
			'headline',
			mm(12),
			mm(20),
			mm(186),
			mm(50),
			[{ text: '春季新品发布会', family: 'Noto Sans SC', weight: 900, size: 54, color: '#FFFFFF' }],
			{
				shadow: { color: '#00000080', blur: 4, offsetX: 2, offsetY: 2 }
			}
		),
		text('sub', mm(12), mm(72), mm(186), mm(20), [
			{ text: 'Spring Launch ', family: 'Inter', weight: 700, size: 26, color: '#FFFFFF' },
			{ text: '2025 · 上海', family: 'Noto Serif SC', weight: 900, size: 26, color: '#FFE8A3' }
		]),
		text(
			'side',
			mm(175),
			mm(200),
			mm(20),
			mm(75),
			[{ text: '竖排 ABC 好！', family: 'LXGW WenKai', size: 20, color: '#1D3557' }],
			{
				vertical: true,
				align: 'start',
				verticalAlign: 'top'
			}
		),
		text(
			'outline',
			mm(15),
			mm(265),
			mm(60),
			mm(20),
			[{ text: '得意黑 Smiley', family: 'Smiley Sans', size: 24, color: '#FFFFFF' }],
			{
				stroke: { color: '#1D3557', width: 2 },
				rotation: -6
			}
		)
	]);
}

/** Flat art (few colours) for the lossless path. */
export async function flatArt(): Promise<Buffer> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="360"><rect width="300" height="360" fill="#fff3d6"/><circle cx="150" cy="150" r="110" fill="#e76f51"/><rect x="40" y="290" width="220" height="40" fill="#264653"/></svg>`;
	return sharp(Buffer.from(svg)).png().toBuffer();
}

export function tempDir(prefix = 'haibao-export-') {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const run = (cmd: string, args: string[]) =>
	execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Renders page 1 of a PDF with poppler at `dpi` to PNG bytes. */
export function pdftoppm(pdf: Buffer, dpi: number, dir: string, extra: string[] = []): Buffer {
	const input = join(dir, `in-${Math.random().toString(36).slice(2)}.pdf`);
	writeFileSync(input, pdf);
	const prefix = input.replace(/\.pdf$/, '');
	run('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', ...extra, input, prefix]);
	return readFileSync(`${prefix}.png`);
}

/** Mean absolute difference per channel (0..255) of two images, compared over their common top-left area. */
export async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
	const [ma, mb] = await Promise.all([sharp(a).metadata(), sharp(b).metadata()]);
	const width = Math.min(ma.width!, mb.width!);
	const height = Math.min(ma.height!, mb.height!);
	const raw = (img: Buffer) =>
		sharp(img).removeAlpha().extract({ left: 0, top: 0, width, height }).raw().toBuffer();
	const [ra, rb] = await Promise.all([raw(a), raw(b)]);
	let sum = 0;
	for (let i = 0; i < ra.length; i++) sum += Math.abs(ra[i] - rb[i]);
	return sum / ra.length;
}
