// 我的设计 / My designs: every saved design, newest first, with its server-rendered thumbnail.
import { listDocuments } from '$lib/server/storage/documents';
import { presetSizePt } from '$lib/templates/presets';
import { findPreset } from '$lib/server/templates/custom-presets';
import type { DesignCardData } from '$lib/components/gallery/types';
import type { PageServerLoad } from './$types';

/** Thumbnails are drawn at this longest side (crisp on 2× screens at the cards' 160 px). */
export const _THUMB_SIDE = 320;

export const load: PageServerLoad = () => {
	let designs: DesignCardData[] = [];
	let unavailable = false;
	try {
		designs = listDocuments().map((d) => {
			const preset = findPreset(d.preset);
			const size = preset ? presetSizePt(preset) : null;
			return {
				id: d.id,
				title: d.title,
				updatedAt: d.updatedAt,
				format: preset?.name ?? null,
				aspect: size ? size.width / size.height : 1,
				// The revision in the URL: a new save is a new picture, an old one stays cached.
				thumbnail: `/designs/${encodeURIComponent(d.id)}/thumbnail.png?size=${_THUMB_SIDE}&r=${d.revision}`
			};
		});
	} catch (error) {
		console.error('[designs] listing saved designs failed:', error);
		unavailable = true;
	}
	return { designs, unavailable };
};
