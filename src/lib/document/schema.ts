// The poster document: plain, readonly, versioned data. Geometry in pt, colours sRGB hex.
// Behaviour lives elsewhere (operations.ts, history.ts); migrations.ts upgrades older versions.
import { z } from 'zod';
import {
	ID_PATTERN,
	MAX_BLEED_MM,
	MAX_COORD_PT,
	MAX_FIELD_CHARS,
	MAX_FONT_PT,
	MAX_MARGIN_MM,
	MAX_DOCUMENT_SEGMENTS,
	MAX_PATH_CHARS,
	MAX_PATH_SEGMENTS,
	pathTooComplex,
	MAX_TEXT_CHARS,
	MAX_TEXT_RUNS,
	dpiProblem,
	pageSizeProblem,
	textTooLong,
	type Bilingual
} from './limits';
import { pathSegments } from './svg-complexity';

export const SCHEMA_VERSION = 1;

/** Texts up to this many characters are treated as headlines (phrase breaks by default). */
export const HEADLINE_MAX_CHARS = 40;

/** A limit's refusal as a zod issue: English message, Chinese in params.zh (see migrations.ts). */
function refuse(ctx: z.RefinementCtx, problem: Bilingual, path?: PropertyKey[]) {
	ctx.addIssue({ code: 'custom', message: problem.en, params: { zh: problem.zh }, path });
}

const coord = () => z.number().min(-MAX_COORD_PT).max(MAX_COORD_PT);
const extent = () => z.number().min(0).max(MAX_COORD_PT);
const fontSize = () => z.number().positive().max(MAX_FONT_PT);

export const Color = z
	.string()
	.regex(/^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'colour must be #RRGGBB or #RRGGBBAA');

export const GradientStop = z.object({ offset: z.number().min(0).max(1), color: Color });
export const Paint = z.discriminatedUnion('type', [
	z.object({ type: z.literal('solid'), color: Color }),
	/** Linear gradient across the layer box; angle in degrees, 0 = left→right, 90 = top→bottom. */
	z.object({ type: z.literal('linear'), angle: z.number(), stops: z.array(GradientStop).min(2) })
]);

export const Stroke = z.object({
	color: Color,
	width: extent(),
	dash: z.array(extent()).max(64).optional()
});

export const Shadow = z.object({
	color: Color,
	blur: extent(),
	offsetX: coord(),
	offsetY: coord()
});

const layerBase = {
	id: z.string().min(1),
	name: z.string(),
	/** Top-left of the unrotated box in the parent's coordinates (the page, or the group's box). */
	x: coord(),
	y: coord(),
	width: extent(),
	height: extent(),
	/** Degrees clockwise about the box centre. */
	rotation: z.number().default(0),
	opacity: z.number().min(0).max(1).default(1),
	locked: z.boolean().default(false),
	hidden: z.boolean().default(false)
};

export const TextRun = z.object({
	text: z.string(),
	family: z.string().min(1),
	weight: z.number().int().min(100).max(1000).default(400),
	italic: z.boolean().default(false),
	/** pt */
	size: fontSize(),
	color: Color
});

export const TextFit = z.object({
	/** none: fixed size (overflow reported); shrink: down to minSize; grow: shrink or grow between min and max. */
	mode: z.enum(['none', 'shrink', 'grow']).default('none'),
	minSize: fontSize().default(6),
	maxSize: fontSize().default(400)
});

export const TextLayer = z.object({
	...layerBase,
	type: z.literal('text'),
	runs: z
		.array(TextRun)
		.min(1)
		.max(MAX_TEXT_RUNS)
		.superRefine((runs, ctx) => {
			const chars = runs.reduce((n, r) => n + r.text.length, 0);
			if (chars > MAX_TEXT_CHARS) refuse(ctx, textTooLong(chars));
		}),
	align: z.enum(['start', 'center', 'end', 'justify']).default('start'),
	verticalAlign: z.enum(['top', 'middle', 'bottom']).default('top'),
	vertical: z.boolean().default(false),
	/** In em (0.1 = a tenth of the font size), added after every character. */
	letterSpacing: z.number().min(-10).max(100).default(0),
	/** Multiple of the font size. */
	lineHeight: z.number().positive().max(100).default(1.2),
	stroke: Stroke.nullable().default(null),
	shadow: Shadow.nullable().default(null),
	fit: TextFit.default({ mode: 'none', minSize: 6, maxSize: 400 }),
	/**
	 * Prefer breaking Han text between phrases (BudouX), as designers set headlines. Unset: on for
	 * short texts (headlines, up to HEADLINE_MAX_CHARS), off for body text, which breaks anywhere.
	 */
	phraseBreaks: z.boolean().optional(),
	/** The template field whose value fills this layer, if any. */
	field: z.string().nullable().default(null)
});

export const ImageCrop = z.object({
	/** Fractions of the source image (0..1). */
	x: z.number().min(0).max(1),
	y: z.number().min(0).max(1),
	width: z.number().gt(0).max(1),
	height: z.number().gt(0).max(1)
});

export const ImageFilters = z.object({
	/** 1 = unchanged. */
	brightness: z.number().min(0).max(3).default(1),
	contrast: z.number().min(0).max(3).default(1),
	saturation: z.number().min(0).max(3).default(1),
	/** Blur radius in pt. */
	blur: z.number().min(0).max(100).default(0)
});

export const Generation = z.object({
	backend: z.string(),
	model: z.string(),
	prompt: z.string(),
	seed: z.number().int(),
	steps: z.number().int().positive(),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
	jobId: z.string().optional(),
	/** Earlier assets of this layer, newest last, so a regeneration can be undone from the UI. */
	previousAssetIds: z.array(z.string()).default([])
});

export const ImageLayer = z.object({
	...layerBase,
	type: z.literal('image'),
	/** null: an empty frame (drawn with `placeholder`) waiting for an upload or a generation. */
	assetId: z.string().nullable(),
	crop: ImageCrop.nullable().default(null),
	/** cover: fill the box and crop; contain: fit inside; stretch: ignore aspect. */
	fit: z.enum(['cover', 'contain', 'stretch']).default('cover'),
	filters: ImageFilters.default({ brightness: 1, contrast: 1, saturation: 1, blur: 0 }),
	flipX: z.boolean().default(false),
	flipY: z.boolean().default(false),
	cornerRadius: extent().default(0),
	placeholder: Paint.nullable().default(null),
	generation: Generation.nullable().default(null),
	field: z.string().nullable().default(null)
});

export const ShapeLayer = z.object({
	...layerBase,
	type: z.literal('shape'),
	shape: z.enum(['rect', 'ellipse', 'line', 'path']),
	/** SVG path data in the layer's local box coordinates (shape "path"); for "line": from (0,0) to (width,height). */
	path: z
		.string()
		.max(MAX_PATH_CHARS, `path data too long; at most ${MAX_PATH_CHARS.toLocaleString('en-US')} characters`)
		.superRefine((d, ctx) => {
			const segments = pathSegments(d);
			if (segments > MAX_PATH_SEGMENTS) refuse(ctx, pathTooComplex(segments, 'layer'));
		})
		.nullable()
		.default(null),
	/** Size of the coordinate system `path` was drawn in; it is scaled to the layer box. */
	viewBox: z.object({ width: z.number().positive(), height: z.number().positive() }).nullable().default(null),
	fill: Paint.nullable().default(null),
	stroke: Stroke.nullable().default(null),
	cornerRadius: extent().default(0),
	/** The template field this artwork draws (a QR code's modules), if any. */
	field: z.string().nullable().optional()
});

export type TextLayer = z.infer<typeof TextLayer>;
export type ImageLayer = z.infer<typeof ImageLayer>;
export type ShapeLayer = z.infer<typeof ShapeLayer>;
export type GroupLayer = z.infer<typeof groupBase> & { readonly children: readonly Layer[] };
export type Layer = TextLayer | ImageLayer | ShapeLayer | GroupLayer;

const groupBase = z.object({ ...layerBase, type: z.literal('group') });
/** Children's coordinates are relative to the group's box origin. */
export const GroupLayer: z.ZodType<GroupLayer> = groupBase.extend({
	children: z.lazy(() => z.array(Layer))
}) as unknown as z.ZodType<GroupLayer>;

export const Layer: z.ZodType<Layer> = z.lazy(() =>
	z.discriminatedUnion('type', [TextLayer, ImageLayer, ShapeLayer, GroupLayer as never])
) as unknown as z.ZodType<Layer>;

export const Page = z
	.object({
		/** Format preset id (see templates/presets), or "custom". */
		preset: z.string().min(1),
		/** Trim size in pt; with bleed and crop marks the PDF page must fit PDF_MAX_PAGE_PT. */
		width: z.number().positive(),
		height: z.number().positive(),
		bleedMm: z.number().min(0).max(MAX_BLEED_MM).default(0),
		safeMm: z.number().min(0).max(MAX_MARGIN_MM).default(0),
		/** Extra margin kept free at the bottom (roll-up stands hide ~30 cm), in mm. */
		hiddenBottomMm: z.number().min(0).max(MAX_MARGIN_MM).default(0),
		/** Target resolution at final size. */
		dpi: z.number().default(300),
		background: Color.default('#FFFFFF')
	})
	.superRefine((page, ctx) => {
		const problem = pageSizeProblem(page.width, page.height, page.bleedMm);
		if (problem) refuse(ctx, problem, [page.width >= page.height ? 'width' : 'height']);
		const dpi = dpiProblem(page.dpi);
		if (dpi) refuse(ctx, dpi, ['dpi']);
	});

export const PosterDocument = z
	.object({
		schemaVersion: z.literal(SCHEMA_VERSION),
		id: z.string().regex(ID_PATTERN, 'id: lowercase letters, digits, _ and -, at most 64 characters'),
		title: z.string(),
		page: Page,
		/** Bottom to top. */
		layers: z.array(Layer),
		/** Where the document came from, so it can be laid out again on another format. */
		source: z
			.object({
				templateId: z.string(),
				formatId: z.string(),
				values: z.record(z.string(), z.string().max(MAX_FIELD_CHARS)),
				locale: z.enum(['zh', 'en']).default('zh')
			})
			.nullable()
			.default(null),
		createdAt: z.string(),
		updatedAt: z.string()
	})
	.superRefine((doc, ctx) => {
		// Many paths, each within bounds, can still add up to minutes of drawing.
		let segments = 0;
		const stack: (readonly Layer[])[] = [doc.layers];
		while (stack.length)
			for (const layer of stack.pop()!) {
				if (layer.type === 'group') stack.push(layer.children);
				else if (layer.type === 'shape' && layer.path) segments += pathSegments(layer.path);
			}
		if (segments > MAX_DOCUMENT_SEGMENTS) refuse(ctx, pathTooComplex(segments, 'document'), ['layers']);
	});

export type Paint = z.infer<typeof Paint>;
export type Stroke = z.infer<typeof Stroke>;
export type Shadow = z.infer<typeof Shadow>;
export type TextRun = z.infer<typeof TextRun>;
export type TextFit = z.infer<typeof TextFit>;
export type ImageFilters = z.infer<typeof ImageFilters>;
export type ImageCrop = z.infer<typeof ImageCrop>;
export type Generation = z.infer<typeof Generation>;
export type Page = z.infer<typeof Page>;
export type PosterDocument = z.infer<typeof PosterDocument>;
export type LayerType = Layer['type'];
