// Images with known text, typeset by Haibao's own text engine and painted by its PNG exporter: the
// ground truth for the OCR tests and the benchmark. Case i is a deterministic mix of string, font,
// size, colours, rotation and writing direction.
import sharp from 'sharp';
import { PosterDocument, type Layer } from '../../../src/lib/document/schema';
import { renderPng } from '../../../src/lib/server/export/png';

export const ZH_STRINGS = [
	'双十一狂欢节',
	'春季新品发布会',
	'全场五折起',
	'限时抢购',
	'开业大吉',
	'中秋团圆夜',
	'新年快乐',
	'周年庆典',
	'会员专享价',
	'夏日清凉特惠',
	'咖啡买一送一',
	'招聘启事',
	'读书分享会',
	'美食节',
	'早鸟票限量发售',
	'欢迎光临'
];

export const EN_STRINGS = [
	'GRAND OPENING',
	'Summer Sale',
	'NEW ARRIVALS',
	'Happy New Year',
	'50% OFF',
	'Coffee Week',
	'Book Fair 2025',
	'Limited Offer',
	'Live Music Tonight',
	'FREE DELIVERY'
];

interface FontChoice {
	family: string;
	weight: number;
	latinOnly?: boolean;
}

export const FONTS: FontChoice[] = [
	{ family: 'Noto Sans SC', weight: 900 },
	{ family: 'Noto Sans SC', weight: 400 },
	{ family: 'Noto Serif SC', weight: 900 },
	{ family: 'Noto Serif SC', weight: 400 },
	{ family: 'LXGW WenKai', weight: 400 },
	{ family: 'Noto Sans SC', weight: 700 },
	{ family: 'Inter', weight: 700, latinOnly: true },
	{ family: 'League Spartan', weight: 800, latinOnly: true },
	{ family: 'Bebas Neue', weight: 400, latinOnly: true }
];

export const SIZES = [24, 32, 48, 72, 96];

const PALETTES: { background: string; ink: string }[] = [
	{ background: '#FFFFFF', ink: '#111111' },
	{ background: '#C62828', ink: '#FFF3C4' },
	{ background: '#1D3557', ink: '#FFFFFF' },
	{ background: '#F4EFE6', ink: '#D72A1F' },
	{ background: '#2A9D8F', ink: '#1B1B1B' }
];

export interface OcrCase {
	index: number;
	text: string;
	family: string;
	weight: number;
	size: number;
	vertical: boolean;
	/** Degrees. */
	rotation: number;
	background: string;
	ink: string;
	/** Over a photograph-like picture (smooth colour gradients with ripples) instead of a flat colour. */
	photo: boolean;
}

/** The i-th case of the set: a fixed mix, so every run measures the same images. */
export function ocrCase(i: number): OcrCase {
	let font = FONTS[i % FONTS.length];
	const latin = font.latinOnly || i % 4 === 3;
	if (!latin && font.latinOnly) font = FONTS[0];
	const text = latin ? EN_STRINGS[i % EN_STRINGS.length] : ZH_STRINGS[i % ZH_STRINGS.length];
	const palette = PALETTES[(i >> 1) % PALETTES.length];
	const vertical = !latin && i % 6 === 1;
	const rotation = i % 5 === 2 ? (i % 2 ? 3 : -4) : 0;
	return {
		index: i,
		text,
		family: font.family,
		weight: font.weight,
		size: SIZES[(i * 7) % SIZES.length],
		vertical,
		rotation,
		background: palette.background,
		ink: palette.ink,
		photo: i % 3 === 2
	};
}

/** One page, 1 pt = 1 px (72 dpi), with the text layer centred and room around it. */
export function caseDocument(c: OcrCase, textOverride?: string): PosterDocument {
	const chars = [...c.text].length;
	const along = Math.ceil(chars * c.size * 1.1 + c.size * 2);
	const across = Math.ceil(c.size * 3);
	const [w, h] = c.vertical ? [across, along] : [along, across];
	const layer = {
		id: 'text',
		name: 'text',
		type: 'text',
		x: c.size,
		y: c.size,
		width: w,
		height: h,
		rotation: c.rotation,
		opacity: 1,
		locked: false,
		hidden: false,
		runs: [
			{
				text: textOverride ?? c.text,
				family: c.family,
				weight: c.weight,
				italic: false,
				size: c.size,
				color: c.ink
			}
		],
		align: 'center',
		verticalAlign: 'middle',
		vertical: c.vertical,
		letterSpacing: 0,
		lineHeight: 1.2,
		stroke: null,
		shadow: null,
		fit: { mode: 'shrink', minSize: 6, maxSize: c.size },
		field: null
	};
	return PosterDocument.parse({
		schemaVersion: 1,
		id: `ocr-case-${c.index}`,
		title: c.text,
		page: {
			preset: 'custom',
			width: w + 2 * c.size,
			height: h + 2 * c.size,
			bleedMm: 0,
			safeMm: 0,
			dpi: 72,
			background: c.background
		},
		layers: [
			...(c.photo
				? [
						{
							id: 'photo',
							name: 'photo',
							type: 'image',
							x: 0,
							y: 0,
							width: w + 2 * c.size,
							height: h + 2 * c.size,
							assetId: 'photo'
						}
					]
				: []),
			layer
		] as unknown as Layer[],
		createdAt: '2025-01-01T00:00:00.000Z',
		updatedAt: '2025-01-01T00:00:00.000Z'
	});
}

let photoBytes: Promise<Buffer> | null = null;

/** A picture behind the text, tinted towards the palette's background so the ink stays legible. */
function photo(): Promise<Buffer> {
	photoBytes ??= (() => {
		const width = 600;
		const height = 400;
		const raw = Buffer.alloc(width * height * 3);
		for (let y = 0; y < height; y++)
			for (let x = 0; x < width; x++) {
				const i = (y * width + x) * 3;
				raw[i] = (x * 255) / width;
				raw[i + 1] = (y * 255) / height;
				raw[i + 2] = Math.sin(x / 17) * Math.cos(y / 23) * 100 + 128;
			}
		return sharp(raw, { raw: { width, height, channels: 3 } })
			.png()
			.toBuffer();
	})();
	return photoBytes;
}

export async function renderCase(c: OcrCase, textOverride?: string): Promise<Buffer> {
	const doc = caseDocument(c, textOverride);
	if (!c.photo) return renderPng(doc, { dpi: 72 });
	const picture = await sharp(await photo())
		.composite([
			{ input: { create: { width: 600, height: 400, channels: 4, background: `${c.background}99` } } }
		])
		.png()
		.toBuffer();
	return renderPng(doc, { dpi: 72, deps: { loadAsset: async () => picture } });
}
