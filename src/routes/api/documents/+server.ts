// GET /api/documents: summaries, newest first. POST: create a document from JSON (the document
// itself or {document}); id and timestamps are filled in when missing. 201 {document, revision}.
import { json } from '@sveltejs/kit';
import { newId } from '$lib/document/ids';
import { createDocument, listDocuments } from '$lib/server/storage/documents';
import { errorJson, readJson, storageErrorResponse } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json({ documents: listDocuments() });

export const POST: RequestHandler = async ({ request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const body = await readJson(request, locale);
	if (!body.ok) return body.response;
	const raw =
		body.value && typeof body.value === 'object' && 'document' in body.value
			? (body.value as { document: unknown }).document
			: body.value;
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		return errorJson(
			400,
			{
				zh: '请求中没有文档（需要一个 JSON 对象）。',
				en: 'no document in the request (expected a JSON object)'
			},
			locale
		);
	}
	const now = new Date().toISOString();
	const input = { createdAt: now, updatedAt: now, ...raw, id: (raw as { id?: unknown }).id ?? newId() };
	try {
		const stored = createDocument(input);
		return json(
			{ document: stored.document, revision: stored.revision, updatedAt: stored.updatedAt },
			{ status: 201, headers: { location: `/api/documents/${stored.document.id}` } }
		);
	} catch (e) {
		return storageErrorResponse(e, locale);
	}
};
