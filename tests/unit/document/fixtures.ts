// Small documents for document tests, built through the real schema so defaults are filled.
import { PosterDocument, type Layer } from '../../../src/lib/document/schema';

export const text = (
	id: string,
	x: number,
	y: number,
	width = 100,
	height = 40,
	extra: Record<string, unknown> = {}
) =>
	({
		type: 'text',
		id,
		name: id,
		x,
		y,
		width,
		height,
		runs: [{ text: id, family: 'Noto Sans SC', size: 24, color: '#111111' }],
		...extra
	}) as const;
export const rect = (
	id: string,
	x: number,
	y: number,
	width = 50,
	height = 50,
	extra: Record<string, unknown> = {}
) =>
	({
		type: 'shape',
		id,
		name: id,
		shape: 'rect',
		x,
		y,
		width,
		height,
		fill: { type: 'solid', color: '#FF0000' },
		...extra
	}) as const;
export const group = (
	id: string,
	x: number,
	y: number,
	width: number,
	height: number,
	children: unknown[],
	extra: Record<string, unknown> = {}
) => ({ type: 'group', id, name: id, x, y, width, height, children, ...extra }) as const;

export function makeDoc(layers: unknown[], page: Record<string, unknown> = {}): PosterDocument {
	return PosterDocument.parse({
		schemaVersion: 1,
		id: 'doc1',
		title: 'Test',
		page: { preset: 'custom', width: 600, height: 800, ...page },
		layers,
		createdAt: '2025-01-01T00:00:00.000Z',
		updatedAt: '2025-01-01T00:00:00.000Z'
	});
}

/** A document (raw JSON, unvalidated) whose first layer is `levels` groups nested around a rectangle. */
export function nestedGroups(levels: number, doc: PosterDocument = makeDoc([])) {
	let layer: Record<string, unknown> = rect('leaf', 0, 0, 10, 10);
	for (let i = levels; i >= 1; i--)
		layer = {
			type: 'group',
			id: `g${i}`,
			name: `g${i}`,
			x: 1,
			y: 1,
			width: 20,
			height: 20,
			children: [layer]
		};
	return { ...doc, layers: [layer] };
}

export const ids = (layers: readonly Layer[]) => layers.map((l) => l.id);

/** A document as the v0 prototype wrote it (see migrations.ts). */
export const V0_DOCUMENT = {
	version: 0,
	id: 'old1',
	name: '开业大吉',
	size: { preset: 'a3', width: 841.89, height: 1190.55 },
	bleed: 3,
	dpi: 300,
	background: 'FFF8E7',
	layers: [
		{ kind: 'rect', id: 'bg', x: 0, y: 0, w: 841.89, h: 1190.55, fill: 'C81E1E' },
		{
			kind: 'group',
			id: 'g',
			x: 100,
			y: 200,
			w: 300,
			h: 120,
			rotate: 0,
			items: [
				{
					kind: 'text',
					id: 'title',
					x: 110,
					y: 210,
					w: 280,
					h: 80,
					alpha: 0.9,
					text: { content: '盛大开业', font: 'Noto Sans SC', weight: 900, size: 72, color: 'FFD700' }
				},
				{ kind: 'ellipse', id: 'dot', x: 350, y: 300, w: 20, h: 20, fill: 'ffffff' }
			]
		},
		{ kind: 'image', id: 'photo', x: 50, y: 600, w: 700, h: 400, src: 'asset123' }
	],
	created: Date.UTC(2024, 0, 2),
	modified: Date.UTC(2024, 0, 3)
};
