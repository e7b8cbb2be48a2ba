import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { closeDb, getDb, migrateSchema } from '../../../src/lib/server/storage/db';
import { tempStore } from './helpers';

let store: ReturnType<typeof tempStore>;
beforeEach(() => (store = tempStore()));
afterEach(() => store.cleanup());

describe('db', () => {
	it('opens with WAL and foreign keys', () => {
		expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
	});

	it('applies schema steps once, in order, and rolls back a failing step', () => {
		const steps = ['CREATE TABLE t (a INTEGER)', 'ALTER TABLE t ADD COLUMN b TEXT'];
		migrateSchema(store.db, 'test', steps);
		migrateSchema(store.db, 'test', steps); // idempotent
		expect(store.db.prepare("SELECT version FROM schema_migrations WHERE module = 'test'").get()).toEqual({
			version: 2
		});
		const broken = [...steps, 'CREATE TABLE u (x INTEGER); CREATE TABLE t (dup INTEGER)'];
		expect(() => migrateSchema(store.db, 'test', broken)).toThrow(/already exists/);
		expect(store.db.prepare("SELECT version FROM schema_migrations WHERE module = 'test'").get()).toEqual({
			version: 2
		});
		expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").get()).toBeUndefined();
	});

	it('getDb() opens HAIBAO_DATA/haibao.sqlite once', () => {
		const previous = process.env.HAIBAO_DATA;
		process.env.HAIBAO_DATA = join(store.dir, 'data');
		try {
			const db = getDb();
			expect(getDb()).toBe(db);
			expect(db.name).toBe(join(store.dir, 'data', 'haibao.sqlite'));
		} finally {
			closeDb();
			process.env.HAIBAO_DATA = previous;
		}
	});
});
