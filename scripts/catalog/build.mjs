// Writes templates/<id>/template.json for every scripts/catalog/templates/*.mjs (or the ids given).
// Usage: node scripts/catalog/build.mjs [id …]; then `npx haibao templates check`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const wanted = process.argv.slice(2);
for (const file of readdirSync(join(here, 'templates')).filter((f) => f.endsWith('.mjs'))) {
	const id = file.replace(/\.mjs$/, '');
	if (wanted.length && !wanted.includes(id)) continue;
	const { default: template } = await import(join(here, 'templates', file));
	if (template.id !== id) throw new Error(`${file}: id is "${template.id}"`);
	mkdirSync(join(root, 'templates', id), { recursive: true });
	writeFileSync(join(root, 'templates', id, 'template.json'), JSON.stringify(template, null, '\t') + '\n');
	console.log(`wrote templates/${id}/template.json`);
}
