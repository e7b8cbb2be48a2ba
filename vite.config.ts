import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { WORKER_SOURCES } from './scripts/build-workers.js';

/** Worker-thread files become entries of the server build (workers/<name>.js); see scripts/build-workers.js. */
function workerEntries(): Plugin {
	let ssr = false;
	return {
		name: 'haibao:worker-entries',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		options(options) {
			if (!ssr) return;
			const input = options.input;
			const named: Record<string, string> =
				typeof input === 'string'
					? { index: input }
					: Array.isArray(input)
						? Object.fromEntries(input.map((f, i) => [`entry${i}`, f]))
						: { ...input };
			for (const [name, file] of Object.entries(WORKER_SOURCES)) named[`workers/${name}`] = file;
			return { ...options, input: named };
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), workerEntries()],
	server: { port: 3000, fs: { allow: ['fonts', 'templates'] } },
	ssr: {
		// Native and wasm packages stay outside the server bundle.
		external: [
			'better-sqlite3',
			'sharp',
			'onnxruntime-node',
			'@napi-rs/canvas',
			'harfbuzzjs',
			'pdfkit',
			'fontkit'
		]
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
