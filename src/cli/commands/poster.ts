// `haibao poster`: a template and field values in, a print file out; or one file per CSV row.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseOptions, UsageError } from '../args';
import { getTemplate, listTemplates } from '../../lib/server/templates/catalog';
import { instantiate } from '../../lib/templates/instantiate';
import { getPreset } from '../../lib/templates/presets';
import { sampleValues } from '../../lib/templates/values';
import type { Template } from '../../lib/templates/schema';
import type { Layer, PosterDocument } from '../../lib/document/schema';
import { parseCsv, CsvError, type CsvRow } from '../../lib/server/export/csv';
import { formatOfFile, type ExportFormat } from '../../lib/server/export/formats';
import { ProgressBar } from './poster-progress';
import { templateMeasure } from '../../lib/server/templates/measure';

const usage = `haibao poster --template ID [--format PRESET] [--set FIELD=VALUE …] [--image LAYER=FILE …]
              [--dpi N] [--bleed] [--marks] [--cmyk] [--quality N] [--locale zh|en] [--sample] --out FILE.png|.jpg|.pdf
haibao poster --template ID [--format PRESET] --csv FILE --out DIR [--type png|jpg|pdf] [--name COLUMN] [options above]

  --format PRESET   format preset id (default: the template's first format)
  --set FIELD=VALUE a field value (repeatable)
  --image LAYER=FILE an image for an image layer, slot or image field (repeatable)
  --sample          start from the template's sample values
  --dpi N           PNG/JPEG resolution (default: the format's print dpi)
  --bleed           PNG/JPEG: include the bleed (PDF always includes it)
  --marks           PDF: crop marks outside the bleed
  --cmyk            PDF: vector colours in CMYK
  --csv FILE        batch: one poster per row; columns are field ids, "image:LAYER" columns hold image files
  --type            batch output format (default png)
  --name COLUMN     batch: the column that names each output file (default: row number)`;

const options = {
	template: { type: 'string' },
	format: { type: 'string' },
	set: { type: 'string', multiple: true },
	image: { type: 'string', multiple: true },
	dpi: { type: 'string' },
	bleed: { type: 'boolean' },
	marks: { type: 'boolean' },
	cmyk: { type: 'boolean' },
	quality: { type: 'string' },
	locale: { type: 'string' },
	sample: { type: 'boolean' },
	csv: { type: 'string' },
	out: { type: 'string' },
	type: { type: 'string' },
	name: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
} as const;

type Values = ReturnType<typeof parseOptions<typeof options>>['values'];

function pair(text: string, flag: string): [string, string] {
	const eq = text.indexOf('=');
	if (eq <= 0) throw new UsageError(`${flag} expects KEY=VALUE, got "${text}"`);
	return [text.slice(0, eq).trim(), text.slice(eq + 1)];
}

function positiveNumber(text: string | undefined, flag: string): number | undefined {
	if (text === undefined) return undefined;
	const n = Number(text);
	if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} expects a positive number, got "${text}"`);
	return n;
}

/** Files given for image layers, read up front and served to the exporter as assets. */
class ImageFiles {
	private bytes = new Map<string, Buffer>();
	async add(file: string): Promise<string> {
		const path = resolve(file);
		const id = `file:${path}`;
		if (!this.bytes.has(id)) {
			try {
				this.bytes.set(id, await readFile(path));
			} catch {
				throw new Error(`cannot read image file "${file}"`);
			}
		}
		return id;
	}
	load = async (id: string) => {
		const b = this.bytes.get(id);
		if (!b) throw new Error(`unknown image ${id}`);
		return b;
	};
}

function imageLayerIds(layers: readonly Layer[], out: string[] = []): string[] {
	for (const l of layers) {
		if (l.type === 'group') imageLayerIds(l.children, out);
		else if (l.type === 'image') out.push(l.id);
	}
	return out;
}

function withImage(layers: readonly Layer[], ids: Set<string>, assetId: string): Layer[] {
	return layers.map((l) =>
		l.type === 'group'
			? { ...l, children: withImage(l.children, ids, assetId) }
			: l.type === 'image' && ids.has(l.id)
				? { ...l, assetId }
				: l
	);
}

interface Job {
	template: Template;
	format: string;
	locale: 'zh' | 'en';
	values: Record<string, string>;
	/** LAYER (layer id, slot id or image field id) → file. */
	images: [string, string][];
}

/** Instantiates a template with values and images; throws with a message naming the culprit. */
/** The renderers (Konva, skia, pdfkit, sharp) load only once there is something to export. */
const exporter = () => import('../../lib/server/export/index');

async function buildDocument(job: Job, files: ImageFiles): Promise<PosterDocument> {
	const { template } = job;
	const values = { ...job.values };
	const layerImages: [string, string][] = [];
	for (const [target, file] of job.images) {
		const assetId = await files.add(file);
		const field = template.fields.find((f) => f.id === target);
		if (field?.kind === 'image') values[target] = assetId;
		else layerImages.push([target, assetId]);
	}
	const result = instantiate(template, job.format, values, {
		locale: job.locale,
		measure: await templateMeasure(template)
	});
	if (!result.ok) throw new Error(result.errors.map((e) => (job.locale === 'zh' ? e.zh : e.en)).join('; '));
	let doc = result.document;
	for (const [target, assetId] of layerImages) {
		const slotElements = template.layout.elements
			.filter((e) => e.type === 'image' && e.slot === target)
			.map((e) => e.id);
		const candidates = imageLayerIds(doc.layers);
		const ids = new Set(candidates.filter((id) => id === target || slotElements.includes(id)));
		if (ids.size === 0)
			throw new Error(
				`no image layer or slot "${target}" in template ${template.id}; image layers: ${candidates.join(', ') || '(none)'}`
			);
		doc = { ...doc, layers: withImage(doc.layers, ids, assetId) };
	}
	return doc;
}

async function loadTemplate(id: string | undefined): Promise<Template> {
	if (!id) throw new UsageError('--template ID is required');
	const template = await getTemplate(id);
	if (template) return template;
	const ids = (await listTemplates()).map((t) => t.id);
	throw new UsageError(`unknown template "${id}"; available: ${ids.join(', ') || '(none)'}`);
}

function checkFormat(template: Template, format: string | undefined): string {
	const id = format ?? template.formats[0];
	if (!getPreset(id))
		throw new UsageError(
			`unknown format "${id}"; template ${template.id} offers: ${template.formats.join(', ')}`
		);
	if (!template.formats.includes(id) && !id.startsWith('custom-'))
		throw new UsageError(
			`template ${template.id} does not offer format "${id}"; it offers: ${template.formats.join(', ')}`
		);
	return id;
}

function exportSettings(v: Values) {
	return {
		dpi: positiveNumber(v.dpi, '--dpi'),
		quality: positiveNumber(v.quality, '--quality'),
		bleed: v.bleed,
		marks: v.marks,
		cmyk: v.cmyk
	};
}

export async function run(argv: string[]): Promise<number> {
	let v: Values;
	try {
		v = parseOptions(argv, options).values;
		if (v.help) {
			console.log(usage);
			return 0;
		}
		if (!v.out) throw new UsageError('--out is required');
		if (v.locale && v.locale !== 'zh' && v.locale !== 'en')
			throw new UsageError(`--locale is zh or en, got "${v.locale}"`);
		const template = await loadTemplate(v.template);
		const format = checkFormat(template, v.format);
		return v.csv ? await batch(v, template, format) : await single(v, template, format);
	} catch (error) {
		if (error instanceof UsageError || error instanceof CsvError) {
			console.error(`haibao poster: ${error.message}\n\n${usage}`);
			return 1;
		}
		throw error;
	}
}

async function single(v: Values, template: Template, format: string): Promise<number> {
	const out = v.out!;
	const type = formatOfFile(out);
	if (!type) throw new UsageError(`--out must end in .png, .jpg or .pdf, got "${out}"`);
	const locale = (v.locale ?? 'zh') as 'zh' | 'en';
	const values: Record<string, string> = v.sample ? sampleValues(template, locale) : {};
	for (const s of v.set ?? []) {
		const [k, val] = pair(s, '--set');
		values[k] = val;
	}
	const images = (v.image ?? []).map((s) => pair(s, '--image'));
	const files = new ImageFiles();
	const doc = await buildDocument({ template, format, locale, values, images }, files);
	const started = performance.now();
	const { exportDocument } = await exporter();
	const file = await exportDocument(doc, {
		format: type,
		...exportSettings(v),
		deps: { loadAsset: files.load }
	});
	await mkdir(dirname(resolve(out)), { recursive: true });
	await writeFile(out, file.bytes);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`wrote ${out} (${template.id}, ${format}, ${(file.bytes.length / 1024).toFixed(0)} KB, ${seconds} s)`
	);
	return 0;
}

const safeName = (s: string) =>
	s
		.replace(/[\\/:*?"<>|\s]+/g, '_')
		.replace(/^[._]+/, '')
		.slice(0, 80);

async function batch(v: Values, template: Template, format: string): Promise<number> {
	const type: ExportFormat | undefined = formatOfFile(`x.${v.type ?? 'png'}`);
	if (!type) throw new UsageError(`--type is png, jpg or pdf, got "${v.type}"`);
	let text: string;
	try {
		text = await readFile(v.csv!, 'utf8');
	} catch {
		throw new UsageError(`cannot read CSV file "${v.csv}"`);
	}
	const table = parseCsv(text);
	const fieldIds = new Set(template.fields.map((f) => f.id));
	const unknown = table.header.filter((h) => !fieldIds.has(h) && !h.startsWith('image:') && h !== v.name);
	if (unknown.length)
		throw new UsageError(
			`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} in ${basename(v.csv!)}; template ${template.id} has fields: ${[...fieldIds].join(', ')} (image columns are named image:LAYER)`
		);
	if (v.name && !table.header.includes(v.name))
		throw new UsageError(`--name column "${v.name}" is not in the CSV header`);
	const outDir = resolve(v.out!);
	await mkdir(outDir, { recursive: true });
	const csvDir = dirname(resolve(v.csv!));
	const locale = (v.locale ?? 'zh') as 'zh' | 'en';
	const settings = exportSettings(v);
	const bar = new ProgressBar(table.rows.length, process.stderr);
	const used = new Set<string>();
	const failures: string[] = [];
	for (const row of table.rows) {
		const label = `row ${row.row} (line ${row.line})`;
		try {
			const file = await exportRow(row, { template, format, locale, csvDir, type, settings, name: v.name });
			let name = file.name;
			if (used.has(name)) name = `${name}-${row.row}`;
			used.add(name);
			await writeFile(join(outDir, `${name}.${file.extension}`), file.bytes);
			bar.tick(`${label} → ${name}.${file.extension}`);
		} catch (error) {
			const message = `${label}: ${error instanceof Error ? error.message : String(error)}`;
			failures.push(message);
			bar.tick(`${label} failed`, message);
		}
	}
	bar.done();
	const ok = table.rows.length - failures.length;
	console.log(
		`${ok} of ${table.rows.length} posters written to ${outDir}${failures.length ? `; ${failures.length} failed:` : ''}`
	);
	for (const f of failures) console.error(`  ${f}`);
	return failures.length ? 1 : 0;
}

async function exportRow(
	row: CsvRow,
	ctx: {
		template: Template;
		format: string;
		locale: 'zh' | 'en';
		csvDir: string;
		type: ExportFormat;
		settings: ReturnType<typeof exportSettings>;
		name?: string;
	}
) {
	if (row.error) throw new Error(`cannot be read: ${row.error}`);
	const values: Record<string, string> = {};
	const images: [string, string][] = [];
	for (const [column, value] of Object.entries(row.values)) {
		if (column === ctx.name) continue;
		if (column.startsWith('image:')) {
			if (value.trim()) images.push([column.slice(6), resolve(ctx.csvDir, value.trim())]);
		} else if (value.trim()) values[column] = value;
	}
	const files = new ImageFiles();
	const doc = await buildDocument(
		{ template: ctx.template, format: ctx.format, locale: ctx.locale, values, images },
		files
	);
	const { exportDocument } = await exporter();
	const file = await exportDocument(doc, {
		format: ctx.type,
		...ctx.settings,
		deps: { loadAsset: files.load }
	});
	const fromColumn = ctx.name ? safeName(row.values[ctx.name] ?? '') : '';
	const name = fromColumn || `${ctx.template.id}-${String(row.row).padStart(3, '0')}`;
	return { ...file, name };
}
