// Data the /new/[template] page's server load gives the form components.
import type { FormatSummary } from '$lib/components/gallery/types';
import type { Generation } from '$lib/document/schema';
import type { ImageRegion } from '$lib/templates/text-check';

export interface FormFormat extends FormatSummary {
	/** Print presets: dpi at final size; screen presets: 72. */
	dpi: number;
	note: { zh: string; en: string } | null;
	/** A size the user added (it can be removed). */
	custom?: boolean;
}

export type TextMode = 'layer' | 'model';

/** What the create action returns when it refuses (values come back so nothing typed is lost). */
export interface CreateFailure {
	errors: { field: string; zh: string; en: string }[];
	values: Record<string, string>;
	modes: Record<string, TextMode>;
	format: string;
	/** A storage failure, not a field problem. */
	reason?: { zh: string; en: string };
}

/** Generated pictures chosen on the form, by template image slot; they go into the new document. */
export type SlotImages = Record<
	string,
	{
		assetId: string;
		generation: Generation;
		/** Fields set in real type over the image: the covered text's box (image fractions) and ink. */
		typeset?: Record<string, { box: ImageRegion | null; color: string | null }>;
	}
>;
