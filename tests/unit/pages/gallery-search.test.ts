import { describe, expect, it } from 'vitest';
import { explainEmpty, filterCards, matchesQuery } from '../../../src/lib/components/gallery/search';
import type { TemplateCardData } from '../../../src/lib/components/gallery/types';
import { CATEGORIES } from '../../../src/lib/templates/schema';

const card = (id: string, category: string, formats: string[], zh: string, en: string, tags: string[]) =>
	({ id, category, formats, tags, name: { zh, en }, description: null, thumbnails: {} }) as TemplateCardData;
const cards = [
	card(
		'festival-dragon-boat',
		'festival',
		['a3', 'xhs-1242x1660', 'banner-300x70'],
		'端午安康',
		'Dragon Boat Festival',
		['端午', '粽子']
	),
	card(
		'festival-christmas',
		'festival',
		['xhs-1242x1660', 'a3', 'square-1080'],
		'圣诞花环',
		'Christmas Wreath',
		['圣诞', 'Xmas']
	),
	card('travel-postcard', 'travel', ['xhs-1242x1660', 'a4'], '周末明信片', 'Weekend Postcard', [
		'旅游',
		'周末游'
	])
];
const names = CATEGORIES as unknown as Record<string, { zh: string; en: string }>;
const order = ['a4', 'a3', 'banner-300x70', 'xhs-1242x1660', 'square-1080', 'screen-1920x1080'];

describe('gallery search', () => {
	it('matches Chinese and English names, tags and category names, ignoring case and full-width letters', () => {
		expect(matchesQuery(cards[0], '端午', names.festival)).toBe(true);
		expect(matchesQuery(cards[0], 'dragon', names.festival)).toBe(true);
		expect(matchesQuery(cards[1], 'ＸＭＡＳ', names.festival)).toBe(true);
		expect(matchesQuery(cards[1], '节日', names.festival)).toBe(true);
		expect(matchesQuery(cards[2], 'Travel', names.travel)).toBe(true);
		expect(matchesQuery(cards[2], '端午', names.travel)).toBe(false);
		// Every word must match somewhere.
		expect(
			filterCards(cards, { category: null, format: null, query: 'festival 圣诞' }, names).map((c) => c.id)
		).toEqual(['festival-christmas']);
	});

	it('an empty category × format pair names the formats the category offers, in catalogue order', () => {
		const filter = { category: 'festival', format: 'screen-1920x1080', query: '' };
		expect(filterCards(cards, filter, names)).toEqual([]);
		expect(explainEmpty(cards, filter, order, names)).toEqual({
			kind: 'format',
			offered: ['a3', 'banner-300x70', 'xhs-1242x1660', 'square-1080']
		});
		expect(explainEmpty(cards, { category: null, format: 'a4', query: '端午' }, order, names)).toEqual({
			kind: 'format',
			offered: ['a3', 'banner-300x70', 'xhs-1242x1660']
		});
		expect(explainEmpty(cards, { category: null, format: null, query: 'zzz' }, order, names)).toEqual({
			kind: 'query'
		});
	});
});
