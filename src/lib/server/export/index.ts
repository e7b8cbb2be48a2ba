// One entry for every export (the API route and the CLI): a document in, file bytes out.
import type { PosterDocument } from '../../document/schema';
import { resolveExportDeps } from './deps';
import { writePdf } from './pdf';
import { encodeRaster, rasterizeScene } from './png';
import { prepareExport, type ExportDeps } from './prepare';
import type { ExportFormat } from './formats';

export { formatOfFile, EXPORT_FORMATS, type ExportFormat } from './formats';

export interface ExportOptions {
	format: ExportFormat;
	/** PNG/JPEG resolution (default: the page's dpi). */
	dpi?: number;
	/** PNG/JPEG: cap on the longer side in pixels. */
	maxSide?: number;
	/** Include the bleed (PNG/JPEG default false, PDF default true when the page has one). */
	bleed?: boolean;
	/** PDF crop marks. */
	marks?: boolean;
	/** PDF vector colours in CMYK. */
	cmyk?: boolean;
	/** JPEG quality. */
	quality?: number;
	onProgress?: (fraction: number) => void;
	deps?: Partial<ExportDeps>;
}

export interface ExportedFile {
	bytes: Buffer;
	mime: string;
	extension: 'png' | 'jpg' | 'pdf';
}

export async function exportDocument(doc: PosterDocument, opts: ExportOptions): Promise<ExportedFile> {
	const deps = await resolveExportDeps(doc, opts.deps);
	const prepared = await prepareExport(doc, deps);
	// Preparing (fonts, images) is roughly a tenth of the work.
	const progress = (f: number) => opts.onProgress?.(0.1 + 0.9 * f);
	opts.onProgress?.(0.1);
	if (opts.format === 'pdf') {
		const bytes = await writePdf(prepared, {
			bleed: opts.bleed,
			marks: opts.marks,
			cmyk: opts.cmyk,
			onProgress: progress
		});
		return { bytes, mime: 'application/pdf', extension: 'pdf' };
	}
	const raster = await rasterizeScene(prepared.scene, prepared.resources, {
		dpi: opts.dpi,
		maxSide: opts.maxSide,
		bleed: opts.bleed,
		pageDpi: doc.page.dpi,
		onProgress: (f) => progress(f * 0.8)
	});
	const bytes = await encodeRaster(raster, opts.format, opts.quality);
	opts.onProgress?.(1);
	return opts.format === 'jpeg'
		? { bytes, mime: 'image/jpeg', extension: 'jpg' }
		: { bytes, mime: 'image/png', extension: 'png' };
}
