// `haibao poster --check-text`: reads back the text generated images of a poster were asked to
// show (their prompt's quoted strings, stored in the PNG, and --model-text fields), prints a
// verdict per string and the preflight message for each one that does not read back. The OCR
// engine opens once per command and serves every poster of a batch.
import type { PosterDocument } from '../../lib/document/schema';
import type { OcrEngine } from '../../lib/server/ocr/engine';

const MARK = { exact: '✓', near: '⚠', missing: '✗' } as const;

export class PosterTextCheck {
	private engine: Promise<OcrEngine> | null = null;

	constructor(private readonly locale: 'zh' | 'en') {}

	/** Prints the verdicts; true when every expected string reads back exactly (or none is expected). */
	async check(doc: PosterDocument, load: (id: string) => Promise<Uint8Array>, prefix = ''): Promise<boolean> {
		const { checkDocumentText, textIssues } = await import('../../lib/server/ocr/document-check');
		const { readPngText } = await import('../../lib/server/generation/png-text');
		const { checkTexts } = await import('../../lib/templates/text-check');
		const prompts = new Map<string, string | null>();
		for (const l of doc.layers)
			if (l.type === 'image' && l.assetId) {
				const bytes = Buffer.from(await load(l.assetId));
				const png = bytes.subarray(1, 4).toString('latin1') === 'PNG';
				prompts.set(l.id, png ? (readPngText(bytes).prompt ?? null) : null);
			}
		this.engine ??= import('../../lib/server/ocr/engine').then((m) => m.OcrEngine.open());
		const engine = await this.engine;
		const results = await checkDocumentText(
			doc,
			load,
			async (image, expectations) => checkTexts(expectations, await engine.read(image)),
			(layer) => prompts.get(layer.id) ?? null
		);
		if (results.length === 0) {
			console.log(`${prefix}text check: no image in this poster was asked to show text`);
			return true;
		}
		for (const r of results)
			for (const f of r.check.fields) {
				const read = f.found && f.verdict !== 'exact' ? ` (read "${f.found}")` : '';
				console.log(
					`${prefix}text check ${MARK[f.verdict]} ${f.verdict} "${f.expected}"${read} in image layer ${r.layerId}`
				);
			}
		const issues = textIssues(results);
		for (const i of issues) console.error(`  ${prefix}${i.message[this.locale]}`);
		return issues.length === 0;
	}

	async close(): Promise<void> {
		if (this.engine) await (await this.engine).release();
		this.engine = null;
	}
}
