// The interface font: every character of Noto Sans SC in exactly one place a browser looks first,
// the core slice holding the app's own text, and slices that are real fonts with those glyphs.
import { describe, expect, it } from 'vitest';
import { parseOpenType } from '../../../src/lib/text/fonts/library';
import { planSlices, uiFontCss, uiFontPlan, uiFontSlice, unicodeRange } from '../../../src/lib/server/fonts/ui-font';

describe('interface font slices', () => {
	it('folds runs of code points into unicode-range ranges', () => {
		expect(unicodeRange([0x20, 0x21, 0x22, 0x4e00, 0x4e02, 0x4e03])).toBe('U+20-22, U+4E00, U+4E02-4E03');
	});

	it('puts Latin, punctuation and the UI’s Han characters in the core, the rest in windows', () => {
		const font = [0x41, 0x3002, 0x4e00, 0x4e01, 0x4e03, 0x6d77, 0x62a5, 0x9f98];
		const slices = planSlices(font, new Set([0x6d77, 0x62a5]));
		const core = slices.at(-1)!;
		expect(core.name).toBe('core');
		expect(core.codePoints).toEqual([0x41, 0x3002, 0x62a5, 0x6d77]);
		// Every Han character of the font lies in some range window (core ones too: the core wins
		// because it is declared last).
		const windows = slices.slice(0, -1).flatMap((s) => s.codePoints);
		expect(windows).toEqual([0x4e00, 0x4e01, 0x4e03, 0x62a5, 0x6d77, 0x9f98]);
	});

	it('plans from the real sources: the gallery headline is in the core; the stylesheet declares the core last', () => {
		const plan = uiFontPlan({ textDirs: ['src', 'templates'] });
		const core = plan.slices.at(-1)!;
		for (const ch of '从一张好模板开始创建设计导出') expect(core.codePoints).toContain(ch.codePointAt(0));
		const css = uiFontCss(plan);
		const rules = css.trim().split('\n');
		expect(rules).toHaveLength(plan.slices.length * plan.weights.length);
		expect(rules[plan.slices.length - 1]).toContain('400-core.otf');
		expect(css).toContain("font-family:'Haibao UI'");
	});

	it('serves slices that are fonts with exactly their glyphs', async () => {
		const plan = uiFontPlan({ textDirs: ['src', 'templates'] });
		const bytes = await uiFontSlice(plan, '700-core.otf')!;
		const font = parseOpenType(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		const cmap = font.tables.cmap as { glyphIndexMap: Record<string, number> };
		expect(Number(cmap.glyphIndexMap['海'.codePointAt(0)!])).toBeGreaterThan(0);
		expect((font as unknown as { getEnglishName(name: string): string }).getEnglishName('fontFamily')).toBe(
			'Noto Sans SC'
		);
		expect(bytes.length).toBeLessThan(1_000_000);
		expect(uiFontSlice(plan, '700-nope.otf')).toBeUndefined();
		expect(uiFontSlice(plan, '../../etc/passwd')).toBeUndefined();
	});
});
