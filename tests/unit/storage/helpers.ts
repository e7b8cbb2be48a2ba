// A real SQLite file in a fresh temporary folder per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../../src/lib/server/storage/db';

export function tempStore(): { dir: string; path: string; db: Db; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'haibao-storage-'));
	const path = join(dir, 'haibao.sqlite');
	const db = openDb(path);
	return {
		dir,
		path,
		db,
		cleanup: () => {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
