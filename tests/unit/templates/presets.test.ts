import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/lib/server/storage/db';
import {
	deleteCustomPreset,
	findPreset,
	listCustomPresets,
	saveCustomPreset
} from '../../../src/lib/server/templates/custom-presets';
import {
	aspectClass,
	customPreset,
	getPreset,
	presetSizePt,
	PRESETS,
	recommendedGenerationSize
} from '../../../src/lib/templates/presets';

describe('format presets', () => {
	it('has every size users ask for, with print habits from print.md', () => {
		expect(PRESETS.map((p) => p.id)).toEqual([
			'a4',
			'a3',
			'a2',
			'a1',
			'rollup-80x200',
			'xbanner-60x160',
			'banner-300x70',
			'display-90x120',
			'xhs-1242x1660',
			'wechat-900x383',
			'square-1080',
			'screen-1920x1080'
		]);
		expect(getPreset('a3')).toMatchObject({
			kind: 'print',
			unit: 'mm',
			width: 297,
			height: 420,
			bleedMm: 3,
			dpi: 300
		});
		expect(getPreset('rollup-80x200')).toMatchObject({
			width: 800,
			height: 2000,
			bleedMm: 10,
			hiddenBottomMm: 300
		});
		expect(getPreset('banner-300x70')).toMatchObject({ bleedMm: 50, safeMm: 50, dpi: 100 });
		expect(getPreset('xhs-1242x1660')).toMatchObject({ kind: 'screen', unit: 'px', bleedMm: 0, dpi: 72 });
		expect(presetSizePt(getPreset('wechat-900x383')!)).toEqual({ width: 900, height: 383 });
		const a3 = presetSizePt(getPreset('a3')!);
		expect(Math.round((a3.width * 300) / 72)).toBe(3508);
		expect(Math.round((a3.height * 300) / 72)).toBe(4961);
	});

	it('recommends the Z-Image size of the closest aspect', () => {
		expect(recommendedGenerationSize(1)).toEqual({ width: 1024, height: 1024 });
		expect(recommendedGenerationSize(3 / 4)).toEqual({ width: 864, height: 1152 });
		expect(recommendedGenerationSize(0.4)).toEqual({ width: 576, height: 1344 });
		expect(recommendedGenerationSize(16 / 9)).toEqual({ width: 1280, height: 720 });
		expect(recommendedGenerationSize(16 / 9, 2)).toEqual({ width: 2048, height: 1152 });
		// A-series (1:√2) sits exactly between 2:3 and 3:4 in log space; either is right.
		expect([
			[832, 1248],
			[864, 1152]
		]).toContainEqual([getPreset('a3')!.generation.width, getPreset('a3')!.generation.height]);
		expect(getPreset('wechat-900x383')!.generation).toEqual({ width: 1344, height: 576 });
	});

	it('classifies aspects for template overrides', () => {
		expect(
			['rollup-80x200', 'a3', 'square-1080', 'screen-1920x1080', 'wechat-900x383', 'banner-300x70'].map(
				(id) => {
					const { width, height } = presetSizePt(getPreset(id)!);
					return aspectClass(width, height);
				}
			)
		).toEqual(['tall', 'portrait', 'square', 'landscape', 'wide', 'wide']);
	});

	it('makes custom sizes in mm or px, with ids that encode the size', () => {
		expect(customPreset({ widthMm: 500, heightMm: 900 })).toMatchObject({
			id: 'custom-500x900mm',
			kind: 'print',
			bleedMm: 3,
			safeMm: 5,
			dpi: 300
		});
		expect(customPreset({ widthMm: 1200, heightMm: 2400 })).toMatchObject({
			bleedMm: 10,
			safeMm: 30,
			dpi: 150
		});
		expect(customPreset({ widthPx: 1080, heightPx: 1920 })).toMatchObject({
			id: 'custom-1080x1920px',
			kind: 'screen',
			generation: { width: 720, height: 1280 }
		});
		expect(getPreset('custom-500x900mm')).toMatchObject({ width: 500, height: 900 });
		expect(getPreset('custom-1x1mm')).toBeUndefined();
		expect(() => customPreset({ widthMm: 500 } as never)).toThrow(/widthMm and heightMm/);
		expect(() => customPreset({ widthPx: 10, heightPx: 10 })).toThrow();
	});
});

describe('custom presets in SQLite', () => {
	const dir = mkdtempSync(join(tmpdir(), 'haibao-presets-'));
	const file = join(dir, 'haibao.sqlite');
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('saves, lists, finds and deletes, and survives reopening the file', () => {
		const db = openDb(file);
		const saved = saveCustomPreset(
			{ widthMm: 600, heightMm: 900, name: { zh: '门店海报', en: 'Shop poster' }, bleedMm: 5 },
			db
		);
		saveCustomPreset({ widthPx: 1080, heightPx: 1920 }, db);
		expect(listCustomPresets(db).map((p) => p.id)).toEqual(['custom-600x900mm', 'custom-1080x1920px']);
		db.close();
		const again = openDb(file);
		expect(findPreset('custom-600x900mm', again)).toEqual(saved);
		expect(findPreset('custom-600x900mm', again)?.name.zh).toBe('门店海报');
		expect(findPreset('a3', again)?.id).toBe('a3');
		expect(deleteCustomPreset('custom-600x900mm', again)).toBe(true);
		expect(deleteCustomPreset('custom-600x900mm', again)).toBe(false);
		// Without its row the id still decodes to a preset with default habits.
		expect(findPreset('custom-600x900mm', again)).toMatchObject({
			bleedMm: 3,
			name: { en: 'Custom 600×900 mm' }
		});
		expect(() => saveCustomPreset({ widthMm: -1, heightMm: 5 }, again)).toThrow();
		again.close();
	});
});
