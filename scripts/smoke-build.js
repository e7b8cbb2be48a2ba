#!/usr/bin/env node
// Checks that the production build runs its worker threads by itself: copies build/, fonts/,
// templates/ and package.json to a temp folder without src/ and with every package but tsx, starts
// `node build` there (PORT, default 4199) with the tiny test model, and drives one thumbnail, a
// preflight, a PNG export job (events and download), a cancelled export and a generation.
// Usage: npm run build && node scripts/smoke-build.js [port]
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.argv[2] ?? 4199);
const dir = mkdtempSync(join(tmpdir(), 'haibao-smoke-'));
for (const f of ['build', 'fonts', 'templates', 'package.json'])
	cpSync(join(root, f), join(dir, f), { recursive: true });
cpSync(join(root, 'tests/fixtures/tiny-zimage'), join(dir, 'tiny'), { recursive: true });
mkdirSync(join(dir, 'node_modules'));
for (const name of readdirSync(join(root, 'node_modules')))
	if (name !== 'tsx') symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));

const server = spawn(process.execPath, ['build'], {
	cwd: dir,
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		HAIBAO_DATA: join(dir, 'data'),
		ZIMAGE_MODEL_DIR: join(dir, 'tiny')
	},
	stdio: ['ignore', 'inherit', 'inherit']
});
const base = `http://127.0.0.1:${port}`;
const check = (ok, what) => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) process.exitCode = 1;
};
const post = (path, body) =>
	fetch(base + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
const until = async (test) => {
	for (let i = 0; i < 600; i++) {
		const v = await test();
		if (v) return v;
		await new Promise((r) => setTimeout(r, 100));
	}
	return null;
};

try {
	await until(() =>
		fetch(`${base}/api/presets`).then(
			(r) => r.ok,
			() => false
		)
	);
	const thumb = await fetch(`${base}/templates/sale-burst/thumbnail.png?format=a3&size=200`);
	check(thumb.ok && thumb.headers.get('content-type') === 'image/png', 'template thumbnail (render thread)');
	const poster = {
		schemaVersion: 1,
		id: 'smoke',
		title: '冒烟测试',
		page: {
			preset: 'a3',
			width: 841.89,
			height: 1190.55,
			bleedMm: 3,
			safeMm: 5,
			dpi: 300,
			background: '#E63946'
		},
		layers: [],
		createdAt: '2025-01-01T00:00:00.000Z',
		updatedAt: '2025-01-01T00:00:00.000Z'
	};
	const preflight = await post('/api/preflight', { document: poster });
	check(preflight.ok && Array.isArray((await preflight.json()).issues), 'preflight (render thread)');
	const job = await post('/api/export', { document: poster, format: 'png', async: true }).then((r) =>
		r.json()
	);
	const events = await fetch(`${base}/api/export/${job.id}`, {
		headers: { accept: 'text/event-stream' }
	}).then((r) => r.text());
	check(/event: done/.test(events), 'export job streams progress and ends with "done"');
	const file = await fetch(`${base}/api/export/${job.id}/file`);
	check(
		file.ok && file.headers.get('content-type') === 'image/png',
		`export file downloads (${file.headers.get('content-length')} bytes)`
	);
	const big = await post('/api/export', { document: poster, format: 'png', dpi: 600, async: true }).then(
		(r) => r.json()
	);
	await until(() =>
		fetch(`${base}/api/export/${big.id}`)
			.then((r) => r.json())
			.then((s) => s.state === 'running')
	);
	await post(`/api/export/${big.id}/cancel`, {});
	const ended = await until(() =>
		fetch(`${base}/api/export/${big.id}`)
			.then((r) => r.json())
			.then((s) => (s.state === 'running' ? null : s))
	);
	check(ended?.state === 'cancelled', 'a running export is cancelled');
	const gen = await post('/api/generate', { prompt: '红色海报', width: 64, height: 64, count: 1 }).then((r) =>
		r.json()
	);
	const done = await until(() =>
		fetch(`${base}/api/jobs/${gen.jobs[0].id}`)
			.then((r) => r.json())
			.then((j) => (['done', 'failed'].includes(j.status) ? j : null))
	);
	check(
		done?.status === 'done',
		`generation in the built zimage worker (tiny test model): ${done?.status} ${done?.error ?? ''}`
	);
} finally {
	server.kill();
	rmSync(dir, { recursive: true, force: true });
}
