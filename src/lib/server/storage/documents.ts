// Poster documents in SQLite. Every write validates first (an invalid document is never written),
// runs in one transaction, and checks the caller's revision so two tabs cannot silently overwrite
// each other. The version a save replaces is kept in document_versions, so nothing is lost.
import { parseDocument } from '../../document/migrations';
import type { PosterDocument } from '../../document/schema';
import { getDb, moduleTables, type Db } from './db';
import { AlreadyExistsError, ConflictError, NotFoundError, ValidationError } from './errors';

/** Versions kept per document besides the current one. */
export const KEEP_VERSIONS = 20;

export interface StoredDocument {
	document: PosterDocument;
	revision: number;
	createdAt: string;
	updatedAt: string;
}

export interface DocumentSummary {
	id: string;
	title: string;
	preset: string;
	templateId: string | null;
	revision: number;
	createdAt: string;
	updatedAt: string;
}

export interface DocumentVersion {
	revision: number;
	savedAt: string;
	/** save: replaced by a newer revision; delete: the last version of a deleted document. */
	reason: 'save' | 'delete';
}

/** Create or update this module's tables (done on first use; exported for tools and tests). */
export const documentTables = moduleTables('documents', [
	`CREATE TABLE IF NOT EXISTS documents (
			id TEXT PRIMARY KEY,
			title TEXT NOT NULL,
			preset TEXT NOT NULL,
			template_id TEXT,
			schema_version INTEGER NOT NULL,
			revision INTEGER NOT NULL,
			body TEXT NOT NULL,
			created_at TEXT NOT NULL,
			updated_at TEXT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS documents_updated ON documents (updated_at DESC);
		CREATE TABLE IF NOT EXISTS document_versions (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			document_id TEXT NOT NULL,
			revision INTEGER NOT NULL,
			body TEXT NOT NULL,
			saved_at TEXT NOT NULL,
			reason TEXT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS document_versions_doc ON document_versions (document_id, seq);`,
	// Deleting only marks a document, so "Undo" (restoreDocument) can bring it back whole.
	`ALTER TABLE documents ADD COLUMN deleted_at TEXT`
]);

function validate(input: unknown): PosterDocument {
	const result = parseDocument(input);
	if (!result.ok) throw new ValidationError(result.message, result.issues);
	return result.document;
}

interface Row {
	id: string;
	revision: number;
	body: string;
	created_at: string;
	updated_at: string;
}

/** Store a new document (validated, migrated if older). Revision 1. */
export function createDocument(input: unknown, db: Db = getDb()): StoredDocument {
	const now = new Date().toISOString();
	const document = { ...validate(input), updatedAt: now };
	documentTables(db)
		.transaction(() => {
			if (db.prepare('SELECT 1 FROM documents WHERE id = ?').get(document.id))
				throw new AlreadyExistsError(document.id);
			db.prepare(
				`INSERT INTO documents (id, title, preset, template_id, schema_version, revision, body, created_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`
			).run(
				document.id,
				document.title,
				document.page.preset,
				document.source?.templateId ?? null,
				document.schemaVersion,
				JSON.stringify(document),
				now,
				now
			);
		})
		.immediate();
	return { document, revision: 1, createdAt: now, updatedAt: now };
}

/** The current version, migrated to the current schema; null when there is no such document. */
export function getDocument(id: string, db: Db = getDb()): StoredDocument | null {
	const row = documentTables(db)
		.prepare(
			'SELECT id, revision, body, created_at, updated_at FROM documents WHERE id = ? AND deleted_at IS NULL'
		)
		.get(id) as Row | undefined;
	if (!row) return null;
	return {
		document: load(row.body, id),
		revision: row.revision,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

function load(body: string, id: string): PosterDocument {
	const result = parseDocument(JSON.parse(body));
	if (!result.ok)
		throw new ValidationError(`stored document "${id}" cannot be read: ${result.message}`, result.issues);
	return result.document;
}

/**
 * Save a new version. `expectedRevision` is the revision the caller loaded or last saved; if the
 * stored one differs, ConflictError tells the caller the current revision and nothing is written.
 */
export function saveDocument(
	input: unknown,
	expectedRevision: number,
	db: Db = getDb()
): { document: PosterDocument; revision: number; updatedAt: string } {
	const now = new Date().toISOString();
	const document = { ...validate(input), updatedAt: now };
	const body = JSON.stringify(document);
	const revision = documentTables(db)
		.transaction(() => {
			const row = db
				.prepare('SELECT id, revision, body FROM documents WHERE id = ? AND deleted_at IS NULL')
				.get(document.id) as Row | undefined;
			if (!row) throw new NotFoundError('document', document.id);
			if (row.revision !== expectedRevision)
				throw new ConflictError(document.id, row.revision, expectedRevision);
			keepVersion(db, row, 'save', now);
			db.prepare(
				`UPDATE documents SET title = ?, preset = ?, template_id = ?, schema_version = ?, revision = ?, body = ?, updated_at = ?
				 WHERE id = ?`
			).run(
				document.title,
				document.page.preset,
				document.source?.templateId ?? null,
				document.schemaVersion,
				row.revision + 1,
				body,
				now,
				document.id
			);
			return row.revision + 1;
		})
		.immediate();
	return { document, revision, updatedAt: now };
}

function keepVersion(
	db: Db,
	row: Pick<Row, 'id' | 'revision' | 'body'>,
	reason: DocumentVersion['reason'],
	now: string
) {
	db.prepare(
		'INSERT INTO document_versions (document_id, revision, body, saved_at, reason) VALUES (?, ?, ?, ?, ?)'
	).run(row.id, row.revision, row.body, now, reason);
	db.prepare(
		`DELETE FROM document_versions WHERE document_id = ? AND seq NOT IN
		 (SELECT seq FROM document_versions WHERE document_id = ? ORDER BY seq DESC LIMIT ?)`
	).run(row.id, row.id, KEEP_VERSIONS);
}

/** Most recently changed first. */
export function listDocuments(db: Db = getDb()): DocumentSummary[] {
	const rows = documentTables(db)
		.prepare(
			`SELECT id, title, preset, template_id, revision, created_at, updated_at FROM documents
			 WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`
		)
		.all() as (Row & { title: string; preset: string; template_id: string | null })[];
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		preset: r.preset,
		templateId: r.template_id,
		revision: r.revision,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	}));
}

/**
 * Delete a document: it leaves every list and load, but its row stays (marked deleted_at) so
 * restoreDocument can bring it back; its last version is also kept in document_versions.
 * False when there is no such (undeleted) document.
 */
export function deleteDocument(id: string, db: Db = getDb()): boolean {
	return documentTables(db)
		.transaction(() => {
			const row = db
				.prepare('SELECT id, revision, body FROM documents WHERE id = ? AND deleted_at IS NULL')
				.get(id) as Row | undefined;
			if (!row) return false;
			const now = new Date().toISOString();
			keepVersion(db, row, 'delete', now);
			db.prepare('UPDATE documents SET deleted_at = ? WHERE id = ?').run(now, id);
			return true;
		})
		.immediate();
}

/** Undo a delete: the document comes back as it was (same revision). False when it was not deleted. */
export function restoreDocument(id: string, db: Db = getDb()): boolean {
	const result = documentTables(db)
		.prepare('UPDATE documents SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
		.run(id);
	return result.changes === 1;
}

/** A new title for a stored document: a new revision, like any save. */
export function renameDocument(
	id: string,
	title: string,
	db: Db = getDb()
): { document: PosterDocument; revision: number; updatedAt: string } {
	const stored = getDocument(id, db);
	if (!stored) throw new NotFoundError('document', id);
	return saveDocument({ ...stored.document, title }, stored.revision, db);
}

/** A copy of a stored document under a new id and title, at revision 1. */
export function duplicateDocument(
	id: string,
	newId: string,
	title: string,
	db: Db = getDb()
): StoredDocument {
	const stored = getDocument(id, db);
	if (!stored) throw new NotFoundError('document', id);
	const now = new Date().toISOString();
	return createDocument({ ...stored.document, id: newId, title, createdAt: now, updatedAt: now }, db);
}

/** Earlier versions of a document, newest first. */
export function listDocumentVersions(id: string, db: Db = getDb()): DocumentVersion[] {
	return documentTables(db)
		.prepare(
			'SELECT revision, saved_at AS savedAt, reason FROM document_versions WHERE document_id = ? ORDER BY seq DESC'
		)
		.all(id) as DocumentVersion[];
}

/** One earlier version (migrated), or null. */
export function getDocumentVersion(id: string, revision: number, db: Db = getDb()): PosterDocument | null {
	const row = documentTables(db)
		.prepare(
			'SELECT body FROM document_versions WHERE document_id = ? AND revision = ? ORDER BY seq DESC LIMIT 1'
		)
		.get(id, revision) as { body: string } | undefined;
	return row ? load(row.body, id) : null;
}
