// GET /designs/[id]/thumbnail.png?size=160: a saved design drawn small, for the gallery's
// "My designs" page and strip. Keyed by revision, so a new save gets a new picture; cached in
// memory and on disk like template thumbnails, so a restart does not redraw every design.
import { error } from '@sveltejs/kit';
import { getDocument } from '$lib/server/storage/documents';
import { badDocumentId, storageErrorResponse } from '$lib/server/storage/http';
import { renderThumbnail } from '$lib/server/export/jobs';
import { cachedThumbnail, thumbnailKey } from '../../../templates/thumbnails';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const bad = badDocumentId(params.id, locale);
	if (bad) return bad;
	let stored;
	try {
		stored = getDocument(params.id);
	} catch (e) {
		return storageErrorResponse(e, locale);
	}
	if (!stored) error(404, `no design "${params.id}"`);
	const size = Number(url.searchParams.get('size') ?? 160);
	if (!Number.isInteger(size) || size < 48 || size > 800)
		error(400, 'size must be an integer from 48 to 800');
	const key = thumbnailKey({ design: params.id, revision: stored.revision, size });
	const etag = `"${key.slice(0, 32)}"`;
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers: { etag } });
	const { png, hit } = await cachedThumbnail(key, true, () => renderThumbnail(stored.document, size));
	return new Response(new Uint8Array(png), {
		headers: {
			'content-type': 'image/png',
			etag,
			'cache-control': 'private, no-cache',
			'x-haibao-cache': hit ? 'hit' : 'miss'
		}
	});
};
