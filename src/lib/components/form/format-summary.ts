// A preset as the form's format picker shows it (built-in and custom alike).
import { presetSizePt, type FormatPreset } from '$lib/templates/presets';
import { sizeLabel } from '$lib/components/common/custom-size';
import type { FormFormat } from './types';

export function formFormat(p: FormatPreset): FormFormat {
	const pt = presetSizePt(p);
	return {
		id: p.id,
		name: p.name,
		kind: p.kind,
		size: sizeLabel(p),
		aspect: pt.width / pt.height,
		dpi: p.dpi,
		note: p.note ?? null,
		custom: p.id.startsWith('custom-')
	};
}
