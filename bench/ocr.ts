// Text check benchmark (PP-OCRv4 on onnxruntime-node, CPU):
//  1. `haibao ocr` exact-match rate over 120 headlines Haibao renders itself (tests/unit/ocr/cases.ts:
//     9 fonts, 24–96 px, vertical columns, rotations of −4° and 3°, five colour schemes, a third over
//     a photograph-like picture); goal ≥ 95 %.
//  2. OCR of a 1024² poster-like image, warm (median of 5): detection and recognition.
//  3. The cost added to one generation: the same 1024² job on the tiny test model through the
//     generation queue, with and without the text check (OCR in its worker thread).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PosterDocument, type Layer } from '../src/lib/document/schema';
import { renderPng } from '../src/lib/server/export/png';
import { JobStore } from '../src/lib/server/generation/jobs';
import { GenerationQueue } from '../src/lib/server/generation/queue';
import { ZImageBackend } from '../src/lib/server/generation/zimage/backend';
import { OcrEngine } from '../src/lib/server/ocr/engine';
import { getOcr } from '../src/lib/server/ocr/host';
import { openDb } from '../src/lib/server/storage/db';
import { checkTexts } from '../src/lib/templates/text-check';
import { ocrCase, renderCase, type OcrCase } from '../tests/unit/ocr/cases';

const CASES = 120;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function poster1024(): PosterDocument {
	const text = (
		id: string,
		y: number,
		h: number,
		s: string,
		size: number,
		color: string,
		family = 'Noto Sans SC'
	) => ({
		id,
		name: id,
		type: 'text',
		x: 64,
		y,
		width: 896,
		height: h,
		runs: [{ text: s, family, weight: 900, italic: false, size, color }],
		align: 'center',
		verticalAlign: 'middle'
	});
	return PosterDocument.parse({
		schemaVersion: 1,
		id: 'bench-1024',
		title: 'bench',
		page: {
			preset: 'custom',
			width: 1024,
			height: 1024,
			bleedMm: 0,
			safeMm: 0,
			dpi: 72,
			background: '#B71C1C'
		},
		layers: [
			text('h', 120, 200, '双十一狂欢节', 128, '#FFF3C4'),
			text('s', 360, 100, '全场五折起 · 满300减50', 56, '#FFFFFF'),
			text('e', 500, 100, 'GRAND OPENING SALE', 64, '#FFD54F', 'Inter'),
			text('d', 820, 80, '11月1日—11月11日', 40, '#FFFFFF')
		] as unknown as Layer[],
		createdAt: '2025-01-01T00:00:00.000Z',
		updatedAt: '2025-01-01T00:00:00.000Z'
	});
}

export async function bench(): Promise<void> {
	const engine = await OcrEngine.open();

	// 1. Exact-match rate.
	const misses: string[] = [];
	const groups = new Map<string, [number, number]>();
	const count = (key: string, ok: boolean) => {
		const g = groups.get(key) ?? [0, 0];
		groups.set(key, [g[0] + (ok ? 1 : 0), g[1] + 1]);
	};
	let readMs = 0;
	for (let i = 0; i < CASES; i++) {
		const c: OcrCase = ocrCase(i);
		const png = await renderCase(c);
		const t = performance.now();
		const result = await engine.read(png);
		readMs += performance.now() - t;
		const ok = checkTexts([{ text: c.text }], result).verdict === 'exact';
		const got = result.lines.map((l) => l.text).join(' ');
		if (!ok)
			misses.push(
				`  ${c.text} → ${got || '(nothing)'}  [${c.family} ${c.weight}, ${c.size}px${c.vertical ? ', vertical' : ''}${c.rotation ? `, ${c.rotation}°` : ''}]`
			);
		count(`${c.family} ${c.weight}`, ok);
		count(`${c.size}px`, ok);
		count(c.vertical ? 'vertical' : c.rotation ? 'rotated' : 'horizontal', ok);
		count(c.photo ? 'on a picture' : 'on a flat colour', ok);
	}
	const exact = CASES - misses.length;
	console.log(
		`haibao ocr exact-match rate: ${exact}/${CASES} = ${((100 * exact) / CASES).toFixed(1)}% (goal ≥ 95%), ${(readMs / CASES).toFixed(0)} ms per case`
	);
	for (const [key, [ok, n]] of [...groups].sort()) console.log(`  ${key.padEnd(22)} ${ok}/${n}`);
	if (misses.length) console.log(`misses:\n${misses.join('\n')}`);

	// 2. A 1024² image, warm.
	const big = await renderPng(poster1024(), { dpi: 72 });
	await engine.read(big);
	const runs = [];
	for (let i = 0; i < 5; i++) runs.push(await engine.read(big));
	const total = median(runs.map((r) => r.timings.detectMs + r.timings.recogniseMs));
	const det = median(runs.map((r) => r.timings.detectMs));
	const rec = median(runs.map((r) => r.timings.recogniseMs));
	console.log(
		`OCR of a 1024×1024 poster, warm: ${total.toFixed(0)} ms (detection ${det.toFixed(0)} ms, recognition of ${runs[0].lines.length} lines ${rec.toFixed(0)} ms)`
	);
	console.log(`  read: ${runs[0].lines.map((l) => l.text).join(' | ')}`);
	await engine.release();

	// 3. Cost added to one generation (tiny model, 1024², through the queue and the OCR worker).
	const dir = mkdtempSync(join(tmpdir(), 'haibao-bench-ocr-'));
	const db = openDb(join(dir, 'haibao.sqlite'));
	const backend = await ZImageBackend.create(join(import.meta.dirname, '../tests/fixtures/tiny-zimage'));
	try {
		const queue = new GenerationQueue(new JobStore(db), { zimage: backend }, 1, db, (png, e) =>
			getOcr().checkImage(png, e)
		);
		const job = async (check: boolean, seed: number) => {
			const t = performance.now();
			const [j] = queue.enqueue('zimage', [
				{
					prompt: '红色海报，标题"双十一狂欢节"',
					width: 1024,
					height: 1024,
					seed,
					...(check ? { textCheck: [{ text: '双十一狂欢节' }] } : {})
				}
			]);
			await queue.idle();
			const record = queue.get(j.id)!;
			return { ms: performance.now() - t, check: record.metadata?.timings.textCheck ?? 0 };
		};
		await job(true, 1); // warm both workers
		const without = [],
			withCheck = [],
			ocr = [];
		for (let i = 0; i < 3; i++) {
			without.push((await job(false, 10 + i)).ms);
			const r = await job(true, 20 + i);
			withCheck.push(r.ms);
			ocr.push(r.check);
		}
		console.log(
			`one 1024² generation (tiny model): ${median(without).toFixed(0)} ms without the check, ${median(withCheck).toFixed(0)} ms with it: +${(median(withCheck) - median(without)).toFixed(0)} ms (OCR in the worker ${median(ocr).toFixed(0)} ms)`
		);
		console.log(
			'  Z-Image-Turbo itself takes ~2 s (RTX 4090) to minutes (CPU) per 1024² image; the check adds the OCR time above.'
		);
	} finally {
		await backend.close();
		await getOcr().close();
		db.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
