// HTTP answers for the interface font: the stylesheet and its slices.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { templatesDir } from '../templates/catalog';
import { uiFontCss, uiFontPlan, uiFontSlice, type UiFontPlan } from './ui-font';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The interface's strings: the whole build when served (the server renders strings the client
 * bundle never holds: category and size names, messages), the sources in development.
 */
function plan(development: boolean): UiFontPlan {
	const built = path.join(process.cwd(), 'build');
	const app = development || !existsSync(built) ? path.join(process.cwd(), 'src') : built;
	return uiFontPlan({ textDirs: [app, templatesDir()] });
}

let gzipped: { version: string; css: string; gz: Buffer } | undefined;

export function uiFontCssResponse(request: Request, development: boolean): Response {
	const current = plan(development);
	if (gzipped?.version !== current.version) {
		const css = uiFontCss(current);
		gzipped = { version: current.version, css, gz: gzipSync(css) };
	}
	const etag = `"${current.version}"`;
	const headers: Record<string, string> = {
		'content-type': 'text/css; charset=utf-8',
		'cache-control': 'no-cache',
		etag,
		vary: 'accept-encoding'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
		return new Response(new Uint8Array(gzipped.gz), { headers: { ...headers, 'content-encoding': 'gzip' } });
	return new Response(gzipped.css, { headers });
}

export async function uiFontSliceResponse(version: string, file: string, development: boolean): Promise<Response> {
	const current = plan(development);
	const bytes = uiFontSlice(current, file);
	if (!bytes) return new Response(`no such interface font slice: ${file}`, { status: 404 });
	return new Response(new Uint8Array(await bytes), {
		headers: {
			'content-type': 'font/otf',
			// An old version's URL gets today's slice, but only for a while.
			'cache-control': version === current.version ? IMMUTABLE : 'no-cache'
		}
	});
}
