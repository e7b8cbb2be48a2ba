import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTemplates, getTemplate, listTemplates } from '../../../src/lib/server/templates/catalog';
import { CATEGORIES } from '../../../src/lib/templates/schema';
import { getPreset } from '../../../src/lib/templates/presets';

const repoTemplates = join(process.cwd(), 'templates');
const tmp = mkdtempSync(join(tmpdir(), 'haibao-catalog-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Template JSON edited freely by the cases below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A copy of one shipped template whose JSON `edit` changes; returns the copy's directory. */
function brokenCopy(name: string, edit: (json: Json) => void, id = 'sale-burst'): string {
	const dir = join(tmp, name);
	cpSync(join(repoTemplates, id), join(dir, id), { recursive: true });
	const file = join(dir, id, 'template.json');
	const json = JSON.parse(readFileSync(file, 'utf8'));
	edit(json);
	writeFileSync(file, JSON.stringify(json, null, '\t'));
	return dir;
}

describe('template catalogue', () => {
	it('ships at least 12 distinct templates covering every category, each with print and social formats', async () => {
		const templates = await listTemplates();
		expect(templates.length).toBeGreaterThanOrEqual(12);
		const categories = new Set(templates.map((t) => t.category));
		for (const c of Object.keys(CATEGORIES).filter((c) => c !== 'other')) expect(categories, c).toContain(c);
		for (const t of templates) {
			expect(t.formats.length, t.id).toBeGreaterThanOrEqual(3);
			expect(
				t.formats.some((f) =>
					['a3', 'a2', 'a1', 'rollup-80x200', 'xbanner-60x160', 'banner-300x70', 'display-90x120'].includes(f)
				),
				t.id
			).toBe(true);
			expect(
				t.formats.some((f) => f === 'xhs-1242x1660' || f === 'wechat-900x383'),
				t.id
			).toBe(true);
			expect(
				t.fields.some((f) => f.sample.long),
				t.id
			).toBe(true);
			expect(t.prompt, t.id).toBeDefined();
			for (const f of t.formats) expect(getPreset(f), f).toBeDefined();
		}
		// Distinct looks: no two templates share a page colour.
		expect(new Set(templates.map((t) => t.palette.background)).size).toBe(templates.length);
	});

	it('has at least 24 templates; the newer categories each in 4+ formats with a roll-up or banner and a 小红书 cover', async () => {
		const templates = await listTemplates();
		expect(templates.length).toBeGreaterThanOrEqual(24);
		const newer = ['ecommerce', 'festival', 'fitness-beauty', 'real-estate', 'travel'];
		for (const t of templates.filter((t) => newer.includes(t.category))) {
			expect(t.formats.length, t.id).toBeGreaterThanOrEqual(4);
			expect(t.formats, t.id).toContain('xhs-1242x1660');
			expect(
				t.formats.some((f) => ['rollup-80x200', 'xbanner-60x160', 'banner-300x70'].includes(f)),
				t.id
			).toBe(true);
			expect(t.tags.length, t.id).toBeGreaterThanOrEqual(4);
		}
	});

	it('passes its own check and finds templates by id', async () => {
		expect(await checkTemplates()).toMatchObject({ ok: true, count: (await listTemplates()).length });
		expect((await getTemplate('spring-festival-window'))?.name.zh).toBe('新春窗花');
		expect(await getTemplate('no-such-template')).toBeUndefined();
		expect(await getTemplate('../etc')).toBeUndefined();
	});

	it('reports the file, JSON path and problem of the first invalid template', async () => {
		const cases: [string, (j: Json) => void, string, string][] = [
			[
				'bad-font',
				(j) => (j.layout.elements[5].style.family = 'Comic Sans'),
				'$.layout.elements[5].style.family',
				'font family "Comic Sans" is not listed in "fonts"'
			],
			['bad-format', (j) => j.formats.push('a0'), '$.formats[4]', 'unknown format preset "a0"'],
			[
				'bad-field-ref',
				(j) => (j.layout.elements[6].field = 'title'),
				'$.layout.elements[6].field',
				'no field "title"'
			],
			[
				'bad-colour',
				(j) => (j.palette.red = 'red'),
				'$.palette.red',
				'palette colours must be #RRGGBB or #RRGGBBAA'
			],
			[
				'bad-palette-ref',
				(j) => (j.layout.elements[0].fill.stops[0].color = '@pink'),
				'$.layout.elements[0].fill.stops[0].color',
				'palette has no colour "pink"'
			],
			['bad-kind', (j) => (j.fields[0].kind = 'number'), '$.fields[0].kind', ''],
			[
				'unsafe-text',
				(j) => (j.layout.elements[6].box.y = -0.2),
				'$.layout.elements[6].box',
				'text element "headline" leaves the safe area on format a3'
			],
			[
				'bad-sample',
				(j) => (j.fields[3].sample.en = 'cheap'),
				'$.fields[3].sample',
				'en sample: "Price" must be a price such as 199 or ¥99.9.'
			],
			['bad-id', (j) => (j.id = 'sale-2'), '$.id', 'id "sale-2" must match its folder name "sale-burst"'],
			[
				'bad-override',
				(j) => (j.layout.overrides.tall.nothing = { hidden: true }),
				'$.layout.overrides.tall.nothing',
				'no layout element "nothing"'
			]
		];
		for (const [name, edit, path, message] of cases) {
			const result = await checkTemplates(brokenCopy(name, edit));
			expect(result.ok, name).toBe(false);
			if (result.ok) continue;
			expect(result.file, name).toBe(join(tmp, name, 'sale-burst', 'template.json'));
			expect(result.path, name).toBe(path);
			if (message) expect(result.message, name).toBe(message);
		}
	});

	it('reports JSON syntax errors and unknown manifest fonts', async () => {
		const dir = join(tmp, 'syntax');
		cpSync(join(repoTemplates, 'sale-burst'), join(dir, 'sale-burst'), { recursive: true });
		writeFileSync(join(dir, 'sale-burst', 'template.json'), '{ "id": "sale-burst", }');
		const syntax = await checkTemplates(dir);
		expect(syntax).toMatchObject({
			ok: false,
			path: '$',
			message: expect.stringMatching(/^not valid JSON: /)
		});

		const manifest = join(tmp, 'manifest.json');
		writeFileSync(manifest, JSON.stringify({ version: 1, fonts: [{ family: 'Noto Sans SC', weight: 400 }] }));
		process.env.HAIBAO_FONTS_MANIFEST = manifest;
		try {
			const result = await checkTemplates(brokenCopy('fonts', () => {}));
			expect(result).toMatchObject({
				ok: false,
				path: '$.fonts[1].family',
				message: 'font family "League Spartan" is not in fonts/manifest.json'
			});
		} finally {
			delete process.env.HAIBAO_FONTS_MANIFEST;
		}
	});
});
