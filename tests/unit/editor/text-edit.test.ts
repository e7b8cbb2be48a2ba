import { describe, expect, it } from 'vitest';
import { diffText, runsText, setRunsText, spliceRuns } from '../../../src/lib/editor/text-edit';
import type { TextRun } from '../../../src/lib/document/schema';

const run = (text: string, color = '#000000', size = 40): TextRun => ({
	text,
	family: 'Noto Sans SC',
	weight: 700,
	italic: false,
	size,
	color
});

describe('spliceRuns', () => {
	it('inserts into the run at the caret, keeping its style', () => {
		const runs = [run('春节', '#FF0000'), run('大促', '#0000FF')];
		const out = spliceRuns(runs, 2, 2, '限时');
		expect(runsText(out)).toBe('春节限时大促');
		expect(out[0]).toMatchObject({ text: '春节限时', color: '#FF0000' });
		expect(out[1]).toMatchObject({ text: '大促', color: '#0000FF' });
	});

	it('inserts at 0 with the first run style', () => {
		const out = spliceRuns([run('abc', '#FF0000'), run('def')], 0, 0, 'X');
		expect(out[0].text).toBe('Xabc');
	});

	it('deletes across runs and drops emptied ones', () => {
		const out = spliceRuns([run('ab', '#FF0000'), run('cd', '#00FF00'), run('ef')], 1, 5, '');
		expect(out.map((r) => r.text)).toEqual(['a', 'f']);
	});

	it('keeps one (empty) run when all text is deleted', () => {
		const out = spliceRuns([run('ab'), run('cd', '#FF0000')], 0, 4, '');
		expect(out).toHaveLength(1);
		expect(out[0].text).toBe('');
	});

	it('merges runs that end up with the same style', () => {
		const out = spliceRuns([run('ab'), run('X', '#FF0000'), run('cd')], 2, 3, '');
		expect(out).toEqual([run('abcd')]);
	});
});

describe('setRunsText / diffText', () => {
	it('finds the minimal edit', () => {
		expect(diffText('你好世界', '你好，新世界')).toEqual({ start: 2, end: 2, insert: '，新' });
		expect(diffText('aaa', 'aa')).toEqual({ start: 2, end: 3, insert: '' });
	});

	it('replaces the whole text keeping styles of unchanged parts', () => {
		const out = setRunsText([run('Hello ', '#FF0000'), run('世界', '#0000FF')], 'Hello 新世界');
		expect(out.map((r) => [r.text, r.color])).toEqual([
			['Hello 新', '#FF0000'],
			['世界', '#0000FF']
		]);
	});
});
