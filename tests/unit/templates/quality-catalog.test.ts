// Every shipped template on every format, filled with its own samples (short and long, zh and en)
// and with headlines written for this test (found in no template), passes the layout check:
// no text on a decoration or on other text, text in the safe area, readable contrast on the
// server-rendered pixels. A failure lists every problem with template, format, filling and layer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PosterDocument } from '../../../src/lib/document/schema';
import { checkTemplate, type HeadlineSet, type QualityDeps } from '../../../src/lib/render/quality';
import { listTemplates } from '../../../src/lib/server/templates/catalog';
import { templateMeasure } from '../../../src/lib/server/templates/measure';
import { serverQualityDeps } from '../../../src/lib/server/templates/quality';

// The long ones run past every headline's length limit: checked cut at the limit (at a word
// boundary), the longest headline a user can type (a 58-character vertical headline once ran over
// spring-festival-window's frame).
const HEADLINES: HeadlineSet = {
	zh: {
		short: '山野露营节',
		long: '江畔老码头非遗手作市集本周末开幕 百余位匠人现场演示竹编剪纸与蓝染 凭票根可兑换一份桂花糕和一杯手冲咖啡 欢迎全家同来'
	},
	en: {
		short: 'Harbour Night Run',
		long: 'The Old Pier Craft Market opens this weekend with over a hundred makers showing bamboo weaving, paper cutting and indigo dyeing, plus free tea for every family'
	}
};

const templates = await listTemplates();
let deps: QualityDeps & { prepare(doc: PosterDocument): Promise<void> };
beforeAll(async () => {
	deps = await serverQualityDeps();
});

describe('every template passes the layout check on every format', () => {
	it('ships templates to check', () => expect(templates.length).toBeGreaterThanOrEqual(12));
	for (const t of templates)
		it(`${t.id} (${t.formats.join(', ')})`, { timeout: 180_000 }, async () => {
			const problems = await checkTemplate(t, deps, {
				headlines: HEADLINES,
				measure: await templateMeasure(t),
				prepare: deps.prepare
			});
			expect(problems.map((p) => p.message)).toEqual([]);
		});
});
