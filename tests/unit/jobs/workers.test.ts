// Every worker thread is an entry of the production build: the runtime's list (worker-entry.ts) and
// the build's (scripts/build-workers.js) name the same files, and each file exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot, WORKER_SOURCES } from '../../../src/lib/server/jobs/worker-entry';
import { WORKER_SOURCES as BUILT } from '../../../scripts/build-workers.js';

describe('worker entries', () => {
	it('are the same in the runtime and in the build, and exist', () => {
		expect(BUILT).toEqual(WORKER_SOURCES);
		const root = findProjectRoot();
		for (const file of Object.values(WORKER_SOURCES)) expect(existsSync(join(root, file))).toBe(true);
	});
});
