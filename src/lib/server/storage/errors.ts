// Storage errors carry a message in both UI languages; routes turn them into HTTP answers.
import type { DocumentIssue } from '../../document/migrations';

export interface Bilingual {
	zh: string;
	en: string;
}

export class StorageError extends Error {
	constructor(
		readonly bilingual: Bilingual,
		readonly status: number
	) {
		super(bilingual.en);
		this.name = new.target.name;
	}
}

/** The document failed validation; nothing was written. The message names path and problem. */
export class ValidationError extends StorageError {
	constructor(
		message: string,
		readonly issues: DocumentIssue[]
	) {
		const detail = issues
			.slice(0, 3)
			.map((i) => `${i.path}: ${i.zh ?? i.message}`)
			.join('; ');
		super({ zh: `文档无效，未保存 — ${detail}`, en: message }, 400);
	}
}

/** Someone else saved first (another tab): the caller's revision is stale. */
export class ConflictError extends StorageError {
	constructor(
		readonly documentId: string,
		readonly currentRevision: number,
		readonly expectedRevision: number
	) {
		super(
			{
				zh: `文档已在别处修改（当前版本 ${currentRevision}，你的版本 ${expectedRevision}），请重新加载后再保存。`,
				en: `the document was changed elsewhere (now revision ${currentRevision}, yours ${expectedRevision}); reload before saving`
			},
			409
		);
	}
}

export class NotFoundError extends StorageError {
	constructor(kind: 'document' | 'asset', id: string) {
		const zh = kind === 'document' ? '文档' : '素材';
		super({ zh: `找不到${zh}「${id}」`, en: `no ${kind} with id "${id}"` }, 404);
	}
}

export class AlreadyExistsError extends StorageError {
	constructor(id: string) {
		super({ zh: `文档「${id}」已存在`, en: `a document with id "${id}" already exists` }, 409);
	}
}

/** An upload we cannot accept (type, size, pixels, unreadable). */
export class AssetError extends StorageError {
	constructor(bilingual: Bilingual, status = 400) {
		super(bilingual, status);
	}
}
