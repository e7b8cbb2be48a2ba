// Runs the real command line (node bin/haibao.js) as users do.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const haibao = (...args: string[]) =>
	spawnSync(process.execPath, ['bin/haibao.js', 'templates', ...args], {
		cwd: process.cwd(),
		encoding: 'utf8'
	});
const tmp = mkdtempSync(join(tmpdir(), 'haibao-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('haibao templates', () => {
	it('prints the catalogue as a JSON array', () => {
		const r = haibao();
		expect(r.status).toBe(0);
		const list = JSON.parse(r.stdout);
		expect(list.length).toBeGreaterThanOrEqual(12);
		const sale = list.find((t: { id: string }) => t.id === 'sale-burst');
		expect(sale).toMatchObject({
			name: { zh: '爆款促销', en: 'Sale Burst' },
			category: 'sale',
			formats: ['a3', 'xhs-1242x1660', 'rollup-80x200', 'square-1080']
		});
		expect(sale.fields[1]).toEqual({
			id: 'headline',
			kind: 'text',
			label: { zh: '主标题', en: 'Headline' },
			language: 'any',
			required: true,
			maxLength: 60,
			mode: 'layer'
		});
	});

	it('"check" passes on the shipped templates with a summary line', () => {
		const r = haibao('check', '--schema-only');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^\d+ templates OK in .*templates\n$/);
	});

	it('"check DIR" exits 1 on a broken copy with file, JSON path and problem', () => {
		cpSync(join('templates'), join(tmp, 'templates'), { recursive: true });
		const file = join(tmp, 'templates', 'mid-autumn-moon', 'template.json');
		const json = JSON.parse(readFileSync(file, 'utf8'));
		json.layout.elements[11].field = 'heading';
		writeFileSync(file, JSON.stringify(json));
		const r = haibao('check', join(tmp, 'templates'));
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe(`${file}: $.layout.elements[11].field: no field "heading"`);
	});

	it('"check" on a missing directory fails clearly', () => {
		const r = haibao('check', join(tmp, 'nowhere'));
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('no such templates directory');
	});

	it(
		'"check" runs the layout check: a star moved onto the headline is named with template, format and layer',
		{ timeout: 120_000 },
		() => {
			const dir = join(tmp, 'layout');
			cpSync(join('templates', 'recruitment-join-us'), join(dir, 'recruitment-join-us'), { recursive: true });
			const file = join(dir, 'recruitment-join-us', 'template.json');
			const json = JSON.parse(readFileSync(file, 'utf8'));
			// Where the star sat when the square export showed it on the headline.
			json.layout.overrides.square.star.box = {
				x: 0.42,
				y: 0.17,
				w: 0.1,
				h: 0.1,
				aspect: 1,
				align: [0.5, 0.5]
			};
			writeFileSync(file, JSON.stringify(json));
			const ok = haibao('check', join('templates'), '--only', 'recruitment-join-us', '--samples-only');
			expect(ok.status).toBe(0);
			expect(ok.stdout).toContain('1 templates OK');
			const r = haibao('check', dir, '--samples-only');
			expect(r.status).toBe(1);
			expect(r.stderr).toMatch(
				/recruitment-join-us square-1080 \[(zh|en) (short|long)\] headline: ".+" touches decoration "star"/
			);
			expect(r.stderr).toMatch(/\d+ layout problem\(s\) in 1 template\(s\)/);
		}
	);
});
