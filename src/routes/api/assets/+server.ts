// POST /api/assets: upload an image, as multipart form data (field "file", optional "meta" JSON)
// or as the raw request body. The type is sniffed from the bytes (PNG, JPEG, WebP, SVG); at most
// 25 MB and 80 megapixels. 201 with the asset {id, mime, bytes, width, height, sha256, meta, createdAt}.
import { json } from '@sveltejs/kit';
import { MAX_ASSET_BYTES, putAsset } from '$lib/server/storage/assets';
import { errorJson, readLimited, storageErrorResponse } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

const tooLarge = {
	zh: `文件太大，上限 ${MAX_ASSET_BYTES / 1024 / 1024} MB。`,
	en: `file too large; the limit is ${MAX_ASSET_BYTES / 1024 / 1024} MB`
};
/** Room for the multipart boundaries and headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export const POST: RequestHandler = async ({ request, locals, url }) => {
	const locale = locals.locale ?? 'zh';
	const type = request.headers.get('content-type') ?? '';
	let bytes: Uint8Array | null;
	let declared: string | undefined;
	const meta: Record<string, unknown> = {};
	if (type.startsWith('multipart/form-data')) {
		const declaredLength = Number(request.headers.get('content-length'));
		if (declaredLength > MAX_ASSET_BYTES + MULTIPART_OVERHEAD) return errorJson(413, tooLarge, locale);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return errorJson(
				400,
				{
					zh: '上传内容无法解析（multipart 格式错误）。',
					en: 'the upload cannot be parsed (malformed multipart body)'
				},
				locale
			);
		}
		const file = form.get('file');
		if (!(file instanceof File))
			return errorJson(
				400,
				{ zh: '请求中没有文件（表单字段 file）。', en: 'no file in the request (form field "file")' },
				locale
			);
		if (file.size > MAX_ASSET_BYTES) return errorJson(413, tooLarge, locale);
		const extra = form.get('meta');
		if (typeof extra === 'string' && extra) {
			try {
				Object.assign(meta, JSON.parse(extra));
			} catch {
				return errorJson(
					400,
					{ zh: '表单字段 meta 不是有效的 JSON。', en: 'form field "meta" is not valid JSON' },
					locale
				);
			}
		}
		if (file.name) meta.name = file.name;
		declared = file.type || undefined;
		bytes = new Uint8Array(await file.arrayBuffer());
	} else {
		bytes = await readLimited(request, MAX_ASSET_BYTES);
		if (!bytes) return errorJson(413, tooLarge, locale);
		declared = type || undefined;
		const name = url.searchParams.get('name');
		if (name) meta.name = name;
	}
	try {
		const asset = await putAsset(bytes, { mime: declared, meta: { source: 'upload', ...meta } });
		return json(asset, { status: 201, headers: { location: `/api/assets/${asset.id}` } });
	} catch (e) {
		return storageErrorResponse(e, locale);
	}
};
