// Child process of bench/export.ts: one roll-up banner (80×200 cm) at 150 dpi to PNG, alone in
// its process so its peak resident memory is the export's own. Prints one JSON line.
import { renderPng } from '../../src/lib/server/export/png';
import { resolveExportDeps } from '../../src/lib/server/export/deps';
import { benchDocument, benchPhoto } from './doc';

const photo = await benchPhoto();
const doc = await benchDocument(process.argv[2] ?? 'sale-burst', 'rollup-80x200');
// Fonts load first (once per server process), so the time is the export's.
await resolveExportDeps(doc);
const started = performance.now();
const png = await renderPng(doc, { dpi: 150, deps: { loadAsset: async () => photo } });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, bytes: png.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
