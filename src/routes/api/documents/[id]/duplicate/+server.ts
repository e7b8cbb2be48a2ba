// POST /api/documents/[id]/duplicate [{title}] → 201 {document, revision}: a copy under a new id,
// titled "<title> 副本" / "<title> copy" unless a title is given. 404 when there is no such design.
import { json } from '@sveltejs/kit';
import { newId } from '$lib/document/ids';
import { duplicateDocument, getDocument } from '$lib/server/storage/documents';
import { NotFoundError } from '$lib/server/storage/errors';
import { storageErrorResponse } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, locals, request }) => {
	const locale = locals.locale ?? 'zh';
	const given = await request
		.json()
		.then((b: { title?: unknown }) => (typeof b?.title === 'string' ? b.title.trim() : ''))
		.catch(() => '');
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
