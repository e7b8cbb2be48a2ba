import { describe, expect, it } from 'vitest';
import { blankDocument } from '../../../src/lib/templates/blank';
import { customPreset, getPreset } from '../../../src/lib/templates/presets';
import { PosterDocument } from '../../../src/lib/document/schema';

describe('blank documents', () => {
	it('an A3 blank page has the trim size in pt, the print habits of the preset and no layers', () => {
		const doc = blankDocument(getPreset('a3')!, { id: 'd1', now: '2026-01-01T00:00:00.000Z' });
		expect(PosterDocument.parse(doc)).toEqual(doc);
		expect(doc.page).toMatchObject({ preset: 'a3', bleedMm: 3, safeMm: 5, dpi: 300, background: '#FFFFFF' });
		expect(doc.page.width).toBeCloseTo((297 / 25.4) * 72, 3);
		expect(doc.page.height).toBeCloseTo((420 / 25.4) * 72, 3);
		expect(doc.layers).toEqual([]);
		expect(doc.source).toBeNull();
		expect(doc.title).toBe('空白画布 · A3 海报');
	});

	it('keeps a roll-up’s hidden bottom and takes custom sizes in px and mm', () => {
		expect(blankDocument(getPreset('rollup-80x200')!).page.hiddenBottomMm).toBe(300);
		const px = blankDocument(customPreset({ widthPx: 1000, heightPx: 500 }), { locale: 'en' });
		expect(px.page).toMatchObject({ preset: 'custom-1000x500px', width: 1000, height: 500, dpi: 72 });
		expect(px.title).toBe('Blank page · Custom 1000×500 px');
		const mm = blankDocument(getPreset('custom-500x900mm')!);
		expect(mm.page.width).toBeCloseTo((500 / 25.4) * 72, 3);
	});
});
