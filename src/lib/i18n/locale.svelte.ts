// The current language as Svelte 5 state, so every t()/pick() read in markup re-renders on switch.
// On the server this module is shared by all requests; that is safe because the root layout sets
// the locale at the start of each (synchronous) render, before any child component reads it.
import { messages, type MessageKey } from './messages';
import {
	DEFAULT_LOCALE,
	HTML_LANG,
	LOCALE_COOKIE,
	pickFor,
	translate,
	type Bilingual,
	type Locale,
	type Params
} from './core';

let current = $state<Locale>(DEFAULT_LOCALE);

export function getLocale(): Locale {
	return current;
}

export function setLocale(locale: Locale): void {
	current = locale;
}

/** Translate a key of the message table in the current language. */
export function t(key: MessageKey, params?: Params): string {
	return key in messages ? translate(current, key, params) : key;
}

/** One language of a {zh, en} pair (template data, or a one-off string) in the current language. */
export function pick(pair: Partial<Bilingual> | string | null | undefined, params?: Params): string {
	return pickFor(current, pair, params);
}

/** Browser: change language now and remember it for a year (the server reads the same cookie). */
export function switchLocale(locale: Locale): void {
	current = locale;
	if (typeof document === 'undefined') return;
	document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
	document.documentElement.lang = HTML_LANG[locale];
}
