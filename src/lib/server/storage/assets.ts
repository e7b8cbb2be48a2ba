// Image assets: bytes on disk under <data>/assets/<id[0..2]>/<id>.<ext>, written atomically
// (temp file, fsync, rename), and a metadata row in SQLite. The type comes from the file's magic
// bytes, never from the name or the declared type; only PNG, JPEG, WebP and SVG are accepted.
import { createHash } from 'node:crypto';
import {
	closeSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	writeSync
} from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { isSafeId, newId } from '../../document/ids';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_PIXELS } from '../../document/limits';
import { svgProblem } from '../../document/svg-complexity';
import { dataDirOf, getDb, moduleTables, type Db } from './db';
import { AssetError } from './errors';

export const MAX_ASSET_BYTES = MAX_UPLOAD_BYTES;
export const MAX_ASSET_PIXELS = MAX_UPLOAD_PIXELS;

export type AssetMime = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';
const EXTENSIONS: Record<AssetMime, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'image/svg+xml': 'svg'
};

export interface Asset {
	id: string;
	mime: AssetMime;
	/** File size. */
	bytes: number;
	/** Pixels as displayed (EXIF orientation applied); for SVG its nominal size. */
	width: number;
	height: number;
	sha256: string;
	/** Free-form: how the image was made (generation parameters), the original file name, … */
	meta: Record<string, unknown>;
	createdAt: string;
}

export interface PutAssetOptions {
	/** Declared type; the sniffed type wins when they differ. */
	mime?: string;
	width?: number;
	height?: number;
	meta?: Record<string, unknown>;
	maxBytes?: number;
	maxPixels?: number;
}

/** What the first bytes say the file is: an accepted type, or the name of a rejected one. */
export function sniffImageType(bytes: Uint8Array): { mime: AssetMime } | { rejected: string } {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mime: 'image/png' };
	if (starts(0xff, 0xd8, 0xff)) return { mime: 'image/jpeg' };
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { mime: 'image/webp' };
	if (ascii(0, 4) === 'GIF8') return { rejected: 'GIF' };
	if (ascii(0, 2) === 'BM') return { rejected: 'BMP' };
	if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return { rejected: 'TIFF' };
	if (ascii(4, 8) === 'ftyp')
		return {
			rejected: /avif|avis/.test(ascii(8, 12))
				? 'AVIF'
				: /hei|mif|msf/.test(ascii(8, 12))
					? 'HEIC'
					: 'MP4/QuickTime'
		};
	if (ascii(0, 4) === '%PDF') return { rejected: 'PDF' };
	if (looksLikeSvg(bytes)) return { mime: 'image/svg+xml' };
	return { rejected: bytes.length === 0 ? 'empty file' : 'unknown' };
}

function looksLikeSvg(bytes: Uint8Array): boolean {
	const head = new TextDecoder('utf-8', { fatal: false })
		.decode(bytes.subarray(0, 4096))
		.replace(/^\uFEFF/, '');
	if (head.includes('\u0000')) return false;
	// Skip the XML declaration, comments and a doctype; the first element must be <svg>.
	// A doctype may carry an internal subset in brackets (entities: refused later, by name).
	const rest = head.replace(
		/^\s*(<\?xml[\s\S]*?\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>)\s*)*/i,
		''
	);
	return /^<svg[\s>/]/i.test(rest);
}

const ACCEPTED = { zh: 'PNG、JPEG、WebP 或 SVG', en: 'PNG, JPEG, WebP or SVG' };
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Create or update this module's tables (done on first use). */
export const assetTables = moduleTables('assets', [
	`CREATE TABLE IF NOT EXISTS assets (
			id TEXT PRIMARY KEY,
			mime TEXT NOT NULL,
			bytes INTEGER NOT NULL,
			width INTEGER NOT NULL,
			height INTEGER NOT NULL,
			sha256 TEXT NOT NULL,
			meta TEXT NOT NULL,
			created_at TEXT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS assets_sha256 ON assets (sha256);`
]);

export interface InspectedImage {
	mime: AssetMime;
	/** The bytes to keep: EXIF orientation baked into the pixels. */
	bytes: Buffer;
	width: number;
	height: number;
}

/**
 * Check an image the way an upload is checked: size, type from the magic bytes, an SVG's
 * complexity (before anything parses it), pixel count, and a full decode (a truncated or damaged
 * file passes a header read, then draws black or fails at export). Throws AssetError (bilingual).
 */
export async function inspectImage(
	data: Uint8Array,
	options: Pick<PutAssetOptions, 'maxBytes' | 'maxPixels'> = {}
): Promise<InspectedImage> {
	const maxBytes = options.maxBytes ?? MAX_ASSET_BYTES;
	const maxPixels = options.maxPixels ?? MAX_ASSET_PIXELS;
	if (data.byteLength > maxBytes) {
		throw new AssetError(
			{
				zh: `文件太大（${mb(data.byteLength)}），上限 ${mb(maxBytes)}。`,
				en: `file too large (${mb(data.byteLength)}); the limit is ${mb(maxBytes)}`
			},
			413
		);
	}
	const sniffed = sniffImageType(data);
	if ('rejected' in sniffed) {
		throw new AssetError(
			{
				zh: `不支持的文件类型（检测到：${sniffed.rejected === 'unknown' ? '未知' : sniffed.rejected === 'empty file' ? '空文件' : sniffed.rejected}）。请上传 ${ACCEPTED.zh} 图片。`,
				en: `unsupported file type (found: ${sniffed.rejected}); upload a ${ACCEPTED.en} image`
			},
			415
		);
	}
	let bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	if (sniffed.mime === 'image/svg+xml') {
		const problem = svgProblem(bytes.toString('utf8'), bytes.byteLength);
		if (problem) throw new AssetError(problem, 413);
	}
	let width: number;
	let height: number;
	try {
		const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
		width = meta.autoOrient?.width ?? meta.width ?? 0;
		height = meta.autoOrient?.height ?? meta.height ?? 0;
		if (!(width > 0 && height > 0)) throw new Error('no size');
		if (width * height > maxPixels) {
			const mp = (n: number) => Math.round(n / 1e5) / 10;
			throw new AssetError(
				{
					zh: `图片像素太多（${width}×${height}，${mp(width * height)} 百万像素），上限 ${mp(maxPixels)} 百万像素。`,
					en: `image too large (${width}×${height}, ${mp(width * height)} megapixels); the limit is ${mp(maxPixels)} megapixels`
				},
				413
			);
		}
		// Decode every pixel (in libvips' threads, off the event loop); failOn 'truncated' makes a
		// cut-off file an error instead of grey rows. The output is tiny: only the decode matters.
		await sharp(bytes, { limitInputPixels: false, failOn: 'truncated', sequentialRead: true })
			.resize(8, 8, { fit: 'fill', fastShrinkOnLoad: false })
			.raw()
			.toBuffer();
		// Bake EXIF orientation into the pixels so every painter (browser, server, PDF) sees the same.
		if ((meta.orientation ?? 1) > 1 && sniffed.mime !== 'image/svg+xml') {
			const img = sharp(bytes, { limitInputPixels: false }).rotate();
			bytes = await (
				sniffed.mime === 'image/jpeg'
					? img.jpeg({ quality: 95 })
					: sniffed.mime === 'image/webp'
						? img.webp({ quality: 95 })
						: img.png()
			).toBuffer();
		}
	} catch (e) {
		if (e instanceof AssetError) throw e;
		throw new AssetError({
			zh: `图片无法读取（文件看起来是 ${sniffed.mime}，但内容已损坏或不完整）。`,
			en: `the image cannot be read (it looks like ${sniffed.mime} but is damaged or incomplete)`
		});
	}
	return { mime: sniffed.mime, bytes, width, height };
}

/** Check, measure and store an image. Throws AssetError (bilingual) for anything we cannot accept. */
export async function putAsset(
	data: Uint8Array,
	options: PutAssetOptions = {},
	db: Db = getDb()
): Promise<Asset> {
	const { mime, bytes, width, height } = await inspectImage(data, options);
	const asset: Asset = {
		id: newId(),
		mime,
		bytes: bytes.byteLength,
		width,
		height,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		meta: options.meta ?? {},
		createdAt: new Date().toISOString()
	};
	const path = assetPath(db, asset.id, asset.mime);
	writeAtomically(path, bytes);
	try {
		assetTables(db)
			.prepare(
				'INSERT INTO assets (id, mime, bytes, width, height, sha256, meta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
			)
			.run(
				asset.id,
				asset.mime,
				asset.bytes,
				asset.width,
				asset.height,
				asset.sha256,
				JSON.stringify(asset.meta),
				asset.createdAt
			);
	} catch (e) {
		rmSync(path, { force: true });
		throw e;
	}
	return asset;
}

function writeAtomically(path: string, bytes: Uint8Array) {
	mkdirSync(join(path, '..'), { recursive: true });
	const temp = `${path}.tmp-${process.pid}-${newId(8)}`;
	const fd = openSync(temp, 'wx');
	try {
		writeSync(fd, bytes);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	try {
		renameSync(temp, path);
	} catch (e) {
		rmSync(temp, { force: true });
		throw e;
	}
}

const assetPath = (db: Db, id: string, mime: AssetMime) =>
	join(dataDirOf(db), 'assets', id.slice(0, 2), `${id}.${EXTENSIONS[mime]}`);

/** An assets row: the Asset's fields, with meta as JSON text and created_at in SQL's spelling. */
type AssetRow = Omit<Asset, 'meta' | 'createdAt'> & { meta: string; created_at: string };

export function getAsset(id: string, db: Db = getDb()): Asset | null {
	if (!isSafeId(id)) return null;
	const row = assetTables(db).prepare('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
	if (!row) return null;
	const { created_at, meta, ...rest } = row;
	return { ...rest, meta: JSON.parse(meta), createdAt: created_at };
}

/** The file of an asset on disk (for writers that stream it, like the PDF export), or null. */
export function getAssetPath(id: string, db: Db = getDb()): string | null {
	const asset = getAsset(id, db);
	return asset ? assetPath(db, asset.id, asset.mime) : null;
}

export function getAssetBytes(id: string, db: Db = getDb()): Buffer | null {
	const path = getAssetPath(id, db);
	return path ? readFileSync(path) : null;
}
