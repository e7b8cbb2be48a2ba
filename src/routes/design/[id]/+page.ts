// The editor runs in the browser only (Konva, fonts, harfbuzz wasm); the document comes from the API.
import { error } from '@sveltejs/kit';
import type { PosterDocument } from '$lib/document/schema';
import type { PageLoad } from './$types';

export const ssr = false;

export const load: PageLoad = async ({ params, fetch }) => {
	const res = await fetch(`/api/documents/${encodeURIComponent(params.id)}`);
	if (res.status === 404) error(404, { message: '找不到这个设计 / Design not found' });
	if (!res.ok) {
		// The server says why (a malformed id, a stored design this version cannot read), in both languages.
		const body = (await res.json().catch(() => null)) as { error?: { zh?: string; en?: string } } | null;
		const why =
			body?.error?.zh && body.error.en ? `${body.error.zh} / ${body.error.en}` : `HTTP ${res.status}`;
		error(res.status, { message: `无法读取设计 / Cannot load the design: ${why}` });
	}
	const body = (await res.json()) as { document: PosterDocument; revision: number };
	return { document: body.document, revision: body.revision };
};
