// The embedded SQLite store (better-sqlite3): one file, HAIBAO_DATA/haibao.sqlite, in WAL mode so
// readers never wait for the writer. Each module owns its tables and creates them through
// `migrateSchema(db, module, steps)`, which records applied steps in `schema_migrations`.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type Db = Database.Database;

/** The data folder: HAIBAO_DATA, or ./data under the working directory. */
export const dataDir = () => resolve(process.env.HAIBAO_DATA || './data');

/** Where files belonging to a database live (assets/…): beside the database file. */
export const dataDirOf = (db: Db) => dirname(db.name);

export function openDb(path: string): Db {
	mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	// Several processes (the app, the CLI, tests) may share a file: wait for a lock instead of failing.
	db.pragma('busy_timeout = 5000');
	db.pragma('synchronous = NORMAL');
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		module TEXT PRIMARY KEY,
		version INTEGER NOT NULL,
		applied_at TEXT NOT NULL
	)`);
	return db;
}

/**
 * Bring a module's tables up to date: `steps[i]` moves it from version i to i+1. Steps run once,
 * in order, each in its own transaction with the version record, so a failed step leaves nothing
 * half-applied. Never edit a released step; append a new one.
 */
export function migrateSchema(db: Db, module: string, steps: readonly (string | ((db: Db) => void))[]): void {
	const current = () =>
		(
			db.prepare('SELECT version FROM schema_migrations WHERE module = ?').get(module) as
				{ version: number } | undefined
		)?.version ?? 0;
	if (current() >= steps.length) return;
	const apply = db.transaction((i: number) => {
		if (current() !== i) return; // another connection got there first
		const step = steps[i];
		if (typeof step === 'string') db.exec(step);
		else step(db);
		db.prepare(
			`INSERT INTO schema_migrations (module, version, applied_at) VALUES (?, ?, ?)
			 ON CONFLICT(module) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at`
		).run(module, i + 1, new Date().toISOString());
	});
	for (let i = current(); i < steps.length; i++) apply.immediate(i);
}

/**
 * A module's `tables(db)` function: brings its tables up to date (migrateSchema) the first time it
 * sees a connection, then returns the connection, so queries can start `tables(db).prepare(…)`.
 */
export function moduleTables(
	module: string,
	steps: readonly (string | ((db: Db) => void))[]
): (db: Db) => Db {
	const ready = new WeakSet<Db>();
	return (db) => {
		if (ready.has(db)) return db;
		migrateSchema(db, module, steps);
		ready.add(db);
		return db;
	};
}

let shared: Db | null = null;

/** The app's database, opened on first use. */
export function getDb(): Db {
	if (!shared || !shared.open) shared = openDb(join(dataDir(), 'haibao.sqlite'));
	return shared;
}

/** Close the shared database (CLI exit, tests). */
export function closeDb(): void {
	shared?.close();
	shared = null;
}
