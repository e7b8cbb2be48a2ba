// The fillings the template layout check tries on every format: the template's own samples (short
// and long, zh and en) and headlines written for the check, found in no template.
import type { Template } from '../templates/schema';
import { sampleValues, type Locale } from '../templates/values';

export interface QualityCase {
	format: string;
	locale: Locale;
	label: string;
	values: Record<string, string>;
}

/** One headline per language and length, used in place of the template's own samples. */
export interface HeadlineSet {
	zh: { short: string; long: string };
	en: { short: string; long: string };
}

/**
 * Headlines written for the check, found in no template: a short one and a long one per language,
 * of the kind users really type (a shop's promotion, an event's full title).
 */
export const STRESS_HEADLINES: HeadlineSet = {
	zh: {
		short: '周末鲜花市集',
		long: '城南老街周末鲜花市集开幕 满两束立减二十元 现场还有插花体验课'
	},
	en: {
		short: 'Spring Flower Market',
		long: 'Riverside Weekend Flower Market Opens with Live Workshops and Two-for-One Bouquets'
	}
};

/** The field that holds the headline: "headline", else the text field with the largest type. */
export function headlineField(template: Template): string | undefined {
	if (template.fields.some((f) => f.id === 'headline' && f.kind === 'text')) return 'headline';
	let best: { id: string; size: number } | undefined;
	for (const e of template.layout.elements)
		if (e.type === 'text' && e.field && (!best || e.style.size > best.size))
			best = { id: e.field, size: e.style.size };
	return best?.id;
}

/** Cuts a headline to a field's length limit at a word or phrase boundary. */
function clip(text: string, max: number | undefined): string {
	const chars = [...text];
	if (!max || chars.length <= max) return text;
	const cut = chars.slice(0, max).join('');
	const space = cut.lastIndexOf(' ');
	return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;，：；]+$/u, '');
}

/**
 * The fillings to check on every format: the template's samples (short and long, zh and en) and,
 * with `headlines`, the same again with those headlines in the headline field.
 */
export function qualityCases(
	template: Template,
	headlines: HeadlineSet | null = STRESS_HEADLINES
): QualityCase[] {
	const cases: QualityCase[] = [];
	const field = template.fields.find((f) => f.id === headlineField(template));
	for (const format of template.formats)
		for (const locale of ['zh', 'en'] as const)
			for (const long of [false, true]) {
				const values = sampleValues(template, locale, { long });
				cases.push({ format, locale, label: `${locale} ${long ? 'long' : 'short'}`, values });
				if (!headlines || !field) continue;
				const text = headlines[locale][long ? 'long' : 'short'];
				if (field.language === 'zh' && locale === 'en') continue;
				if (field.language === 'en' && locale === 'zh') continue;
				cases.push({
					format,
					locale,
					label: `${locale} ${long ? 'long' : 'short'} headline "${clip(text, field.maxLength)}"`,
					values: { ...values, [field.id]: clip(text, field.maxLength) }
				});
			}
	return cases;
}
