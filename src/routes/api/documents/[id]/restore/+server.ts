// POST /api/documents/[id]/restore → 200 {document, revision}: undoes a delete (the design comes
// back exactly as it was). 404 when no deleted design has this id.
import { json } from '@sveltejs/kit';
import { getDocument, restoreDocument } from '$lib/server/storage/documents';
import { NotFoundError } from '$lib/server/storage/errors';
import { badDocumentId, storageErrorResponse } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, locals }) => {
	const locale = locals.locale ?? 'zh';
	const bad = badDocumentId(params.id, locale);
	if (bad) return bad;
	if (!restoreDocument(params.id))
		return storageErrorResponse(new NotFoundError('document', params.id), locale);
	return json(getDocument(params.id));
};
