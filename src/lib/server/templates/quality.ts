// Server side of the template quality check: the server's fonts and Konva rasteriser handed to the
// pure check in render/quality.ts. Used by `haibao templates check` and the template tests.
import type { PosterDocument } from '../../document/schema';
import {
	checkTemplate,
	type QualityDeps,
	type QualityProblem,
	type TemplateQualityOptions
} from '../../render/quality';
import type { Scene } from '../../render/scene';
import type { Template } from '../../templates/schema';
import { initShaper } from '../../text/layout';
import { faceRequests } from '../export/deps';
import { rasterizeScene } from '../export/png';
import { getServerFonts } from '../fonts';
import { templateMeasure } from './measure';

export async function serverQualityDeps(): Promise<
	QualityDeps & { prepare(doc: PosterDocument): Promise<void> }
> {
	await initShaper();
	const fonts = getServerFonts();
	return {
		fonts,
		prepare: (doc) => fonts.ensure(faceRequests(doc.layers)),
		async rasterize(scene: Scene, scale: number) {
			const raster = await rasterizeScene(
				scene,
				{ images: new Map(), fonts },
				// Downscaled through maxSide: a roll-up's check raster is below the export dpi floor.
				{
					dpi: 72 * Math.max(scale, 1),
					maxSide: Math.round(Math.max(scene.width, scene.height) * scale),
					bleed: false
				}
			);
			return raster;
		}
	};
}

/** Checks templates one after another with the server's fonts and renderer. */
export async function checkTemplatesQuality(
	templates: readonly Template[],
	options: Omit<TemplateQualityOptions, 'prepare'> & {
		onTemplate?(id: string, problems: QualityProblem[]): void;
	} = {}
): Promise<QualityProblem[]> {
	const deps = await serverQualityDeps();
	const all: QualityProblem[] = [];
	for (const t of templates) {
		const problems = await checkTemplate(t, deps, {
			...options,
			measure: await templateMeasure(t),
			prepare: deps.prepare
		});
		options.onTemplate?.(t.id, problems);
		all.push(...problems);
	}
	return all;
}
