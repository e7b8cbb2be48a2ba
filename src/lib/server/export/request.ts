// The body of /api/export and /api/preflight: a stored document (documentId) or one sent inline,
// plus export settings; validated here so both routes answer bad input the same way.
import { z } from 'zod';
import { badId, isSafeId, pageRasterProblem, MAX_DPI, MIN_DPI } from '../../document/limits';
import { parseDocument } from '../../document/migrations';
import type { PosterDocument } from '../../document/schema';
import type { ExportOptions } from './index';

export const ExportRequest = z.object({
	documentId: z.string().min(1).optional(),
	document: z.unknown().optional(),
	format: z.enum(['png', 'jpeg', 'jpg', 'pdf']).default('png'),
	dpi: z.number().min(MIN_DPI).max(MAX_DPI).optional(),
	maxSide: z.number().int().min(16).max(30000).optional(),
	bleed: z.boolean().optional(),
	marks: z.boolean().optional(),
	cmyk: z.boolean().optional(),
	quality: z.number().int().min(1).max(100).optional(),
	/** Answer with a job id at once and report progress (GET /api/export/[id]). */
	async: z.boolean().optional()
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export type Bilingual = { zh: string; en: string };
export type Resolved<T> =
	{ ok: true; value: T } | { ok: false; status: number; error: Bilingual; issues?: unknown };

export async function resolveRequestDocument(
	body: { documentId?: string; document?: unknown },
	load: (id: string) => PosterDocument | null
): Promise<Resolved<PosterDocument>> {
	if (body.document !== undefined) {
		const parsed = parseDocument(body.document);
		if (!parsed.ok)
			return {
				ok: false,
				status: 400,
				error: {
					zh: `文档无效：${parsed.issues[0]?.path} ${parsed.issues[0]?.zh ?? parsed.issues[0]?.message}`,
					en: `invalid document: ${parsed.message}`
				},
				issues: parsed.issues
			};
		return { ok: true, value: parsed.document };
	}
	if (body.documentId !== undefined) {
		if (!isSafeId(body.documentId))
			return { ok: false, status: 400, error: badId('document', body.documentId) };
		let doc: PosterDocument | null;
		try {
			doc = load(body.documentId);
		} catch (e) {
			// A stored document this version cannot read (ValidationError carries both languages).
			const bilingual = (e as { bilingual?: Bilingual }).bilingual;
			if (!bilingual) throw e;
			return { ok: false, status: 400, error: bilingual };
		}
		if (!doc)
			return {
				ok: false,
				status: 404,
				error: { zh: `找不到文档「${body.documentId}」`, en: `no document with id "${body.documentId}"` }
			};
		return { ok: true, value: doc };
	}
	return {
		ok: false,
		status: 400,
		error: { zh: '请求中需要 documentId 或 document。', en: 'send a documentId or a document' }
	};
}

export function parseExportRequest(raw: unknown): Resolved<ExportRequest> {
	const r = ExportRequest.safeParse(raw ?? {});
	if (!r.success) {
		const i = r.error.issues[0];
		const where = i.path.join('.') || '(body)';
		return {
			ok: false,
			status: 400,
			error: {
				zh: `导出参数无效：${where} — ${i.message}`,
				en: `invalid export settings: ${where}: ${i.message}`
			}
		};
	}
	return { ok: true, value: r.data };
}

export function exportOptions(req: ExportRequest, doc: PosterDocument): Resolved<ExportOptions> {
	const format = req.format === 'jpg' ? 'jpeg' : req.format;
	if (format !== 'pdf') {
		const problem = pageRasterProblem(doc.page, req);
		if (problem) return { ok: false, status: 400, error: problem };
	}
	return {
		ok: true,
		value: {
			format,
			dpi: req.dpi,
			maxSide: req.maxSide,
			bleed: req.bleed,
			marks: req.marks,
			cmyk: req.cmyk,
			quality: req.quality
		}
	};
}

/** A file name for the download: the title (safe characters only) and the extension. */
export function downloadName(doc: PosterDocument, extension: string): string {
	const base =
		(doc.title || 'poster')
			.replace(/[\\/:*?"<>|]+/g, '_')
			.replace(/\p{Cc}+/gu, '_')
			.trim()
			.slice(0, 60) || 'poster';
	return `${base}.${extension}`;
}

export function contentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
