// Where a worker thread's code is. The production build contains every worker as its own entry
// (build/workers/<name>.js, written by the adapter step in svelte.config.js; vite's server output
// has them as .svelte-kit/output/server/workers/<name>.js): nothing at run time needs src/ or a
// TypeScript loader. Running from source (vite dev, vitest, the CLI through tsx) the worker loads
// its .ts file through tsx's ESM loader instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Worker entries: name → source file (relative to the project root). Keep in sync with svelte.config.js. */
export const WORKER_SOURCES = {
	render: 'src/lib/server/jobs/render-worker.ts',
	zimage: 'src/lib/server/generation/zimage/worker.ts',
	ocr: 'src/lib/server/ocr/worker.ts'
} as const;
export type WorkerName = keyof typeof WORKER_SOURCES;

const here = fileURLToPath(import.meta.url);
const fromSource = /\.[cm]?ts$/.test(here);

/** The repository root (package.json named "haibao"), found from this module. */
export function findProjectRoot(from = dirname(here)): string {
	let dir = from;
	for (;;) {
		const pkg = join(dir, 'package.json');
		if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'haibao') return dir;
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`cannot find the haibao project root above ${from}`);
		dir = parent;
	}
}

/** The built worker file: the nearest workers/<name>.js above this (bundled) module. */
export function builtWorkerFile(name: WorkerName, from = dirname(here)): string {
	let dir = from;
	for (;;) {
		const file = join(dir, 'workers', `${name}.js`);
		if (existsSync(file)) return file;
		const parent = dirname(dir);
		if (parent === dir)
			throw new Error(
				`the built worker "${name}" is missing (workers/${name}.js above ${from}): rebuild with npm run build`
			);
		dir = parent;
	}
}

/** tsx's ESM register API (its CommonJS twin cannot be imported from an eval'd worker). */
function tsxEsmApi(root: string): string {
	const pkgPath = createRequire(join(root, 'package.json')).resolve('tsx/package.json');
	const exportsMap = JSON.parse(readFileSync(pkgPath, 'utf8')).exports['./esm/api'];
	return join(dirname(pkgPath), exportsMap.import.default ?? exportsMap.import);
}

/** Starts worker `name`: the built file in production, its TypeScript source through tsx otherwise. */
export function startWorker(name: WorkerName, options: WorkerOptions = {}): Worker {
	const opts = { name: `haibao-${name}`, ...options };
	if (!fromSource) return new Worker(builtWorkerFile(name), opts);
	const root = findProjectRoot();
	const entry = pathToFileURL(join(root, WORKER_SOURCES[name])).href;
	const tsx = pathToFileURL(tsxEsmApi(root)).href;
	const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
	return new Worker(boot, { ...opts, eval: true });
}
