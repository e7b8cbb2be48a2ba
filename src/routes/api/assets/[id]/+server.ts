// GET /api/assets/[id]: the image bytes. Assets never change, so they are cached for a year.
// SVG is served under a sandboxing CSP so a script inside an uploaded file cannot run on our origin.
import { getAsset, getAssetBytes } from '$lib/server/storage/assets';
import { NotFoundError } from '$lib/server/storage/errors';
import { storageErrorResponse } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, request, locals }) => {
	const asset = getAsset(params.id);
	const bytes = asset && getAssetBytes(asset.id);
	if (!asset || !bytes)
		return storageErrorResponse(new NotFoundError('asset', params.id), locals.locale ?? 'zh');
	const headers: Record<string, string> = {
		'content-type': asset.mime,
		'cache-control': 'public, max-age=31536000, immutable',
		etag: `"${asset.sha256}"`,
		'x-content-type-options': 'nosniff'
	};
	if (asset.mime === 'image/svg+xml')
		headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
	if (request.headers.get('if-none-match') === headers.etag)
		return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(bytes), {
		headers: { ...headers, 'content-length': String(bytes.byteLength) }
	});
};
