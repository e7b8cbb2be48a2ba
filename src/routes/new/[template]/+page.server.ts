// /new/[template]: the field form. Load gives the template (the browser runs validation and the
// prompt builder on it, both pure) and its formats; the `create` action makes the document.
import { error, fail, redirect } from '@sveltejs/kit';
import { getTemplate } from '$lib/server/templates/catalog';
import { createDocument } from '$lib/server/storage/documents';
import { StorageError } from '$lib/server/storage/errors';
import { getAsset } from '$lib/server/storage/assets';
import { applySlotImages, parseSlotImages } from '../../templates/slot-images';
import { instantiate } from '$lib/templates/instantiate';
import { getPreset } from '$lib/templates/presets';
import { findPreset, listCustomPresets } from '$lib/server/templates/custom-presets';
import { formFormat } from '$lib/components/form/format-summary';
import { effectiveTextModes } from '$lib/templates/layout';
import { sampleValues } from '$lib/templates/values';
import { CATEGORIES } from '$lib/templates/schema';
import type { CreateFailure, FormFormat, TextMode } from '$lib/components/form/types';
import { templateVersion } from '../../templates/thumbnails';
import type { Actions, PageServerLoad } from './$types';
import { templateMeasure } from '$lib/server/templates/measure';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const template = await getTemplate(params.template);
	if (!template)
		error(404, locals.locale === 'zh' ? `没有模板“${params.template}”` : `No template "${params.template}"`);
	// The template's own formats, then the sizes the user saved (any template adapts to them).
	const formats: FormFormat[] = [
		...template.formats.flatMap((id) => {
			const p = getPreset(id);
			return p ? [formFormat(p)] : [];
		}),
		...listCustomPresets().map(formFormat)
	];
	const asked = url.searchParams.get('format');
	return {
		template,
		version: templateVersion(template),
		category: CATEGORIES[template.category],
		formats,
		format: asked && formats.some((f) => f.id === asked) ? asked : template.formats[0],
		samples: { zh: sampleValues(template, 'zh'), en: sampleValues(template, 'en') }
	};
};

export const actions: Actions = {
	create: async ({ request, params, locals }) => {
		const template = await getTemplate(params.template);
		if (!template) error(404, `No template "${params.template}"`);
		const form = await request.formData();
		const values: Record<string, string> = {};
		const modes: Record<string, TextMode> = {};
		for (const field of template.fields) {
			const value = form.get(`field:${field.id}`);
			if (typeof value === 'string' && value.trim() !== '') values[field.id] = value;
			const mode = form.get(`mode:${field.id}`);
			if (field.kind === 'text' && (mode === 'layer' || mode === 'model')) modes[field.id] = mode;
		}
		const format = String(form.get('format') ?? template.formats[0]);
		const refuse = (failure: Omit<CreateFailure, 'values' | 'modes' | 'format'>) =>
			fail(400, { ...failure, values, modes, format } satisfies CreateFailure);

		// Only text inside the generated image can be drawn by the model (the prompt builder agrees).
		// findPreset: a saved custom size keeps its name and print habits in the document.
		const preset = findPreset(format);
		const textModes = preset ? effectiveTextModes(template, preset, modes) : modes;
		const result = instantiate(template, preset ?? format, values, {
			locale: locals.locale,
			textModes,
			measure: await templateMeasure(template)
		});
		if (!result.ok) return refuse({ errors: result.errors });
		// Images chosen in the generate panel fill the template's image slots.
		const images = parseSlotImages(String(form.get('images') ?? ''));
		const missing = images && Object.values(images).find((image) => !getAsset(image.assetId));
		if (!images || missing)
			return refuse({
				errors: [],
				reason: {
					zh: `所选图片不存在：${missing?.assetId ?? '?'}`,
					en: `the chosen image does not exist: ${missing?.assetId ?? '?'}`
				}
			});
		const document = applySlotImages(template, result.document, images);

		let id: string;
		try {
			id = createDocument(document).document.id;
		} catch (e) {
			console.error('[new] createDocument failed:', e);
			if (e instanceof StorageError) return refuse({ errors: [], reason: e.bilingual });
			const message = (e as Error).message || String(e);
			return refuse({ errors: [], reason: { zh: message, en: message } });
		}
		redirect(303, `/design/${encodeURIComponent(id)}`);
	}
};
