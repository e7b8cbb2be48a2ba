// GET /api/documents/[id] → {document, revision, updatedAt}. PUT {document, revision} saves when
// `revision` is still the stored one: 200 {revision, updatedAt}; 409 {error, currentRevision,
// document} when another tab saved first; 400 with the validation issues. PATCH {title} renames
// (200 {revision, updatedAt, title}). DELETE → 204; the document can be restored for undo
// (POST ./restore), since storage only marks it deleted.
import { json } from '@sveltejs/kit';
import { deleteDocument, getDocument, renameDocument, saveDocument } from '$lib/server/storage/documents';
import { ConflictError, NotFoundError } from '$lib/server/storage/errors';
import { badDocumentId, errorJson, readJson, storageErrorResponse } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

const notFound = (id: string) => new NotFoundError('document', id);

export const GET: RequestHandler = ({ params, locals }) => {
	const locale = locals.locale ?? 'zh';
	const bad = badDocumentId(params.id, locale);
	if (bad) return bad;
	try {
		const stored = getDocument(params.id);
		if (!stored) return storageErrorResponse(notFound(params.id), locale);
		return json(stored, { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		// A stored document this version cannot read: say why (400) instead of a bare 500.
		return storageErrorResponse(e, locale);
	}
};

export const PUT: RequestHandler = async ({ request, params, locals }) => {
	const locale = locals.locale ?? 'zh';
	const bad = badDocumentId(params.id, locale);
	if (bad) return bad;
	const body = await readJson(request, locale);
	if (!body.ok) return body.response;
	const { document, revision } = (body.value ?? {}) as { document?: unknown; revision?: unknown };
	if (!Number.isInteger(revision) || (revision as number) < 1) {
		return errorJson(
			400,
			{
				zh: '缺少文档版本号（revision，正整数）。',
				en: 'missing revision (a positive integer): send the revision you loaded or last saved'
			},
			locale
		);
	}
	if (!document || typeof document !== 'object' || Array.isArray(document)) {
		return errorJson(400, { zh: '请求中没有文档。', en: 'no document in the request' }, locale);
	}
	const bodyId = (document as { id?: unknown }).id;
	if (bodyId !== params.id) {
		return errorJson(
			400,
			{
				zh: `文档 id（${String(bodyId)}）与地址（${params.id}）不一致。`,
				en: `document id "${String(bodyId)}" does not match the URL ("${params.id}")`
			},
			locale
		);
	}
	try {
		const saved = saveDocument(document, revision as number);
		return json({ revision: saved.revision, updatedAt: saved.updatedAt });
	} catch (e) {
		// On a conflict, send the stored version so the editor can show both.
		const extra = e instanceof ConflictError ? { document: getDocument(params.id)?.document ?? null } : {};
		return storageErrorResponse(e, locale, extra);
	}
};

/** Longest title a design may have (the list shows it on one line). */
const MAX_TITLE_LENGTH = 120;

export const PATCH: RequestHandler = async ({ request, params, locals }) => {
	const locale = locals.locale ?? 'zh';
	const bad = badDocumentId(params.id, locale);
	if (bad) return bad;
	const body = await readJson(request, locale);
	if (!body.ok) return body.response;
	const raw = (body.value as { title?: unknown } | null)?.title;
	const title = typeof raw === 'string' ? raw.trim() : '';
	if (!title || [...title].length > MAX_TITLE_LENGTH) {
		return errorJson(
			400,
			{
				zh: `名称不能为空，最多 ${MAX_TITLE_LENGTH} 个字。`,
				en: `the title must be 1 to ${MAX_TITLE_LENGTH} characters`
			},
			locale
		);
	}
	try {
		const saved = renameDocument(params.id, title);
		return json({ revision: saved.revision, updatedAt: saved.updatedAt, title: saved.document.title });
	} catch (e) {
		return storageErrorResponse(e, locale);
	}
};

export const DELETE: RequestHandler = ({ params, locals }) => {
	const locale = locals.locale ?? 'zh';
	const bad = badDocumentId(params.id, locale);
	if (bad) return bad;
	if (!deleteDocument(params.id)) return storageErrorResponse(notFound(params.id), locale);
	return new Response(null, { status: 204 });
};
