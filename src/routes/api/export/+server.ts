// POST /api/export {documentId | document, format png|jpeg|pdf, dpi?, maxSide?, bleed?, marks?, cmyk?, quality?, async?}
// Without async: the file itself (Content-Disposition: attachment). With async: 202 {id, …status};
// follow GET /api/export/[id] (JSON, or text/event-stream) and download GET /api/export/[id]/file.
import { json } from '@sveltejs/kit';
import { getDocument } from '$lib/server/storage/documents';
import { errorJson, readJson } from '$lib/server/storage/http';
import { exportDocument } from '$lib/server/export/index';
import { jobStatus, startExportJob } from '$lib/server/export/jobs';
import {
	contentDisposition,
	downloadName,
	exportOptions,
	parseExportRequest,
	resolveRequestDocument
} from '$lib/server/export/request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const body = await readJson(request, locale);
	if (!body.ok) return body.response;
	const req = parseExportRequest(body.value);
	if (!req.ok) return errorJson(req.status, req.error, locale);
	const doc = await resolveRequestDocument(req.value, (id) => getDocument(id)?.document ?? null);
	if (!doc.ok) return errorJson(doc.status, doc.error, locale, doc.issues ? { issues: doc.issues } : {});
	const options = exportOptions(req.value, doc.value);
	if (!options.ok) return errorJson(options.status, options.error, locale);
	if (req.value.async) return json(jobStatus(startExportJob(doc.value, options.value)), { status: 202 });
	try {
		const file = await exportDocument(doc.value, options.value);
		return new Response(new Uint8Array(file.bytes), {
			headers: {
				'content-type': file.mime,
				'content-length': String(file.bytes.length),
				'content-disposition': contentDisposition(downloadName(doc.value, file.extension)),
				'cache-control': 'no-store'
			}
		});
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return errorJson(500, { zh: `导出失败：${detail}`, en: `export failed: ${detail}` }, locale);
	}
};
