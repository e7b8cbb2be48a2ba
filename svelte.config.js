import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Scripts only from this site (SvelteKit adds a nonce for its inline start-up script); wasm for
		// the text shaper; images, fonts and downloads from blob:/data: URLs the editor makes itself;
		// never framed by another site (clickjacking).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				// Svelte's server render puts onload/onerror="this.__e=event" on <img> so that hydration
				// can replay load events: allowed by that one hash, no other inline handler.
				'script-src': [
					'self',
					'wasm-unsafe-eval',
					'unsafe-hashes',
					'sha256-7dQwUgLau1NFCCGjfn9FsYptB6ZtWxJin6VohGIu20I='
				],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self', 'data:', 'blob:'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// The server reads fonts/ and templates/ from the project root at run time.
		alias: {}
	}
};

export default config;
