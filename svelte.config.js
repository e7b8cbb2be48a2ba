import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { bundleWorkers } from './scripts/build-workers.js';

const node = adapter({ out: 'build' });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// adapter-node, then the worker-thread entries bundled beside the server (build/workers).
		adapter: {
			...node,
			async adapt(builder) {
				await node.adapt(builder);
				await bundleWorkers({
					serverDir: builder.getServerDirectory(),
					out: 'build',
					log: builder.log.minor
				});
			}
		},
		// The server reads fonts/ and templates/ from the project root at run time.
		alias: {}
	}
};

export default config;
