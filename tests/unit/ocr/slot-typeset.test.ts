// The template form's "set it in real type": a chosen picture with typeset fields goes into the new
// design with those fields as visible layers over the covered text, sized and coloured like it.
import { describe, expect, it } from 'vitest';
import type { TextLayer } from '../../../src/lib/document/schema';
import { getTemplate } from '../../../src/lib/server/templates/catalog';
import { instantiate } from '../../../src/lib/templates/instantiate';
import { sampleValues } from '../../../src/lib/templates/values';
import { applySlotImages, parseSlotImages } from '../../../src/routes/templates/slot-images';

describe('applySlotImages with typeset fields', () => {
	it('shows the field layer over the covered text in its colour and size; a field never drawn keeps its place', async () => {
		const template = (await getTemplate('launch-spotlight'))!;
		const values = { ...sampleValues(template, 'zh'), headline: '新品发布会' };
		const made = instantiate(template, template.formats[0], values, {
			locale: 'zh',
			textModes: { headline: 'layer', subtitle: 'layer' }
		});
		if (!made.ok) throw new Error('instantiate failed');
		const slot = template.prompt!.slot!;
		const frame = made.document.layers.find(
			(l) =>
				l.type === 'image' &&
				template.layout.elements.some((e) => e.id === l.id && e.type === 'image' && e.slot === slot)
		)!;
		const generation = {
			backend: 'zimage',
			model: 'tiny',
			prompt: 'x',
			seed: 1,
			steps: 8,
			width: 1000,
			height: 1000,
			previousAssetIds: []
		};
		const images = parseSlotImages(
			JSON.stringify({
				[slot]: {
					assetId: 'patched',
					generation,
					typeset: {
						headline: { box: { x0: 0.25, y0: 0.4, x1: 0.75, y1: 0.5 }, color: '#FFE082' },
						subtitle: { box: null, color: null }
					}
				}
			})
		)!;
		const before = made.document.layers.find((l) => l.type === 'text' && l.field === 'subtitle') as TextLayer;
		const doc = applySlotImages(template, made.document, images);
		const headline = doc.layers.find((l) => l.type === 'text' && l.field === 'headline') as TextLayer;
		const subtitle = doc.layers.find((l) => l.type === 'text' && l.field === 'subtitle') as TextLayer;
		expect(doc.layers.find((l) => l.id === frame.id)).toMatchObject({ assetId: 'patched' });
		expect(headline.hidden).toBe(false);
		expect(headline.runs[0].color).toBe('#FFE082');
		// The found box's centre is the layer's centre; its height (on the page) is the font size.
		const scale = Math.max(frame.width / 1000, frame.height / 1000);
		const expectedSize = 0.1 * 1000 * scale;
		expect(headline.runs[0].size).toBeCloseTo(expectedSize, 3);
		expect(headline.x + headline.width / 2).toBeCloseTo(frame.x + frame.width / 2, 3);
		expect(subtitle).toMatchObject({ hidden: false, x: before.x, y: before.y });
	});
});
