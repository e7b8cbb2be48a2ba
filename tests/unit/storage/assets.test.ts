import { existsSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	getAsset,
	getAssetBytes,
	getAssetPath,
	putAsset,
	sniffImageType
} from '../../../src/lib/server/storage/assets';
import { AssetError } from '../../../src/lib/server/storage/errors';
import { tempStore } from './helpers';

let store: ReturnType<typeof tempStore>;
beforeAll(() => (store = tempStore()));
afterAll(() => store.cleanup());

const solid = (width: number, height: number) =>
	sharp({ create: { width, height, channels: 3, background: '#c81e1e' } });
const SVG = Buffer.from(
	'\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><circle cx="75" cy="75" r="50"/></svg>'
);

/** A PNG whose header claims width×height (valid IHDR with CRC) and one tiny IDAT. */
function pngHeader(width: number, height: number): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf: Buffer) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, sum]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.alloc(1))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

async function rejection(bytes: Uint8Array, options = {}): Promise<AssetError> {
	try {
		await putAsset(bytes, options, store.db);
	} catch (e) {
		if (e instanceof AssetError) return e;
		throw e;
	}
	throw new Error('expected the upload to be rejected');
}

describe('assets', () => {
	it('sniffs PNG, JPEG, WebP and SVG from their bytes, whatever was declared', async () => {
		const png = await solid(40, 30).png().toBuffer();
		const jpeg = await solid(40, 30).jpeg().toBuffer();
		const webp = await solid(40, 30).webp().toBuffer();
		expect(sniffImageType(png)).toEqual({ mime: 'image/png' });
		expect(sniffImageType(jpeg)).toEqual({ mime: 'image/jpeg' });
		expect(sniffImageType(webp)).toEqual({ mime: 'image/webp' });
		expect(sniffImageType(SVG)).toEqual({ mime: 'image/svg+xml' });
		expect(sniffImageType(await solid(4, 4).gif().toBuffer())).toEqual({ rejected: 'GIF' });
		expect(sniffImageType(Buffer.from('<html><body><svg></svg></body></html>'))).toEqual({
			rejected: 'unknown'
		});
		expect(sniffImageType(Buffer.from('%PDF-1.7\n'))).toEqual({ rejected: 'PDF' });
		const asset = await putAsset(
			webp,
			{ mime: 'image/png', meta: { source: 'upload', name: '横幅.webp' } },
			store.db
		);
		expect(asset).toMatchObject({
			mime: 'image/webp',
			width: 40,
			height: 30,
			bytes: webp.length,
			meta: { source: 'upload', name: '横幅.webp' }
		});
	});

	it('stores bytes under assets/<id[0..2]>/<id>.<ext> with a metadata row, and reads them back', async () => {
		const png = await solid(64, 48).png().toBuffer();
		const asset = await putAsset(png, { meta: { prompt: '红色灯笼' } }, store.db);
		const path = getAssetPath(asset.id, store.db)!;
		expect(path).toBe(join(store.dir, 'assets', asset.id.slice(0, 2), `${asset.id}.png`));
		expect(existsSync(path)).toBe(true);
		expect(
			readdirSync(join(store.dir, 'assets', asset.id.slice(0, 2))).filter((f) => f.includes('.tmp-'))
		).toEqual([]);
		expect(getAsset(asset.id, store.db)).toEqual(asset);
		expect(getAssetBytes(asset.id, store.db)!.equals(png)).toBe(true);
		expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(getAsset('nope', store.db)).toBeNull();
		expect(getAsset('../../etc/passwd', store.db)).toBeNull();
		expect(getAssetBytes('nope', store.db)).toBeNull();
		const svg = await putAsset(SVG, {}, store.db);
		expect(svg).toMatchObject({ mime: 'image/svg+xml', width: 300, height: 150 });
		expect(getAssetPath(svg.id, store.db)).toMatch(/\.svg$/);
	});

	it('bakes EXIF orientation into the pixels and reports the displayed size', async () => {
		const rotated = await solid(40, 20).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		const asset = await putAsset(rotated, {}, store.db);
		expect([asset.width, asset.height]).toEqual([20, 40]);
		const meta = await sharp(getAssetBytes(asset.id, store.db)!).metadata();
		expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([20, 40, 1]);
	});

	it('rejects other types, damaged files, too many bytes and too many pixels, in both languages', async () => {
		const gif = await rejection(await solid(4, 4).gif().toBuffer());
		expect(gif.status).toBe(415);
		expect(gif.bilingual.en).toBe(
			'unsupported file type (found: GIF); upload a PNG, JPEG, WebP or SVG image'
		);
		expect(gif.bilingual.zh).toBe('不支持的文件类型（检测到：GIF）。请上传 PNG、JPEG、WebP 或 SVG 图片。');
		expect((await rejection(Buffer.from('hello'))).bilingual.zh).toContain('未知');
		expect((await rejection(Buffer.alloc(0))).bilingual.en).toContain('empty file');

		const damaged = await rejection(
			Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage')])
		);
		expect(damaged.bilingual.en).toMatch(/cannot be read.*image\/png/);
		expect(damaged.bilingual.zh).toContain('无法读取');

		const big = await rejection(Buffer.alloc(2048, 1), { maxBytes: 1024 });
		expect(big.status).toBe(413);
		expect(big.bilingual.en).toMatch(/file too large/);

		// 10000 × 9000 = 90 megapixels in the header: over the default 80 MP limit, refused before decoding.
		const huge = await rejection(pngHeader(10000, 9000));
		expect(huge.status).toBe(413);
		expect(huge.bilingual.en).toBe('image too large (10000×9000, 90 megapixels); the limit is 80 megapixels');
		expect(huge.bilingual.zh).toContain('百万像素');

		const before = store.db.prepare('SELECT count(*) AS n FROM assets').get();
		await rejection(pngHeader(10000, 9000));
		expect(store.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual(before);
	});
});
