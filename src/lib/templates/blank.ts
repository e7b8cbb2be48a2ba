// An empty document of any format ("start from a blank page"): the page of the preset, a white
// background and no layers. Custom sizes come in as presets too (findPreset on the server).
import { PosterDocument, SCHEMA_VERSION } from '../document/schema';
import { presetSizePt, type FormatPreset } from './presets';
import type { Locale } from './values';

export interface BlankOptions {
	locale?: Locale;
	/** Document id (default: a random UUID) and timestamp (default: now), for reproducible output. */
	id?: string;
	now?: string;
	background?: string;
}

export function blankDocument(preset: FormatPreset, options: BlankOptions = {}): PosterDocument {
	const locale = options.locale ?? 'zh';
	const { width, height } = presetSizePt(preset);
	const now = options.now ?? new Date().toISOString();
	return PosterDocument.parse({
		schemaVersion: SCHEMA_VERSION,
		id: options.id ?? globalThis.crypto.randomUUID(),
		title: locale === 'zh' ? `空白画布 · ${preset.name.zh}` : `Blank page · ${preset.name.en}`,
		page: {
			preset: preset.id,
			width,
			height,
			bleedMm: preset.bleedMm,
			safeMm: preset.safeMm,
			hiddenBottomMm: preset.hiddenBottomMm,
			dpi: preset.dpi,
			background: options.background ?? '#FFFFFF'
		},
		layers: [],
		source: null,
		createdAt: now,
		updatedAt: now
	});
}
