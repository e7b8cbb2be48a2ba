// Print PDF with pdfkit: page = trim + bleed (+ room for crop marks), TrimBox and BleedBox set,
// vector shapes from the same outlines the canvas draws, images at full resolution, text as
// subset fonts at the text engine's glyph positions. Optional CMYK for vector colours.
import PDFDocument from 'pdfkit';
import type { Paint, PosterDocument, Stroke } from '../../document/schema';
import { placeImage } from '../../render/image-fit';
import { shapeOutline } from '../../render/paint';
import { roundedRectPath, tracePath, type PathCommand } from '../../render/path';
import type { ImageNode, Scene, ShapeNode, TextNode } from '../../render/scene';
import { gradientLine, parseColor, rgbToCmyk, sortedStops } from '../../render/style';
import { resolveExportDeps } from './deps';
import { PdfImages } from './pdf-image';
import { drawTextShadow } from './pdf-shadow';
import { drawCropMarks, markMargin } from './pdf-marks';
import { PdfFonts, showGlyphs } from './pdf-text';
import { prepareExport, type ExportDeps, type PreparedExport } from './prepare';

export interface PdfOptions {
	/** Extend the page by the document's bleed (default true when the page has a bleed). */
	bleed?: boolean;
	/** Crop marks outside the bleed (default: same as bleed). */
	marks?: boolean;
	/** Vector colours (shapes, text) in DeviceCMYK; images stay RGB. */
	cmyk?: boolean;
	onProgress?: (fraction: number) => void;
	deps?: Partial<ExportDeps>;
}

type Doc = InstanceType<typeof PDFDocument>;

interface PdfContext {
	doc: Doc;
	fonts: PdfFonts;
	images: PdfImages;
	prepared: PreparedExport;
	cmyk: boolean;
}

export async function renderPdf(document: PosterDocument, opts: PdfOptions = {}): Promise<Buffer> {
	const deps = await resolveExportDeps(document, opts.deps);
	const prepared = await prepareExport(document, deps);
	return writePdf(prepared, opts);
}

export async function writePdf(prepared: PreparedExport, opts: PdfOptions = {}): Promise<Buffer> {
	const { scene } = prepared;
	const bleed = (opts.bleed ?? scene.bleed > 0) ? scene.bleed : 0;
	const marks = opts.marks ?? bleed > 0;
	const margin = marks ? markMargin(bleed) : bleed;
	const pageW = scene.width + 2 * margin;
	const pageH = scene.height + 2 * margin;
	const doc = new PDFDocument({
		size: [pageW, pageH],
		margin: 0,
		pdfVersion: '1.7',
		fontLayoutCache: false,
		info: {
			Title: prepared.doc.title || 'Haibao poster',
			Creator: 'Haibao 海报',
			Producer: 'Haibao (pdfkit)'
		}
	} as PDFKit.PDFDocumentOptions);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	// PDF boxes are y-up from the bottom-left; the page is symmetric about its centre so the
	// same offsets hold. pdfkit only writes the MediaBox itself.
	const box = (inset: number) => [inset, inset, pageW - inset, pageH - inset];
	const pageDict = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
	pageDict.BleedBox = box(margin - bleed);
	pageDict.TrimBox = box(margin);

	const ctx: PdfContext = {
		doc,
		fonts: new PdfFonts(doc, prepared.resources.fonts),
		images: new PdfImages(doc),
		prepared,
		cmyk: !!opts.cmyk
	};
	doc.save();
	doc.translate(margin, margin);
	// Nothing of the artwork may reach the marks: clip to the bleed box.
	doc.rect(-bleed, -bleed, scene.width + 2 * bleed, scene.height + 2 * bleed).clip();
	paintBackground(ctx, scene, bleed);
	for (let i = 0; i < scene.nodes.length; i++) {
		const node = scene.nodes[i];
		if (node.opacity > 0) {
			doc.save();
			const m = node.matrix;
			doc.transform(m[0], m[1], m[2], m[3], m[4], m[5]);
			if (node.kind === 'shape') drawShape(ctx, node);
			else if (node.kind === 'image') await drawImage(ctx, node);
			else drawText(ctx, node);
			doc.restore();
		}
		opts.onProgress?.((i + 1) / scene.nodes.length);
	}
	doc.restore();
	if (marks)
		drawCropMarks(doc, { trimWidth: scene.width, trimHeight: scene.height, margin, bleed, cmyk: ctx.cmyk });
	doc.end();
	return done;
}

/** A document colour as pdfkit wants it: RGB 0..255 or CMYK 0..100, and its alpha. */
function pdfColor(ctx: PdfContext, hex: string): { color: number[]; alpha: number } {
	const rgba = parseColor(hex);
	return { color: ctx.cmyk ? rgbToCmyk(rgba) : [rgba.r, rgba.g, rgba.b], alpha: rgba.a };
}

function paintBackground(ctx: PdfContext, scene: Scene, bleed: number) {
	const { color, alpha } = pdfColor(ctx, scene.background);
	if (alpha <= 0) return;
	ctx.doc.rect(-bleed, -bleed, scene.width + 2 * bleed, scene.height + 2 * bleed);
	ctx.doc.fillColor(color as never, alpha).fill();
}

function trace(doc: Doc, commands: readonly PathCommand[]) {
	tracePath(
		{
			moveTo: (x, y) => doc.moveTo(x, y),
			lineTo: (x, y) => doc.lineTo(x, y),
			bezierCurveTo: (a, b, c, d, e, f) => doc.bezierCurveTo(a, b, c, d, e, f),
			closePath: () => doc.closePath()
		},
		commands
	);
}

function fillPaint(ctx: PdfContext, paint: Paint, w: number, h: number, opacity: number) {
	const { doc } = ctx;
	if (paint.type === 'solid') {
		const { color, alpha } = pdfColor(ctx, paint.color);
		doc.fillColor(color as never, alpha * opacity).fill();
		return;
	}
	const line = gradientLine(paint.angle, w, h);
	const gradient = doc.linearGradient(line.x0, line.y0, line.x1, line.y1);
	for (const stop of sortedStops(paint)) {
		const { color, alpha } = pdfColor(ctx, stop.color);
		gradient.stop(stop.offset, color as never, alpha);
	}
	doc.fillOpacity(opacity);
	doc.fill(gradient as never);
}

function strokePaint(ctx: PdfContext, stroke: Stroke, opacity: number) {
	const { doc } = ctx;
	const { color, alpha } = pdfColor(ctx, stroke.color);
	doc.lineWidth(stroke.width).lineJoin('miter').lineCap('butt').miterLimit(10);
	if (stroke.dash && stroke.dash.some((d) => d > 0)) doc.dash([...stroke.dash] as never, {});
	else doc.undash();
	doc.strokeColor(color as never, alpha * opacity).stroke();
}

function drawShape(ctx: PdfContext, node: ShapeNode) {
	const outline = shapeOutline(node);
	if (outline.length === 0) return;
	if (node.fill && node.shape !== 'line') {
		trace(ctx.doc, outline);
		fillPaint(ctx, node.fill, node.width, node.height, node.opacity);
	}
	if (node.stroke && node.stroke.width > 0) {
		trace(ctx.doc, outline);
		strokePaint(ctx, node.stroke, node.opacity);
	}
}

async function drawImage(ctx: PdfContext, node: ImageNode) {
	const { doc } = ctx;
	if (node.cornerRadius > 0) {
		trace(doc, roundedRectPath(node.width, node.height, node.cornerRadius));
		doc.clip();
	}
	const asset = node.assetId ? ctx.prepared.assets.get(node.assetId) : undefined;
	if (!asset) {
		if (node.placeholder) {
			doc.rect(0, 0, node.width, node.height);
			fillPaint(ctx, node.placeholder, node.width, node.height, node.opacity);
		}
		return;
	}
	const { source, dest } = placeImage(
		node.crop,
		node.fit,
		asset.width,
		asset.height,
		node.width,
		node.height
	);
	if (dest.width <= 0 || dest.height <= 0) return;
	if (node.flipX || node.flipY) {
		doc.translate(node.flipX ? node.width : 0, node.flipY ? node.height : 0);
		doc.scale(node.flipX ? -1 : 1, node.flipY ? -1 : 1);
	}
	// Blur is given in pt on the page; the baked image needs it in its own pixels.
	const pxPerPt = (source.width * asset.width) / dest.width;
	const image = await ctx.images.get(asset, node.filters, node.filters.blur * pxPerPt);
	(doc.page.xobjects as Record<string, unknown>)[image.name] = image.ref;
	doc.rect(dest.x, dest.y, dest.width, dest.height).clip();
	const w = dest.width / source.width;
	const h = dest.height / source.height;
	const x = dest.x - source.x * w;
	const y = dest.y - source.y * h;
	doc.fillOpacity(node.opacity);
	// The image's unit square is y-up: map it onto (x, y)-(x+w, y+h) of our y-down space.
	doc.addContent(`q ${[w, 0, 0, -h, x, y + h].map((v) => +v.toFixed(5)).join(' ')} cm /${image.name} Do Q`);
}

function drawText(ctx: PdfContext, node: TextNode) {
	const { doc } = ctx;
	if (node.offsetY) doc.translate(0, node.offsetY);
	// As text/draw.ts: .notdef and glyphs of unknown faces are never drawn (no tofu boxes).
	const fonts = ctx.prepared.resources.fonts;
	const glyphs = node.layout.glyphs.filter((g) => g.glyphId !== 0 && g.size > 0 && fonts.byKey(g.face));
	if (glyphs.length === 0) return;
	const setFill = (hex: string, alpha: number) => {
		const { color, alpha: own } = pdfColor(ctx, hex);
		doc.fillColor(color as never, own * alpha * node.opacity);
	};
	if (node.shadow) drawTextShadow(doc, ctx.images, node, ctx.prepared.resources.fonts, node.shadow, setFill);
	if (node.stroke && node.stroke.width > 0) {
		// The outline first, under the fill, as the canvas painter (text/draw.ts) draws it.
		const stroke = node.stroke;
		doc.lineWidth(stroke.width).lineJoin('round').lineCap('round').miterLimit(4);
		if (stroke.dash && stroke.dash.some((d) => d > 0)) doc.dash([...stroke.dash] as never, {});
		else doc.undash();
		const { color, alpha } = pdfColor(ctx, stroke.color);
		doc.strokeColor(color as never, alpha * node.opacity);
		showGlyphs(doc, ctx.fonts, glyphs, { renderMode: 1, setColor: () => {} });
	}
	showGlyphs(doc, ctx.fonts, glyphs, { renderMode: 0, setColor: (hex) => setFill(hex, 1) });
}
