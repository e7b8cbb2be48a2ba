// `haibao layout`: the JSON format checked from outside, and clear errors for bad options.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as main } from '../../../src/cli/main';

let out: string[];
let err: string[];

beforeEach(() => {
	out = [];
	err = [];
	vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('haibao layout', () => {
	it('prints size, lines, glyphs and missing characters in pt from the box top-left', async () => {
		const code = await main([
			'layout',
			'--font',
			'Noto Sans SC',
			'--weight',
			'900',
			'--size',
			'40',
			'--width',
			'300',
			'--text',
			'双十一狂欢节，全场5折起！'
		]);
		expect(code).toBe(0);
		const json = JSON.parse(out.join('\n'));
		expect(Object.keys(json)).toEqual(['size', 'lines', 'glyphs', 'missing']);
		expect(json.size).toBe(40);
		expect(json.lines.map((l: { text: string }) => l.text)).toEqual(['双十一狂欢节，', '全场5折起！']);
		expect(json.lines[0]).toEqual({ text: '双十一狂欢节，', x: 0, y: 0, width: 260, height: 48 });
		expect(Object.keys(json.glyphs[0])).toEqual(['char', 'line', 'x', 'y', 'advance', 'rotated', 'font']);
		expect(json.glyphs[0]).toMatchObject({
			char: '双',
			line: 0,
			x: 0,
			advance: 40,
			rotated: false,
			font: 'Noto Sans SC'
		});
		expect(json.missing).toEqual([]);
	});

	it('vertical text reports rotated Latin glyphs; --fit shrinks into the box', async () => {
		expect(
			await main([
				'layout',
				'--font',
				'Noto Serif SC',
				'--size',
				'30',
				'--width',
				'60',
				'--height',
				'200',
				'--vertical',
				'--fit',
				'--min-size',
				'8',
				'--text',
				'海报Haibao设计'
			])
		).toBe(0);
		const json = JSON.parse(out.join('\n'));
		expect(json.size).toBeLessThan(30);
		expect(json.lines.length).toBeLessThanOrEqual(2);
		expect(
			json.glyphs
				.filter((g: { rotated: boolean }) => g.rotated)
				.map((g: { char: string }) => g.char)
				.join('')
		).toBe('Haibao');
	});

	it('reports characters no font covers', async () => {
		expect(
			await main(['layout', '--font', 'Inter', '--size', '20', '--width', '300', '--text', 'Hi 😀'])
		).toBe(0);
		expect(JSON.parse(out.join('\n')).missing).toEqual(['😀']);
	});

	it.each([
		[
			['--font', 'Comic Sans', '--size', '20', '--width', '100', '--text', 'x'],
			/unknown font family "Comic Sans"; available: .*Noto Sans SC/
		],
		[
			['--font', 'Inter', '--size', 'big', '--width', '100', '--text', 'x'],
			/--size must be a number of pt above 0 and at most 14,400, got "big"/
		],
		[['--font', 'Inter', '--size', '20', '--text', 'x'], /--width is required/],
		[
			['--font', 'Inter', '--size', '20', '--width', '100', '--align', 'left', '--text', 'x'],
			/--align must be one of start, center, end, justify/
		],
		[['--font', 'Inter', '--size', '20', '--width', '100'], /--text is required/],
		[
			['--font', 'Inter', '--size', '20', '--width', '100', '--text', 'x', '--colour', 'red'],
			/Unknown option '--colour'/
		]
	])('exits 1 with a clear message: %j', async (args, message) => {
		expect(await main(['layout', ...args])).toBe(1);
		expect(err.join('\n')).toMatch(message);
	});
});
