// GET /fonts/<file>[?v=<sha256 prefix>]: a font file of fonts/manifest.json, on demand (never inlined into a bundle).
import { fontFileResponse } from '$lib/server/fonts/serve';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, request, url }) =>
	fontFileResponse(params.file, { ifNoneMatch: request.headers.get('if-none-match'), version: url.searchParams.get('v') });
