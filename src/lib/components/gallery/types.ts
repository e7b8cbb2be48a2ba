// What the gallery page's server load hands the gallery components (plain, serialisable data).
import type { Bilingual } from '$lib/i18n';

export interface FormatSummary {
	id: string;
	name: Bilingual;
	kind: 'print' | 'screen';
	/** "297×420 mm" or "1242×1660 px". */
	size: string;
	/** width / height of the trim. */
	aspect: number;
}

export interface TemplateCardData {
	id: string;
	name: Bilingual;
	description: Bilingual | null;
	category: string;
	tags: string[];
	formats: string[];
	/** Thumbnail URL and pixel size for each format. */
	thumbnails: Record<string, { url: string; width: number; height: number }>;
}

export interface DesignCardData {
	id: string;
	title: string;
	updatedAt: string;
	/** Format label of its page, e.g. "A3 海报". */
	format: Bilingual | null;
	aspect: number;
	thumbnail: string | null;
}
