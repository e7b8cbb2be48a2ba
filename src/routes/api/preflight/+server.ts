// POST /api/preflight {documentId | document} → {dpiThreshold, issues: [{code, severity, layerId, message: {zh, en}}]}
// Checked in a render thread: laying out every text of a page is too long for the event loop.
import { json } from '@sveltejs/kit';
import { getDocument } from '$lib/server/storage/documents';
import { errorJson, readJson } from '$lib/server/storage/http';
import { preflightInWorker } from '$lib/server/export/jobs';
import { resolveRequestDocument } from '$lib/server/export/request';
import { checkDocumentText, textIssues } from '$lib/server/ocr/document-check';
import { getOcr } from '$lib/server/ocr/host';
import { getAssetBytes } from '$lib/server/storage/assets';
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
	const report = await preflightInWorker(doc.value);
	// Text in generated images that does not read back (OCR in its worker; nothing to do when no
	// image was asked to show text). An unreadable asset is already reported above.
	try {
		const textChecks = await checkDocumentText(
			doc.value,
			async (id) => {
				const bytes = getAssetBytes(id);
				if (!bytes) throw new Error(`asset ${id} not found`);
				return bytes;
			},
			(image, expectations) => getOcr().checkImage(image, expectations)
		);
		report.issues.push(...textIssues(textChecks));
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		report.issues.push({
			code: 'text-not-read-back',
			severity: 'warning',
			layerId: '',
			message: { zh: `无法检查图片中的文字：${reason}`, en: `Could not check the text in images: ${reason}` }
		});
	}
	return json(report, { headers: { 'cache-control': 'no-store' } });
};
