// POST /api/preflight {documentId | document} → {dpiThreshold, issues: [{code, severity, layerId, message: {zh, en}}]}
// Checked in a render thread: laying out every text of a page is too long for the event loop.
import { json } from '@sveltejs/kit';
import { getDocument } from '$lib/server/storage/documents';
import { errorJson, readJson } from '$lib/server/storage/http';
import { preflightInWorker } from '$lib/server/export/jobs';
import { resolveRequestDocument } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const body = await readJson(request, locale);
	if (!body.ok) return body.response;
	const raw = (body.value ?? {}) as { documentId?: unknown; document?: unknown };
	const doc = await resolveRequestDocument(
		{ documentId: typeof raw.documentId === 'string' ? raw.documentId : undefined, document: raw.document },
		(id) => getDocument(id)?.document ?? null
	);
	if (!doc.ok) return errorJson(doc.status, doc.error, locale, doc.issues ? { issues: doc.issues } : {});
	return json(await preflightInWorker(doc.value), { headers: { 'cache-control': 'no-store' } });
};
