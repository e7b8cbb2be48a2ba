// POST /api/ocr/check {assetId, expect: [{text, field?, region?}]} → the text check of a stored image
// (verdict per string, found boxes, lines read). The OCR runs in its worker thread.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getOcr } from '$lib/server/ocr/host';
import { getAsset, getAssetBytes } from '$lib/server/storage/assets';
import { errorJson, readJson } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

const region = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
const body = z.object({
	assetId: z.string().min(1).max(200),
	expect: z
		.array(
			z.object({
				text: z.string().trim().min(1).max(500),
				field: z.string().max(100).optional(),
				region: region.optional()
			})
		)
		.min(1)
		.max(20)
});

export const POST: RequestHandler = async ({ request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const raw = await readJson(request, locale);
	if (!raw.ok) return raw.response;
	const parsed = body.safeParse(raw.value);
	if (!parsed.success) {
		const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
		return errorJson(
			400,
			{ en: `invalid text check request: ${detail}`, zh: `文字检查请求无效：${detail}` },
			locale
		);
	}
	const { assetId, expect } = parsed.data;
	const asset = getAsset(assetId);
	const bytes = asset && asset.mime !== 'image/svg+xml' ? getAssetBytes(assetId) : null;
	if (!bytes)
		return errorJson(404, { en: `no raster image "${assetId}"`, zh: `找不到图片“${assetId}”` }, locale);
	return json(await getOcr().checkImage(bytes, expect));
};
