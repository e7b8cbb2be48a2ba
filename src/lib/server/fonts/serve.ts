// HTTP responses for the /fonts routes: only files the manifest lists, cached for long.
import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { isListedFile } from '../../text/fonts';
import { fontsDir, readManifest } from './index';

const CONTENT_TYPES: Record<string, string> = { '.otf': 'font/otf', '.ttf': 'font/ttf' };
/** A URL carrying the manifest's hash (?v=) never changes content: cache it for a year. */
export const FONT_CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Without the hash the file may change on the next build: cache for a day, revalidate by ETag. */
export const FONT_CACHE_UNVERSIONED = 'public, max-age=86400';

function notFound(message: string): Response {
	return new Response(message, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** GET /fonts/<file>: 404 for anything the manifest does not list (this is also the path-traversal guard). */
export async function fontFileResponse(
	file: string,
	{ ifNoneMatch = null, version = null }: { ifNoneMatch?: string | null; version?: string | null } = {},
	dir = fontsDir()
): Promise<Response> {
	const manifest = readManifest(dir);
	if (!isListedFile(manifest, file)) return notFound(`no font file "${file}"`);
	const hash = manifest.fonts.find((f) => f.file === file)?.sha256;
	const full = path.join(dir, file);
	let info;
	try {
		info = await stat(full);
	} catch {
		return notFound(`font file "${file}" is listed but missing on disk`);
	}
	const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
	const headers = {
		'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()],
		'cache-control': hash && version === hash ? FONT_CACHE_IMMUTABLE : FONT_CACHE_UNVERSIONED,
		etag,
		// The browser fetches fonts from the same origin; canvas text never needs CORS here, fonts might.
		'access-control-allow-origin': '*'
	};
	if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
	const body = Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>;
	return new Response(body, { headers: { ...headers, 'content-length': String(info.size) } });
}

/** GET /fonts/manifest.json: the validated manifest (short cache: it names the files). */
export function manifestResponse(dir = fontsDir()): Response {
	const manifest = readManifest(dir);
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
}
