#!/usr/bin/env node
// `npm test`: every test — lint (import boundaries, formatting), type check, unit and server tests (Vitest), then the
// built app end to end in Debian Chromium (Playwright). Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemTools } from './system-deps.js';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'tests', '.tmp');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

ensureSystemTools();

const run = (cmd, args, env = {}) =>
	spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
const only = process.argv[2]; // optional: "unit" or "e2e"

console.log('\n== lint (eslint: import boundaries; prettier) ==');
if (!only) {
	if (run('npx', ['eslint', '--max-warnings=0', 'src', 'tests', 'scripts', 'bench']) === 0) passed++;
	else failed++;
	if (run('npx', ['prettier', '--check', '--log-level=warn', '.']) === 0) passed++;
	else failed++;
	console.log('\n== type check (svelte-check, strict TypeScript) ==');
	run('npx', ['svelte-kit', 'sync']);
	if (run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']) === 0) passed++;
	else failed++;
}

if (!only || only === 'unit') {
	console.log('\n== unit and server tests (vitest) ==');
	const report = join(outDir, 'vitest.json');
	const status = run('npx', [
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile=${report}`
	]);
	if (existsSync(report)) {
		const r = JSON.parse(readFileSync(report, 'utf8'));
		passed += r.numPassedTests;
		failed += r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
	} else failed++;
}

if (!only || only === 'e2e') {
	console.log('\n== build ==');
	if (run('npx', ['vite', 'build']) !== 0) failed++;
	else {
		console.log('\n== end to end (playwright, Debian chromium) ==');
		const report = join(outDir, 'playwright.json');
		const status = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
		if (existsSync(report)) {
			const s = JSON.parse(readFileSync(report, 'utf8')).stats;
			passed += s.expected + (s.flaky ?? 0);
			failed += s.unexpected + (status !== 0 && s.unexpected === 0 ? 1 : 0);
		} else failed++;
	}
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
