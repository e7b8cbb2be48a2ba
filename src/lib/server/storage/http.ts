// Turning storage outcomes into HTTP answers for the API routes: every error body carries
// { error: {zh, en}, message } where message is in the request's language.
import { json } from '@sveltejs/kit';
import { JSON_TOO_LARGE, MAX_JSON_BYTES, badId, isSafeId } from '../../document/limits';
import { AssetError, ConflictError, StorageError, ValidationError, type Bilingual } from './errors';

export type Locale = 'zh' | 'en';

export function errorJson(
	status: number,
	error: Bilingual,
	locale: Locale,
	extra: Record<string, unknown> = {}
): Response {
	return json({ error, message: error[locale], ...extra }, { status });
}

/** A StorageError as its HTTP answer; anything else is rethrown (SvelteKit answers 500). */
export function storageErrorResponse(
	e: unknown,
	locale: Locale,
	extra: Record<string, unknown> = {}
): Response {
	if (e instanceof ValidationError)
		return errorJson(400, e.bilingual, locale, { issues: e.issues, ...extra });
	if (e instanceof ConflictError)
		return errorJson(409, e.bilingual, locale, { currentRevision: e.currentRevision, ...extra });
	if (e instanceof AssetError || e instanceof StorageError)
		return errorJson(e.status, e.bilingual, locale, extra);
	throw e;
}

export const INVALID_JSON: Bilingual = {
	zh: '请求内容不是有效的 JSON。',
	en: 'the request body is not valid JSON'
};

/**
 * The request body as JSON, or an error answer: 413 past MAX_JSON_BYTES (reading stops there;
 * the server's own BODY_SIZE_LIMIT, when lower, also answers 413), 400 when it is not JSON.
 */
export async function readJson(
	request: Request,
	locale: Locale,
	limit = MAX_JSON_BYTES
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
	let bytes: Uint8Array | null;
	try {
		bytes = await readLimited(request, limit);
	} catch (e) {
		// adapter-node errors the body stream with a 413 past BODY_SIZE_LIMIT.
		if ((e as { status?: unknown })?.status === 413)
			return { ok: false, response: errorJson(413, JSON_TOO_LARGE, locale) };
		throw e;
	}
	if (!bytes) return { ok: false, response: errorJson(413, JSON_TOO_LARGE, locale) };
	try {
		return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
	} catch {
		return { ok: false, response: errorJson(400, INVALID_JSON, locale) };
	}
}

/** A 400 answer when `id` is not a well-formed document id, else null. */
export function badDocumentId(id: string, locale: Locale): Response | null {
	return isSafeId(id) ? null : errorJson(400, badId('document', id), locale);
}

/**
 * Read a request body up to `limit` bytes; null when it is larger (reading stops there, so a huge
 * upload is not buffered whole).
 */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) return null;
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			// Not cancel(): under adapter-node that destroys the socket, and the client never sees
			// the 413. Stop reading instead; Node discards the rest once the answer is sent.
			reader.releaseLock();
			return null;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}
