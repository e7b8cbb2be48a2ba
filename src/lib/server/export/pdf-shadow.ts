// Text shadows in the PDF. PDF has no blur, so a blurred shadow is rendered with the same glyph
// outlines on @napi-rs/canvas and placed as an image with a soft mask; a sharp shadow (blur 0) is
// drawn as vector outlines. Neither adds text to the PDF's text layer (search finds the text once).
import { createCanvas } from '@napi-rs/canvas';
import type PDFDocument from 'pdfkit';
import type { Shadow } from '../../document/schema';
import type { TextNode } from '../../render/scene';
import { parseColor } from '../../render/style';
import { drawTextLayout, glyphOutline, traceGlyph, type DrawContext, type PathSink } from '../../text/draw';
import type { FontLibrary } from '../../text/types';
import type { PdfImages } from './pdf-image';

type Doc = InstanceType<typeof PDFDocument>;

/** Shadow resolution: blurred shapes need little; capped so a huge banner stays cheap. */
const SHADOW_DPI = 150;
const MAX_SIDE = 2048;

/** Local bounds of the text's glyphs (ascender to descender boxes) plus a margin. */
function glyphBounds(node: TextNode, margin: number) {
	let minX = Infinity,
		minY = Infinity,
		maxX = -Infinity,
		maxY = -Infinity;
	for (const g of node.layout.glyphs) {
		const r = g.size * 1.2;
		minX = Math.min(minX, g.x - r);
		maxX = Math.max(maxX, g.x + g.advance + r);
		minY = Math.min(minY, g.y - r);
		maxY = Math.max(maxY, g.y + r);
	}
	if (minX === Infinity) return null;
	return {
		x: minX - margin,
		y: minY - margin,
		width: maxX - minX + 2 * margin,
		height: maxY - minY + 2 * margin
	};
}

/** A PDF-space path sink for glyph outlines (quadratics become cubics). */
function outlineSink(doc: Doc): PathSink {
	let cx = 0,
		cy = 0;
	return {
		moveTo: (x: number, y: number) => (doc.moveTo(x, y), (cx = x), (cy = y)),
		lineTo: (x: number, y: number) => (doc.lineTo(x, y), (cx = x), (cy = y)),
		bezierCurveTo: (a: number, b: number, c: number, d: number, x: number, y: number) => (
			doc.bezierCurveTo(a, b, c, d, x, y),
			(cx = x),
			(cy = y)
		),
		quadraticCurveTo: (qx: number, qy: number, x: number, y: number) => {
			doc.bezierCurveTo(
				cx + (2 / 3) * (qx - cx),
				cy + (2 / 3) * (qy - cy),
				x + (2 / 3) * (qx - x),
				y + (2 / 3) * (qy - y),
				x,
				y
			);
			cx = x;
			cy = y;
		},
		closePath: () => doc.closePath()
	};
}

export function drawTextShadow(
	doc: Doc,
	images: PdfImages,
	node: TextNode,
	fonts: FontLibrary,
	shadow: Shadow,
	setFill: (hex: string, alpha: number) => void
): void {
	const { a } = parseColor(shadow.color);
	if (a <= 0 || node.layout.glyphs.length === 0) return;
	const opaque = shadow.color.slice(0, 7);
	const stroke = node.stroke && node.stroke.width > 0 ? { ...node.stroke, color: opaque } : null;
	if (shadow.blur <= 0) {
		// Sharp shadow: the glyph outlines, offset, as vector paths.
		doc.save();
		doc.translate(shadow.offsetX, shadow.offsetY);
		// Points are mapped here: PDF allows no q/cm inside a path, so each glyph cannot have its own transform.
		const sink = outlineSink(doc);
		for (const g of node.layout.glyphs) {
			const face = fonts.byKey(g.face);
			if (!face || g.glyphId === 0) continue;
			traceGlyph(sink, glyphOutline(face, g.glyphId), g);
		}
		setFill(opaque, a);
		doc.fill();
		doc.restore();
		return;
	}
	// Blurred shadow: canvas shadowBlur b is a Gaussian of σ = b/2; render it and place it as an image.
	const margin = shadow.blur * 2 + (stroke ? stroke.width : 0);
	const box = glyphBounds(node, margin);
	if (!box) return;
	const m = node.matrix;
	const pageScale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
	let k = (SHADOW_DPI / 72) * pageScale;
	k = Math.min(k, MAX_SIDE / Math.max(box.width, box.height));
	const w = Math.max(1, Math.ceil(box.width * k));
	const h = Math.max(1, Math.ceil(box.height * k));
	const canvas = createCanvas(w, h);
	const ctx = canvas.getContext('2d');
	ctx.scale(k, k);
	ctx.translate(-box.x, -box.y);
	ctx.filter = `blur(${((shadow.blur * k) / 2).toFixed(3)}px)`;
	drawTextLayout(ctx as unknown as DrawContext, node.layout, fonts, { color: opaque, stroke });
	const pixels = ctx.getImageData(0, 0, w, h).data;
	const { r, g, b } = parseColor(opaque);
	const rgb = Buffer.alloc(w * h * 3);
	const alpha = Buffer.alloc(w * h);
	for (let i = 0, p = 0; p < w * h; p++, i += 4) {
		rgb[p * 3] = r;
		rgb[p * 3 + 1] = g;
		rgb[p * 3 + 2] = b;
		alpha[p] = pixels[i + 3];
	}
	const image = images.fromRaw(rgb, alpha, w, h);
	(doc.page.xobjects as Record<string, unknown>)[image.name] = image.ref;
	doc.save();
	setFill(opaque, a);
	const x = box.x + shadow.offsetX,
		y = box.y + shadow.offsetY;
	const bw = w / k,
		bh = h / k;
	doc.addContent(
		`q ${[bw, 0, 0, -bh, x, y + bh].map((v) => +v.toFixed(4)).join(' ')} cm /${image.name} Do Q`
	);
	doc.restore();
}
