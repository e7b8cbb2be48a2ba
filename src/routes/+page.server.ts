// The gallery: every template (with thumbnail URLs per format) and the saved designs.
import { listTemplates } from '$lib/server/templates/catalog';
import { listDocuments } from '$lib/server/storage/documents';
import { CATEGORIES } from '$lib/templates/schema';
import { getPreset, PRESETS, presetSizePt, type FormatPreset } from '$lib/templates/presets';
import type { DesignCardData, FormatSummary, TemplateCardData } from '$lib/components/gallery/types';
import { thumbnailUrl } from './templates/thumbnails';
import { listCustomPresets } from '$lib/server/templates/custom-presets';
import { formFormat } from '$lib/components/form/format-summary';
import type { PageServerLoad } from './$types';

const THUMB_SIDE = 480;

function formatSummary(p: FormatPreset): FormatSummary {
	const size = presetSizePt(p);
	const unit = p.unit === 'mm' ? (p.width >= 1000 || p.height >= 1000 ? 'cm' : 'mm') : 'px';
	const n = (v: number) => (unit === 'cm' ? v / 10 : v);
	return {
		id: p.id,
		name: p.name,
		kind: p.kind,
		size: `${n(p.width)}×${n(p.height)} ${unit}`,
		aspect: size.width / size.height
	};
}

function thumbSize(aspect: number) {
	return aspect >= 1
		? { width: THUMB_SIDE, height: Math.round(THUMB_SIDE / aspect) }
		: { width: Math.round(THUMB_SIDE * aspect), height: THUMB_SIDE };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const locale = locals.locale;
	const templates = await listTemplates();
	const formats: Record<string, FormatSummary> = {};
	const cards: TemplateCardData[] = templates.map((t) => {
		const thumbnails: TemplateCardData['thumbnails'] = {};
		for (const id of t.formats) {
			const preset = getPreset(id);
			if (!preset) continue;
			formats[id] ??= formatSummary(preset);
			thumbnails[id] = {
				url: thumbnailUrl(t, { format: id, locale, maxSide: THUMB_SIDE }),
				...thumbSize(formats[id].aspect)
			};
		}
		return {
			id: t.id,
			name: t.name,
			description: t.description ?? null,
			category: t.category,
			tags: t.tags,
			formats: t.formats.filter((id) => id in thumbnails),
			thumbnails
		};
	});

	// Filters offered: the categories and formats some template actually has, in catalogue order.
	const categoryIds = Object.keys(CATEGORIES).filter((c) => cards.some((t) => t.category === c));
	const formatIds = PRESETS.map((p) => p.id).filter((id) => id in formats);

	let designs: DesignCardData[] = [];
	let designsUnavailable = false;
	try {
		designs = (await listDocuments()).map((d) => {
			const preset = getPreset(d.preset);
			const size = preset ? presetSizePt(preset) : null;
			return {
				id: d.id,
				title: d.title,
				updatedAt: d.updatedAt,
				format: preset?.name ?? null,
				aspect: size ? size.width / size.height : 1,
				thumbnail: `/designs/${encodeURIComponent(d.id)}/thumbnail.png?size=160&r=${d.revision}`
			};
		});
	} catch (error) {
		console.error('[gallery] listing saved designs failed:', error);
		designsUnavailable = true;
	}

	// Three striking posters fanned out beside the headline (first three when these are missing).
	const preferred = ['spring-festival-window', 'concert-neon', 'mid-autumn-moon'];
	const showcase = [...preferred.map((id) => cards.find((c) => c.id === id)), ...cards]
		.filter((c, i, all): c is TemplateCardData => !!c && all.indexOf(c) === i)
		.slice(0, 3)
		.map((c) => ({ id: c.id, name: c.name, ...c.thumbnails[c.formats[0]] }));

	// Blank pages come in every format, the user's custom sizes included.
	let customFormats: FormatPreset[] = [];
	try {
		customFormats = listCustomPresets();
	} catch (error) {
		console.error('[gallery] listing custom sizes failed:', error);
	}

	const category = url.searchParams.get('category');
	const format = url.searchParams.get('format');
	return {
		templates: cards,
		categories: categoryIds.map((id) => ({ id, name: CATEGORIES[id as keyof typeof CATEGORIES] })),
		formats: formatIds.map((id) => formats[id]),
		blankFormats: [...PRESETS, ...customFormats].map(formFormat),
		showcase,
		designs,
		designsUnavailable,
		filter: {
			category: category && categoryIds.includes(category) ? category : null,
			format: format && formatIds.includes(format) ? format : null,
			query: (url.searchParams.get('q') ?? '').slice(0, 100)
		}
	};
};
