// Table-driven run of the case set (cases.ts) through the real engine and the project's fonts.
import { beforeAll, describe, expect, it } from 'vitest';
import { initShaper, layoutText } from '../../../src/lib/text/layout';
import { getServerFonts } from '../../../src/lib/server/fonts';
import type { TextLayout } from '../../../src/lib/text/types';
import { CASES, type LayoutCase } from './cases';

const fonts = getServerFonts();

beforeAll(async () => {
	const families = [...new Set(CASES.map((c) => c.family ?? 'Noto Sans SC'))];
	await Promise.all([initShaper(), fonts.ensure(families.map((family) => ({ family, weight: 400 })))]);
});

function run(c: LayoutCase): TextLayout {
	return layoutText(
		{
			runs: [
				{
					text: c.text,
					family: c.family ?? 'Noto Sans SC',
					weight: c.weight ?? 400,
					size: c.size ?? 20,
					color: '#000'
				}
			],
			...c.box
		},
		fonts
	);
}

describe('text layout case set', () => {
	it('has at least 40 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
	});

	for (const c of CASES) {
		it(c.name, () => {
			const layout = run(c);
			expect(layout.lines.map((l) => l.text)).toEqual(c.lines);
			if (c.lineWidths) {
				const lengths = layout.lines.map((l) => (c.box.vertical ? l.height : l.width));
				expect(lengths).toHaveLength(c.lineWidths.length);
				lengths.forEach((w, i) => expect(w).toBeCloseTo(c.lineWidths![i], 1));
			}
			if (c.size_ !== undefined) expect(Math.abs(layout.size - c.size_)).toBeLessThanOrEqual(0.1);
			expect(layout.overflow).toBe(c.overflow ?? false);
			expect(layout.missing).toEqual(c.missing ?? []);
			// Every line fits its box unless overflow is expected, and so does every glyph's cell:
			// [x, x + advance] along a horizontal line, box.y to box.y + height down a column.
			if (!c.overflow) {
				const box = c.box.vertical ? (c.box.height ?? Infinity) : c.box.width;
				for (const l of layout.lines)
					expect(c.box.vertical ? l.height : l.width).toBeLessThanOrEqual(box + 1e-6);
				for (const g of layout.glyphs) {
					const cell = g.box!;
					if (c.box.vertical) {
						expect(cell.y).toBeGreaterThanOrEqual(-1e-6);
						expect(cell.y + cell.height).toBeLessThanOrEqual(box + 1e-6);
						expect(g.y).toBeLessThanOrEqual(box + 1e-6);
					} else {
						expect(g.x).toBeGreaterThanOrEqual(-1e-6);
						expect(g.x + g.advance).toBeLessThanOrEqual(box + 1e-6);
						expect(cell.x + cell.width).toBeLessThanOrEqual(box + 1e-6);
					}
				}
			}
		});
	}
});
