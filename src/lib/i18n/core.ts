// Pure i18n core: no runes, safe in the server, the CLI and tests. See index.ts for usage.
import { messages, type MessageKey } from './messages';

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh';
export const LOCALE_COOKIE = 'haibao-locale';
/** The value of <html lang> for each locale. */
export const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** A string in both languages (template names, field labels, validation messages…). */
export interface Bilingual {
	zh: string;
	en: string;
}

export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return value === 'zh' || value === 'en';
}

/** Replaces {name} placeholders; unknown placeholders stay visible so mistakes show. */
export function format(text: string, params?: Params): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const entry = messages[key];
	return format(entry ? entry[locale] : key, params);
}

/** Picks one language of a pair; falls back to the other when a side is empty. */
export function pickFor(
	locale: Locale,
	pair: Partial<Bilingual> | string | null | undefined,
	params?: Params
): string {
	if (pair == null) return '';
	if (typeof pair === 'string') return format(pair, params);
	const other: Locale = locale === 'zh' ? 'en' : 'zh';
	return format(pair[locale] || pair[other] || '', params);
}
