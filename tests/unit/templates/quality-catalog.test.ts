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

const HEADLINES: HeadlineSet = {
	zh: {
		short: '山野露营节',
		long: '第三届山野露营音乐节 两天一夜 帐篷篝火星空电影 早鸟票限量开售'
	},
	en: {
		short: 'Harbour Night Run',
		long: 'The Harbour Night Run Returns: Ten Kilometres Along the Waterfront with Live Bands at Every Turn'
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
