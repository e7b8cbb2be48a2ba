import { describe, expect, it } from 'vitest';
import {
	DocumentValidationError,
	MIGRATIONS,
	migrate,
	parseDocument
} from '../../../src/lib/document/migrations';
import { SCHEMA_VERSION } from '../../../src/lib/document/schema';
import { makeDoc, text, V0_DOCUMENT } from './fixtures';

describe('migrations', () => {
	it('has one migration per version below the current one', () => {
		expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(SCHEMA_VERSION).keys()]);
	});

	it('passes a current document through and fills defaults', () => {
		const result = parseDocument({ ...makeDoc([text('t', 0, 0)]) });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.migratedFrom).toBeNull();
		expect(result.document.layers[0]).toMatchObject({
			rotation: 0,
			opacity: 1,
			align: 'start',
			fit: { mode: 'none' }
		});
	});

	it('migrates a synthetic v0 document to the current version', () => {
		const before = structuredClone(V0_DOCUMENT);
		const result = parseDocument(V0_DOCUMENT);
		expect(V0_DOCUMENT).toEqual(before); // input untouched
		if (!result.ok) throw new Error(result.message);
		expect(result.migratedFrom).toBe(0);
		const doc = result.document;
		expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
		expect(doc.title).toBe('开业大吉');
		expect(doc.page).toMatchObject({
			preset: 'a3',
			width: 841.89,
			height: 1190.55,
			bleedMm: 3,
			background: '#FFF8E7'
		});
		expect(doc.createdAt).toBe('2024-01-02T00:00:00.000Z');
		expect(doc.updatedAt).toBe('2024-01-03T00:00:00.000Z');
		expect(doc.layers.map((l) => l.type)).toEqual(['shape', 'group', 'image']);
		expect(doc.layers[0]).toMatchObject({ shape: 'rect', fill: { type: 'solid', color: '#C81E1E' } });
		const g = doc.layers[1];
		if (g.type !== 'group') throw new Error('expected a group');
		// Children become relative to the group origin (100, 200).
		expect(g.children[0]).toMatchObject({
			type: 'text',
			x: 10,
			y: 10,
			opacity: 0.9,
			runs: [{ text: '盛大开业', family: 'Noto Sans SC', weight: 900, size: 72, color: '#FFD700' }]
		});
		expect(g.children[1]).toMatchObject({
			type: 'shape',
			shape: 'ellipse',
			x: 250,
			y: 100,
			fill: { color: '#ffffff' }
		});
		expect(doc.layers[2]).toMatchObject({ type: 'image', assetId: 'asset123', fit: 'cover' });
		// Migrating the result again is a no-op.
		expect(migrate(doc)).toEqual(doc);
	});

	it('names the path, the layer and the problem of an invalid document', () => {
		const bad = { ...makeDoc([text('t', 0, 0)]) } as Record<string, unknown>;
		bad.layers = [
			{ ...(bad.layers as object[])[0], runs: [{ text: 'x', family: 'A', size: 10, color: 'red' }] }
		];
		const result = parseDocument(bad);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues).toEqual([
			{ path: 'layers[0].runs[0].color (layer "t")', message: 'colour must be #RRGGBB or #RRGGBBAA' }
		]);
		expect(result.message).toBe(
			'invalid document — layers[0].runs[0].color (layer "t"): colour must be #RRGGBB or #RRGGBBAA'
		);
	});

	it('reports problems inside groups and unknown layer types', () => {
		const result = parseDocument({
			...makeDoc([]),
			layers: [
				{
					type: 'group',
					id: 'g',
					name: 'g',
					x: 0,
					y: 0,
					width: 1,
					height: 1,
					children: [{ type: 'sticker', id: 's' }]
				}
			]
		});
		if (result.ok) throw new Error('expected failure');
		expect(result.issues[0].path).toBe('layers[0].children[0].type (layer "s")');
		expect(result.issues[0].message).toMatch(/text.*image.*shape.*group/);
	});

	it('rejects missing versions, newer versions and non-objects', () => {
		const doc = makeDoc([]);
		const noVersion = parseDocument({ ...doc, schemaVersion: undefined });
		expect(!noVersion.ok && noVersion.message).toMatch(/schemaVersion: missing/);
		const newer = parseDocument({ ...doc, schemaVersion: SCHEMA_VERSION + 1 });
		expect(!newer.ok && newer.message).toMatch(/written by a newer Haibao/);
		const notObject = parseDocument([1, 2]);
		expect(!notObject.ok && notObject.message).toMatch(/must be a JSON object/);
	});

	it('migrate() throws a DocumentValidationError carrying the issues', () => {
		try {
			migrate({ ...makeDoc([]), page: { preset: 'a4', width: -1, height: 10 } });
			throw new Error('should have thrown');
		} catch (e) {
			expect(e).toBeInstanceOf(DocumentValidationError);
			expect((e as DocumentValidationError).issues[0].path).toBe('page.width');
		}
	});
});
