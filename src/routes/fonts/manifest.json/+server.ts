// GET /fonts/manifest.json: which faces exist and which file each lives in.
import { manifestResponse } from '$lib/server/fonts/serve';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => manifestResponse();
