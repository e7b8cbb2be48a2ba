// The Z-Image-Turbo prompt from a template's recipe and the field values (reference/zimage-turbo.md,
// template-design.md "Prompt recipes"). Sentence order: scene, composition, calm areas for the
// text Haibao typesets (derived from the layout), the text the model draws, what must not appear.
//
// Quoting: strings the model draws go inside ASCII double quotes ("…"), in both languages. A double
// quote inside the user's text becomes a typographic one (“ then ”, alternating), so it can never
// end the quoted string early.
import type { Box as PtBox } from '../geometry';
import { effectiveTextModes, elementApplies, fontSizePt, resolveColor, resolveElements } from './layout';
import { getPreset, recommendedGenerationSize, type GenerationSize } from './presets';
import type { Template, TextElement } from './schema';
import { displayValue, hasHan, type Locale } from './values';
import { colorName, describeRegion, fontFeel, placeName, sizeWord, type Frac } from './prompt-words';
import type { TextExpectation } from './text-check';

export const PROMPT_TOKEN_LIMIT = 512;

export interface PromptWarning {
	code: 'too-long' | 'long-model-text' | 'outside-image' | 'no-recipe';
	zh: string;
	en: string;
}

export interface PromptOptions {
	formatId?: string;
	locale?: Locale;
	textModes?: Readonly<Record<string, 'layer' | 'model'>>;
	/** Generation size tier (0 ≈ 1 MP, 1 ≈ 1.6 MP, 2 ≈ 2.4 MP). */
	tier?: 0 | 1 | 2;
}

export interface BuiltPrompt {
	prompt: string;
	language: Locale;
	tokenEstimate: number;
	warnings: PromptWarning[];
	/** Recommended generation size for the image slot on this format. */
	size: GenerationSize;
	/** The modes actually used (a "model" field outside the image stays "layer"). */
	textModes: Record<string, 'layer' | 'model'>;
	/** Each string the model is asked to draw, as quoted in the prompt, and where (image fractions). */
	modelTexts: TextExpectation[];
}

/** Double quotes delimit model text, so the user's own become “ and ”, alternating. */
export function escapeQuotes(text: string): string {
	let open = true;
	return text.replace(/"/g, () => {
		const mark = open ? '“' : '”';
		open = !open;
		return mark;
	});
}

/**
 * Approximate Qwen2 BPE token count of the prompt inside the chat template. Rules of thumb, not the
 * tokenizer: each Han character or CJK punctuation mark ≈ 1 token; each English word ≈ 1.3 tokens;
 * each digit 1 (Qwen splits numbers into single digits); other punctuation 1 each; plus 8 tokens
 * for `<|im_start|>user\n … <|im_end|>\n<|im_start|>assistant\n`.
 */
export function estimateTokens(text: string): number {
	let units = 8;
	let words = 0;
	for (const m of text.matchAll(
		/\p{Script=Han}|[\u3000-\u303f\uff00-\uffef]|[A-Za-z]+(?:['’][A-Za-z]+)?|\d|[^\s\p{Script=Han}A-Za-z\d]/gu
	)) {
		if (/^[A-Za-z]/.test(m[0])) words++;
		else units++;
	}
	return Math.round(units + words * 1.3);
}

/** The image a generation produces is cropped to cover the slot: where does a slot fraction land in it? */
function toImageFractions(box: PtBox, slot: PtBox, size: GenerationSize): Frac {
	const slotAspect = slot.width / slot.height;
	const imageAspect = size.width / size.height;
	// Visible part of the generated image, centred (cover crop).
	const vw = imageAspect > slotAspect ? slotAspect / imageAspect : 1;
	const vh = imageAspect > slotAspect ? 1 : imageAspect / slotAspect;
	const fx = (x: number) => (1 - vw) / 2 + ((x - slot.x) / slot.width) * vw;
	const fy = (y: number) => (1 - vh) / 2 + ((y - slot.y) / slot.height) * vh;
	const clamp = (v: number) => Math.min(1, Math.max(0, v));
	return {
		x0: clamp(fx(box.x)),
		x1: clamp(fx(box.x + box.width)),
		y0: clamp(fy(box.y)),
		y1: clamp(fy(box.y + box.height)),
		vh
	};
}

/** Text boxes close to each other (vertically and horizontally) form one calm area. */
function clusterAreas(areas: { frac: Frac; label: string }[]): { frac: Frac; labels: string[] }[] {
	const near = (a: Frac, b: Frac) =>
		a.y0 <= b.y1 + 0.06 && b.y0 <= a.y1 + 0.06 && a.x0 <= b.x1 + 0.1 && b.x0 <= a.x1 + 0.1;
	const clusters = areas.map((a) => ({ frac: { ...a.frac }, labels: [a.label] }));
	for (let merged = true; merged;) {
		merged = false;
		for (let i = 0; i < clusters.length && !merged; i++) {
			for (let j = i + 1; j < clusters.length && !merged; j++) {
				const [a, b] = [clusters[i], clusters[j]];
				if (!near(a.frac, b.frac)) continue;
				a.frac = {
					x0: Math.min(a.frac.x0, b.frac.x0),
					x1: Math.max(a.frac.x1, b.frac.x1),
					y0: Math.min(a.frac.y0, b.frac.y0),
					y1: Math.max(a.frac.y1, b.frac.y1),
					vh: a.frac.vh
				};
				for (const l of b.labels) if (!a.labels.includes(l)) a.labels.push(l);
				clusters.splice(j, 1);
				merged = true;
			}
		}
	}
	return clusters.sort((a, b) => a.frac.y0 - b.frac.y0 || a.frac.x0 - b.frac.x0);
}

export function buildPrompt(
	template: Template,
	values: Readonly<Record<string, string>>,
	options: PromptOptions = {}
): BuiltPrompt {
	const locale = options.locale ?? 'zh';
	const zh = locale === 'zh';
	const preset = getPreset(options.formatId ?? template.formats[0]);
	if (!preset) throw new Error(`unknown format "${options.formatId}"`);
	const recipe = template.prompt;
	const { refs, elements } = resolveElements(template, preset);
	const textModes = effectiveTextModes(template, preset, options.textModes);
	const warnings: PromptWarning[] = [];
	const slotElement = elements.find((r) => r.element.type === 'image' && r.element.slot === recipe?.slot);
	const slot = slotElement?.box ?? refs.page;
	const size = recommendedGenerationSize(slot.width / slot.height, options.tier ?? 0);
	if (!recipe) {
		warnings.push({
			code: 'no-recipe',
			zh: `模板“${template.name.zh}”没有生成图片的提示词`,
			en: `Template "${template.name.en}" has no prompt recipe.`
		});
		return { prompt: '', language: locale, tokenEstimate: 0, warnings, size, textModes, modelTexts: [] };
	}
	for (const f of template.fields) {
		if (options.textModes?.[f.id] === 'model' && textModes[f.id] === 'layer' && values[f.id]?.trim())
			warnings.push({
				code: 'outside-image',
				zh: `“${f.label.zh}”不在生成图片的区域内，模型无法画出，仍由海报排版`,
				en: `"${f.label.en}" lies outside the generated image, so the model cannot draw it; Haibao typesets it.`
			});
	}

	const calm: { frac: Frac; label: string }[] = [];
	const drawn: string[] = [];
	const modelTexts: TextExpectation[] = [];
	for (const r of elements) {
		if (r.element.type !== 'text' || !elementApplies(r.element, values)) continue;
		const e = r.element as TextElement;
		const field = e.field ? template.fields.find((f) => f.id === e.field) : undefined;
		const raw = field ? values[field.id]?.trim() : e.text?.[locale];
		if (!raw) continue;
		const frac = toImageFractions(r.box, slot, size);
		if (frac.x1 - frac.x0 <= 0.01 || frac.y1 - frac.y0 <= 0.01) continue; // not over the image
		if (field && textModes[field.id] === 'model') {
			const shown = displayValue(field, raw, locale);
			const text = escapeQuotes(e.style.uppercase ? shown.toUpperCase() : shown);
			modelTexts.push({
				text,
				field: field.id,
				region: { x0: frac.x0, y0: frac.y0, x1: frac.x1, y1: frac.y1 }
			});
			drawn.push(modelTextSentence(template, e, text, frac, fontSizePt(e.style, refs) / slot.height, locale));
			const long = hasHan(text) ? [...text].length > 12 : text.split(/\s+/).length > 6;
			if (long)
				warnings.push({
					code: 'long-model-text',
					zh: `“${field.label.zh}”较长，模型可能写错字；短句效果最好`,
					en: `"${field.label.en}" is long; the model renders short strings most reliably.`
				});
		} else {
			const label = field
				? zh
					? field.label.zh
					: field.label.en.toLowerCase()
				: zh
					? '装饰文字'
					: 'decorative text';
			calm.push({ frac, label });
		}
	}

	const parts = [recipe.scene[locale], recipe.composition[locale]];
	for (const c of clusterAreas(calm)) {
		const region = describeRegion(c.frac, locale);
		const labels = zh ? c.labels.join('、') : joinEnglish(c.labels);
		parts.push(
			zh
				? `${region}留出干净平整的空白区域，只有柔和的背景，不放任何物体，用来放置${labels}。`
				: `Keep ${region} empty and calm, just a smooth uncluttered background with no objects, for the ${labels}.`
		);
	}
	parts.push(...drawn);
	parts.push(recipe.avoid[locale]);
	parts.push(
		drawn.length
			? zh
				? '除引号中的文字外，画面中没有其他文字、字母、标志或水印。'
				: 'Apart from the quoted text, there are no other letters, logos or watermarks.'
			: zh
				? '画面中没有任何文字、字母、标志或水印。'
				: 'There is no text, no letters, no logo and no watermark anywhere in the image.'
	);
	const prompt = parts
		.map((p) => p.trim())
		.filter(Boolean)
		.join(zh ? '' : ' ');
	const tokenEstimate = estimateTokens(prompt);
	if (tokenEstimate > PROMPT_TOKEN_LIMIT)
		warnings.push({
			code: 'too-long',
			zh: `提示词约 ${tokenEstimate} 个 token，超过 ${PROMPT_TOKEN_LIMIT} 的部分会被截断`,
			en: `The prompt is about ${tokenEstimate} tokens; Z-Image-Turbo reads at most ${PROMPT_TOKEN_LIMIT}, the rest is cut off.`
		});
	return { prompt, language: locale, tokenEstimate, warnings, size, textModes, modelTexts };
}

function joinEnglish(items: string[]): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function modelTextSentence(
	template: Template,
	e: TextElement,
	text: string,
	frac: Frac,
	sizeOfSlot: number,
	locale: Locale
): string {
	const s = e.style;
	const latin = !hasHan(text) && s.latinFamily;
	const family = latin ? s.latinFamily! : s.family;
	const weight = latin ? (s.latinWeight ?? s.weight) : s.weight;
	const color = colorName(resolveColor(s.color, template.palette), locale);
	const size = sizeWord(sizeOfSlot * frac.vh, locale);
	const feel = fontFeel(family, weight, locale);
	const place = placeName(frac, locale);
	if (locale === 'zh') return `${place}用${size}${color}${feel}${s.vertical ? '竖排' : ''}写着"${text}"。`;
	const what = hasHan(text) ? 'the Chinese text' : 'the text';
	const letters = hasHan(text) ? 'characters' : 'letters';
	return `${place}, ${what} "${text}" is written in ${size} ${color} ${feel} ${letters}${s.vertical ? ', set vertically' : ''}.`;
}
