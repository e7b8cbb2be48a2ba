// The text measure instantiate() uses to flow text under other text (`below`): the server's fonts,
// loaded for every family and weight the template names, and the same layout the painters use.
import type { TextLayer } from '../../document/schema';
import { layoutTextLayer } from '../../render/build-scene';
import type { Template } from '../../templates/schema';
import { initShaper } from '../../text/layout';
import { getServerFonts } from '../fonts';

export async function templateMeasure(
	template: Template
): Promise<(layer: TextLayer) => ReturnType<typeof layoutTextLayer>> {
	await initShaper();
	const fonts = getServerFonts();
	await fonts.ensure(
		template.fonts.flatMap((f) => f.weights.map((weight) => ({ family: f.family, weight, italic: false })))
	);
	return (layer) => layoutTextLayer(layer, fonts);
}
