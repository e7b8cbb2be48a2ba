// POST /api/export {documentId | document, format png|jpeg|pdf, dpi?, maxSide?, bleed?, marks?, cmyk?, quality?, async?}
// Every export is a job of the job runtime (queued, rendered in a worker thread). With async:
// 202 {id, …status}; follow GET /api/export/[id] (JSON, or text/event-stream), download
// GET /api/export/[id]/file, cancel POST /api/export/[id]/cancel. Without async: the same job,
// awaited, answers with the file itself (cancelled when the client goes away).
import { json } from '@sveltejs/kit';
import { readFile, rm } from 'node:fs/promises';
import { getDocument } from '$lib/server/storage/documents';
import { errorJson, readJson } from '$lib/server/storage/http';
import { getJobRuntime } from '$lib/server/jobs/index';
import { jobStatus, startExportJob } from '$lib/server/export/jobs';
import {
	contentDisposition,
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
	const { job, done } = startExportJob(doc.value, options.value);
	if (req.value.async) return json(jobStatus(job), { status: 202 });

	const runtime = getJobRuntime();
	const cancel = () => runtime.cancel(job.id);
	request.signal.addEventListener('abort', cancel, { once: true });
	const final = await done;
	request.signal.removeEventListener('abort', cancel);
	const status = jobStatus(final);
	if (final.status !== 'done' || !final.resultPath)
		return errorJson(final.status === 'cancelled' ? 499 : 500, status.error!, locale);
	const bytes = await readFile(final.resultPath);
	// Nobody can ask for a synchronous export's file again: do not keep it.
	await rm(final.resultPath, { force: true });
	runtime.store.forgetResult(final.id);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': status.mime ?? 'application/octet-stream',
			'content-length': String(bytes.length),
			'content-disposition': contentDisposition(status.fileName ?? 'poster'),
			'cache-control': 'no-store'
		}
	});
};
