// The benchmark's poster: a real template with its sample text and a photograph-sized picture
// (1536×2048, the size Z-Image-Turbo paints) in its image slot, on any of the template's formats.
import sharp from 'sharp';
import { getTemplate } from '../../src/lib/server/templates/catalog';
import { instantiate } from '../../src/lib/templates/instantiate';
import { sampleValues } from '../../src/lib/templates/values';
import type { Layer, PosterDocument } from '../../src/lib/document/schema';

export async function benchPhoto(width = 1536, height = 2048): Promise<Buffer> {
	const raw = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 3;
			raw[i] = 128 + 100 * Math.sin(x / 97 + y / 211);
			raw[i + 1] = (y * 255) / height;
			raw[i + 2] = 128 + 90 * Math.cos(x / 53) * Math.sin(y / 71);
		}
	return sharp(raw, { raw: { width, height, channels: 3 } })
		.jpeg({ quality: 90 })
		.toBuffer();
}

const fill = (layers: readonly Layer[]): Layer[] =>
	layers.map((l) =>
		l.type === 'group'
			? { ...l, children: fill(l.children) }
			: l.type === 'image' && !l.field
				? { ...l, assetId: 'bench-photo' }
				: l
	);

export async function benchDocument(templateId: string, formatId: string): Promise<PosterDocument> {
	const template = await getTemplate(templateId);
	if (!template) throw new Error(`template ${templateId} not found`);
	const made = instantiate(template, formatId, sampleValues(template, 'zh'), {
		locale: 'zh',
		id: 'bench',
		now: '2025-01-01T00:00:00.000Z'
	});
	if (!made.ok) throw new Error(JSON.stringify(made.errors));
	return { ...made.document, layers: fill(made.document.layers) };
}
