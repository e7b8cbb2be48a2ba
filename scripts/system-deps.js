// The system tools tests need (Debian packages): installs them when running as root, otherwise
// stops with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const systemTools = [
	{ path: '/usr/bin/chromium', pkg: 'chromium' },
	{ path: '/usr/bin/pdftoppm', pkg: 'poppler-utils' },
	{ path: '/usr/bin/mutool', pkg: 'mupdf-tools' },
	// ImageMagick reads PNG/JPEG resolution back in the export tests.
	{ path: '/usr/bin/identify', pkg: 'imagemagick' }
];

export function ensureSystemTools() {
	const missing = systemTools.filter((t) => !existsSync(t.path)).map((t) => t.pkg);
	if (missing.length === 0) return;
	const line = `apt-get update && apt-get install -y ${missing.join(' ')}`;
	const isRoot = process.getuid?.() === 0;
	if (!isRoot) {
		console.error(`Missing system packages: ${missing.join(', ')}.\nRun as root:\n  sudo ${line}`);
		process.exit(1);
	}
	console.log(`Installing ${missing.join(', ')} (Debian packages)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['update', '-qq'],
		['install', '-y', '-qq', ...missing]
	]) {
		const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
		if (r.status !== 0) {
			console.error(`apt-get failed. Run by hand:\n  ${line}`);
			process.exit(1);
		}
	}
	execFileSync('/usr/bin/chromium', ['--version'], { stdio: 'inherit' });
}
