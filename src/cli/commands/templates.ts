// `haibao templates [--dir DIR]`: the catalogue as JSON (id, name, category, formats, fields).
// `haibao templates check [DIR]`: validate every template; exit 1 on the first problem.
import { resolve } from 'node:path';
import { parseOptions } from '../args';
import { checkTemplates, listTemplates, templatesDir } from '../../lib/server/templates/catalog';

const help = `haibao templates [--dir DIR]        print the templates as a JSON array
haibao templates check [DIR]         validate every template (default: templates/)

HAIBAO_TEMPLATES sets the default directory.`;

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseOptions(
		argv,
		{ dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
