// Format presets: the built-in ones and the sizes users added (GET), and adding a size (POST).
import { json } from '@sveltejs/kit';
import { PRESETS, CustomPresetInput } from '$lib/templates/presets';
import { listCustomPresets, saveCustomPreset } from '$lib/server/templates/custom-presets';
import { errorJson, readJson } from '$lib/server/storage/http';
import { MAX_CUSTOM_MM, MAX_CUSTOM_PX } from '$lib/document/limits';
import { issueZh } from '$lib/document/migrations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json({ presets: PRESETS, custom: listCustomPresets() });

const BAD_SIZE = {
	zh: `自定义尺寸无效：请填写宽和高，单位毫米（10–${MAX_CUSTOM_MM} mm，印刷）或像素（64–${MAX_CUSTOM_PX} px，屏幕）。`,
	en: `invalid custom size: give a width and a height in mm (10–${MAX_CUSTOM_MM}, print) or in px (64–${MAX_CUSTOM_PX}, screen)`
};

export const POST: RequestHandler = async ({ request, locals }) => {
	const body = await readJson(request, locals.locale);
	if (!body.ok) return body.response;
	const parsed = CustomPresetInput.safeParse(body.value);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
		// A size within range whose bleed pushes the PDF page past its limit: say exactly that.
		const page = parsed.error.issues.find((i) => issueZh(i));
		const error = page ? { zh: issueZh(page)!, en: page.message } : BAD_SIZE;
		return errorJson(400, error, locals.locale, { issues });
	}
	return json({ preset: saveCustomPreset(parsed.data) }, { status: 201 });
};
