// GET /fonts/ui.css: @font-face rules of the interface font (Noto Sans SC in unicode-range slices).
import { dev } from '$app/environment';
import { uiFontCssResponse } from '$lib/server/fonts/ui-font-http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => uiFontCssResponse(request, dev);
