import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
