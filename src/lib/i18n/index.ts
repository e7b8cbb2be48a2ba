/**
 * Haibao i18n — Chinese first (zh = zh-CN, the default), English switch.
 *
 * In Svelte components (reactive: re-renders when the language changes):
 *     import { t, pick, getLocale } from '$lib/i18n';
 *     {t('nav.templates')}                      → 模板 / Templates (keys in messages.ts)
 *     {t('form.count', { n: 3, max: 12 })}     → "{n}/{max}" placeholders
 *     {pick(template.name)}                     → a {zh, en} pair from data (template names…)
 *     {pick({ zh: '导出', en: 'Export' })}       → one-off strings that need no table entry
 * On the server (load functions, actions, endpoints) use the pure form with event.locals.locale:
 *     translate(locale, 'gallery.count', { n: 12 }) · pickFor(locale, pair)
 *
 * The language lives in the cookie `haibao-locale` (read in src/hooks.server.ts, which also sets
 * <html lang>); the root layout calls setLocale(data.locale) and LocaleSwitch.svelte changes it.
 */
export * from './core';
export { messages, type MessageKey } from './messages';
export { t, pick, getLocale, setLocale, switchLocale } from './locale.svelte.js';
