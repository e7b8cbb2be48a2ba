// POST /design/[id]/resize {formatId} → 201 {id}: the design laid out again on another format, as a
// new document. From a template: the template's layout rules (instantiate with the document's
// source values), then the user's images, text edits and added layers carried over. Otherwise the
// composition scales proportionally.
import { json } from '@sveltejs/kit';
import { newId } from '$lib/document/ids';
import { instantiate } from '$lib/templates/instantiate';
import { getTemplate } from '$lib/server/templates/catalog';
import { findPreset } from '$lib/server/templates/custom-presets';
import { createDocument, getDocument } from '$lib/server/storage/documents';
import { carryUserWork, presetPt, resizeProportionally } from '$lib/editor/resize';
import type { RequestHandler } from './$types';
import { templateMeasure } from '$lib/server/templates/measure';

const fail = (status: number, zh: string, en: string, locale: 'zh' | 'en') =>
	json({ error: { zh, en }, message: locale === 'zh' ? zh : en }, { status });

export const POST: RequestHandler = async ({ params, request, locals }) => {
	const locale = locals.locale ?? 'zh';
	const body = (await request.json().catch(() => null)) as { formatId?: unknown } | null;
	const formatId = typeof body?.formatId === 'string' ? body.formatId : '';
	const preset = findPreset(formatId);
	if (!preset) return fail(400, `未知的尺寸“${formatId}”。`, `unknown format "${formatId}"`, locale);
	const stored = getDocument(params.id);
	if (!stored) return fail(404, '找不到这个设计。', 'design not found', locale);
	const old = stored.document;
	const id = newId();
	const now = new Date().toISOString();
	let next;
	const template = old.source ? await getTemplate(old.source.templateId) : undefined;
	// Custom sizes fit any template (its layout adapts by aspect class).
	const fits = template && (template.formats.includes(preset.id) || preset.id.startsWith('custom-'));
	if (old.source && template && fits) {
		const made = instantiate(template, preset, old.source.values, {
			locale: old.source.locale,
			id,
			now,
			measure: await templateMeasure(template)
		});
		if (!made.ok) {
			const msg = made.errors.map((e) => e[locale]).join('；');
			return fail(400, `无法用模板重新排版：${msg}`, `cannot lay out the template again: ${msg}`, locale);
		}
		next = carryUserWork(old, made.document);
	} else {
		const size = presetPt(preset);
		next = resizeProportionally(old, { ...preset, ...size }, id, now);
	}
	const title = `${old.title} · ${preset.name[locale]}`;
	const created = createDocument({ ...next, id, title, createdAt: now, updatedAt: now });
	return json({ id: created.document.id, revision: created.revision }, { status: 201 });
};
