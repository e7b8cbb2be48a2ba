// i18n: the message table is complete in both languages, placeholders fill, the reactive t()
// follows setLocale, and the server hook picks the language from ?lang= or the cookie.
import { describe, expect, it } from 'vitest';
import {
	format,
	messages,
	pickFor,
	translate,
	setLocale,
	t,
	pick,
	getLocale,
	type MessageKey
} from '../../../src/lib/i18n';
import { handle } from '../../../src/hooks.server';

describe('message table', () => {
	it('has both languages for every key, with the same placeholders', () => {
		for (const [key, entry] of Object.entries(messages)) {
			expect(entry.zh.trim(), key).not.toBe('');
			expect(entry.en.trim(), key).not.toBe('');
			const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(names(entry.zh), key).toEqual(names(entry.en));
		}
	});

	it('translates with placeholders', () => {
		expect(translate('zh', 'gallery.count', { n: 12 })).toBe('共 12 个模板');
		expect(translate('en', 'gallery.count', { n: 12 })).toBe('12 templates');
		expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
	});

	it('picks a side of a pair, falling back to the other', () => {
		expect(pickFor('en', { zh: '促销', en: 'Sale' })).toBe('Sale');
		expect(pickFor('en', { zh: '促销', en: '' })).toBe('促销');
		expect(pickFor('zh', null)).toBe('');
	});
});

describe('reactive locale', () => {
	it('t() and pick() follow setLocale', () => {
		setLocale('zh');
		expect(t('nav.templates')).toBe('模板');
		expect(pick({ zh: '导出', en: 'Export' })).toBe('导出');
		setLocale('en');
		expect(getLocale()).toBe('en');
		expect(t('nav.templates' as MessageKey)).toBe('Templates');
		expect(pick({ zh: '导出', en: 'Export' })).toBe('Export');
		setLocale('zh');
	});
});

describe('server hook', () => {
	async function run(url: string, cookie?: string) {
		const set: Record<string, string> = {};
		const event = {
			url: new URL(url),
			locals: {} as { locale: 'zh' | 'en' },
			cookies: {
				get: (name: string) => (name === 'haibao-locale' ? cookie : undefined),
				set: (name: string, value: string) => void (set[name] = value)
			}
		};
		let html = '';
		await handle({
			event: event as never,
			resolve: (async (
				_event: unknown,
				opts?: { transformPageChunk?: (x: { html: string; done: boolean }) => string }
			) => {
				html =
					opts?.transformPageChunk?.({ html: '<html lang="zh-CN"><body></body></html>', done: true }) ?? '';
				return new Response(html);
			}) as never
		});
		return { locale: event.locals.locale, html, set };
	}

	it('defaults to Chinese', async () => {
		const r = await run('http://x/');
		expect(r.locale).toBe('zh');
		expect(r.html).toContain('<html lang="zh-CN">');
	});

	it('reads the cookie and writes <html lang>', async () => {
		const r = await run('http://x/', 'en');
		expect(r.locale).toBe('en');
		expect(r.html).toContain('<html lang="en">');
	});

	it('?lang= wins and is remembered in the cookie; junk is ignored', async () => {
		expect((await run('http://x/?lang=en', 'zh')).set['haibao-locale']).toBe('en');
		const junk = await run('http://x/?lang=fr', 'xx');
		expect(junk.locale).toBe('zh');
		expect(junk.set).toEqual({});
	});
});
