// Every bound Haibao puts on input, in one pure module: the document schema, the API routes, the
// upload check, the browser's SVG importer and the CLI all read these numbers and messages, so a
// refusal says the same thing wherever it happens. Messages are bilingual (zh first in the UI).
// Why each number is what it is: README "Limits".

export interface Bilingual {
	zh: string;
	en: string;
}

const MiB = 1024 * 1024;
const PT_PER_MM = 72 / 25.4;

/** Largest uploaded image file. */
export const MAX_UPLOAD_BYTES = 25 * MiB;
/** Largest uploaded image in pixels (a 10,000 × 8,000 photo). */
export const MAX_UPLOAD_PIXELS = 80_000_000;
/** Largest JSON request body (a document, an export request). */
export const MAX_JSON_BYTES = 16 * MiB;

/** SVG logos: file size, drawing segments (after <use> expansion), elements and element nesting. */
export const MAX_SVG_BYTES = 2 * MiB;
export const MAX_SVG_SEGMENTS = 10_000;
export const MAX_SVG_ELEMENTS = 5_000;
export const MAX_SVG_DEPTH = 64;
/** Shapes of an imported SVG logo: each becomes a layer in the editor's layers panel. */
export const MAX_SVG_LAYERS = 400;
/** Path data of one shape layer (an imported logo path at MAX_SVG_SEGMENTS is ~500 KB). */
export const MAX_PATH_CHARS = 1_000_000;
/**
 * Path segments of one shape layer and of a whole document. A layer holds an imported logo (at
 * most MAX_SVG_SEGMENTS) or a QR code's modules (the longest allowed content, 1,000 bytes, is
 * about 19,000 segments).
 */
export const MAX_PATH_SEGMENTS = 25_000;
export const MAX_DOCUMENT_SEGMENTS = 100_000;

/** Groups inside groups, counting the top level as 1. */
export const MAX_GROUP_DEPTH = 50;
/** Characters (UTF-16 units) of one text layer, all runs together, and runs per layer. */
export const MAX_TEXT_CHARS = 5_000;
export const MAX_TEXT_RUNS = 1_000;
/** A template field value (text, URL of a QR code, asset id). */
export const MAX_FIELD_CHARS = MAX_TEXT_CHARS;

/** Export and target resolution. */
export const MIN_DPI = 10;
export const MAX_DPI = 1200;
/** Largest PNG/JPEG export (the 80×200 cm roll-up at 150 dpi is 56 M px). */
export const MAX_EXPORT_PIXELS = 150_000_000;

/** PDF 1.x viewers and RIPs refuse a page side over 14,400 units (200 in = 5.08 m at 1 pt per unit). */
export const PDF_MAX_PAGE_PT = 14_400;
export const MAX_BLEED_MM = 200;
/** Safe margin and the roll-up stand's hidden strip. */
export const MAX_MARGIN_MM = 2_000;
/**
 * Custom sizes users type: print sides up to 5 m (the PDF page with bleed and marks then fits);
 * screen sides up to 12,000 px, so the page exports at its own 72 dpi (144 M px ≤ the raster limit).
 */
export const MAX_CUSTOM_MM = 5_000;
export const MAX_CUSTOM_PX = 12_000;
/** Layer positions and sizes: far beyond any page (the largest is 14,400 pt), yet finite. */
export const MAX_COORD_PT = 100_000;
/** Font sizes (and fitting bounds): one letter as tall as the largest page. */
export const MAX_FONT_PT = PDF_MAX_PAGE_PT;

const mm = (pt: number) => pt / PT_PER_MM;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * Room the PDF writer puts around the trim on each side for the bleed and the crop marks: marks
 * start 3 mm from the trim (1 mm past a wider bleed), are 5 mm long, with 2 mm of paper after
 * them. src/lib/server/export/pdf-marks.ts draws them; a test checks the two agree.
 */
export function pdfMarginPt(bleedMm: number): number {
	const bleed = bleedMm * PT_PER_MM;
	return Math.max(3 * PT_PER_MM, bleed + PT_PER_MM) + 7 * PT_PER_MM;
}

/** Longest trim side (pt) whose PDF page, bleed and crop marks included, stays within the limit. */
export const maxTrimPt = (bleedMm: number) => PDF_MAX_PAGE_PT - 2 * pdfMarginPt(bleedMm);

/** Why a page of this trim size (pt) and bleed cannot be printed to PDF, or null. */
export function pageSizeProblem(widthPt: number, heightPt: number, bleedMm: number): Bilingual | null {
	const max = maxTrimPt(Math.max(0, bleedMm));
	if (widthPt <= max && heightPt <= max) return null;
	const side = fmt(mm(Math.max(widthPt, heightPt)));
	return {
		zh: `页面太大（${side} mm）：PDF 页面连同出血和裁切线每边最多 ${fmt(mm(PDF_MAX_PAGE_PT))} mm，出血 ${fmt(bleedMm)} mm 时成品尺寸每边最多 ${fmt(Math.floor(mm(max) + 1e-6))} mm。更大的喷绘请分块制作。`,
		en: `page too large (${side} mm): a PDF page, bleed and crop marks included, is at most ${fmt(mm(PDF_MAX_PAGE_PT))} mm (${fmt(PDF_MAX_PAGE_PT)} pt) a side, so with ${fmt(bleedMm)} mm bleed the trim is at most ${fmt(Math.floor(mm(max) + 1e-6))} mm a side; print larger banners in panels`
	};
}

/** Why this dpi is refused, or null. */
export function dpiProblem(dpi: number): Bilingual | null {
	if (Number.isFinite(dpi) && dpi >= MIN_DPI && dpi <= MAX_DPI) return null;
	return {
		zh: `分辨率 ${String(dpi)} dpi 无效，应在 ${MIN_DPI}–${MAX_DPI} dpi 之间。`,
		en: `resolution ${String(dpi)} dpi is out of range: use ${MIN_DPI} to ${MAX_DPI} dpi`
	};
}

/** Highest dpi at which a raster of this size (pt) stays within MAX_EXPORT_PIXELS. */
export const maxDpiFor = (widthPt: number, heightPt: number) =>
	Math.floor(Math.sqrt((MAX_EXPORT_PIXELS * 72 * 72) / (widthPt * heightPt)));

/** Why a PNG/JPEG export of `widthPt`×`heightPt` (bleed included) at `dpi` is refused, or null. */
export function rasterProblem(widthPt: number, heightPt: number, dpi: number): Bilingual | null {
	return dpiProblem(dpi) ?? pixelProblem(widthPt, heightPt, dpi);
}

/** Why a raster of `widthPt`×`heightPt` at `dpi` has too many pixels (with the page's highest dpi), or null. */
export function pixelProblem(widthPt: number, heightPt: number, dpi: number): Bilingual | null {
	const px = Math.round((widthPt * dpi) / 72) * Math.round((heightPt * dpi) / 72);
	if (px <= MAX_EXPORT_PIXELS) return null;
	const max = maxDpiFor(widthPt, heightPt);
	const mp = (n: number) => Math.round(n / 1e6);
	return {
		zh: `${fmt(dpi)} dpi 下图片有 ${mp(px)} 百万像素，超过上限 ${mp(MAX_EXPORT_PIXELS)} 百万像素；这个页面最高 ${max} dpi。`,
		en: `at ${fmt(dpi)} dpi the image would be ${mp(px)} megapixels, over the ${mp(MAX_EXPORT_PIXELS)} MP limit; this page allows at most ${max} dpi`
	};
}

/**
 * Why a PNG/JPEG export of a page is refused, or null: the requested dpi (default the page's), then
 * the pixels at the dpi actually used (`maxSide` lowers it so the longer side fits).
 */
export function pageRasterProblem(
	page: { width: number; height: number; bleedMm?: number; dpi: number },
	opts: { dpi?: number; bleed?: boolean; maxSide?: number } = {}
): Bilingual | null {
	const dpi = opts.dpi ?? page.dpi;
	const bleed = opts.bleed ? 2 * (page.bleedMm ?? 0) * PT_PER_MM : 0;
	const [w, h] = [page.width + bleed, page.height + bleed];
	const used = opts.maxSide ? Math.min(dpi, (opts.maxSide * 72) / Math.max(w, h)) : dpi;
	return dpiProblem(dpi) ?? pixelProblem(w, h, used);
}

export function textTooLong(chars: number): Bilingual {
	return {
		zh: `文字太长（${fmt(chars)} 字），每个文字图层最多 ${fmt(MAX_TEXT_CHARS)} 字。`,
		en: `text too long (${fmt(chars)} characters); a text layer holds at most ${fmt(MAX_TEXT_CHARS)}`
	};
}

export function pathTooComplex(segments: number, scope: 'layer' | 'document'): Bilingual {
	const max = scope === 'layer' ? MAX_PATH_SEGMENTS : MAX_DOCUMENT_SEGMENTS;
	return scope === 'layer'
		? {
				zh: `路径太复杂（${fmt(segments)} 段），每个图层最多 ${fmt(max)} 段。`,
				en: `path too complex (${fmt(segments)} segments); a layer holds at most ${fmt(max)}`
			}
		: {
				zh: `设计中的路径太多（共 ${fmt(segments)} 段），最多 ${fmt(max)} 段。`,
				en: `too many path segments in the design (${fmt(segments)}); the limit is ${fmt(max)}`
			};
}

export const TOO_DEEP: Bilingual = {
	zh: `编组嵌套太深（超过 ${MAX_GROUP_DEPTH} 层），最多 ${MAX_GROUP_DEPTH} 层。`,
	en: `groups are nested too deeply (more than ${MAX_GROUP_DEPTH} levels); the limit is ${MAX_GROUP_DEPTH}`
};

/**
 * The top-level layer ("layers[3]") holding groups nested deeper than MAX_GROUP_DEPTH in raw,
 * unvalidated JSON, or null. Iterative, so it runs before zod's recursive parse could overflow
 * the stack. Reads v1 `children` and the v0 prototype's `items`.
 */
export function tooDeepPath(layers: unknown): string | null {
	if (!Array.isArray(layers)) return null;
	const stack: { list: unknown[]; depth: number; top: number }[] = [];
	for (let i = 0; i < layers.length; i++) stack.push({ list: [layers[i]], depth: 1, top: i });
	while (stack.length) {
		const { list, depth, top } = stack.pop()!;
		// A layer at this depth (an empty group's children do not count).
		if (depth > MAX_GROUP_DEPTH && list.length > 0) return `layers[${top}]`;
		for (const item of list as (Record<string, unknown> | null)[]) {
			if (!item || typeof item !== 'object') continue;
			const children = Array.isArray(item.children) ? item.children : item.items;
			if (Array.isArray(children)) stack.push({ list: children, depth: depth + 1, top });
		}
	}
	return null;
}

export const JSON_TOO_LARGE: Bilingual = {
	zh: `请求内容太大，上限 ${MAX_JSON_BYTES / MiB} MB。`,
	en: `the request body is too large; the limit is ${MAX_JSON_BYTES / MiB} MB`
};

/** `atLeast`: the count is a lower bound (measuring stopped past the limit). */
export function svgTooComplex(
	what: 'bytes' | 'segments' | 'elements' | 'depth',
	found: number,
	atLeast = false
): Bilingual {
	const limits = {
		bytes: [`${MAX_SVG_BYTES / MiB} MB`, `${MAX_SVG_BYTES / MiB} MB`],
		segments: [`${fmt(MAX_SVG_SEGMENTS)} 段路径`, `${fmt(MAX_SVG_SEGMENTS)} path segments`],
		elements: [`${fmt(MAX_SVG_ELEMENTS)} 个元素`, `${fmt(MAX_SVG_ELEMENTS)} elements`],
		depth: [`嵌套 ${MAX_SVG_DEPTH} 层`, `${MAX_SVG_DEPTH} levels of nesting`]
	}[what];
	const amount = {
		bytes: [`${fmt(found / MiB)} MB`, `${fmt(found / MiB)} MB`],
		segments: [`${fmt(found)} 段路径`, `${fmt(found)} path segments`],
		elements: [`${fmt(found)} 个元素`, `${fmt(found)} elements`],
		depth: [`嵌套 ${fmt(found)} 层`, `${fmt(found)} levels of nesting`]
	}[what];
	const [over, overEn] = atLeast ? ['超过 ', 'over '] : ['', ''];
	return {
		zh: `SVG 太复杂（${over}${amount[0]}），上限 ${limits[0]}。请简化图形（例如在矢量软件中减少节点）或上传 PNG。`,
		en: `SVG too complex (${overEn}${amount[1]}); the limit is ${limits[1]}. Simplify it (fewer nodes in your vector editor) or upload a PNG`
	};
}

/** A refused input, with its message in both languages (the CLI prints `message`, routes send both). */
export class LimitError extends Error {
	constructor(readonly bilingual: Bilingual) {
		super(bilingual.en);
		this.name = 'LimitError';
	}
}

export function svgTooManyShapes(found: number): Bilingual {
	return {
		zh: `SVG 中的图形太多（${fmt(found)} 个），导入时最多 ${MAX_SVG_LAYERS} 个（每个图形成为一个图层）。请在矢量软件中合并路径，或上传 PNG。`,
		en: `the SVG has too many shapes (${fmt(found)}); at most ${MAX_SVG_LAYERS} can be imported, each becomes a layer. Merge paths in your vector editor or upload a PNG`
	};
}

export const ID_PATTERN = /^[0-9a-z][0-9a-z_-]{0,63}$/;
/** Whether a string is safe as an id in a URL and a file name (lowercase, digits, _ and -, ≤ 64). */
export const isSafeId = (id: string) => ID_PATTERN.test(id);

export function badId(kind: 'document' | 'asset', id: string): Bilingual {
	const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
	return {
		zh: `${kind === 'document' ? '文档' : '素材'} id「${shown}」无效：只能包含小写字母、数字、_ 和 -，最长 64 个字符。`,
		en: `invalid ${kind} id "${shown}": use lowercase letters, digits, _ and -, at most 64 characters`
	};
}
