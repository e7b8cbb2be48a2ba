// A small real document for editor tests (schema-valid, parsed through zod).
import { PosterDocument, type Layer } from '../../../src/lib/document/schema';

export function makeDoc(layers: unknown[] = []): PosterDocument {
	return PosterDocument.parse({
		schemaVersion: 1,
		id: 'doc-test',
		title: 'Test',
		page: { preset: 'custom', width: 600, height: 800, bleedMm: 3, safeMm: 10 },
		layers,
		createdAt: '2025-01-01T00:00:00.000Z',
		updatedAt: '2025-01-01T00:00:00.000Z'
	});
}

export const rect = (
	id: string,
	x: number,
	y: number,
	width = 100,
	height = 50,
	extra: Record<string, unknown> = {}
): unknown => ({
	id,
	name: id,
	type: 'shape',
	shape: 'rect',
	x,
	y,
	width,
	height,
	fill: { type: 'solid', color: '#FF0000' },
	...extra
});

export const text = (id: string, t: string): unknown => ({
	id,
	name: id,
	type: 'text',
	x: 10,
	y: 10,
	width: 300,
	height: 60,
	runs: [{ text: t, family: 'Noto Sans SC', weight: 700, size: 40, color: '#000000' }]
});

export const layer = (doc: PosterDocument, id: string): Layer => {
	const found = doc.layers.find((l) => l.id === id);
	if (!found) throw new Error(`no ${id}`);
	return found;
};
