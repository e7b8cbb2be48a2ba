// `haibao ocr` and `haibao poster --check-text` as users run them (node bin/haibao.js), on images
// rendered by Haibao itself: one that shows the right headline, one that shows a wrong one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPngText } from '../../../src/lib/server/generation/png-text';
import { ocrCase, renderCase } from './cases';

const haibao = (args: string[]) => {
	const r = spawnSync('node', ['bin/haibao.js', ...args], {
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
const right = () => join(dir, 'right.png');
const wrong = () => join(dir, 'wrong.png');
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'haibao-ocr-'));
	const c = { ...ocrCase(0), text: '新品发布会', size: 64 };
	// As `haibao generate` writes it: the prompt in a PNG text chunk.
	const prompt = '舞台灯光，画面中央写着大字标题"新品发布会"，白色粗体。';
	writeFileSync(right(), addPngText(await renderCase(c), { prompt }));
	writeFileSync(wrong(), addPngText(await renderCase(c, '新品发怖会'), { prompt }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('haibao ocr', () => {
	it('prints lines and verdicts; exit 0 when the text reads back, 2 when it does not', () => {
		const ok = haibao(['ocr', right(), '--expect', '新品发布会']);
		expect(ok.code).toBe(0);
		expect(ok.out).toContain('"新品发布会"');
		expect(ok.out).toMatch(/✓ exact +"新品发布会"/);
		const bad = haibao(['ocr', wrong(), '--expect', '新品发布会', '--expect', 'GRAND OPENING']);
		expect(bad.code).toBe(2);
		expect(bad.out).toMatch(/⚠ near +"新品发布会" \(read "新品发怖会"\)/);
		expect(bad.out).toMatch(/✗ missing "GRAND OPENING"/);
	}, 60_000);

	it('--json, and the expected strings come from the prompt stored in a generated PNG', () => {
		const r = haibao(['ocr', wrong(), '--json']);
		expect(r.code).toBe(2);
		const json = JSON.parse(r.out);
		expect(json.lines[0].text).toBe('新品发怖会');
		expect(json.expected).toMatchObject([{ expected: '新品发布会', verdict: 'near', found: '新品发怖会' }]);
		expect(json.expected[0].box.width).toBeGreaterThan(200);
		expect(json.verdict).toBe('near');
	}, 60_000);

	it('explains bad input', () => {
		expect(haibao(['ocr']).err).toContain('give exactly one IMAGE file');
		expect(haibao(['ocr', join(dir, 'nope.png')]).err).toContain('cannot read image file');
		expect(haibao(['ocr', right(), '--max-side', '5']).err).toContain('--max-side expects');
	});
});

describe('haibao generate reads back its quoted text (tiny model)', () => {
	it('the tiny model draws no text: ✗ per quoted string, in --json as textCheck; --no-text-check skips', () => {
		const args = [
			'generate',
			'--backend',
			'zimage',
			'--model',
			'tests/fixtures/tiny-zimage',
			'--prompt',
			'海报，标题"双十一狂欢节"'
		];
		const size = ['--width', '64', '--height', '64', '--seed', '1', '--out', join(dir, 'g.png')];
		const plain = haibao([...args, ...size]);
		expect(plain.code).toBe(0);
		expect(plain.out).toMatch(/text check ✗ missing "双十一狂欢节"/);
		const json = JSON.parse(haibao([...args, ...size, '--json']).out);
		expect(json.textCheck).toMatchObject({
			verdict: 'missing',
			fields: [{ expected: '双十一狂欢节', verdict: 'missing' }]
		});
		expect(haibao([...args, ...size, '--no-text-check']).out).not.toContain('text check');
	}, 120_000);
});

describe('haibao poster --check-text', () => {
	const poster = (image: string) =>
		haibao([
			'poster',
			'--template',
			'launch-spotlight',
			'--sample',
			'--set',
			'headline=新品发布会',
			'--model-text',
			'headline',
			'--image',
			`stage=${image}`,
			'--dpi',
			'20',
			'--check-text',
			'--out',
			join(dir, 'poster.png')
		]);

	it('passes when the generated image shows the headline', () => {
		const r = poster(right());
		expect(r.err).toBe('');
		expect(r.out).toMatch(/text check ✓ exact "新品发布会"/);
		expect(r.code).toBe(0);
	}, 60_000);

	it('writes the file but exits 2 with a preflight message when it does not read back', () => {
		const r = poster(wrong());
		expect(r.out).toContain('wrote');
		expect(r.out).toMatch(/text check ⚠ near "新品发布会" \(read "新品发怖会"\)/);
		expect(r.err).toContain('图片中的文字“新品发布会”读出来是“新品发怖会”');
		expect(r.code).toBe(2);
	}, 60_000);

	it('batch (--csv): checks every row and names the posters whose text does not read back', () => {
		const csv = join(dir, 'rows.csv');
		writeFileSync(csv, `name,headline,image:stage\nok,新品发布会,right.png\nbad,新品发布会,wrong.png\n`);
		const r = haibao([
			'poster',
			'--template',
			'launch-spotlight',
			'--csv',
			csv,
			'--name',
			'name',
			'--model-text',
			'headline',
			'--check-text',
			'--dpi',
			'20',
			'--out',
			join(dir, 'batch')
		]);
		expect(r.out).toContain('2 of 2 posters written');
		expect(r.out).toMatch(/ok: text check ✓ exact "新品发布会"/);
		expect(r.out).toMatch(/bad: text check ⚠ near "新品发布会" \(read "新品发怖会"\)/);
		expect(r.err).toContain('does not read back in 1 poster(s): bad');
		expect(r.code).toBe(2);
	}, 120_000);

	it('refuses --model-text for a field the template lacks', () => {
		const r = haibao([
			'poster',
			'--template',
			'launch-spotlight',
			'--model-text',
			'nope',
			'--out',
			join(dir, 'x.png')
		]);
		expect(r.code).toBe(1);
		expect(r.err).toContain('has no text field "nope"');
	});
});
