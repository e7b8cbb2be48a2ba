import { describe, expect, it } from 'vitest';
import { buildPrompt, escapeQuotes, estimateTokens } from '../../../src/lib/templates/prompt';
import { getTemplate } from '../../../src/lib/server/templates/catalog';
import { sampleValues } from '../../../src/lib/templates/values';
import type { Template } from '../../../src/lib/templates/schema';
import { fixture } from './fixture';

const NO_TEXT_ZH = '画面中没有任何文字、字母、标志或水印。';
const NO_TEXT_EN = 'There is no text, no letters, no logo and no watermark anywhere in the image.';
const CALM_ZH = '留出干净平整的空白区域，只有柔和的背景，不放任何物体，用来放置';
const CALM_EN = 'empty and calm, just a smooth uncluttered background with no objects, for the';

describe('buildPrompt on the test template', () => {
	it('layer mode, Chinese: calm areas derived from the layout (headline on top, details at the bottom)', () => {
		const r = buildPrompt(fixture, sampleValues(fixture, 'zh'), { formatId: 'a3', locale: 'zh' });
		expect(r.prompt).toBe(
			'春天的花园，阳光明媚。花丛位于画面中部。' +
				`画面上方三分之一${CALM_ZH}主标题、英文行。` +
				`画面下方四分之一${CALM_ZH}价格、口号、日期。` +
				'不要人物。' +
				NO_TEXT_ZH
		);
		expect(r.language).toBe('zh');
		expect(r.size).toEqual({ width: 864, height: 1152 });
		expect(r.warnings).toEqual([]);
		expect(r.textModes.headline).toBe('layer');
	});

	it('layer mode, English', () => {
		const r = buildPrompt(fixture, sampleValues(fixture, 'en'), { formatId: 'a3', locale: 'en' });
		expect(r.prompt).toBe(
			'A sunny spring garden. The flowers fill the middle. ' +
				`Keep the upper third of the image ${CALM_EN} headline and english line. ` +
				`Keep the lower quarter of the image ${CALM_EN} price, slogan and date. ` +
				'No people. ' +
				NO_TEXT_EN
		);
	});

	it('model mode, Chinese: the headline goes word for word in double quotes with place, size, colour and type', () => {
		const r = buildPrompt(fixture, sampleValues(fixture, 'zh'), {
			formatId: 'a3',
			locale: 'zh',
			textModes: { headline: 'model' }
		});
		expect(r.prompt).toBe(
			'春天的花园，阳光明媚。花丛位于画面中部。' +
				`画面高度 23% 到 27% 之间的横向区域${CALM_ZH}英文行。` +
				`画面下方四分之一${CALM_ZH}价格、口号、日期。` +
				'画面顶部居中用大号白色粗黑体字写着"春季大促"。' +
				'不要人物。' +
				'除引号中的文字外，画面中没有其他文字、字母、标志或水印。'
		);
		expect(r.textModes.headline).toBe('model');
	});

	it('model mode, English, on a wide cover (headline on the left half)', () => {
		const r = buildPrompt(fixture, sampleValues(fixture, 'en'), {
			formatId: 'wechat-900x383',
			locale: 'en',
			textModes: { headline: 'model' }
		});
		expect(r.prompt).toBe(
			'A sunny spring garden. The flowers fill the middle. ' +
				`Keep the lower quarter of the image ${CALM_EN} price, slogan and date. ` +
				'Halfway down the left side of the image, the text "Spring Sale" is written in very large white heavy bold sans-serif letters. ' +
				'No people. ' +
				'Apart from the quoted text, there are no other letters, logos or watermarks.'
		);
		expect(r.size).toEqual({ width: 1344, height: 576 });
	});

	it('layer mode on the wide cover describes the headline area in both axes', () => {
		const r = buildPrompt(fixture, sampleValues(fixture, 'zh'), { formatId: 'wechat-900x383', locale: 'zh' });
		expect(r.prompt).toContain(`画面高度 14% 到 59% 之间的横向区域的左半边${CALM_ZH}主标题。`);
	});

	it('escapes double quotes in user text so they cannot close the quoted string', () => {
		const r = buildPrompt(
			fixture,
			{ ...sampleValues(fixture, 'en'), headline: 'The "Best" Sale' },
			{ formatId: 'a3', locale: 'en', textModes: { headline: 'model' } }
		);
		expect(r.prompt).toContain('the text "The “Best” Sale" is written');
		expect(escapeQuotes('a "b" "c')).toBe('a “b” “c');
	});

	it('warns for long model text and for model text outside the image', () => {
		const framed: Template = {
			...fixture,
			layout: {
				...fixture.layout,
				elements: fixture.layout.elements.map((e) =>
					e.id === 'photo' ? { ...e, box: { ...e.box, ref: 'content' as const, y: 0.3, h: 0.5 } } : e
				)
			}
		};
		const outside = buildPrompt(framed, sampleValues(framed, 'zh'), {
			formatId: 'a3',
			locale: 'zh',
			textModes: { headline: 'model' }
		});
		expect(outside.textModes.headline).toBe('layer');
		expect(outside.warnings.map((w) => w.code)).toEqual(['outside-image']);
		expect(outside.prompt).not.toContain('"春季大促"');
		const long = buildPrompt(
			fixture,
			{ ...sampleValues(fixture, 'zh'), headline: '春季大促全场五折起先到先得' },
			{ formatId: 'a3', locale: 'zh', textModes: { headline: 'model' } }
		);
		expect(long.warnings.map((w) => w.code)).toEqual(['long-model-text']);
		expect(long.warnings[0].zh).toContain('主标题');
	});

	it('estimates tokens (Han ≈ 1, English word ≈ 1.3, digits 1, plus the chat template) and warns above 512', () => {
		expect(estimateTokens('')).toBe(8);
		expect(estimateTokens('春季大促')).toBe(12);
		expect(estimateTokens('Spring sale')).toBe(11); // 8 + round(2 × 1.3)
		expect(estimateTokens('99。')).toBe(11);
		const verbose: Template = {
			...fixture,
			prompt: { ...fixture.prompt!, scene: { zh: '花'.repeat(600), en: 'flower '.repeat(400) } }
		};
		for (const locale of ['zh', 'en'] as const) {
			const r = buildPrompt(verbose, sampleValues(verbose, locale), { formatId: 'a3', locale });
			expect(r.tokenEstimate).toBeGreaterThan(512);
			expect(r.warnings.map((w) => w.code)).toContain('too-long');
		}
	});
});

describe('buildPrompt on shipped templates', () => {
	it('launch-spotlight, A3, both languages, layer mode', async () => {
		const t = (await getTemplate('launch-spotlight'))!;
		const zh = buildPrompt(t, sampleValues(t, 'zh'), { formatId: 'a3', locale: 'zh' });
		expect(zh.prompt).toBe(
			'高端产品摄影：一副哑光黑色头戴式无线耳机立在深色镜面展台上，头顶一束聚光灯，边缘有淡淡的青色轮廓光，空气中有细微的薄雾，深色摄影棚，85毫米镜头，质感细腻。' +
				'产品位于画面正中略偏下，只占画面宽度的三分之一左右，四周是大面积深色背景。' +
				`画面上方三分之一${CALM_ZH}英文小标、产品名 / 主标题、卖点。` +
				`画面下方五分之一${CALM_ZH}发布日期、地点 / 渠道、品牌。` +
				'不要人物，不要多余的道具。' +
				NO_TEXT_ZH
		);
		const en = buildPrompt(t, sampleValues(t, 'en'), { formatId: 'a3', locale: 'en' });
		expect(en.prompt).toBe(
			'High-end product photography: a matte black over-ear wireless headphone standing on a dark mirror-like pedestal, a single spotlight from above, a faint cyan rim light along its edges, fine haze in the air, dark studio, 85 mm lens, rich fine detail. ' +
				'The product stands in the centre, slightly below the middle, about a third of the frame wide, surrounded by wide dark space. ' +
				`Keep the upper third of the image ${CALM_EN} kicker, headline and tagline. ` +
				`Keep the lower fifth of the image ${CALM_EN} launch date, where and brand. ` +
				'No people, no extra props. ' +
				NO_TEXT_EN
		);
		expect(en.tokenEstimate).toBeLessThan(zh.tokenEstimate);
	});

	it('concert-neon, 小红书, model mode for the show title', async () => {
		const t = (await getTemplate('concert-neon'))!;
		const zh = buildPrompt(t, sampleValues(t, 'zh'), {
			formatId: 'xhs-1242x1660',
			locale: 'zh',
			textModes: { headline: 'model' }
		});
		expect(zh.prompt).toContain('画面正中央用大号白色粗黑体字写着"不眠之夜巡回演唱会"。');
		expect(zh.prompt).toContain(`画面上方五分之二${CALM_ZH}巡演小标、艺人 / 乐队（英文）。`);
		const en = buildPrompt(t, sampleValues(t, 'en'), {
			formatId: 'xhs-1242x1660',
			locale: 'en',
			textModes: { headline: 'model' }
		});
		expect(en.prompt).toContain(
			'In the centre of the image, the text "Sleepless Night Tour" is written in large white tall condensed all-caps letters.'
		);
		expect(
			en.prompt.endsWith('Apart from the quoted text, there are no other letters, logos or watermarks.')
		).toBe(true);
	});

	it('mid-autumn-moon on a 公众号 cover keeps the vertical headline area on the right', async () => {
		const t = (await getTemplate('mid-autumn-moon'))!;
		const zh = buildPrompt(t, sampleValues(t, 'zh'), { formatId: 'wechat-900x383', locale: 'zh' });
		expect(zh.prompt).toContain(`画面右侧三分之一${CALM_ZH}主标题、副标题。`);
		expect(zh.prompt).toContain(`画面下方三分之一的左侧三分之一${CALM_ZH}日期、品牌。`);
		expect(zh.size).toEqual({ width: 1344, height: 576 });
	});
});
