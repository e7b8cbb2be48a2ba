// The template catalogue on disk: templates/<id>/template.json, validated on load.
// Directory: HAIBAO_TEMPLATES, else <cwd>/templates. Fonts are checked against fonts/manifest.json
// (HAIBAO_FONTS_MANIFEST, else <cwd>/fonts/manifest.json) when that file exists.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { jsonPath, parseTemplate } from '../../templates/check';
import { instantiate } from '../../templates/instantiate';
import { resolveElements } from '../../templates/layout';
import { getPreset } from '../../templates/presets';
import { CATEGORIES, type Template } from '../../templates/schema';
import { sampleValues } from '../../templates/values';

export const templatesDir = () => resolve(process.env.HAIBAO_TEMPLATES || join(process.cwd(), 'templates'));
const manifestPath = () =>
	resolve(process.env.HAIBAO_FONTS_MANIFEST || join(process.cwd(), 'fonts', 'manifest.json'));

export interface TemplateCheckProblem {
	ok: false;
	/** The template file (relative to the current directory when inside it). */
	file: string;
	/** JSON path inside the file, e.g. $.layout.elements[2].style.family */
	path: string;
	message: string;
}
export type CheckResult = { ok: true; count: number; ids: string[] } | TemplateCheckProblem;

type Loaded = { ok: true; template: Template } | TemplateCheckProblem;
const cache = new Map<string, { mtimeMs: number; loaded: Loaded }>();

const displayFile = (file: string) => {
	const rel = relative(process.cwd(), file);
	return rel.startsWith('..') ? file : rel;
};

/** Template ids in a directory: the sub-folders holding a template.json, sorted. */
async function templateFolders(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	return entries
		.filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'template.json')))
		.map((e) => e.name)
		.sort();
}

/** Read, parse and check one template file (schema and references), cached by modification time. */
async function loadFile(file: string, folderId: string): Promise<Loaded> {
	const { mtimeMs } = await stat(file);
	const hit = cache.get(file);
	if (hit && hit.mtimeMs === mtimeMs) return hit.loaded;
	const fail = (path: string, message: string): TemplateCheckProblem => ({
		ok: false,
		file: displayFile(file),
		path,
		message
	});
	let loaded: Loaded;
	let json: unknown;
	try {
		json = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		json = undefined;
		loaded = fail('$', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (json !== undefined) {
		const parsed = parseTemplate(json);
		if (!parsed.ok) loaded = fail(parsed.path, parsed.message);
		else if (parsed.template.id !== folderId)
			loaded = fail('$.id', `id "${parsed.template.id}" must match its folder name "${folderId}"`);
		else loaded = { ok: true, template: parsed.template };
	}
	cache.set(file, { mtimeMs, loaded: loaded! });
	return loaded!;
}

const categoryOrder = Object.keys(CATEGORIES);

/** Every valid template, in category order then id. Invalid ones are skipped with a warning (run `haibao templates check`). */
export async function listTemplates(dir = templatesDir()): Promise<Template[]> {
	if (!existsSync(dir)) return [];
	const templates: Template[] = [];
	for (const id of await templateFolders(dir)) {
		const loaded = await loadFile(join(dir, id, 'template.json'), id);
		if (loaded.ok) templates.push(loaded.template);
		else console.warn(`haibao: skipping template ${loaded.file} (${loaded.path}: ${loaded.message})`);
	}
	return templates.sort(
		(a, b) =>
			categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) || a.id.localeCompare(b.id)
	);
}

/** One template by id, or undefined when there is none (or it is invalid). */
export async function getTemplate(id: string, dir = templatesDir()): Promise<Template | undefined> {
	if (!/^[a-z][a-z0-9_-]*$/.test(id)) return undefined;
	const file = join(dir, id, 'template.json');
	if (!existsSync(file)) return undefined;
	const loaded = await loadFile(file, id);
	return loaded.ok ? loaded.template : undefined;
}

/** Every "family" string in the fonts manifest, whatever its exact shape. */
function manifestFamilies(manifest: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(manifest)) manifest.forEach((m) => manifestFamilies(m, into));
	else if (manifest && typeof manifest === 'object') {
		for (const [key, value] of Object.entries(manifest)) {
			if (key === 'family' && typeof value === 'string') into.add(value);
			else manifestFamilies(value, into);
		}
	}
	return into;
}

/** Checks that need more than the template itself: fonts on disk, layout inside the safe area, samples. */
function checkInContext(t: Template, families: Set<string> | null): { path: string; message: string } | null {
	if (families) {
		const i = t.fonts.findIndex((f) => !families.has(f.family));
		if (i >= 0)
			return {
				path: jsonPath(['fonts', i, 'family']),
				message: `font family "${t.fonts[i].family}" is not in fonts/manifest.json`
			};
	}
	for (const formatId of t.formats) {
		const preset = getPreset(formatId)!;
		const { refs, elements } = resolveElements(t, preset);
		for (const { element, box } of elements) {
			const index = t.layout.elements.findIndex((e) => e.id === element.id);
			if (box.width <= 0 || box.height <= 0)
				return {
					path: jsonPath(['layout', 'elements', index, 'box']),
					message: `element "${element.id}" has an empty box on format ${formatId}`
				};
			const s = refs.safe;
			const outside =
				box.x < s.x - 0.5 ||
				box.y < s.y - 0.5 ||
				box.x + box.width > s.x + s.width + 0.5 ||
				box.y + box.height > s.y + s.height + 0.5;
			if (element.type === 'text' && outside)
				return {
					path: jsonPath(['layout', 'elements', index, 'box']),
					message: `text element "${element.id}" leaves the safe area on format ${formatId}`
				};
		}
		for (const locale of ['zh', 'en'] as const) {
			for (const long of [false, true]) {
				const result = instantiate(t, formatId, sampleValues(t, locale, { long }), {
					locale,
					id: 'check',
					now: '2000-01-01T00:00:00.000Z'
				});
				if (!result.ok) {
					const e = result.errors[0];
					const index = t.fields.findIndex((f) => f.id === e.field);
					return {
						path: jsonPath(index >= 0 ? ['fields', index, 'sample'] : ['formats']),
						message: `${long ? 'long ' : ''}${locale} sample: ${e.en}`
					};
				}
			}
		}
	}
	return null;
}

/** Validate every template in `dir`; the first problem wins, with its file and JSON path. */
export async function checkTemplates(dir = templatesDir()): Promise<CheckResult> {
	const fail = (file: string, path: string, message: string): TemplateCheckProblem => ({
		ok: false,
		file: displayFile(file),
		path,
		message
	});
	if (!existsSync(dir)) return fail(dir, '$', 'no such templates directory');
	const manifestFile = manifestPath();
	let families: Set<string> | null = null;
	if (existsSync(manifestFile)) {
		try {
			families = manifestFamilies(JSON.parse(await readFile(manifestFile, 'utf8')));
		} catch (error) {
			return fail(
				manifestFile,
				'$',
				`fonts manifest is not valid JSON: ${error instanceof Error ? error.message : String(error)}`
			);
		}
	}
	const ids = await templateFolders(dir);
	if (ids.length === 0) return fail(dir, '$', 'no templates (expected <id>/template.json folders)');
	for (const id of ids) {
		const file = join(dir, id, 'template.json');
		const loaded = await loadFile(file, id);
		if (!loaded.ok) return loaded;
		const problem = checkInContext(loaded.template, families);
		if (problem) return fail(file, problem.path, problem.message);
	}
	return { ok: true, count: ids.length, ids };
}
