// The controller's timing and conflict handling, against an in-memory store with the API's
// revision rules (the HTTP store itself is exercised end to end in tests/e2e/editor.spec.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type SaveOutcome } from '../../../src/lib/editor/autosave';
import type { PosterDocument } from '../../../src/lib/document/schema';
import { makeDoc } from './fixtures';

function store(initial: PosterDocument) {
	const s = { doc: initial, revision: 1, saves: 0 };
	const save = async (doc: PosterDocument, expected: number): Promise<SaveOutcome> => {
		s.saves++;
		if (expected !== s.revision) return { ok: false, conflict: { revision: s.revision, document: s.doc } };
		s.doc = doc;
		s.revision++;
		return { ok: true, revision: s.revision };
	};
	return { s, save };
}

describe('AutosaveController', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('saves once, within 2 s after the last of several changes', async () => {
		const doc = makeDoc();
		const { s, save } = store(doc);
		const states: string[] = [];
		const c = new AutosaveController(doc, 1, {
			save,
			delayMs: 1500,
			onState: (st) => states.push(st.status)
		});
		c.change({ ...doc, title: 'a' });
		await vi.advanceTimersByTimeAsync(1000);
		c.change({ ...doc, title: 'ab' });
		await vi.advanceTimersByTimeAsync(1000);
		expect(s.saves).toBe(0);
		await vi.advanceTimersByTimeAsync(600);
		expect(s.saves).toBe(1);
		expect(s.doc.title).toBe('ab');
		expect(c.current.status).toBe('saved');
		expect(c.current.revision).toBe(2);
		expect(states).toEqual(['pending', 'pending', 'saving', 'saved']);
	});

	it('detects a conflict, never overwrites silently, and resolves either way', async () => {
		const doc = makeDoc();
		const { s, save } = store(doc);
		const c = new AutosaveController(doc, 1, { save, delayMs: 100 });
		// Another tab saves first.
		s.doc = { ...doc, title: 'theirs' };
		s.revision = 2;
		c.change({ ...doc, title: 'mine' });
		await vi.advanceTimersByTimeAsync(200);
		expect(c.current.status).toBe('conflict');
		expect(s.doc.title).toBe('theirs');
		c.change({ ...doc, title: 'mine 2' });
		await vi.advanceTimersByTimeAsync(500);
		expect(s.doc.title).toBe('theirs'); // still waiting for the user
		await c.keepMine();
		expect(s.doc.title).toBe('mine 2');
		expect(c.current.status).toBe('saved');

		s.doc = { ...doc, title: 'theirs again' };
		s.revision++;
		c.change({ ...doc, title: 'mine 3' });
		await vi.advanceTimersByTimeAsync(200);
		expect(c.current.status).toBe('conflict');
		const loaded = c.loadTheirs();
		expect(loaded?.title).toBe('theirs again');
		expect(c.current.revision).toBe(s.revision);
		expect(c.dirty).toBe(false);
	});

	it('retries after an error and keeps the change', async () => {
		const doc = makeDoc();
		let fail = true;
		const { s, save } = store(doc);
		const flaky = async (d: PosterDocument, r: number): Promise<SaveOutcome> =>
			fail ? { ok: false, error: 'offline' } : save(d, r);
		const c = new AutosaveController(doc, 1, { save: flaky, delayMs: 100, retryMs: 1000 });
		c.change({ ...doc, title: 'x' });
		await vi.advanceTimersByTimeAsync(150);
		expect(c.current.status).toBe('error');
		fail = false;
		await vi.advanceTimersByTimeAsync(1100);
		expect(c.current.status).toBe('saved');
		expect(s.doc.title).toBe('x');
	});
});
