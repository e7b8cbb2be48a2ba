// Every request: find the interface language (cookie `haibao-locale`, or `?lang=zh|en` which also
// sets the cookie, default Chinese), expose it as locals.locale, and write it into <html lang>.
import type { Handle } from '@sveltejs/kit';
import { DEFAULT_LOCALE, HTML_LANG, LOCALE_COOKIE, isLocale, type Locale } from '$lib/i18n/core';

const ONE_YEAR = 60 * 60 * 24 * 365;

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	// Older browsers that ignore CSP frame-ancestors.
	'x-frame-options': 'DENY'
};

export const handle: Handle = async ({ event, resolve }) => {
	const fromQuery = event.url.searchParams.get('lang');
	let locale: Locale = DEFAULT_LOCALE;
	if (isLocale(fromQuery)) {
		locale = fromQuery;
		event.cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			maxAge: ONE_YEAR,
			sameSite: 'lax',
			httpOnly: false,
			secure: false
		});
	} else {
		const fromCookie = event.cookies.get(LOCALE_COOKIE);
		if (isLocale(fromCookie)) locale = fromCookie;
	}
	event.locals.locale = locale;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('<html lang="zh-CN">', `<html lang="${HTML_LANG[locale]}">`)
	});
	// The CSP (with frame-ancestors) comes from svelte.config.js; these apply to every answer.
	for (const [name, value] of Object.entries(SECURITY_HEADERS))
		if (!response.headers.has(name)) response.headers.set(name, value);
	return response;
};
