// The interface's own font, so the UI reads right on machines without a Chinese system font (a
// fresh Linux box shows tofu otherwise). Noto Sans SC from fonts/ is served as unicode-range slices:
// one "core" slice with Latin, punctuation and every Han character the app's own text uses, then the
// font's other characters in slices of SLICE_SIZE code points. A browser downloads a slice only when
// a page shows one of its characters and no system font earlier in the stack has it, so machines
// with PingFang or Noto CJK download nothing. Which characters sit in the core only changes how
// much is downloaded, never whether a character can be shown: every character of the font is in
// exactly one slice.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseOpenType } from '../../text/fonts/library';
import { fontsDir } from './index';
import { subsetFont } from './subset';

export const UI_FONT_FAMILY = 'Haibao UI';
const FACES = [
	{ weight: 400, file: 'NotoSansSC-Regular.otf' },
	{ weight: 700, file: 'NotoSansSC-Bold.otf' }
] as const;
const SLICE_SIZE = 400;
/** Latin, general punctuation, CJK symbols and punctuation, full-width forms. */
const BASIC_RANGES: readonly [number, number][] = [
	[0x20, 0x7e],
	[0xa0, 0xff],
	[0x2000, 0x206f],
	[0x3000, 0x303f],
	[0xff00, 0xffef]
];
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;

export interface UiFontSlice {
	name: string;
	codePoints: number[];
}

export interface UiFontPlan {
	version: string;
	slices: UiFontSlice[];
	weights: number[];
}

export interface UiFontSources {
	/** Folders whose text files hold the interface's strings (the client build, or src/ in development). */
	textDirs: string[];
	fontDir?: string;
}

function collectHan(dir: string, into: Set<number>): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) collectHan(full, into);
		else if (/\.(js|ts|svelte|json)$/.test(entry.name))
			for (const ch of readFileSync(full, 'utf8').match(HAN) ?? []) into.add(ch.codePointAt(0)!);
	}
}

function inBasic(cp: number): boolean {
	return BASIC_RANGES.some(([from, to]) => cp >= from && cp <= to);
}

/**
 * Splits the font's characters into range slices of SLICE_SIZE code points and the core slice
 * (pure). Range slices cover whole code point windows, core characters included, so their
 * unicode-range is one short range; the core is declared last, and for a character in both a
 * browser uses the face declared last (CSS Fonts 4, unicode-range), so it never fetches a range
 * slice for the interface's own text.
 */
export function planSlices(fontCodePoints: readonly number[], uiHan: ReadonlySet<number>): UiFontSlice[] {
	const sorted = [...new Set(fontCodePoints)].sort((a, b) => a - b);
	const core = sorted.filter((cp) => inBasic(cp) || uiHan.has(cp));
	const rest = sorted.filter((cp) => !inBasic(cp) && cp > 0x20);
	const slices: UiFontSlice[] = [];
	for (let i = 0; i < rest.length; i += SLICE_SIZE)
		slices.push({ name: String(slices.length + 1), codePoints: rest.slice(i, i + SLICE_SIZE) });
	slices.push({ name: 'core', codePoints: core });
	return slices;
}

/** A range slice's unicode-range is its whole window; the core's lists its characters. */
function sliceRange(slice: UiFontSlice): string {
	const cps = slice.codePoints;
	if (slice.name === 'core') return unicodeRange(cps);
	const hex = (cp: number) => cp.toString(16).toUpperCase();
	return `U+${hex(cps[0])}-${hex(cps[cps.length - 1])}`;
}

/** CSS unicode-range of sorted code points, with runs folded into ranges. */
export function unicodeRange(codePoints: readonly number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < codePoints.length; ) {
		let j = i;
		while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j] + 1) j++;
		const hex = (cp: number) => cp.toString(16).toUpperCase();
		parts.push(j > i ? `U+${hex(codePoints[i])}-${hex(codePoints[j])}` : `U+${hex(codePoints[i])}`);
		i = j + 1;
	}
	return parts.join(', ');
}

let planned: { key: string; plan: UiFontPlan } | undefined;

export function uiFontPlan(sources: UiFontSources): UiFontPlan {
	const dir = sources.fontDir ?? fontsDir();
	const key = JSON.stringify([dir, sources.textDirs]);
	if (planned?.key === key) return planned.plan;
	const uiHan = new Set<number>();
	for (const textDir of sources.textDirs) if (existsSync(textDir)) collectHan(textDir, uiHan);
	const regular = path.join(dir, FACES[0].file);
	const bytes = readFileSync(regular);
	const font = parseOpenType(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), {
		lowMemory: true
	});
	const cmap = font.tables.cmap as { glyphIndexMap: Record<string, number> };
	const slices = planSlices(Object.keys(cmap.glyphIndexMap).map(Number), uiHan);
	const version = createHash('sha256')
		.update(FACES.map((f) => `${f.file}:${statSync(path.join(dir, f.file)).size}`).join())
		.update(slices[slices.length - 1].codePoints.join())
		.digest('hex')
		.slice(0, 12);
	const plan = { version, slices, weights: FACES.map((f) => f.weight) };
	planned = { key, plan };
	return plan;
}

/** The stylesheet: one @font-face per weight and slice. */
export function uiFontCss(plan: UiFontPlan): string {
	const rules: string[] = [];
	for (const weight of plan.weights)
		for (const slice of plan.slices)
			rules.push(
				`@font-face{font-family:'${UI_FONT_FAMILY}';font-style:normal;font-weight:${weight};font-display:swap;` +
					`src:url(/fonts/ui/${plan.version}/${weight}-${slice.name}.otf) format('opentype');` +
					`unicode-range:${sliceRange(slice)}}`
			);
	return rules.join('\n') + '\n';
}

const sliceCache = new Map<string, Promise<Uint8Array>>();

/** One slice as an OpenType file, or undefined when `file` names none ("400-core.otf", "700-3.otf"). */
export function uiFontSlice(plan: UiFontPlan, file: string, fontDir = fontsDir()): Promise<Uint8Array> | undefined {
	const match = /^(\d+)-(\w+)\.otf$/.exec(file);
	const face = match && FACES.find((f) => String(f.weight) === match[1]);
	const slice = match && plan.slices.find((s) => s.name === match[2]);
	if (!face || !slice) return undefined;
	const key = `${plan.version}/${file}`;
	let bytes = sliceCache.get(key);
	if (!bytes) {
		bytes = subsetFont(new Uint8Array(readFileSync(path.join(fontDir, face.file))), slice.codePoints);
		bytes.catch(() => sliceCache.delete(key));
		sliceCache.set(key, bytes);
	}
	return bytes;
}
