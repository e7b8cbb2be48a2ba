// Worker threads in the production build. vite's server build has each worker as an entry
// (vite.config.ts: .svelte-kit/output/server/workers/<name>.js); after adapter-node has written
// build/, this bundles them the way adapter-node bundles the server (dependencies stay external,
// everything else is inlined) into build/workers/<name>.js, so `node build` needs neither src/ nor
// a TypeScript loader. Called from svelte.config.js.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Worker name → source file; the runtime's list is src/lib/server/jobs/worker-entry.ts. */
export const WORKER_SOURCES = {
	render: 'src/lib/server/jobs/render-worker.ts',
	zimage: 'src/lib/server/generation/zimage/worker.ts',
	ocr: 'src/lib/server/ocr/worker.ts'
};

export async function bundleWorkers({ serverDir, out, log = console.log }) {
	// rollup and its plugins come with adapter-node (the tools it bundles the server with).
	const fromAdapter = createRequire(import.meta.resolve('@sveltejs/adapter-node'));
	const load = async (name) => {
		const mod = await import(pathToFileURL(fromAdapter.resolve(name)).href);
		return mod.default ?? mod;
	};
	const { rollup } = await load('rollup');
	const { nodeResolve } = await import(
		pathToFileURL(fromAdapter.resolve('@rollup/plugin-node-resolve')).href
	);
	const commonjs = await load('@rollup/plugin-commonjs');
	const json = await load('@rollup/plugin-json');
	const input = {};
	for (const name of Object.keys(WORKER_SOURCES)) {
		const file = join(serverDir, 'workers', `${name}.js`);
		if (!existsSync(file)) throw new Error(`worker entry missing from the server build: ${file}`);
		input[name] = file;
	}
	const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
	const bundle = await rollup({
		input,
		external: [...Object.keys(pkg.dependencies || {}).map((d) => new RegExp(`^${d}(\\/.*)?$`))],
		plugins: [
			nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
			commonjs({ strictRequires: true }),
			json()
		],
		onwarn(warning, warn) {
			if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
		}
	});
	await bundle.write({
		dir: join(out, 'workers'),
		format: 'esm',
		sourcemap: true,
		chunkFileNames: 'chunks/[name]-[hash].js'
	});
	await bundle.close();
	log(
		`Bundled worker threads: ${Object.keys(input)
			.map((n) => `${out}/workers/${n}.js`)
			.join(', ')}`
	);
}
