// POST /api/documents/[id]/duplicate [{title}] → 201 {document, revision}: a copy under a new id,
// titled "<title> 副本" / "<title> copy" unless a title is given. 404 when there is no such design.
import { json } from '@sveltejs/kit';
import { newId } from '$lib/document/ids';
import { duplicateDocument, getDocument } from '$lib/server/storage/documents';
import { NotFoundError } from '$lib/server/storage/errors';
import { badDocumentId, readLimited, storageErrorResponse } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, locals, request }) => {
	const locale = locals.locale ?? 'zh';
	const bad = badDocumentId(params.id, locale);
	if (bad) return bad;
	// An optional {title}; anything else (no body, not JSON, too long) means the default title.
	const raw = await readLimited(request, 4096);
	let given = '';
	try {
		const body = raw?.length ? JSON.parse(new TextDecoder().decode(raw)) : null;
		if (typeof body?.title === 'string') given = body.title.trim();
	} catch {
		// not JSON: keep the default title
	}
	try {
		const original = getDocument(params.id);
		if (!original) throw new NotFoundError('document', params.id);
		const base = original.document.title || (locale === 'zh' ? '未命名' : 'Untitled');
		const title = given || (locale === 'zh' ? `${base} 副本` : `${base} copy`);
		const stored = duplicateDocument(params.id, newId(), title.slice(0, 120));
		return json(
			{ document: stored.document, revision: stored.revision, updatedAt: stored.updatedAt },
			{ status: 201, headers: { location: `/api/documents/${stored.document.id}` } }
		);
	} catch (e) {
		return storageErrorResponse(e, locale);
	}
};
