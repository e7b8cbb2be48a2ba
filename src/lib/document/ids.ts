// Ids for documents, layers and assets: random, URL- and filename-safe, lowercase (asset files are
// sharded by their first two characters, and some filesystems ignore case).
// crypto.getRandomValues exists in Node 20 and in every browser, also on plain-http LAN addresses
// where crypto.randomUUID is missing (it needs a secure context), so we build on it.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** 20 characters of 36 symbols ≈ 103 bits: collisions are not a practical concern. */
export const ID_LENGTH = 20;

export function newId(length = ID_LENGTH): string {
	// 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps the draw uniform.
	let id = '';
	while (id.length < length) {
		const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
		for (const b of bytes) {
			if (b < 252) id += ALPHABET[b % 36];
			if (id.length === length) break;
		}
	}
	return id;
}

/** Whether a string is safe to use as an id in a URL and a file name (asset ids end up in paths). */
export { isSafeId } from './limits';
