// Preflight finds what a print shop would complain about, with layer ids and messages in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { dpiThreshold, preflight } from '../../../src/lib/server/export/preflight';
import type { ExportDeps } from '../../../src/lib/server/export/prepare';
import { image, makeDoc, mm, photo, text } from './fixtures';

let assets: Record<string, Buffer>;
const loadAsset: ExportDeps['loadAsset'] = async (id) => {
	if (!assets[id]) throw new Error(`no asset ${id}`);
	return assets[id];
};
beforeAll(async () => {
	assets = { small: await photo(600, 400) };
});

const codes = (r: Awaited<ReturnType<typeof preflight>>) =>
	r.issues.map((i) => `${i.code}:${i.layerId}`).sort();

describe('preflight', () => {
	it('passes a clean poster', async () => {
		const doc = makeDoc([
			// 600 px over 1 inch: 600 dpi.
			image('sharp', 'small', mm(20), mm(20), 72, 48),
			text('title', mm(20), mm(60), mm(170), mm(30), [
				{ text: '清爽海报', family: 'Noto Sans SC', size: 40, color: '#000000' }
			])
		]);
		const report = await preflight(doc, { loadAsset });
		expect(report.issues).toEqual([]);
		expect(report.dpiThreshold).toBe(150);
	});

	it('flags low effective dpi, text outside the safe area, missing glyphs and overflow', async () => {
		const doc = makeDoc([
			// 600 px across the whole A4 width (8.27 in): about 73 dpi.
			image('soft', 'small', 0, 0, mm(210), mm(140)),
			text(
				'edge',
				0,
				mm(150),
				mm(100),
				mm(20),
				[{ text: '贴边标题', family: 'Noto Sans SC', size: 30, color: '#000000' }],
				{ align: 'start' }
			),
			text('odd', mm(20), mm(200), mm(170), mm(20), [
				{ text: '符号 \u{1F99C}\u{10FFFD}', family: 'Noto Sans SC', size: 20, color: '#000000' }
			]),
			text('long', mm(20), mm(230), mm(40), mm(10), [
				{
					text: '这是一段很长很长的文字，放不进这个小小的文本框里',
					family: 'Noto Sans SC',
					size: 20,
					color: '#000000'
				}
			])
		]);
		const report = await preflight(doc, { loadAsset });
		expect(codes(report)).toEqual([
			'low-dpi:soft',
			'missing-glyphs:odd',
			'outside-safe-area:edge',
			'text-overflow:long'
		]);
		const low = report.issues.find((i) => i.code === 'low-dpi')!;
		expect(low.detail?.effectiveDpi).toBe(73);
		expect(low.message.zh).toContain('73 dpi');
		expect(low.message.en).toContain('at least 150 dpi');
		const missing = report.issues.find((i) => i.code === 'missing-glyphs')!;
		expect(missing.detail?.characters).toContain('\u{10FFFD}');
		expect(missing.severity).toBe('error');
	});

	it('uses 72 dpi for banners and screen formats, and reports the roll-up hidden bottom', async () => {
		const rollup = makeDoc(
			[
				image('backdrop', 'small', 0, 0, mm(800), mm(500)),
				text('foot', mm(100), mm(1850), mm(600), mm(80), [
					{ text: '底部文字', family: 'Noto Sans SC', size: 120, color: '#000000' }
				])
			],
			{
				preset: 'rollup-80x200',
				width: mm(800),
				height: mm(2000),
				bleedMm: 10,
				safeMm: 30,
				hiddenBottomMm: 300,
				dpi: 150
			}
		);
		expect(dpiThreshold(rollup)).toBe(72);
		const report = await preflight(rollup, { loadAsset });
		// 600 px over 800 mm is 19 dpi: too soft even for a banner.
		expect(codes(report)).toEqual(['in-hidden-area:foot', 'low-dpi:backdrop']);
		const screen = makeDoc([], {
			preset: 'xhs-1242x1660',
			width: 1242,
			height: 1660,
			bleedMm: 0,
			safeMm: 0,
			dpi: 72
		});
		expect(dpiThreshold(screen)).toBe(72);
	});

	it('reports empty frames and unreadable assets', async () => {
		const doc = makeDoc([
			image('empty', null, 0, 0, 100, 100),
			image('gone', 'no-such-asset', 0, 0, 100, 100)
		]);
		const report = await preflight(doc, { loadAsset });
		expect(codes(report)).toEqual(['empty-frame:empty', 'missing-asset:gone']);
		expect(report.issues.find((i) => i.code === 'missing-asset')!.severity).toBe('error');
	});
});
