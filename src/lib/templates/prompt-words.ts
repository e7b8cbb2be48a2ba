// Plain words for geometry, colours and type in prompts, in Chinese and English: "the upper third",
// "画面左下方", "heavy bold sans-serif", "中国红". The model understands plain description best.
import type { Locale } from './values';

/** A region of the generated image in fractions (0..1); vh = the visible share of its height. */
export interface Frac {
	x0: number;
	x1: number;
	y0: number;
	y1: number;
	vh: number;
}

// Fractions a person names, smallest first.
const PARTS: [number, string, string][] = [
	[1 / 5, 'fifth', '五分之一'],
	[1 / 4, 'quarter', '四分之一'],
	[1 / 3, 'third', '三分之一'],
	[2 / 5, 'two fifths', '五分之二'],
	[1 / 2, 'half', '一半'],
	[3 / 5, 'three fifths', '五分之三'],
	[2 / 3, 'two thirds', '三分之二'],
	[3 / 4, 'three quarters', '四分之三']
];
/** The smallest named fraction covering `extent` (with a little tolerance), or undefined above 3/4. */
const part = (extent: number) => PARTS.find(([f]) => extent <= f + 0.02);
const percent = (v: number) => `${Math.round(v * 100)}%`;

function vertical(f: Frac, locale: Locale): string | null {
	const zh = locale === 'zh';
	if (f.y0 <= 0.12 && f.y1 >= 0.88) return null;
	// Templates keep a 6–9% margin, so text "at the top" starts a little below the edge.
	if (f.y0 <= 0.12) {
		const p = part(f.y1);
		if (p) return zh ? (p[0] === 0.5 ? '上半部分' : `上方${p[2]}`) : `the upper ${p[1]}`;
	}
	if (f.y1 >= 0.88) {
		const p = part(1 - f.y0);
		if (p) return zh ? (p[0] === 0.5 ? '下半部分' : `下方${p[2]}`) : `the lower ${p[1]}`;
	}
	return zh
		? `高度 ${percent(f.y0)} 到 ${percent(f.y1)} 之间的横向区域`
		: `the horizontal band from ${percent(f.y0)} to ${percent(f.y1)} of the height`;
}

function horizontal(f: Frac, locale: Locale): string | null {
	const zh = locale === 'zh';
	if (f.x1 - f.x0 >= 0.7) return null;
	if (f.x0 <= 0.12) {
		const p = part(f.x1);
		if (p) return zh ? (p[0] === 0.5 ? '左半边' : `左侧${p[2]}`) : `the left ${p[1]}`;
	}
	if (f.x1 >= 0.88) {
		const p = part(1 - f.x0);
		if (p) return zh ? (p[0] === 0.5 ? '右半边' : `右侧${p[2]}`) : `the right ${p[1]}`;
	}
	return zh ? '中间部分' : 'the central part';
}

/** "the upper third of the image", "画面上方三分之一的左半边"… */
export function describeRegion(f: Frac, locale: Locale): string {
	const v = vertical(f, locale);
	const h = horizontal(f, locale);
	if (locale === 'zh') {
		if (v && h) return `画面${v}的${h}`;
		return `画面${v ?? h ?? '整体'}`;
	}
	if (v && h) return `${h} of ${v} of the image`;
	if (v || h) return `${v ?? h} of the image`;
	return 'the whole image';
}

/** Where a text sits: "At the top centre of the image" / "画面顶部居中". */
export function placeName(f: Frac, locale: Locale): string {
	const cy = (f.y0 + f.y1) / 2;
	const cx = (f.x0 + f.x1) / 2;
	const row = cy < 0.36 ? 0 : cy > 0.64 ? 2 : 1;
	const col = cx < 0.36 ? 0 : cx > 0.64 ? 2 : 1;
	const zh = [
		['左上方', '顶部居中', '右上方'],
		['左侧中部', '正中央', '右侧中部'],
		['左下方', '底部居中', '右下方']
	];
	const en = [
		['At the top left of the image', 'At the top centre of the image', 'At the top right of the image'],
		[
			'Halfway down the left side of the image',
			'In the centre of the image',
			'Halfway down the right side of the image'
		],
		[
			'At the bottom left of the image',
			'At the bottom centre of the image',
			'At the bottom right of the image'
		]
	];
	return locale === 'zh' ? `画面${zh[row][col]}` : en[row][col];
}

/** Font size as a share of the image height → a size word. */
export function sizeWord(shareOfHeight: number, locale: Locale): string {
	const i = shareOfHeight >= 0.1 ? 0 : shareOfHeight >= 0.05 ? 1 : shareOfHeight >= 0.025 ? 2 : 3;
	return locale === 'zh'
		? ['特大号', '大号', '中号', '小号'][i]
		: ['very large', 'large', 'medium-sized', 'small'][i];
}

const COLORS: [string, string, string][] = [
	['#FFFFFF', 'white', '白色'],
	['#F3E5C8', 'cream', '米白色'],
	['#000000', 'black', '黑色'],
	['#333333', 'dark grey', '深灰色'],
	['#8A8A8A', 'grey', '灰色'],
	['#C8102E', 'Chinese red', '中国红'],
	['#E60012', 'bright red', '鲜红色'],
	['#8B1A1A', 'dark red', '深红色'],
	['#D4AF37', 'gold', '金色'],
	['#FFD400', 'yellow', '黄色'],
	['#FF7A00', 'orange', '橙色'],
	['#FF6FA5', 'pink', '粉色'],
	['#FF2BD6', 'neon magenta', '霓虹品红色'],
	['#7B3FE4', 'purple', '紫色'],
	['#0B1F4B', 'deep navy blue', '深蓝色'],
	['#1E6FD9', 'blue', '蓝色'],
	['#7CC4FA', 'light blue', '浅蓝色'],
	['#00E5FF', 'cyan', '青色'],
	['#0F9D9A', 'teal', '青绿色'],
	['#2E9E44', 'green', '绿色'],
	['#14532D', 'dark green', '墨绿色'],
	['#7A4A2A', 'brown', '棕色']
];
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The nearest named colour (weighted RGB distance, close enough to how people see it). */
export function colorName(hex: string, locale: Locale): string {
	const [r, g, b] = rgb(hex);
	let best = COLORS[0];
	let bestDistance = Infinity;
	for (const c of COLORS) {
		const [cr, cg, cb] = rgb(c[0]);
		const mean = (r + cr) / 2;
		const d = (2 + mean / 256) * (r - cr) ** 2 + 4 * (g - cg) ** 2 + (2 + (255 - mean) / 256) * (b - cb) ** 2;
		if (d < bestDistance) [best, bestDistance] = [c, d];
	}
	return locale === 'zh' ? best[2] : best[1];
}

/** How a font family looks, in words. */
export function fontFeel(family: string, weight: number, locale: Locale): string {
	const bold = weight >= 700;
	const feels: Record<string, [string, string]> = {
		'Noto Sans SC': bold ? ['heavy bold sans-serif', '粗黑体'] : ['clean sans-serif', '黑体'],
		'Noto Serif SC': bold ? ['bold serif (Song style)', '粗宋体'] : ['elegant serif (Song style)', '宋体'],
		'Smiley Sans': ['slanted modern sans-serif', '斜切现代黑体'],
		'LXGW WenKai': ['handwritten Kai-style brush', '手写楷体'],
		'Ma Shan Zheng': ['Chinese brush calligraphy', '毛笔书法'],
		'Bebas Neue': ['tall condensed all-caps', '窄长大写无衬线'],
		'League Spartan': ['geometric bold sans-serif', '几何粗体无衬线'],
		'Lobster Two': ['flowing retro script', '复古连笔花体'],
		Inter: bold ? ['bold modern sans-serif', '现代粗体无衬线'] : ['clean modern sans-serif', '现代无衬线']
	};
	const f = feels[family] ?? (bold ? ['bold sans-serif', '粗体'] : ['sans-serif', '常规字体']);
	return locale === 'zh' ? `${f[1]}字` : f[0];
}
