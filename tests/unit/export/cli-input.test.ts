// Bad input to the CLI, run as users run it (node bin/haibao.js): every refusal exits 1 with a
// message naming the culprit and the limit, and writes nothing. The limits are the API's
// (src/lib/document/limits.ts), so the messages match the server's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo, tempDir } from './fixtures';

const haibao = (args: string[]) => {
	const r = spawnSync('node', ['bin/haibao.js', ...args], {
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
};

let tmp: ReturnType<typeof tempDir>;
let hero: string;
beforeAll(async () => {
	tmp = tempDir('haibao-cli-input-');
	hero = join(tmp.dir, 'hero.jpg');
	const jpeg = await photo(300, 300);
	writeFileSync(hero, jpeg);
	writeFileSync(join(tmp.dir, 'cut.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
	writeFileSync(join(tmp.dir, 'notes.txt'), 'not a picture\n');
	mkdirSync(join(tmp.dir, 'folder.png'));
});
afterAll(() => tmp.cleanup());

const poster = (...extra: string[]) =>
	haibao([
		'poster',
		'--template',
		'sale-burst',
		'--format',
		'square-1080',
		'--set',
		'headline=上新',
		...extra
	]);

describe('haibao poster --image', () => {
	it('fails naming the file when it is not an image, missing, a folder or damaged; writes nothing', () => {
		const out = join(tmp.dir, 'x.png');
		const cases: [string, string][] = [
			['/etc/passwd', '"/etc/passwd" is not a usable image: unsupported file type (found: unknown)'],
			[join(tmp.dir, 'missing.png'), `image file "${join(tmp.dir, 'missing.png')}" not found`],
			[join(tmp.dir, 'folder.png'), `"${join(tmp.dir, 'folder.png')}" is a folder, not an image file`],
			[
				join(tmp.dir, 'cut.jpg'),
				`"${join(tmp.dir, 'cut.jpg')}" is not a usable image: the image cannot be read (it looks like image/jpeg but is damaged or incomplete)`
			]
		];
		for (const [file, message] of cases) {
			const r = poster('--image', `hero=${file}`, '--out', out);
			expect(r.code, file).toBe(1);
			expect(r.err, file).toContain(`haibao poster: ${message}`);
			expect(existsSync(out), file).toBe(false);
		}
	});

	it('CSV image: columns are checked the same way: the bad row fails by name, the good one is written', () => {
		const csv = join(tmp.dir, 'rows.csv');
		writeFileSync(csv, `headline,image:hero\n好图,hero.jpg\n坏图,notes.txt\n`);
		const outDir = join(tmp.dir, 'rows');
		const r = haibao([
			'poster',
			'--template',
			'sale-burst',
			'--format',
			'square-1080',
			'--csv',
			csv,
			'--out',
			outDir
		]);
		expect(r.code).toBe(1);
		expect(r.out).toContain('1 of 2 posters written');
		expect(r.err).toContain(
			`row 2 (line 3): "${join(tmp.dir, 'notes.txt')}" is not a usable image: unsupported file type (found: unknown)`
		);
		expect(readdirSync(outDir)).toEqual(['sale-burst-001.png']);
	});
});

describe('haibao poster --dpi and --quality', () => {
	it('refuses --dpi 1e6 with the range instead of dying in a typed array', () => {
		const r = poster('--dpi', '1e6', '--out', join(tmp.dir, 'x.png'));
		expect(r.code).toBe(1);
		expect(r.err).toContain('--dpi: resolution 1000000 dpi is out of range: use 10 to 1200 dpi');
		expect(r.err).not.toMatch(/typed array/i);
	});

	it('refuses a raster with too many pixels, naming the highest dpi for the page', () => {
		const r = haibao([
			'poster',
			'--template',
			'sale-burst',
			'--format',
			'rollup-80x200',
			'--set',
			'headline=上新',
			'--dpi',
			'600',
			'--out',
			join(tmp.dir, 'rollup.png')
		]);
		expect(r.code).toBe(1);
		expect(r.err).toContain(
			'haibao poster: at 600 dpi the image would be 893 megapixels, over the 150 MP limit; this page allows at most 245 dpi'
		);
		expect(existsSync(join(tmp.dir, 'rollup.png'))).toBe(false);
		expect(poster('--quality', '1e6', '--out', join(tmp.dir, 'x.jpg')).err).toContain(
			'--quality expects a whole number from 1 to 100, got "1e6"'
		);
	});
});

describe('haibao layout bounds', () => {
	it('refuses --size 1e308 and absurd boxes or texts, with the bound', () => {
		const layout = (...extra: string[]) => haibao(['layout', '--font', 'Noto Sans SC', ...extra]);
		const size = layout('--size', '1e308', '--width', '300', '--text', '海报');
		expect(size.code).toBe(1);
		expect(size.err).toContain('--size must be a number of pt above 0 and at most 14,400, got "1e308"');
		expect(size.out).toBe('');
		const width = layout('--size', '30', '--width', '1e308', '--text', '海报');
		expect([width.code, width.err]).toEqual([
			1,
			expect.stringContaining('--width must be a number of pt above 0 and at most 100,000')
		]);
		const text = layout('--size', '12', '--width', '300', '--text', '字'.repeat(5001));
		expect([text.code, text.err]).toEqual([
			1,
			expect.stringContaining('--text: text too long (5,001 characters); a text layer holds at most 5,000')
		]);
	});
});
