// Loading documents of any schema version: detect the version, apply each migration in turn
// (v0 → v1 → … → SCHEMA_VERSION), then validate with the zod schema, which also fills defaults.
// Migrations work on plain JSON and never mutate their input. Add one per schema change: bump
// SCHEMA_VERSION in schema.ts, append a Migration whose `from` is the previous version, and add a
// fixture of the old shape to tests/unit/document/migrations.test.ts.
import { TOO_DEEP, tooDeepPath } from './limits';
import { PosterDocument, SCHEMA_VERSION } from './schema';

type Json = Record<string, unknown>;

export interface Migration {
	/** The version this migration reads; it produces version `from + 1`. */
	from: number;
	describe: string;
	up(doc: Json): Json;
}

export interface DocumentIssue {
	/** Where, as a readable path: `layers[2].runs[0].color`. */
	path: string;
	message: string;
	/** The message in Chinese, where the check has one (the limits do). */
	zh?: string;
}

export type ParseResult =
	| { ok: true; document: PosterDocument; migratedFrom: number | null }
	| { ok: false; message: string; issues: DocumentIssue[] };

export class DocumentValidationError extends Error {
	constructor(
		message: string,
		readonly issues: DocumentIssue[]
	) {
		super(message);
		this.name = 'DocumentValidationError';
	}
}

/** The Chinese message a limit's check put on a zod issue (params.zh; see schema.ts `refuse`). */
export function issueZh(issue: object): string | undefined {
	const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
	return typeof zh === 'string' ? zh : undefined;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hex = (c: unknown) =>
	typeof c === 'string' && /^[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(c) ? `#${c}` : c;
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * v0: the prototype's format, before the schema was versioned with `schemaVersion`.
 *   { version: 0, id, name, size: {preset, width, height} (pt), bleed (mm), dpi, background: "RRGGBB",
 *     layers: [{ kind: "text"|"image"|"rect"|"ellipse"|"group", id, x, y, w, h, rotate, alpha,
 *                text?: {content, font, weight, size, color}, src?, fill?, items? }],
 *     created, modified (epoch ms) }
 * Colours had no '#', text had one style, groups stored their items in page coordinates.
 */
const v0ToV1: Migration = {
	from: 0,
	describe: 'v0 prototype → v1: schemaVersion, typed layers, #colours, styled runs, group-relative children',
	up(doc) {
		const size = isObject(doc.size) ? doc.size : {};
		const layer = (l: unknown, originX: number, originY: number): unknown => {
			if (!isObject(l)) return l;
			const common = {
				id: l.id,
				name: typeof l.name === 'string' ? l.name : String(l.kind ?? 'layer'),
				// v0 groups kept page coordinates; v1 children are relative to their group's origin.
				x: num(l.x, 0) - originX,
				y: num(l.y, 0) - originY,
				width: l.w,
				height: l.h,
				rotation: num(l.rotate, 0),
				opacity: num(l.alpha, 1)
			};
			switch (l.kind) {
				case 'text': {
					const t = isObject(l.text) ? l.text : {};
					const run = {
						text: t.content,
						family: t.font,
						weight: t.weight ?? 400,
						size: t.size,
						color: hex(t.color)
					};
					return { ...common, type: 'text', runs: [run] };
				}
				case 'image':
					return { ...common, type: 'image', assetId: l.src ?? null };
				case 'rect':
				case 'ellipse':
					return {
						...common,
						type: 'shape',
						shape: l.kind,
						fill: l.fill == null ? null : { type: 'solid', color: hex(l.fill) }
					};
				case 'group': {
					const items = Array.isArray(l.items) ? l.items : [];
					return { ...common, type: 'group', children: items.map((c) => layer(c, num(l.x, 0), num(l.y, 0))) };
				}
				default:
					// Unknown kinds are kept as they are, so validation names them instead of dropping them.
					return { ...common, type: l.kind };
			}
		};
		const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : ms);
		return {
			schemaVersion: 1,
			id: doc.id,
			title: doc.name ?? '',
			page: {
				preset: size.preset ?? 'custom',
				width: size.width,
				height: size.height,
				bleedMm: doc.bleed ?? 0,
				dpi: doc.dpi ?? 300,
				background: hex(doc.background ?? 'FFFFFF')
			},
			layers: Array.isArray(doc.layers) ? doc.layers.map((l) => layer(l, 0, 0)) : doc.layers,
			createdAt: iso(doc.created),
			updatedAt: iso(doc.modified ?? doc.created)
		};
	}
};

export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** The schema version a raw document claims, or an error message. */
export function documentVersion(raw: unknown): number | string {
	if (!isObject(raw)) return 'a document must be a JSON object';
	if (typeof raw.schemaVersion === 'number') return raw.schemaVersion;
	if (raw.schemaVersion === undefined && raw.version === 0) return 0;
	return 'schemaVersion: missing or not a number';
}

/** ['layers', 2, 'runs', 0, 'color'] → "layers[2].runs[0].color", with the layer's id when known. */
export function formatPath(path: readonly PropertyKey[], raw?: unknown): string {
	let text = '';
	let node: unknown = raw;
	let layerId: string | null = null;
	for (const key of path) {
		text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
		node =
			isObject(node) || Array.isArray(node)
				? (node as Record<PropertyKey, unknown>)[key as never]
				: undefined;
		if (typeof key === 'number' && isObject(node) && 'type' in node && typeof node.id === 'string')
			layerId = node.id;
	}
	if (!text) return '(document)';
	return layerId ? `${text} (layer "${layerId}")` : text;
}

function failure(issues: DocumentIssue[]): ParseResult {
	const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
	if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
	return { ok: false, message: `invalid document — ${shown.join('; ')}`, issues };
}

/** Migrate and validate: never throws. */
export function parseDocument(raw: unknown): ParseResult {
	const version = documentVersion(raw);
	if (typeof version === 'string') return failure([{ path: 'schemaVersion', message: version }]);
	if (version > SCHEMA_VERSION) {
		const message = `schema version ${version} was written by a newer Haibao; this one reads up to ${SCHEMA_VERSION}`;
		return failure([{ path: 'schemaVersion', message }]);
	}
	// zod parses groups recursively: a deep enough nesting would overflow the stack (a 500 with
	// an HTML page), so the depth is checked first, iteratively, on the raw JSON.
	const deep = tooDeepPath((raw as Json).layers);
	if (deep) return failure([{ path: deep, message: TOO_DEEP.en, zh: TOO_DEEP.zh }]);
	let doc = raw as Json;
	for (let v = version; v < SCHEMA_VERSION; v++) {
		const step = MIGRATIONS.find((m) => m.from === v);
		if (!step) return failure([{ path: 'schemaVersion', message: `no migration from version ${v}` }]);
		try {
			doc = step.up(doc);
		} catch (e) {
			const message = `migration from version ${v} failed: ${e instanceof Error ? e.message : String(e)}`;
			return failure([{ path: '(document)', message }]);
		}
	}
	const result = PosterDocument.safeParse(doc);
	if (!result.success) {
		return failure(
			result.error.issues.map((i) => {
				const zh = issueZh(i);
				const issue: DocumentIssue = { path: formatPath(i.path, doc), message: i.message };
				return zh ? { ...issue, zh } : issue;
			})
		);
	}
	return { ok: true, document: result.data, migratedFrom: version === SCHEMA_VERSION ? null : version };
}

/** Migrate and validate; throws DocumentValidationError naming the path and the problem. */
export function migrate(raw: unknown): PosterDocument {
	const result = parseDocument(raw);
	if (!result.ok) throw new DocumentValidationError(result.message, result.issues);
	return result.document;
}
