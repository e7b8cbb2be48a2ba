import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveLayers } from '../../../src/lib/document/operations';
import type { Db } from '../../../src/lib/server/storage/db';
import { openDb } from '../../../src/lib/server/storage/db';
import {
	createDocument,
	deleteDocument,
	documentTables,
	duplicateDocument,
	getDocument,
	getDocumentVersion,
	KEEP_VERSIONS,
	listDocuments,
	listDocumentVersions,
	renameDocument,
	restoreDocument,
	saveDocument
} from '../../../src/lib/server/storage/documents';
import {
	AlreadyExistsError,
	ConflictError,
	NotFoundError,
	ValidationError
} from '../../../src/lib/server/storage/errors';
import { makeDoc, rect, text, V0_DOCUMENT } from '../document/fixtures';
import { tempStore } from './helpers';

let store: ReturnType<typeof tempStore>;
let db: Db;
beforeEach(() => {
	store = tempStore();
	db = store.db;
});
afterEach(() => store.cleanup());

const sample = () => makeDoc([rect('bg', 0, 0, 600, 800), text('title', 50, 50, 500, 100)]);
const rowCount = (table: string) =>
	(db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('documents', () => {
	it('round-trips a document through SQLite, across connections', () => {
		const created = createDocument(sample(), db);
		expect(created.revision).toBe(1);
		const loaded = getDocument('doc1', db)!;
		expect(loaded.document).toEqual(created.document);
		expect(loaded.revision).toBe(1);

		const edited = moveLayers(loaded.document, ['title'], 10, 0);
		const saved = saveDocument(edited, 1, db);
		expect(saved.revision).toBe(2);

		const other = openDb(store.path); // a second process sees the committed save
		try {
			const again = getDocument('doc1', other)!;
			expect(again.revision).toBe(2);
			expect(again.document.layers[1].x).toBe(60);
			expect(again.updatedAt).toBe(saved.updatedAt);
			expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
		} finally {
			other.close();
		}
		expect(listDocuments(db)).toEqual([
			expect.objectContaining({ id: 'doc1', title: 'Test', preset: 'custom', revision: 2 })
		]);
		expect(listDocumentVersions('doc1', db).map((v) => [v.revision, v.reason])).toEqual([[1, 'save']]);
		expect(getDocumentVersion('doc1', 1, db)!.layers[1].x).toBe(50);
		expect(getDocument('nope', db)).toBeNull();
	});

	it('never writes a document that fails validation, and says where and why', () => {
		createDocument(sample(), db);
		const before = db.prepare('SELECT body, revision FROM documents').get();
		const broken = {
			...sample(),
			layers: [{ ...sample().layers[1], runs: [{ text: 'x', family: 'A', size: 12, color: 'FF0000' }] }]
		};
		expect(() => saveDocument(broken, 1, db)).toThrow(ValidationError);
		try {
			saveDocument(broken, 1, db);
		} catch (e) {
			const err = e as ValidationError;
			expect(err.message).toContain(
				'layers[0].runs[0].color (layer "title"): colour must be #RRGGBB or #RRGGBBAA'
			);
			expect(err.bilingual.zh).toContain('文档无效');
			expect(err.issues[0].path).toBe('layers[0].runs[0].color (layer "title")');
		}
		expect(db.prepare('SELECT body, revision FROM documents').get()).toEqual(before);
		expect(rowCount('document_versions')).toBe(0);
		expect(() =>
			createDocument({ ...sample(), id: 'other', page: { preset: 'a4', width: 0, height: 1 } }, db)
		).toThrow(/page\.width/);
		expect(listDocuments(db).map((d) => d.id)).toEqual(['doc1']);
	});

	it('detects a stale revision (another tab saved first) and keeps the newer save', () => {
		createDocument(sample(), db);
		const tabA = getDocument('doc1', db)!;
		const tabB = getDocument('doc1', db)!;
		saveDocument({ ...tabA.document, title: 'from A' }, tabA.revision, db);
		let conflict: ConflictError | null = null;
		try {
			saveDocument({ ...tabB.document, title: 'from B' }, tabB.revision, db);
		} catch (e) {
			conflict = e as ConflictError;
		}
		expect(conflict).toBeInstanceOf(ConflictError);
		expect(conflict!.currentRevision).toBe(2);
		expect(conflict!.expectedRevision).toBe(1);
		expect(conflict!.status).toBe(409);
		expect(getDocument('doc1', db)!.document.title).toBe('from A');
		expect(() => saveDocument({ ...sample(), id: 'ghost' }, 1, db)).toThrow(NotFoundError);
		expect(() => createDocument(sample(), db)).toThrow(AlreadyExistsError);
	});

	it('is atomic: a failure in the middle of a save leaves the old version and no stray history', () => {
		createDocument(sample(), db);
		// The save writes the history row first, then the update fails: both must roll back.
		db.exec(
			`CREATE TRIGGER fail_save BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`
		);
		expect(() => saveDocument({ ...sample(), title: 'lost?' }, 1, db)).toThrow(/simulated disk failure/);
		expect(rowCount('document_versions')).toBe(0);
		const after = getDocument('doc1', db)!;
		expect(after.revision).toBe(1);
		expect(after.document.title).toBe('Test');
		db.exec('DROP TRIGGER fail_save');
		expect(saveDocument({ ...sample(), title: 'saved' }, 1, db).revision).toBe(2);
	});

	it('migrates a v0 document read from storage, and saves it back as the current version', () => {
		documentTables(db)
			.prepare(
				`INSERT INTO documents (id, title, preset, template_id, schema_version, revision, body, created_at, updated_at)
			 VALUES ('old1', '开业大吉', 'a3', NULL, 0, 7, ?, '2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z')`
			)
			.run(JSON.stringify(V0_DOCUMENT));
		const loaded = getDocument('old1', db)!;
		expect(loaded.revision).toBe(7);
		expect(loaded.document.schemaVersion).toBe(1);
		expect(loaded.document.page.background).toBe('#FFF8E7');
		expect(loaded.document.layers.map((l) => l.type)).toEqual(['shape', 'group', 'image']);
		saveDocument(loaded.document, 7, db);
		const row = db.prepare("SELECT schema_version, body FROM documents WHERE id = 'old1'").get() as {
			schema_version: number;
			body: string;
		};
		expect(row.schema_version).toBe(1);
		expect(JSON.parse(row.body).schemaVersion).toBe(1);
		// The v0 original is kept as the previous version.
		expect(
			JSON.parse((db.prepare('SELECT body FROM document_versions').get() as { body: string }).body).version
		).toBe(0);
	});

	it('keeps a bounded history and the last version of a deleted document', () => {
		createDocument(sample(), db);
		for (let r = 1; r <= KEEP_VERSIONS + 5; r++) saveDocument({ ...sample(), title: `v${r + 1}` }, r, db);
		expect(listDocumentVersions('doc1', db)).toHaveLength(KEEP_VERSIONS);
		expect(deleteDocument('doc1', db)).toBe(true);
		expect(deleteDocument('doc1', db)).toBe(false);
		expect(getDocument('doc1', db)).toBeNull();
		const [last] = listDocumentVersions('doc1', db);
		expect(last.reason).toBe('delete');
		expect(getDocumentVersion('doc1', last.revision, db)!.title).toBe(`v${KEEP_VERSIONS + 6}`);
	});

	it('deletes softly: the design leaves lists and loads, and restore brings it back unchanged', () => {
		createDocument(sample(), db);
		saveDocument({ ...sample(), title: '第二版' }, 1, db);
		expect(deleteDocument('doc1', db)).toBe(true);
		expect(getDocument('doc1', db)).toBeNull();
		expect(listDocuments(db)).toEqual([]);
		expect(() => saveDocument(sample(), 2, db)).toThrow(NotFoundError);
		expect(rowCount('documents')).toBe(1); // still on disk
		expect(restoreDocument('doc1', db)).toBe(true);
		expect(restoreDocument('doc1', db)).toBe(false); // not deleted any more
		const back = getDocument('doc1', db)!;
		expect(back.revision).toBe(2);
		expect(back.document.title).toBe('第二版');
		expect(listDocuments(db).map((d) => d.id)).toEqual(['doc1']);
		expect(restoreDocument('nope', db)).toBe(false);
	});

	it('renames (a new revision) and duplicates under a new id', () => {
		createDocument(sample(), db);
		const renamed = renameDocument('doc1', '春节海报', db);
		expect(renamed.revision).toBe(2);
		expect(getDocument('doc1', db)!.document.title).toBe('春节海报');
		const copy = duplicateDocument('doc1', 'doc2', '春节海报 副本', db);
		expect(copy.revision).toBe(1);
		expect(copy.document.layers).toEqual(getDocument('doc1', db)!.document.layers);
		expect(
			listDocuments(db)
				.map((d) => d.title)
				.sort()
		).toEqual(['春节海报', '春节海报 副本']);
		expect(() => renameDocument('gone', 'x', db)).toThrow(NotFoundError);
		expect(() => duplicateDocument('doc1', 'doc2', 'again', db)).toThrow(AlreadyExistsError);
	});
});
