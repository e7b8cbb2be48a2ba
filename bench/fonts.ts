// Font loading: time and memory per face with opentype.js lowMemory (goal ≤ 200 ms for a CJK face).
// Per face: read (disk), first parse in this process, median of 5 further parses, first outline,
// retained heap after GC. Plus one parse of a CJK face in a fresh Node process (truly cold JIT).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { parseFace } from '../src/lib/text/fonts';
import { getServerFonts, readManifest, fontsDir } from '../src/lib/server/fonts';
import { glyphOutline } from '../src/lib/text/draw';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ms = (t: number) => `${t.toFixed(1)} ms`.padStart(9);
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`.padStart(8);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Parse time of one file in a fresh Node process: no JIT warm-up from other fonts. */
function coldParse(file: string): number {
	const script = `
		const opentype = require('opentype.js');
		const b = require('fs').readFileSync(${JSON.stringify(file)});
		const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
		const t = performance.now();
		opentype.parse(ab, { lowMemory: true });
		console.log(performance.now() - t);`;
	return Number(
		execFileSync(process.execPath, ['-e', script], { cwd: process.cwd(), encoding: 'utf8' }).trim()
	);
}

export async function bench(): Promise<void> {
	const dir = fontsDir();
	const manifest = readManifest(dir);
	console.log(
		`fonts in ${dir}: ${manifest.fonts.length} faces, ${mb(manifest.fonts.reduce((n, f) => n + (f.bytes ?? 0), 0)).trim()} on disk`
	);
	console.log(
		`${'face'.padEnd(26)} ${'file'.padStart(8)} ${'read'.padStart(9)} ${'1st parse'.padStart(9)} ${'median 5'.padStart(9)} ${'outline'.padStart(9)} ${'heap'.padStart(8)}`
	);
	const keep: unknown[] = [];
	for (const entry of manifest.fonts) {
		let t = performance.now();
		const bytes = new Uint8Array(readFileSync(path.join(dir, entry.file)));
		const read = performance.now() - t;
		gc();
		const heap0 = process.memoryUsage().heapUsed;
		t = performance.now();
		const face = parseFace(entry, bytes);
		const first = performance.now() - t;
		keep.push(face); // retained, as the library retains it
		const sample = [...'海A'].map((c) => face.font.charToGlyphIndex(c)).find((id) => id > 0) ?? 1;
		t = performance.now();
		glyphOutline(face, sample);
		const outline = performance.now() - t;
		gc();
		const heap = process.memoryUsage().heapUsed - heap0;
		const again: number[] = [];
		for (let i = 0; i < 5; i++) {
			t = performance.now();
			parseFace(entry, bytes);
			again.push(performance.now() - t);
		}
		console.log(
			`${`${entry.family}/${entry.weight}`.padEnd(26)} ${mb(bytes.byteLength)} ${ms(read)} ${ms(first)} ${ms(median(again))} ${ms(outline)} ${mb(heap)}`
		);
	}
	keep.length = 0;

	for (const file of ['NotoSansSC-Black.otf', 'LXGWWenKai-Regular.ttf']) {
		const runs = [
			coldParse(path.join(dir, file)),
			coldParse(path.join(dir, file)),
			coldParse(path.join(dir, file))
		];
		console.log(`fresh process parse ${file}: ${runs.map((r) => r.toFixed(1)).join(', ')} ms`);
	}

	// The library path the app takes: ensure() of a headline's faces (disk read + parse, once).
	const lib = getServerFonts(dir);
	let t = performance.now();
	await lib.ensure([{ family: 'Noto Sans SC', weight: 900 }]);
	console.log(`ensure Noto Sans SC 900 (+ Inter fallback), first time: ${ms(performance.now() - t).trim()}`);
	t = performance.now();
	await lib.ensure([{ family: 'Noto Sans SC', weight: 900 }]);
	console.log(`ensure again (cached): ${ms(performance.now() - t).trim()}`);
	gc();
	const before = process.memoryUsage().heapUsed;
	t = performance.now();
	await lib.ensure('all');
	const all = performance.now() - t;
	gc();
	const heap = process.memoryUsage().heapUsed - before;
	const held = lib.loaded().reduce((n, f) => n + f.bytes.byteLength, 0);
	console.log(
		`ensure('all') ${lib.loaded().length} faces: ${ms(all).trim()}, heap +${mb(heap).trim()}, file bytes held ${mb(held).trim()}`
	);
}
