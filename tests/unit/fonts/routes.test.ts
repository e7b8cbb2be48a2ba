// The /fonts routes, called as handler functions: listed files only (no path traversal), the right
// Content-Type, long-lived caching for hash-versioned URLs, ETag revalidation, and the manifest.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GET as getFont } from '../../../src/routes/fonts/[file]/+server';
import { GET as getManifest } from '../../../src/routes/fonts/manifest.json/+server';
import { readManifest } from '../../../src/lib/server/fonts';

const manifest = readManifest(path.resolve('fonts'));

function fontEvent(file: string, { v, etag }: { v?: string; etag?: string } = {}) {
	const url = new URL(`http://localhost/fonts/${encodeURIComponent(file)}${v ? `?v=${v}` : ''}`);
	const request = new Request(url, { headers: etag ? { 'if-none-match': etag } : {} });
	// The handlers read only params, request and url.
	return { params: { file }, request, url } as unknown as Parameters<typeof getFont>[0];
}

describe('GET /fonts/[file]', () => {
	it.each([
		'../package.json',
		'../../etc/passwd',
		'/etc/passwd',
		'..%2Fpackage.json',
		'..\\package.json',
		'NotoSansSC-Regular.otf/../../package.json',
		'licenses/fonts-noto-cjk.copyright',
		'manifest.json',
		'.env',
		'Inter-Regular.otf\0.txt',
		'Inter-Regular.OTF',
		'NotListed-Regular.otf',
		''
	])('refuses %j with 404', async (file) => {
		const res = await getFont(fontEvent(file));
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await res.text()).not.toMatch(/"name":\s*"haibao"/); // never package.json's contents
	});

	it('serves a listed OTF byte for byte with font/otf and a day of caching when unversioned', async () => {
		const res = await getFont(fontEvent('Inter-Bold.otf'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('font/otf');
		expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
		const body = new Uint8Array(await res.arrayBuffer());
		expect(Buffer.from(body).equals(readFileSync(path.resolve('fonts/Inter-Bold.otf')))).toBe(true);
		expect(res.headers.get('content-length')).toBe(String(body.byteLength));
	});

	it('caches a hash-versioned URL for a year (immutable) and answers If-None-Match with 304', async () => {
		const entry = manifest.fonts.find((f) => f.file === 'SmileySans-Oblique.ttf')!;
		const res = await getFont(fontEvent(entry.file, { v: entry.sha256 }));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('font/ttf');
		expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		await res.body?.cancel();
		const stale = await getFont(fontEvent(entry.file, { v: '0000000000000000' }));
		expect(stale.headers.get('cache-control')).toBe('public, max-age=86400');
		await stale.body?.cancel();
		const etag = res.headers.get('etag')!;
		expect(etag).toMatch(/^".+"$/);
		const again = await getFont(fontEvent(entry.file, { v: entry.sha256, etag }));
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});
});

describe('GET /fonts/manifest.json', () => {
	it('returns the validated manifest as JSON', async () => {
		const res = await getManifest({} as Parameters<typeof getManifest>[0]);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		const body = await res.json();
		expect(body.fonts.map((f: { file: string }) => f.file)).toEqual(manifest.fonts.map((f) => f.file));
	});
});

describe('browser loader over the /fonts route', () => {
	it('fetches hash-versioned URLs that the route serves as immutable, and the library loads from them', async () => {
		const { fetchLoader } = await import('../../../src/lib/text/fonts/fetch');
		const { createFontLibrary } = await import('../../../src/lib/text/fonts');
		const seen: { url: string; cache: string | null }[] = [];
		// The real route handler stands in for the network.
		const viaRoute = (async (input: string) => {
			const url = new URL(input, 'http://localhost');
			const file = decodeURIComponent(url.pathname.replace(/^\/fonts\//, ''));
			const res = await getFont({ params: { file }, request: new Request(url), url } as unknown as Parameters<typeof getFont>[0]);
			seen.push({ url: input, cache: res.headers.get('cache-control') });
			return res;
		}) as unknown as typeof fetch;
		const lib = createFontLibrary(manifest, fetchLoader(manifest, '/fonts', viaRoute));
		await lib.ensure([{ family: 'Bebas Neue', weight: 400 }]);
		expect(lib.missingCharacters('SALE 限时', 'Bebas Neue', 400)).toEqual([]);
		expect(seen.map((s) => s.url).sort()).toEqual(
			['BebasNeue-Regular.otf', 'Inter-Regular.otf', 'NotoSansSC-Regular.otf'].map((f) => `/fonts/${f}?v=${manifest.fonts.find((e) => e.file === f)!.sha256}`)
		);
		expect(seen.every((s) => s.cache === 'public, max-age=31536000, immutable')).toBe(true);
	});
});
