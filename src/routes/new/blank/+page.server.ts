// /new/blank: "start from a blank page". The page lists every format (presets and the user's custom
// sizes); the default action creates an empty document of the chosen format and opens the editor.
import { fail, redirect } from '@sveltejs/kit';
import { blankDocument } from '$lib/templates/blank';
import { PRESETS } from '$lib/templates/presets';
import { findPreset, listCustomPresets } from '$lib/server/templates/custom-presets';
import { createDocument } from '$lib/server/storage/documents';
import { StorageError } from '$lib/server/storage/errors';
import { formFormat } from '$lib/components/form/format-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const formats = [...PRESETS, ...listCustomPresets()].map(formFormat);
	const asked = url.searchParams.get('format');
	return { formats, format: asked && formats.some((f) => f.id === asked) ? asked : null };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const locale = locals.locale ?? 'zh';
		const format = String((await request.formData()).get('format') ?? '').trim();
		const preset = format ? findPreset(format) : undefined;
		if (!preset) {
			return fail(400, {
				format,
				reason: format
					? { zh: `没有这个尺寸：“${format}”`, en: `No such format: "${format}"` }
					: { zh: '请选择一个尺寸', en: 'Choose a format' }
			});
		}
		let id: string;
		try {
			id = createDocument(blankDocument(preset, { locale })).document.id;
		} catch (e) {
			console.error('[new/blank] createDocument failed:', e);
			const reason =
				e instanceof StorageError
					? e.bilingual
					: { zh: (e as Error).message || String(e), en: (e as Error).message || String(e) };
			return fail(500, { format, reason });
		}
		redirect(303, `/design/${encodeURIComponent(id)}`);
	}
};
