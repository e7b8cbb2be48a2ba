// `haibao templates [--dir DIR]`: the catalogue as JSON (id, name, category, formats, fields).
// `haibao templates check [DIR]`: validate every template (schema and references, then collisions,
// safe area and contrast on every format with short and long headlines in zh and en); exit 1 on problems.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseOptions } from '../args';
import { checkTemplates, listTemplates, templatesDir } from '../../lib/server/templates/catalog';
import { checkTemplatesQuality } from '../../lib/server/templates/quality';
import { templateMeasure } from '../../lib/server/templates/measure';
import { renderPng } from '../../lib/server/export/png';
import { qualityCases, STRESS_HEADLINES } from '../../lib/render/quality';
import { instantiate } from '../../lib/templates/instantiate';
import type { Template } from '../../lib/templates/schema';

const help = `haibao templates [--dir DIR]        print the templates as a JSON array
haibao templates check [DIR]         validate every template (default: templates/): schema and
                                     references, then on every format with short and long headlines
                                     in zh and en: no text on a decoration, no text on other text,
                                     text in the safe area, contrast ≥ 4.5:1 (headlines 3:1) on the
                                     rendered pixels
  --only ID[,ID…]                    check only these templates
  --schema-only                      skip the layout checks (fast)
  --samples-only                     only the templates' own sample texts (no extra headlines)
  --png DIR                          also write every checked filling as a PNG into DIR

HAIBAO_TEMPLATES sets the default directory.`;

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseOptions(
		argv,
		{
			dir: { type: 'string' },
			only: { type: 'string' },
			'schema-only': { type: 'boolean' },
			'samples-only': { type: 'boolean' },
			png: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		true
	);
	if (values.help) {
		console.log(help);
		return 0;
	}
	const [sub, dirArg, ...extra] = positionals;
	if (sub === 'check') {
		if (extra.length) throw new Error(`unexpected arguments: ${extra.join(' ')}\n\n${help}`);
		const dir = resolve(dirArg ?? values.dir ?? templatesDir());
		const result = await checkTemplates(dir);
		if (!result.ok) {
			console.error(`${result.file}: ${result.path}: ${result.message}`);
			return 1;
		}
		if (!values['schema-only']) {
			const only = values.only?.split(',').map((s) => s.trim());
			const unknown = only?.filter((id) => !result.ids.includes(id)) ?? [];
			if (unknown.length) throw new Error(`no template ${unknown.join(', ')} in ${dir}`);
			const templates = (await listTemplates(dir)).filter((t) => !only || only.includes(t.id));
			const headlines = values['samples-only'] ? null : STRESS_HEADLINES;
			if (values.png) await writePngs(templates, resolve(values.png), headlines);
			const problems = await checkTemplatesQuality(templates, {
				headlines,
				onTemplate: (id, found) =>
					console.error(`${id}: ${found.length ? `${found.length} problem(s)` : 'OK'}`)
			});
			for (const p of problems) console.error(p.message);
			if (problems.length) {
				console.error(
					`${problems.length} layout problem(s) in ${new Set(problems.map((p) => p.template)).size} template(s)`
				);
				return 1;
			}
			console.log(`${templates.length} templates OK in ${dir} (layout, safe area and contrast checked)`);
			return 0;
		}
		console.log(`${result.count} templates OK in ${dir}`);
		return 0;
	}
	if (sub !== undefined) throw new Error(`unknown subcommand "${sub}"\n\n${help}`);
	const templates = await listTemplates(values.dir ? resolve(values.dir) : templatesDir());
	const summary = templates.map((t) => ({
		id: t.id,
		name: t.name,
		category: t.category,
		formats: t.formats,
		fields: t.fields.map((f) => ({
			id: f.id,
			kind: f.kind,
			label: f.label,
			language: f.language,
			required: f.required,
			maxLength: f.maxLength ?? null,
			mode: f.mode
		}))
	}));
	console.log(JSON.stringify(summary, null, 2));
	return 0;
}

/** One PNG (480 px long side) per template × format × filling, named by all three. */
async function writePngs(templates: Template[], dir: string, headlines: typeof STRESS_HEADLINES | null) {
	mkdirSync(dir, { recursive: true });
	for (const t of templates) {
		const measure = await templateMeasure(t);
		for (const c of qualityCases(t, headlines)) {
			const r = instantiate(t, c.format, c.values, {
				locale: c.locale,
				measure,
				id: 'check',
				now: '2000-01-01T00:00:00.000Z'
			});
			if (!r.ok) continue;
			const name = `${t.id}--${c.format}--${c.label.replace(/ headline .*/, '-stress').replace(/\s+/g, '-')}.png`;
			writeFileSync(join(dir, name), await renderPng(r.document, { maxSide: 480 }));
		}
	}
}
