// Users' own format sizes, kept in SQLite (table custom_presets) so they survive restarts.
// A custom preset's id encodes its size ("custom-500x900mm"), so documents using it stay
// readable even without this table; the table keeps the name and print habits the user chose.
import { getDb, moduleTables, type Db } from '../storage/db';
import { customPreset, FormatPreset, getPreset, type CustomPresetInput } from '../../templates/presets';

const prepared = moduleTables('templates.custom_presets', [
	`CREATE TABLE IF NOT EXISTS custom_presets (
		id TEXT PRIMARY KEY,
		preset TEXT NOT NULL,
		created_at TEXT NOT NULL
	)`
]);

/** Create (or update, same size = same id) a custom preset; returns it. Throws a ZodError on bad sizes. */
export function saveCustomPreset(input: CustomPresetInput, db: Db = getDb()): FormatPreset {
	const preset = customPreset(input);
	prepared(db)
		.prepare(
			`INSERT INTO custom_presets (id, preset, created_at) VALUES (?, ?, ?)
			 ON CONFLICT(id) DO UPDATE SET preset = excluded.preset`
		)
		.run(preset.id, JSON.stringify(preset), new Date().toISOString());
	return preset;
}

/** Every saved custom preset, oldest first. Rows that no longer validate are skipped. */
export function listCustomPresets(db: Db = getDb()): FormatPreset[] {
	const rows = prepared(db).prepare('SELECT preset FROM custom_presets ORDER BY rowid').all() as {
		preset: string;
	}[];
	return rows.flatMap((r) => {
		const parsed = FormatPreset.safeParse(JSON.parse(r.preset));
		return parsed.success ? [parsed.data] : [];
	});
}

export function deleteCustomPreset(id: string, db: Db = getDb()): boolean {
	return prepared(db).prepare('DELETE FROM custom_presets WHERE id = ?').run(id).changes > 0;
}

/** A built-in preset, a saved custom one (with its name), or one decoded from a "custom-WxHmm" id. */
export function findPreset(id: string, db: Db = getDb()): FormatPreset | undefined {
	if (id.startsWith('custom-')) {
		const row = prepared(db).prepare('SELECT preset FROM custom_presets WHERE id = ?').get(id) as
			{ preset: string } | undefined;
		const parsed = row ? FormatPreset.safeParse(JSON.parse(row.preset)) : undefined;
		if (parsed?.success) return parsed.data;
	}
	return getPreset(id);
}
