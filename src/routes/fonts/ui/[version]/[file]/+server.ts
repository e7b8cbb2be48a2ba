// GET /fonts/ui/<version>/<weight>-<slice>.otf: one slice of the interface font.
import { dev } from '$app/environment';
import { uiFontSliceResponse } from '$lib/server/fonts/ui-font-http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => uiFontSliceResponse(params.version, params.file, dev);
