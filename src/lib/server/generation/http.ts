// HTTP answers shared by the /api/jobs/[id] routes.
import { errorJson, type Locale } from '../storage/http';

/** 404 for a job id the queue does not know, in the request's language. */
export function jobNotFound(id: string, locale: Locale): Response {
	return errorJson(404, { en: `no generation job ${id}`, zh: `找不到生成任务 ${id}` }, locale);
}
