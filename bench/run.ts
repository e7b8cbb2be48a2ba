// `npm run bench`: runs every bench/<area>.ts (each exports `bench()` printing its own figures).
// Figures, not pass/fail: these machines are shared and noisy; compare ratios measured in one run.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const areas = readdirSync(here)
	.filter((f) => f.endsWith('.ts') && f !== 'run.ts')
	.map((f) => f.replace(/\.ts$/, ''))
	.filter((a) => only.length === 0 || only.includes(a))
	.sort();

console.log(`Haibao benchmarks — ${new Date().toISOString()} — node ${process.version}`);
let failures = 0;
for (const area of areas) {
	console.log(`\n## ${area}`);
	try {
		const mod = await import(pathToFileURL(join(here, `${area}.ts`)).href);
		await mod.bench();
	} catch (error) {
		failures++;
		console.error(`bench ${area} failed: ${error instanceof Error ? error.stack : error}`);
	}
}
process.exit(failures ? 1 : 0);
