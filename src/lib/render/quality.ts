// Template quality: does a template, filled with text nobody saw in advance, still look designed?
// For one instantiated document it checks, with the text engine's real glyph boxes (ink bounds of
// each glyph's outline, placed as the painters place them):
//   - no glyph touches a decoration's painted ink (unless the text declares it sits `on` it),
//   - no two text blocks overlap or touch,
//   - text stays inside the safe area (and out of a roll-up's hidden bottom),
//   - small text has a contrast of at least 4.5:1 against the rendered pixels under it, large text
//     (headlines) at least 3:1.
// Pure: the caller passes the fonts and a rasteriser (the server's Konva renderer in practice).
// It lives in render/ because it needs the scene (templates/ may not import render/).
import { apply, mmToPt, type Box, type Matrix } from '../geometry';
import type { PosterDocument } from '../document/schema';
import { elementApplies, resolveElements } from '../templates/layout';
import { instantiate, type InstantiateOptions } from '../templates/instantiate';
import { getPreset } from '../templates/presets';
import type { Element, Template } from '../templates/schema';
import { glyphOutline, traceGlyph } from '../text/draw';
import type { FontLibrary } from '../text/types';
import { buildScene } from './build-scene';
import type { Scene, SceneNode, TextNode } from './scene';
import { parseColor } from './style';
import { headlineField, qualityCases, STRESS_HEADLINES, type HeadlineSet } from './quality-cases';

export * from './quality-cases';

/** RGBA pixels of a scene's page area (no bleed), row-major, unpremultiplied. */
export interface QualityRaster {
	data: Uint8Array | Uint8ClampedArray;
	width: number;
	height: number;
}

export interface QualityDeps {
	/** Fonts with every face the document uses loaded. */
	fonts: FontLibrary;
	/** Renders the scene's page area at `scale` pixels per pt (trim only, no bleed). */
	rasterize(scene: Scene, scale: number): QualityRaster | Promise<QualityRaster>;
}

export type QualityCode =
	| 'decoration-overlap'
	| 'text-overlap'
	| 'outside-safe-area'
	| 'low-contrast'
	| 'text-overflow'
	| 'missing-glyphs'
	| 'invalid-values'
	| 'no-padding';

export interface QualityProblem {
	template: string;
	format: string;
	/** Which filling: "zh short", "en long", "en stress"… */
	case: string;
	/** Document layer (= template element) id. */
	layer: string;
	code: QualityCode;
	/** "<template> <format> [<case>] <layer>: <problem>" */
	message: string;
}

/** Minimum contrast ratios (WCAG 2): large text (headlines) 3:1, everything else 4.5:1. */
export const CONTRAST = { large: 3, small: 4.5 } as const;
/** Text at least this fraction of the page's short side counts as large (a headline). */
export const LARGE_TEXT = 0.05;
/** Clear space between two text blocks, as a fraction of the smaller font size. */
export const TEXT_GAP_EM = 0.15;
/** Inner padding text keeps inside a pill, sticker or button it sits in, in em: across and along the line. */
export const PADDING_EM = { block: 0.2, inline: 0.3 };
/** Page long side of the check's rasters, px. */
export const RASTER_LONG_SIDE = 800;

/** Page-space ink boxes of a text node's glyphs (outline bounds, rotation and matrix applied). */
export function glyphBoxes(
	node: TextNode,
	fonts: FontLibrary
): { box: Box; char: string; size: number; color: string }[] {
	const out: { box: Box; char: string; size: number; color: string }[] = [];
	for (const g of node.layout.glyphs) {
		const face = fonts.byKey(g.face);
		if (!face || g.glyphId === 0 || g.size <= 0) continue;
		let x0 = Infinity,
			y0 = Infinity,
			x1 = -Infinity,
			y1 = -Infinity;
		const add = (x: number, y: number) => {
			x0 = Math.min(x0, x);
			x1 = Math.max(x1, x);
			y0 = Math.min(y0, y);
			y1 = Math.max(y1, y);
		};
		// Control points bound the curves, so this box holds all the ink (a little more on curves).
		traceGlyph(
			{
				moveTo: add,
				lineTo: add,
				bezierCurveTo: (a, b, c, d, x, y) => (add(a, b), add(c, d), add(x, y)),
				quadraticCurveTo: (a, b, x, y) => (add(a, b), add(x, y)),
				closePath: () => {}
			},
			glyphOutline(face, g.glyphId),
			g
		);
		if (x0 === Infinity) continue;
		out.push({
			box: pageBox(node.matrix, x0, y0 + node.offsetY, x1, y1 + node.offsetY),
			char: g.char,
			size: g.size,
			color: g.color
		});
	}
	return out;
}

function pageBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
	const pts = [
		apply(m, { x: x0, y: y0 }),
		apply(m, { x: x1, y: y0 }),
		apply(m, { x: x0, y: y1 }),
		apply(m, { x: x1, y: y1 })
	];
	const xs = pts.map((p) => p.x);
	const ys = pts.map((p) => p.y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Gap between two boxes (negative when they overlap): the larger of the horizontal and vertical gaps. */
function boxGap(a: Box, b: Box): number {
	const gx = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width));
	const gy = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));
	return Math.max(gx, gy);
}

const linear = (c: number) => {
	const s = c / 255;
	return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
/** WCAG relative luminance of an sRGB colour (0..255 channels). */
export const luminance = (r: number, g: number, b: number) =>
	0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
export const contrastRatio = (l1: number, l2: number) =>
	(Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);

/** How a template element meets text (see the schema's `region`). */
export function regionOf(e: Element): 'backdrop' | 'decoration' | 'text' {
	if (e.type === 'text') return 'text';
	if (e.region) return e.region;
	return e.type === 'shape' && (e.shape === 'path' || e.shape === 'line') ? 'decoration' : 'backdrop';
}

/** Pixels of `raster` inside a page-space box, visited as [r, g, b, a]. */
function eachPixel(raster: QualityRaster, scale: number, box: Box, visit: (i: number) => void) {
	const x0 = Math.max(0, Math.floor(box.x * scale));
	const y0 = Math.max(0, Math.floor(box.y * scale));
	const x1 = Math.min(raster.width, Math.ceil((box.x + box.width) * scale));
	const y1 = Math.min(raster.height, Math.ceil((box.y + box.height) * scale));
	for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) visit((y * raster.width + x) * 4);
}

/** The glyph box shrunk by a fraction of the font size, so antialiasing at an edge does not count. */
const inset = (b: Box, d: number): Box => ({
	x: b.x + d,
	y: b.y + d,
	width: Math.max(0, b.width - 2 * d),
	height: Math.max(0, b.height - 2 * d)
});

/** Check one instantiated document of `template`. `label` names the filling in messages. */
export async function checkDocument(
	template: Template,
	doc: PosterDocument,
	deps: QualityDeps,
	label: string
): Promise<QualityProblem[]> {
	const format = doc.page.preset;
	const problems: QualityProblem[] = [];
	const report = (layer: string, code: QualityCode, text: string) =>
		problems.push({
			template: template.id,
			format,
			case: label,
			layer,
			code,
			message: `${template.id} ${format} [${label}] ${layer}: ${text}`
		});

	const preset = getPreset(format);
	const elements = new Map<string, Element>();
	if (preset)
		for (const r of resolveElements(template, preset).elements) elements.set(r.element.id, r.element);
	const values = doc.source?.values ?? {};
	// Scene nodes are leaves (groups flattened; a QR group's parts are "<id>-backdrop", "<id>-modules").
	const elementOf = (node: SceneNode): Element | undefined => {
		if (elements.has(node.id)) return elements.get(node.id);
		for (const [id, e] of elements) if (node.id.startsWith(id + '-')) return e;
		return undefined;
	};
	const scene = buildScene(doc, deps.fonts);
	const short = Math.min(scene.width, scene.height);
	const scale = RASTER_LONG_SIDE / Math.max(scene.width, scene.height);

	const texts = scene.nodes.filter((n): n is TextNode => n.kind === 'text');
	const boxes = new Map(texts.map((n) => [n, glyphBoxes(n, deps.fonts)]));

	// Text engine reports.
	for (const n of texts) {
		if (n.layout.missing.length) report(n.id, 'missing-glyphs', `no font has ${n.layout.missing.join(' ')}`);
		if (n.layout.overflow)
			report(n.id, 'text-overflow', 'the text does not fit its box even at the minimum size');
	}

	// Safe area (the roll-up's hidden bottom included), half a point of tolerance.
	const safe = mmToPt(doc.page.safeMm ?? 0);
	const bottom = scene.height - Math.max(safe, mmToPt(doc.page.hiddenBottomMm ?? 0));
	for (const n of texts) {
		const out = boxes
			.get(n)!
			.find(
				({ box: b }) =>
					b.x < safe - 0.5 ||
					b.y < safe - 0.5 ||
					b.x + b.width > scene.width - safe + 0.5 ||
					b.y + b.height > bottom + 0.5
			);
		if (out)
			report(
				n.id,
				'outside-safe-area',
				`"${out.char}" lies outside the safe area (${fmt(out.box)}; safe area ${fmt({ x: safe, y: safe, width: scene.width - 2 * safe, height: bottom - safe })})`
			);
	}

	// Text inside a pill, sticker or button (a rect or ellipse drawn under it whose box holds the
	// text's box) keeps some padding from its edges: a tag that wraps to two lines fills its pill.
	for (const n of texts) {
		const glyphs = boxes.get(n)!;
		if (!glyphs.length) continue;
		const own = pageBox(n.matrix, 0, 0, n.width, n.height);
		const below = scene.nodes.slice(0, scene.nodes.indexOf(n));
		// The nearest shape under the text whose box holds the text's box; bands across the page are not pills.
		const holder = below.reverse().find((d) => {
			if (d.kind !== 'shape' || (d.shape !== 'rect' && d.shape !== 'ellipse')) return false;
			const b = pageBox(d.matrix, 0, 0, d.width, d.height);
			const holds =
				own.x >= b.x - 0.5 &&
				own.y >= b.y - 0.5 &&
				own.x + own.width <= b.x + b.width + 0.5 &&
				own.y + own.height <= b.y + b.height + 0.5;
			return holds && b.width < 0.8 * scene.width && b.height < 0.5 * scene.height;
		});
		if (!holder) continue;
		const b = pageBox(holder.matrix, 0, 0, holder.width, holder.height);
		const tight = glyphs.find(({ box: g, size }) => {
			const [px, py] =
				n.layout.glyphs[0]?.rotation === 90 || isVertical(n)
					? [PADDING_EM.block, PADDING_EM.inline]
					: [PADDING_EM.inline, PADDING_EM.block];
			return (
				g.x < b.x + px * size ||
				g.y < b.y + py * size ||
				g.x + g.width > b.x + b.width - px * size ||
				g.y + g.height > b.y + b.height - py * size
			);
		});
		if (tight)
			report(
				n.id,
				'no-padding',
				`"${tight.char}" runs to the edge of "${holder.id}" (keep ${PADDING_EM.block} em above and below, ${PADDING_EM.inline} em at the ends)`
			);
	}

	// Text blocks keep clear of each other.
	for (let i = 0; i < texts.length; i++)
		for (let j = i + 1; j < texts.length; j++) {
			const a = texts[i];
			const b = texts[j];
			let worst: { gap: number; need: number; ca: string; cb: string } | undefined;
			for (const ga of boxes.get(a)!)
				for (const gb of boxes.get(b)!) {
					const need = TEXT_GAP_EM * Math.min(ga.size, gb.size);
					const gap = boxGap(ga.box, gb.box);
					if (gap < need && (!worst || gap - need < worst.gap - worst.need))
						worst = { gap, need, ca: ga.char, cb: gb.char };
				}
			if (worst)
				report(
					a.id,
					'text-overlap',
					worst.gap < 0
						? `"${worst.ca}" overlaps "${worst.cb}" of text "${b.id}"`
						: `"${worst.ca}" is ${worst.gap.toFixed(1)} pt from "${worst.cb}" of text "${b.id}" (needs ${worst.need.toFixed(1)} pt)`
				);
		}

	// Decorations: the ink of each one, rendered alone, must be clear under every glyph box.
	const decorations = scene.nodes.filter(
		(n) =>
			n.kind !== 'text' &&
			(() => {
				const e = elementOf(n);
				return e ? regionOf(e) === 'decoration' && elementApplies(e, values) : false;
			})()
	);
	for (const d of decorations) {
		const e = elementOf(d)!;
		const related = texts.filter((t) => {
			const te = elementOf(t);
			return !(te?.type === 'text' && te.on?.includes(e.id));
		});
		if (!related.length) continue;
		const mask = await deps.rasterize({ ...scene, background: '#00000000', nodes: [d] }, scale);
		for (const t of related) {
			const hit = boxes.get(t)!.find(({ box, size }) => {
				let covered = false;
				eachPixel(mask, scale, inset(box, 0.02 * size), (i) => {
					if (mask.data[i + 3] > 48) covered = true;
				});
				return covered;
			});
			if (hit) report(t.id, 'decoration-overlap', `"${hit.char}" touches decoration "${e.id}"`);
		}
	}

	// Contrast against what lies under the text: the scene rendered without its text.
	const under = await deps.rasterize(
		{ ...scene, nodes: scene.nodes.filter((n) => n.kind !== 'text') },
		scale
	);
	const headline = headlineField(template);
	for (const n of texts) {
		const e = elementOf(n);
		const large = (size: number) =>
			size >= LARGE_TEXT * short || (e?.type === 'text' && !!e.field && e.field === headline);
		let worst: { ratio: number; need: number; char: string } | undefined;
		const stroke = n.stroke && n.stroke.width > 0 ? n.stroke : null;
		for (const g of boxes.get(n)!) {
			const need = large(g.size) ? CONTRAST.large : CONTRAST.small;
			const fill = parseColor(g.color);
			const alpha = fill.a * n.opacity;
			// A stroke at least 1/20 em wide surrounds every glyph: the fill reads against it.
			if (stroke && stroke.width >= 0.05 * g.size) {
				const s = parseColor(stroke.color);
				const ratio = contrastRatio(luminance(fill.r, fill.g, fill.b), luminance(s.r, s.g, s.b));
				if (ratio < need && (!worst || ratio / need < worst.ratio / worst.need))
					worst = { ratio, need, char: g.char };
				continue;
			}
			const ratios: number[] = [];
			eachPixel(under, scale, g.box, (i) => {
				const [r, gg, b] = [under.data[i], under.data[i + 1], under.data[i + 2]];
				const mix = (f: number, bg: number) => f * alpha + bg * (1 - alpha);
				ratios.push(
					contrastRatio(luminance(mix(fill.r, r), mix(fill.g, gg), mix(fill.b, b)), luminance(r, gg, b))
				);
			});
			if (!ratios.length) continue;
			ratios.sort((x, y) => x - y);
			// The worst tenth of the pixels under a glyph may be darker or lighter (an edge, a speck).
			const ratio = ratios[Math.floor(ratios.length * 0.1)];
			if (ratio < need && (!worst || ratio / need < worst.ratio / worst.need))
				worst = { ratio, need, char: g.char };
		}
		if (worst)
			report(
				n.id,
				'low-contrast',
				`contrast ${worst.ratio.toFixed(2)}:1 under "${worst.char}" (needs ${worst.need}:1)`
			);
	}
	return problems;
}

/** Vertical text: its lines are columns (taller than wide). */
const isVertical = (n: TextNode) =>
	n.layout.lines.length > 0 && n.layout.lines.every((l) => l.height > l.width && l.baseline === 0);

const fmt = (b: Box) => `${b.x.toFixed(0)},${b.y.toFixed(0)} ${b.width.toFixed(0)}×${b.height.toFixed(0)} pt`;

export interface TemplateQualityOptions {
	/** Headlines tried besides the template's samples (default STRESS_HEADLINES; null: samples only). */
	headlines?: HeadlineSet | null;
	/** Only these formats (default: all the template offers). */
	formats?: readonly string[];
	/** The text measure instantiate() flows `below` text with (as the app instantiates). */
	measure?: InstantiateOptions['measure'];
	/** Loads the faces a document needs before it is checked (server font libraries load on demand). */
	prepare?(doc: PosterDocument): Promise<void>;
}

/** Every format × filling of a template, instantiated and checked. An empty list means it passes. */
export async function checkTemplate(
	template: Template,
	deps: QualityDeps,
	options: TemplateQualityOptions = {}
): Promise<QualityProblem[]> {
	const problems: QualityProblem[] = [];
	for (const c of qualityCases(
		template,
		options.headlines === undefined ? STRESS_HEADLINES : options.headlines
	)) {
		if (options.formats && !options.formats.includes(c.format)) continue;
		const result = instantiate(template, c.format, c.values, {
			locale: c.locale,
			measure: options.measure,
			id: 'quality',
			now: '2000-01-01T00:00:00.000Z'
		});
		if (!result.ok) {
			const e = result.errors[0];
			problems.push({
				template: template.id,
				format: c.format,
				case: c.label,
				layer: e.field,
				code: 'invalid-values',
				message: `${template.id} ${c.format} [${c.label}] ${e.field}: ${e.en}`
			});
			continue;
		}
		await options.prepare?.(result.document);
		problems.push(...(await checkDocument(template, result.document, deps, c.label)));
	}
	return problems;
}
