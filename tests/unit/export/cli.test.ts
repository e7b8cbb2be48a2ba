// `haibao poster` as users run it (node bin/haibao.js), single and batch, plus the CSV reader, and
// every template's first format exported in-process at low dpi (PNG and PDF, checked by poppler).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, CsvError } from '../../../src/lib/server/export/csv';
import { exportDocument } from '../../../src/lib/server/export/index';
import { listTemplates } from '../../../src/lib/server/templates/catalog';
import { instantiate } from '../../../src/lib/templates/instantiate';
import { sampleValues } from '../../../src/lib/templates/values';
import { photo, run, tempDir } from './fixtures';

const haibao = (args: string[]) => {
	const r = spawnSync('node', ['bin/haibao.js', 'poster', ...args], {
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
};

let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
	tmp = tempDir('haibao-cli-');
	writeFileSync(join(tmp.dir, 'hero.jpg'), await photo(800, 800));
});
afterAll(() => tmp.cleanup());

describe('parseCsv', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
		const t = parseCsv('\uFEFFheadline,subtitle\r\n"大促, 今晚","他说""好""\n第二行"\r\n普通,行\n\n');
		expect(t.header).toEqual(['headline', 'subtitle']);
		expect(t.rows.map((r) => r.values)).toEqual([
			{ headline: '大促, 今晚', subtitle: '他说"好"\n第二行' },
			{ headline: '普通', subtitle: '行' }
		]);
		expect(t.rows[1].line).toBe(4);
	});

	it('reports a broken row by number and keeps the others', () => {
		const t = parseCsv('a,b\n1,2\n3\n"x"y,4\n5,6\n');
		expect(t.rows.map((r) => r.error ?? 'ok')).toEqual([
			'ok',
			'has 1 fields, the header has 2',
			expect.stringMatching(/after a closing quote on line 4/),
			'ok'
		]);
		expect(parseCsv('a\n"never closed\n').rows[0].error).toMatch(/never closed/);
		expect(() => parseCsv('a,a\n1,2')).toThrow(CsvError);
		expect(() => parseCsv('')).toThrow(/empty/);
	});
});

describe('haibao poster', () => {
	it('writes a PDF with fields and an image for a slot', () => {
		const out = join(tmp.dir, 'sale.pdf');
		const r = haibao([
			'--template',
			'sale-burst',
			'--format',
			'a3',
			'--set',
			'headline=双十一狂欢',
			'--set',
			'price=199',
			'--image',
			`hero=${join(tmp.dir, 'hero.jpg')}`,
			'--marks',
			'--out',
			out
		]);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^wrote .*sale\.pdf \(sale-burst, a3/);
		expect(run('pdfinfo', ['-box', out])).toMatch(/TrimBox:\s+31\.18\s+31\.18\s+873\.07\s+1221\.73/);
		expect(run('pdftotext', [out, '-'])).toContain('双十一狂欢');
		expect(run('pdfimages', ['-list', out])).toMatch(/\s800\s+800\s+rgb\s+3\s+8\s+jpeg/);
	});

	it('names what is unknown: template, format, field, image layer', () => {
		const r1 = haibao(['--template', 'no-such', '--out', join(tmp.dir, 'x.png')]);
		expect([r1.code, r1.err]).toEqual([
			1,
			expect.stringContaining('unknown template "no-such"; available: ')
		]);
		const r2 = haibao(['--template', 'sale-burst', '--format', 'a9', '--out', join(tmp.dir, 'x.png')]);
		expect(r2.err).toContain(
			'unknown format "a9"; template sale-burst offers: a3, xhs-1242x1660, rollup-80x200, square-1080'
		);
		const r3 = haibao([
			'--template',
			'sale-burst',
			'--set',
			'headline=好',
			'--set',
			'colour=red',
			'--out',
			join(tmp.dir, 'x.png')
		]);
		expect([r3.code, r3.err]).toEqual([1, expect.stringContaining('没有字段“colour”')]);
		const r4 = haibao([
			'--template',
			'sale-burst',
			'--locale',
			'en',
			'--set',
			'headline=Big sale',
			'--image',
			`logo=${join(tmp.dir, 'hero.jpg')}`,
			'--out',
			join(tmp.dir, 'x.png')
		]);
		expect(r4.err).toContain('no image layer or slot "logo" in template sale-burst; image layers: hero');
	});

	it('exports one file per CSV row, reports a bad row and exits 1', () => {
		const csv = join(tmp.dir, 'batch.csv');
		writeFileSync(
			csv,
			'name,headline,price,image:hero\nfirst,"春季上新, 全场",99,hero.jpg\nsecond,"Spring ""sale""",\nthird,秋季特卖,129,\n'
		);
		const outDir = join(tmp.dir, 'batch');
		const r = haibao([
			'--template',
			'sale-burst',
			'--format',
			'square-1080',
			'--csv',
			csv,
			'--name',
			'name',
			'--type',
			'jpg',
			'--out',
			outDir
		]);
		expect(r.code).toBe(1);
		expect(r.out).toContain('2 of 3 posters written');
		expect(r.err).toContain('row 2 (line 3): cannot be read: has 3 fields, the header has 4');
		// The progress bar (plain lines when stderr is not a terminal).
		expect(r.err).toMatch(/█+░* 3\/3/);
		expect(readdirSync(outDir).sort()).toEqual(['first.jpg', 'third.jpg']);
		const jpeg = readFileSync(join(outDir, 'first.jpg'));
		return sharp(jpeg)
			.metadata()
			.then((m) => expect([m.format, m.width, m.height, m.density]).toEqual(['jpeg', 1080, 1080, 72]));
	});

	it('refuses a CSV column that is no field, before exporting anything', () => {
		const csv = join(tmp.dir, 'bad.csv');
		writeFileSync(csv, 'headline,colour\n大促,red\n');
		const outDir = join(tmp.dir, 'none');
		const r = haibao(['--template', 'sale-burst', '--csv', csv, '--out', outDir]);
		expect(r.code).toBe(1);
		expect(r.err).toContain('unknown column "colour" in bad.csv; template sale-burst has fields: ');
		expect(existsSync(outDir)).toBe(false);
	});
});

describe('every template', () => {
	it('exports its first format to PNG and PDF at low dpi', { timeout: 300_000 }, async () => {
		const templates = await listTemplates();
		expect(templates.length).toBeGreaterThan(0);
		for (const t of templates) {
			const format = t.formats[0];
			const made = instantiate(t, format, sampleValues(t, 'zh'), {
				locale: 'zh',
				id: `t-${t.id}`,
				now: '2025-01-01T00:00:00.000Z'
			});
			expect(made.ok, `${t.id}: ${made.ok ? '' : JSON.stringify(made.errors)}`).toBe(true);
			if (!made.ok) continue;
			const png = await exportDocument(made.document, { format: 'png', dpi: 20 });
			const meta = await sharp(png.bytes).metadata();
			expect(meta.width, t.id).toBe(Math.round((made.document.page.width * 20) / 72));
			const pdf = await exportDocument(made.document, { format: 'pdf', marks: true });
			const file = join(tmp.dir, `${t.id}.pdf`);
			writeFileSync(file, pdf.bytes);
			const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
			for (const row of fonts) expect(row, `${t.id}: ${row}`).toMatch(/\byes\s+yes\s+yes\s+\d+\s+0$/);
			expect(run('pdfinfo', [file]), t.id).toMatch(/Pages:\s+1/);
		}
	});
});
