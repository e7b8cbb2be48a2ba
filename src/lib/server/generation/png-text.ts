// PNG text chunks (iTXt, UTF-8, so Chinese prompts survive) written after sharp encodes the image,
// and read back for tests and for the CLI. Shared by every backend.
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
	return Buffer.concat([head, data, crc]);
}

/** Inserts one uncompressed iTXt chunk per entry just before IEND. Keywords must be 1–79 Latin-1 chars. */
export function addPngText(png: Buffer, entries: Record<string, string>): Buffer {
	if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
	const iend = png.length - 12;
	if (png.toString('latin1', iend + 4, iend + 8) !== 'IEND') throw new Error('PNG does not end with IEND');
	const chunks = Object.entries(entries).map(([keyword, text]) => {
		if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error(`bad PNG text keyword "${keyword}"`);
		// keyword \0 compression-flag 0, method 0, language tag "" \0, translated keyword "" \0, text
		return chunk(
			'iTXt',
			Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')])
		);
	});
	return Buffer.concat([png.subarray(0, iend), ...chunks, png.subarray(iend)]);
}

/** Reads tEXt and uncompressed iTXt chunks. */
export function readPngText(png: Buffer): Record<string, string> {
	const out: Record<string, string> = {};
	let offset = 8;
	while (offset + 12 <= png.length) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('latin1', offset + 4, offset + 8);
		const data = png.subarray(offset + 8, offset + 8 + length);
		if (type === 'tEXt') {
			const nul = data.indexOf(0);
			out[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
		} else if (type === 'iTXt') {
			const nul = data.indexOf(0);
			const compressed = data[nul + 1];
			const lang = data.indexOf(0, nul + 3);
			const translated = data.indexOf(0, lang + 1);
			if (!compressed) out[data.toString('latin1', 0, nul)] = data.toString('utf8', translated + 1);
		}
		if (type === 'IEND') break;
		offset += 12 + length;
	}
	return out;
}
