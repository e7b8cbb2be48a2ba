// Storage entry points: documents and assets in SQLite plus files under HAIBAO_DATA.
export { closeDb, dataDir, getDb, migrateSchema, openDb, type Db } from './db';
export * from './errors';
export * from './documents';
export * from './assets';
