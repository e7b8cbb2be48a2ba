// Gallery search and filtering: pure functions over the cards the server load gives. A query
// matches when every word of it appears in a template's names, description, category (id and
// names) or tags, in either language; full-width letters and case do not matter.
import type { Bilingual } from '$lib/i18n';
import type { TemplateCardData } from './types';

export const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Words of a query; Chinese runs stay whole ("端午 海报" → ["端午", "海报"]). */
export const queryTerms = (query: string) => normalize(query).split(' ').filter(Boolean);

export function searchText(card: TemplateCardData, categoryName?: Bilingual): string {
	return normalize(
		[
			card.id,
			card.name.zh,
			card.name.en,
			card.description?.zh ?? '',
			card.description?.en ?? '',
			card.category,
			categoryName?.zh ?? '',
			categoryName?.en ?? '',
			...card.tags
		].join(' \u0001 ')
	);
}

export function matchesQuery(card: TemplateCardData, query: string, categoryName?: Bilingual): boolean {
	const terms = queryTerms(query);
	if (!terms.length) return true;
	const text = searchText(card, categoryName);
	return terms.every((term) => text.includes(term));
}

export interface GalleryFilter {
	category: string | null;
	format: string | null;
	query: string;
}

export function filterCards(
	cards: readonly TemplateCardData[],
	filter: GalleryFilter,
	categoryNames: Readonly<Record<string, Bilingual>> = {}
): TemplateCardData[] {
	return cards.filter(
		(c) =>
			(!filter.category || c.category === filter.category) &&
			(!filter.format || c.formats.includes(filter.format)) &&
			matchesQuery(c, filter.query, categoryNames[c.category])
	);
}

/**
 * Why nothing is shown, and what to offer instead: with a format chosen, the formats that the
 * templates matching everything else do come in (in `order`); with none of those, the query (or
 * the category) matched nothing at all.
 */
export function explainEmpty(
	cards: readonly TemplateCardData[],
	filter: GalleryFilter,
	order: readonly string[],
	categoryNames: Readonly<Record<string, Bilingual>> = {}
): { kind: 'format'; offered: string[] } | { kind: 'query' } | { kind: 'none' } {
	if (filter.format) {
		const others = filterCards(cards, { ...filter, format: null }, categoryNames);
		if (others.length) {
			const offered = new Set(others.flatMap((c) => c.formats));
			return { kind: 'format', offered: order.filter((id) => offered.has(id)) };
		}
	}
	return queryTerms(filter.query).length ? { kind: 'query' } : { kind: 'none' };
}
