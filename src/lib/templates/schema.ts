// The template schema: fields a user fills, the formats offered, a layout that adapts to each
// format, the template's own vector artwork and palette, and the prompt recipe for the image model.
// Geometry is relative (fractions of a reference box, sizes as fractions of the page's short side)
// so one template serves an A3 sheet, an 80×200 cm roll-up and a 900×383 px cover.
// check.ts parses a template and checks the cross-references the schema alone cannot see.
import { z } from 'zod';
import { Bilingual } from './presets';

export { Bilingual };

export const CATEGORIES = {
	sale: { zh: '促销', en: 'Sale' },
	launch: { zh: '新品发布', en: 'Product launch' },
	opening: { zh: '开业', en: 'Grand opening' },
	'spring-festival': { zh: '春节', en: 'Spring Festival' },
	'mid-autumn': { zh: '中秋', en: 'Mid-Autumn' },
	concert: { zh: '演出', en: 'Concert & live' },
	exhibition: { zh: '展览', en: 'Exhibition' },
	conference: { zh: '会议讲座', en: 'Conference & lecture' },
	recruitment: { zh: '招聘', en: 'Recruitment' },
	restaurant: { zh: '餐饮', en: 'Restaurant' },
	education: { zh: '教育课程', en: 'Education' },
	'public-welfare': { zh: '公益', en: 'Public welfare' },
	ecommerce: { zh: '电商主图', en: 'E-commerce' },
	festival: { zh: '节日', en: 'Festivals' },
	'fitness-beauty': { zh: '健身美容', en: 'Fitness & beauty' },
	'real-estate': { zh: '房产', en: 'Real estate' },
	travel: { zh: '旅游', en: 'Travel' },
	other: { zh: '其他', en: 'Other' }
} as const;
export const Category = z.enum(
	Object.keys(CATEGORIES) as [keyof typeof CATEGORIES, ...(keyof typeof CATEGORIES)[]]
);
export type Category = z.infer<typeof Category>;

const Id = z
	.string()
	.regex(/^[a-z][a-z0-9_-]*$/, 'ids: lowercase letters, digits, "_" and "-", starting with a letter');
const Hex = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
/** A colour: "#RRGGBB", "#RRGGBBAA", or "@name" for a palette entry (so a palette swap recolours everything). */
export const ColorRef = z
	.string()
	.refine(
		(s) => Hex.test(s) || /^@[a-zA-Z][\w-]*$/.test(s),
		'colour must be #RRGGBB, #RRGGBBAA or @paletteName'
	);
export const PaintRef = z.discriminatedUnion('type', [
	z.object({ type: z.literal('solid'), color: ColorRef }),
	/** angle in degrees, 0 = left→right, 90 = top→bottom (as in the document). */
	z.object({
		type: z.literal('linear'),
		angle: z.number(),
		stops: z.array(z.object({ offset: z.number().min(0).max(1), color: ColorRef })).min(2)
	})
]);

export type PaintRef = z.infer<typeof PaintRef>;

export const Field = z.object({
	id: Id,
	kind: z.enum(['text', 'date', 'price', 'image', 'qr']),
	label: Bilingual,
	/** zh: must contain Chinese characters; en: must contain none; any: no check. */
	language: z.enum(['zh', 'en', 'any']).default('any'),
	required: z.boolean().default(false),
	/** In characters (Unicode code points). */
	maxLength: z.number().int().positive().optional(),
	/** Sample values shown in the form and gallery; `long` is a long headline that forces fitting. */
	sample: z.object({
		zh: z.string(),
		en: z.string(),
		long: z.object({ zh: z.string(), en: z.string() }).optional()
	}),
	/** Text fields: typeset by Haibao (layer) or drawn by the image model (model). */
	mode: z.enum(['layer', 'model']).default('layer'),
	multiline: z.boolean().default(false),
	/** Price fields: symbol shown before the number. */
	currency: z.string().max(3).default('¥'),
	/** Date fields: long = 2025年10月1日 / October 1, 2025; dots = 2025.10.01. */
	dateStyle: z.enum(['long', 'dots']).default('long')
});
export type Field = z.infer<typeof Field>;

/**
 * A box in fractions of a reference box: bleed (trim + bleed), page (trim), safe (trim minus the
 * safe margin and a roll-up's hidden bottom), content (safe area minus the template margin).
 * Fractions may leave 0..1 (artwork running off the page). With `aspect` (width/height) the element
 * keeps its proportions: it is fitted inside the box and placed by `align` (0 = left/top, 1 = right/bottom).
 */
export const Box = z.object({
	ref: z.enum(['bleed', 'page', 'safe', 'content']).default('content'),
	x: z.number().min(-2).max(3),
	y: z.number().min(-2).max(3),
	w: z.number().min(0).max(5),
	h: z.number().min(0).max(5),
	aspect: z.number().positive().optional(),
	align: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.5, 0.5])
});
export type Box = z.infer<typeof Box>;
const BoxOverride = z.object({
	ref: z.enum(['bleed', 'page', 'safe', 'content']).optional(),
	x: z.number().min(-2).max(3).optional(),
	y: z.number().min(-2).max(3).optional(),
	w: z.number().min(0).max(5).optional(),
	h: z.number().min(0).max(5).optional(),
	aspect: z.number().positive().optional(),
	align: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).optional()
});

// Text style keys with their defaults; overrides use the same keys with no defaults, so an
// override never resets a key it does not name.
const textStyleKeys = {
	family: z.string().min(1),
	weight: z.number().int().min(100).max(1000),
	/** Used instead when the value has no Chinese characters (e.g. a brush face → a Latin display face). */
	latinFamily: z.string().min(1),
	latinWeight: z.number().int().min(100).max(1000),
	/** Font size as a fraction of the page's short side (or its height/width, see sizeRef). */
	size: z.number().positive().max(1),
	sizeRef: z.enum(['short', 'height', 'width']),
	/** Fitting may shrink down to size × minScale. */
	minScale: z.number().positive().max(1),
	color: ColorRef,
	align: z.enum(['start', 'center', 'end', 'justify']),
	verticalAlign: z.enum(['top', 'middle', 'bottom']),
	vertical: z.boolean(),
	letterSpacing: z.number().min(-0.5).max(2),
	lineHeight: z.number().positive().max(4),
	uppercase: z.boolean(),
	/** Stroke width and shadow distances in em (fractions of the font size). */
	stroke: z.object({ color: ColorRef, width: z.number().min(0).max(0.5) }),
	shadow: z.object({ color: ColorRef, blur: z.number().min(0).max(2), x: z.number(), y: z.number() }),
	/** Price fields: size of the currency symbol relative to the digits. */
	currencyScale: z.number().positive().max(1)
};
const k = textStyleKeys;
export const TextStyle = z.object({
	...k,
	weight: k.weight.default(400),
	latinFamily: k.latinFamily.optional(),
	latinWeight: k.latinWeight.optional(),
	sizeRef: k.sizeRef.default('short'),
	minScale: k.minScale.default(0.35),
	align: k.align.default('start'),
	verticalAlign: k.verticalAlign.default('top'),
	vertical: k.vertical.default(false),
	letterSpacing: k.letterSpacing.default(0),
	lineHeight: k.lineHeight.default(1.2),
	uppercase: k.uppercase.default(false),
	stroke: k.stroke.optional(),
	shadow: k.shadow.optional(),
	currencyScale: k.currencyScale.default(0.5)
});
const TextStyleOverride = z.object(
	Object.fromEntries(Object.entries(textStyleKeys).map(([key, v]) => [key, v.optional()])) as {
		[K in keyof typeof textStyleKeys]: z.ZodOptional<(typeof textStyleKeys)[K]>;
	}
);
export type TextStyle = z.infer<typeof TextStyle>;

const elementBase = {
	id: Id,
	box: Box,
	rotation: z.number().default(0),
	opacity: z.number().min(0).max(1).default(1),
	/** Hidden elements are left out (an override can bring them back for some formats). */
	hidden: z.boolean().default(false),
	/** Left out when this field is empty (e.g. the badge behind an optional price). */
	requires: Id.optional(),
	/**
	 * Used only when the value of its field (or of `requires`) is Chinese (han: has Chinese
	 * characters) or not (latin): e.g. a vertical brush headline for Chinese, a horizontal one for English.
	 */
	script: z.enum(['han', 'latin']).optional(),
	/**
	 * How text may meet this shape or image: "backdrop" (text may lie on it: backgrounds, panels,
	 * photos, pills) or "decoration" (no text glyph may touch its painted ink, except text that names
	 * it in `on`). Default: path and line shapes are decorations; rects, ellipses and images backdrops.
	 * Checked by `haibao templates check` (src/lib/render/quality.ts).
	 */
	region: z.enum(['backdrop', 'decoration']).optional()
};

export const ShapeElement = z.object({
	...elementBase,
	type: z.literal('shape'),
	shape: z.enum(['rect', 'ellipse', 'line', 'path']),
	path: z.string().optional(),
	viewBox: z.object({ width: z.number().positive(), height: z.number().positive() }).optional(),
	fill: PaintRef.optional(),
	/** Stroke width as a fraction of the page's short side. */
	stroke: z
		.object({
			color: ColorRef,
			width: z.number().min(0).max(0.2),
			dash: z.array(z.number().min(0)).optional()
		})
		.optional(),
	/** Fraction of the page's short side. */
	cornerRadius: z.number().min(0).max(0.5).default(0)
});

export const TextElement = z.object({
	...elementBase,
	type: z.literal('text'),
	/** The field whose value fills it; or fixed `text` (decorative lines such as "GRAND OPENING"). */
	field: Id.optional(),
	text: Bilingual.optional(),
	style: TextStyle,
	/** Decorations this text is designed to sit on (a price on its sticker, a label on its badge). */
	on: z.array(Id).optional(),
	/**
	 * Placed below another text element's laid-out text (its real last line, not its box), `gap`
	 * (fraction of the page's short side) under it; the box keeps its bottom edge, so it gets shorter
	 * when the text above runs long (and its own text shrinks to fit). Needs fonts at instantiate time.
	 */
	below: z.object({ id: Id, gap: z.number().min(0).max(0.5).default(0.02) }).optional()
});

export const ImageElement = z.object({
	...elementBase,
	type: z.literal('image'),
	/** The image slot the generated image fills. */
	slot: Id.optional(),
	/** Or an image/qr field (an uploaded logo or photo, a QR code). */
	field: Id.optional(),
	fit: z.enum(['cover', 'contain', 'stretch']).default('cover'),
	/** Fraction of the frame's own short side (0.5 = a circle or pill). */
	cornerRadius: z.number().min(0).max(0.5).default(0),
	/** What the empty frame shows until an image arrives. */
	placeholder: PaintRef
});

export const Element = z.discriminatedUnion('type', [ShapeElement, TextElement, ImageElement]);
export type ShapeElement = z.infer<typeof ShapeElement>;
export type TextElement = z.infer<typeof TextElement>;
export type ImageElement = z.infer<typeof ImageElement>;
export type Element = z.infer<typeof Element>;

/** Per-format change to one element: box and style merge key by key, the rest replaces. */
export const ElementOverride = z.object({
	box: BoxOverride.optional(),
	style: TextStyleOverride.optional(),
	rotation: z.number().optional(),
	opacity: z.number().min(0).max(1).optional(),
	hidden: z.boolean().optional(),
	fill: PaintRef.optional(),
	path: z.string().optional(),
	viewBox: z.object({ width: z.number().positive(), height: z.number().positive() }).optional()
});
export type ElementOverride = z.infer<typeof ElementOverride>;

/** Layers that belong together (a price and its sticker, a badge and its label): one group layer in the document. */
export const ElementGroup = z.object({
	id: Id,
	name: Bilingual,
	/** Element ids, adjacent in `elements` (the group takes their place in the stacking order). */
	members: z.array(Id).min(2)
});
export type ElementGroup = z.infer<typeof ElementGroup>;

export const Layout = z.object({
	/** Template margin inside the trim, as a fraction of the short side (never less than the preset's safe margin). */
	margin: z.number().min(0).max(0.3).default(0.06),
	/** Bottom to top. */
	elements: z.array(Element).min(1),
	/**
	 * Keyed by aspect class (tall, portrait, square, landscape, wide) or preset id, then element id.
	 * The aspect class applies first, then the preset id.
	 */
	overrides: z.record(z.string(), z.record(z.string(), ElementOverride)).default({}),
	groups: z.array(ElementGroup).default([])
});
export type Layout = z.infer<typeof Layout>;

export const ImageSlot = z.object({
	id: Id,
	/** background: full-bleed backdrop; hero: the main subject; framed: a photo in a frame; texture: a pattern. */
	role: z.enum(['background', 'hero', 'framed', 'texture'])
});
export type ImageSlot = z.infer<typeof ImageSlot>;

export const PromptRecipe = z.object({
	/** The slot the generated image fills; its box per format decides the generation size and the calm areas. */
	slot: Id,
	/** Subject, setting, light, lens, style — concrete. */
	scene: Bilingual,
	/** Where the subject sits (so cropping keeps it) and the overall arrangement. */
	composition: Bilingual,
	/** What must not appear when Haibao typesets the text (no letters, no watermark…). */
	avoid: Bilingual
});
export type PromptRecipe = z.infer<typeof PromptRecipe>;

export const Template = z.object({
	schemaVersion: z.literal(1).default(1),
	id: Id,
	name: Bilingual,
	description: Bilingual.optional(),
	category: Category,
	tags: z.array(z.string().min(1)).default([]),
	fields: z.array(Field).min(1),
	/** Preset ids; the first is the default. */
	formats: z.array(z.string()).min(1),
	/** Named colours; "background" is the page colour. */
	palette: z.record(
		z.string().regex(/^[a-zA-Z][\w-]*$/),
		z.string().regex(Hex, 'palette colours must be #RRGGBB or #RRGGBBAA')
	),
	/** Font families (names as in fonts/manifest.json) and the weights the template uses. */
	fonts: z.array(z.object({ family: z.string().min(1), weights: z.array(z.number().int()).min(1) })).min(1),
	slots: z.array(ImageSlot).default([]),
	layout: Layout,
	prompt: PromptRecipe.optional()
});
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;
