// POST /api/ocr/fallback {assetId, boxes: [{x, y, width, height}]} → {assetId, covered: [{box, ink, fill}]}
// "Set it in real type": a copy of the image with the model's lettering covered by patches filled
// from the surrounding pixels, stored as a new asset (the original stays); the ink colour of each
// covered text lets the editable layer that replaces it match.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { coverText } from '$lib/server/ocr/patch';
import { getAsset, getAssetBytes, putAsset } from '$lib/server/storage/assets';
import { errorJson, readJson } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

const box = z.object({
	x: z.number().finite(),
	y: z.number().finite(),
	width: z.number().positive(),
	height: z.number().positive()
});
const body = z.object({ assetId: z.string().min(1).max(200), boxes: z.array(box).min(1).max(20) });

export const POST: RequestHandler = async ({ request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const raw = await readJson(request, locale);
	if (!raw.ok) return raw.response;
	const parsed = body.safeParse(raw.value);
	if (!parsed.success) {
		const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
		return errorJson(
			400,
			{ en: `invalid fallback request: ${detail}`, zh: `改用真实文字的请求无效：${detail}` },
			locale
		);
	}
	const { assetId, boxes } = parsed.data;
	const asset = getAsset(assetId);
	const bytes = asset && asset.mime !== 'image/svg+xml' ? getAssetBytes(assetId) : null;
	if (!asset || !bytes)
		return errorJson(404, { en: `no raster image "${assetId}"`, zh: `找不到图片“${assetId}”` }, locale);
	const outside = boxes.find(
		(b) => b.x >= asset.width || b.y >= asset.height || b.x + b.width <= 0 || b.y + b.height <= 0
	);
	if (outside)
		return errorJson(
			400,
			{
				en: `box at ${outside.x},${outside.y} lies outside the ${asset.width}×${asset.height} image`,
				zh: `区域（${outside.x},${outside.y}）不在 ${asset.width}×${asset.height} 的图片内`
			},
			locale
		);
	const { png, covered } = await coverText(bytes, boxes);
	const patched = await putAsset(png, {
		mime: 'image/png',
		width: asset.width,
		height: asset.height,
		meta: { ...asset.meta, textCovered: { from: assetId, boxes: covered.map((c) => c.box) } }
	});
	return json({ assetId: patched.id, width: asset.width, height: asset.height, covered });
};
