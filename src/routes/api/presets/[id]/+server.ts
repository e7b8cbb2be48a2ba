// Removing a user's custom size. Documents made with it keep working: the id encodes the size.
import { deleteCustomPreset } from '$lib/server/templates/custom-presets';
import { errorJson } from '$lib/server/storage/http';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = ({ params, locals }) => {
	if (deleteCustomPreset(params.id)) return new Response(null, { status: 204 });
	return errorJson(
		404,
		{ zh: `没有这个自定义尺寸：${params.id}`, en: `no custom size "${params.id}"` },
		locals.locale
	);
};
