// Calling a SvelteKit +server.ts handler directly with a real Request, as the app would.
export type Handler = (event: never) => Response | Promise<Response>;

export interface RouteCall {
	method?: string;
	url?: string;
	body?: BodyInit;
	headers?: Record<string, string>;
	params?: Record<string, string>;
	locale?: 'zh' | 'en';
}

export function callRoute(handler: Handler, init: RouteCall = {}) {
	const url = new URL(init.url ?? 'http://localhost/api');
	const request = new Request(url, { method: init.method ?? 'GET', body: init.body, headers: init.headers });
	return handler({
		request,
		url,
		params: init.params ?? {},
		locals: { locale: init.locale ?? 'en' }
	} as never);
}

export const jsonBody = (value: unknown) => ({
	body: JSON.stringify(value),
	headers: { 'content-type': 'application/json' }
});
