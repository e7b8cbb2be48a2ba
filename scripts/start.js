#!/usr/bin/env node
// `npm start`: build the app when the build is missing or older than the sources, then serve it on :3000.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'build', 'index.js');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

const sourcesChanged = () =>
	Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs) >
	statSync(built).mtimeMs;

if (!existsSync(built) || sourcesChanged()) {
	console.log('Building Haibao…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ??= '3000';
process.env.BODY_SIZE_LIMIT ??= '52428800';
console.log(`Haibao 海报 on http://localhost:${process.env.PORT}`);
await import(built);
