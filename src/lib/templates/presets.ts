// Format presets as data (sizes and print habits from reference/print.md), plus custom sizes.
// Print presets hold sizes in mm; screen presets in px, which are pt at 72 dpi (DESIGN.md "Units").
import { z } from 'zod';
import { mmToPt } from '../geometry';
import { MAX_BLEED_MM, MAX_CUSTOM_MM, MAX_CUSTOM_PX, MAX_DPI, pageSizeProblem } from '../document/limits';

export const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof Bilingual>;

export interface GenerationSize {
	width: number;
	height: number;
}

export const FormatPreset = z.object({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'preset id: lowercase letters, digits and "-"'),
	name: Bilingual,
	kind: z.enum(['print', 'screen']),
	/** Unit of width/height: print sizes in mm, screen sizes in px (= pt). */
	unit: z.enum(['mm', 'px']),
	width: z.number().positive(),
	height: z.number().positive(),
	bleedMm: z.number().min(0),
	safeMm: z.number().min(0),
	/** Bottom strip hidden by a roll-up stand, kept free of content. */
	hiddenBottomMm: z.number().min(0).default(0),
	/** Target resolution at final size (72 for screen formats). */
	dpi: z.number().positive(),
	/** Recommended Z-Image-Turbo size for a full-page image (closest aspect, smallest tier). */
	generation: z.object({ width: z.number().int(), height: z.number().int() }),
	note: Bilingual.optional()
});
export type FormatPreset = z.infer<typeof FormatPreset>;

/** Recommended Z-Image-Turbo sizes (reference/zimage-turbo.md), three tiers; transposes are allowed too. */
export const ZIMAGE_SIZES: readonly (readonly [number, number])[][] = [
	[
		[1024, 1024],
		[1152, 896],
		[1152, 864],
		[1248, 832],
		[1280, 720],
		[1344, 576]
	],
	[
		[1280, 1280],
		[1440, 1120],
		[1472, 1104],
		[1536, 1024],
		[1536, 864],
		[1680, 720]
	],
	[
		[1536, 1536],
		[1728, 1344],
		[1728, 1296],
		[1872, 1248],
		[2048, 1152],
		[2016, 864]
	]
];

/**
 * The recommended size whose aspect (width/height) is closest to `aspect`, compared in log space so
 * 2:1 and 1:2 are equally far from 1:1. `tier` 0 is ~1 MP (fastest), 1 ~1.6 MP, 2 ~2.4 MP.
 */
export function recommendedGenerationSize(aspect: number, tier: 0 | 1 | 2 = 0): GenerationSize {
	let best: GenerationSize = { width: 1024, height: 1024 };
	let bestDistance = Infinity;
	for (const [w, h] of ZIMAGE_SIZES[tier]) {
		for (const [width, height] of [
			[w, h],
			[h, w]
		]) {
			const distance = Math.abs(Math.log(width / height) - Math.log(aspect));
			if (distance < bestDistance - 1e-9) {
				best = { width, height };
				bestDistance = distance;
			}
		}
	}
	return best;
}

type PresetInput = Omit<FormatPreset, 'generation' | 'hiddenBottomMm'> & { hiddenBottomMm?: number };
const preset = (p: PresetInput): FormatPreset =>
	FormatPreset.parse({ ...p, generation: recommendedGenerationSize(p.width / p.height) });

const paper = (id: string, zh: string, en: string, width: number, height: number, dpi: number) =>
	preset({ id, name: { zh, en }, kind: 'print', unit: 'mm', width, height, bleedMm: 3, safeMm: 5, dpi });
const screen = (id: string, zh: string, en: string, width: number, height: number, note?: Bilingual) =>
	preset({
		id,
		name: { zh, en },
		kind: 'screen',
		unit: 'px',
		width,
		height,
		bleedMm: 0,
		safeMm: 0,
		dpi: 72,
		note
	});

export const PRESETS: readonly FormatPreset[] = [
	paper('a4', 'A4 海报 / 单页', 'A4 poster / flyer', 210, 297, 300),
	paper('a3', 'A3 海报', 'A3 poster', 297, 420, 300),
	paper('a2', 'A2 海报', 'A2 poster', 420, 594, 200),
	paper('a1', 'A1 海报', 'A1 poster', 594, 841, 150),
	preset({
		id: 'rollup-80x200',
		name: { zh: '易拉宝 80×200 cm', en: 'Roll-up banner 80×200 cm' },
		kind: 'print',
		unit: 'mm',
		width: 800,
		height: 2000,
		bleedMm: 10,
		safeMm: 30,
		hiddenBottomMm: 300,
		dpi: 150,
		note: {
			zh: '底部约 30 cm 被底座遮挡，不放重要内容',
			en: 'The stand hides the bottom ~30 cm: keep content out of it'
		}
	}),
	preset({
		id: 'xbanner-60x160',
		name: { zh: 'X展架 60×160 cm', en: 'X-banner 60×160 cm' },
		kind: 'print',
		unit: 'mm',
		width: 600,
		height: 1600,
		bleedMm: 10,
		safeMm: 30,
		dpi: 150,
		note: { zh: '四角有挂孔，内容避开角落', en: 'Eyelets in the corners: keep content clear of them' }
	}),
	preset({
		id: 'banner-300x70',
		name: { zh: '横幅 300×70 cm', en: 'Cloth banner 300×70 cm' },
		kind: 'print',
		unit: 'mm',
		width: 3000,
		height: 700,
		bleedMm: 50,
		safeMm: 50,
		dpi: 100,
		note: { zh: '四边锁边，安全边距 5 cm', en: 'Hemmed edges: 50 mm safe margin' }
	}),
	preset({
		id: 'display-90x120',
		name: { zh: '展板 90×120 cm', en: 'Display board 90×120 cm' },
		kind: 'print',
		unit: 'mm',
		width: 900,
		height: 1200,
		bleedMm: 5,
		safeMm: 15,
		dpi: 150
	}),
	screen('xhs-1242x1660', '小红书封面 3:4', 'Xiaohongshu cover 3:4', 1242, 1660),
	screen('wechat-900x383', '公众号封面 2.35:1', 'WeChat article cover 2.35:1', 900, 383, {
		zh: '分享时显示中间 1:1 区域，标题放在中间',
		en: 'Shares show the 1:1 centre crop: keep the title in the middle'
	}),
	screen('square-1080', '朋友圈方图 1:1', 'Square post 1:1', 1080, 1080),
	screen('screen-1920x1080', '横屏 16:9', 'Screen / slide 16:9', 1920, 1080)
];

const byId = new Map(PRESETS.map((p) => [p.id, p]));

export function getPreset(id: string): FormatPreset | undefined {
	return byId.get(id) ?? parseCustomPresetId(id);
}

/** Trim size in pt. */
export function presetSizePt(p: FormatPreset): { width: number; height: number } {
	return p.unit === 'mm'
		? { width: mmToPt(p.width), height: mmToPt(p.height) }
		: { width: p.width, height: p.height };
}

/**
 * Shape family of a format, used by templates for overrides: tall (roll-ups, h/w ≥ 2), portrait,
 * square, landscape, wide (w/h ≥ 2: 公众号 covers, cloth banners).
 */
export type AspectClass = 'tall' | 'portrait' | 'square' | 'landscape' | 'wide';
export const ASPECT_CLASSES: readonly AspectClass[] = ['tall', 'portrait', 'square', 'landscape', 'wide'];
export function aspectClass(width: number, height: number): AspectClass {
	const r = width / height;
	if (r <= 0.5) return 'tall';
	if (r < 0.87) return 'portrait';
	if (r <= 1.15) return 'square';
	if (r < 2) return 'landscape';
	return 'wide';
}

export const CustomPresetInput = z
	.object({
		widthMm: z.number().min(10).max(MAX_CUSTOM_MM).optional(),
		heightMm: z.number().min(10).max(MAX_CUSTOM_MM).optional(),
		widthPx: z.number().int().min(64).max(MAX_CUSTOM_PX).optional(),
		heightPx: z.number().int().min(64).max(MAX_CUSTOM_PX).optional(),
		name: Bilingual.optional(),
		bleedMm: z.number().min(0).max(MAX_BLEED_MM).optional(),
		safeMm: z.number().min(0).max(500).optional(),
		hiddenBottomMm: z.number().min(0).max(1000).optional(),
		dpi: z.number().min(30).max(MAX_DPI).optional()
	})
	.refine(
		(v) =>
			(v.widthMm !== undefined && v.heightMm !== undefined) !==
			(v.widthPx !== undefined && v.heightPx !== undefined),
		{
			message: 'give either widthMm and heightMm (print) or widthPx and heightPx (screen)'
		}
	)
	.superRefine((v, ctx) => {
		// A wide bleed leaves less room on the PDF page (see limits.ts).
		if (v.widthMm === undefined || v.heightMm === undefined || v.bleedMm === undefined) return;
		const problem = pageSizeProblem(mmToPt(v.widthMm), mmToPt(v.heightMm), v.bleedMm);
		if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { zh: problem.zh } });
	});
export type CustomPresetInput = z.input<typeof CustomPresetInput>;

/**
 * A user-defined size. Print sizes get sheet habits scaled to their size (bleed 3 mm and safe 5 mm
 * on sheets up to A1, banner habits above 1 m); the id encodes the size, e.g. "custom-500x900mm".
 */
export function customPreset(input: CustomPresetInput): FormatPreset {
	const v = CustomPresetInput.parse(input);
	if (v.widthPx !== undefined && v.heightPx !== undefined) {
		const [w, h] = [v.widthPx, v.heightPx];
		return preset({
			id: `custom-${w}x${h}px`,
			name: v.name ?? { zh: `自定义 ${w}×${h} px`, en: `Custom ${w}×${h} px` },
			kind: 'screen',
			unit: 'px',
			width: w,
			height: h,
			bleedMm: v.bleedMm ?? 0,
			safeMm: v.safeMm ?? 0,
			hiddenBottomMm: v.hiddenBottomMm ?? 0,
			dpi: v.dpi ?? 72
		});
	}
	const [w, h] = [round1(v.widthMm!), round1(v.heightMm!)];
	const large = Math.max(w, h) > 1000;
	return preset({
		id: `custom-${w}x${h}mm`,
		name: v.name ?? { zh: `自定义 ${w}×${h} mm`, en: `Custom ${w}×${h} mm` },
		kind: 'print',
		unit: 'mm',
		width: w,
		height: h,
		bleedMm: v.bleedMm ?? (large ? 10 : 3),
		safeMm: v.safeMm ?? (large ? 30 : 5),
		hiddenBottomMm: v.hiddenBottomMm ?? 0,
		dpi: v.dpi ?? (large ? 150 : 300)
	});
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** "custom-500x900mm" / "custom-1200x800px" → a preset with default habits (saved names live in SQLite). */
function parseCustomPresetId(id: string): FormatPreset | undefined {
	const m = /^custom-(\d+(?:\.\d)?)x(\d+(?:\.\d)?)(mm|px)$/.exec(id);
	if (!m) return undefined;
	const [w, h] = [Number(m[1]), Number(m[2])];
	const parsed = CustomPresetInput.safeParse(
		m[3] === 'mm' ? { widthMm: w, heightMm: h } : { widthPx: w, heightPx: h }
	);
	return parsed.success ? customPreset(parsed.data) : undefined;
}
