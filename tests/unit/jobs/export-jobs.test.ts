// Exports through the job runtime, called as the app calls them (+server.ts handlers, real SQLite in
// a temp HAIBAO_DATA, real render worker threads): progress by server-sent events, the file
// download, cancel mid-export, and the server answering /api/presets while a big export renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import * as exportRoute from '../../../src/routes/api/export/+server';
import * as statusRoute from '../../../src/routes/api/export/[id]/+server';
import * as fileRoute from '../../../src/routes/api/export/[id]/file/+server';
import * as cancelRoute from '../../../src/routes/api/export/[id]/cancel/+server';
import * as presetsRoute from '../../../src/routes/api/presets/+server';
import * as preflightRoute from '../../../src/routes/api/preflight/+server';
import { closeDb } from '../../../src/lib/server/storage/db';
import { getJobRuntime, getRenderPool } from '../../../src/lib/server/jobs/index';
import { makeDoc, mm, rect, text } from '../export/fixtures';
import { callRoute, jsonBody, type Handler } from '../helpers/route';

let dir: string;
const previous = process.env.HAIBAO_DATA;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'haibao-export-jobs-'));
	process.env.HAIBAO_DATA = dir;
});
afterAll(async () => {
	await getRenderPool().close();
	closeDb();
	process.env.HAIBAO_DATA = previous;
	rmSync(dir, { recursive: true, force: true });
});

const A3 = { preset: 'a3', width: mm(297), height: mm(420), dpi: 300 };
const poster = () =>
	makeDoc(
		[
			rect('bg', 0, 0, mm(297), mm(420), {
				fill: {
					type: 'linear',
					angle: 30,
					stops: [
						{ offset: 0, color: '#E63946' },
						{ offset: 1, color: '#1D3557' }
					]
				}
			}),
			text('t', mm(20), mm(40), mm(257), mm(120), [
				{ text: '双十一狂欢节 全场五折起', family: 'Noto Sans SC', weight: 700, size: 120, color: '#FFFFFF' }
			])
		],
		A3
	);

const post = (body: unknown) =>
	callRoute(exportRoute.POST as Handler, {
		method: 'POST',
		url: 'http://localhost/api/export',
		...jsonBody(body)
	});

/** Reads a text/event-stream answer into events until it ends. */
async function readEvents(res: Response) {
	const events: { event: string; data: { state: string; progress: number; url?: string } }[] = [];
	const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) break;
		buffer += value;
		let end;
		while ((end = buffer.indexOf('\n\n')) >= 0) {
			const block = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			const event = /^event: (.*)$/m.exec(block)?.[1];
			const data = /^data: (.*)$/m.exec(block)?.[1];
			if (event && data) events.push({ event, data: JSON.parse(data) });
		}
	}
	return events;
}

describe('exports as jobs (render worker threads, real SQLite)', () => {
	it('streams progress, serves the file, and keeps the server answering /api/presets meanwhile', async () => {
		const res = await post({ document: poster(), format: 'png', async: true });
		expect(res.status).toBe(202);
		const job = await res.json();
		expect(job.state).toBe('queued');

		// While the A3 at 300 dpi renders, /api/presets keeps answering (loosely: this machine is shared;
		// the 100 ms goal is measured by `npm run bench`).
		let slowest = 0;
		let answered = 0;
		let finished = false;
		const probe = (async () => {
			while (!finished) {
				const t = performance.now();
				await new Promise((r) => setImmediate(r));
				const r = await callRoute(presetsRoute.GET as Handler, { url: 'http://localhost/api/presets' });
				expect(r.status).toBe(200);
				slowest = Math.max(slowest, performance.now() - t);
				answered++;
				await new Promise((r) => setTimeout(r, 20));
			}
		})();
		const stream = await callRoute(statusRoute.GET as Handler, {
			url: `http://localhost/api/export/${job.id}`,
			params: { id: job.id },
			headers: { accept: 'text/event-stream' }
		});
		expect(stream.headers.get('content-type')).toContain('text/event-stream');
		const events = await readEvents(stream);
		finished = true;
		await probe;
		expect(events.at(-1)!.event).toBe('done');
		expect(events.some((e) => e.event === 'progress' && e.data.progress > 0 && e.data.progress < 1)).toBe(
			true
		);
		expect(answered).toBeGreaterThan(5);
		expect(slowest).toBeLessThan(1000);

		const file = await callRoute(fileRoute.GET as Handler, { params: { id: job.id } });
		expect(file.status).toBe(200);
		expect(file.headers.get('content-disposition')).toContain('.png');
		const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
		expect([meta.width, meta.height]).toEqual([3508, 4961]);
		const record = getJobRuntime().get(job.id)!;
		expect(record).toMatchObject({ kind: 'export', status: 'done' });
		expect(record.resultSize).toBe(Number(file.headers.get('content-length')));
	});

	it('cancels a running export mid-way through its AbortSignal; no file is kept', async () => {
		const res = await post({ document: poster(), format: 'png', dpi: 400, async: true });
		const { id } = await res.json();
		const runtime = getJobRuntime();
		// Wait until it renders (prepared, strips under way), then cancel through the route.
		for (let i = 0; i < 600 && !(runtime.get(id)!.status === 'running' && runtime.get(id)!.progress > 0); i++)
			await new Promise((r) => setTimeout(r, 20));
		expect(runtime.get(id)!.status).toBe('running');
		const cancelled = await callRoute(cancelRoute.POST as Handler, { method: 'POST', params: { id } });
		expect(cancelled.status).toBe(200);
		for (let i = 0; i < 500 && runtime.get(id)!.status === 'running'; i++)
			await new Promise((r) => setTimeout(r, 20));
		const record = runtime.get(id)!;
		expect(record.status).toBe('cancelled');
		expect(record.progress).toBeLessThan(1);
		expect(readdirSync(runtime.resultsDir).filter((f) => f.startsWith(id))).toEqual([]);
		const status = await (await callRoute(statusRoute.GET as Handler, { params: { id } })).json();
		expect(status).toMatchObject({
			state: 'cancelled',
			error: { zh: '导出已取消。', en: 'export cancelled' }
		});
	});

	it('answers a synchronous export with the file after the same queued job, and keeps no copy', async () => {
		const res = await post({ document: poster(), format: 'pdf' });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await res.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
		const runtime = getJobRuntime();
		expect(readdirSync(runtime.resultsDir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
	});

	it('checks preflight in a render thread: a missing image and text outside the safe area are reported', async () => {
		const doc = poster();
		const layers = [
			...doc.layers,
			{ ...doc.layers[1], id: 'edge', x: -mm(10) },
			{
				id: 'pic',
				type: 'image',
				x: 0,
				y: 0,
				width: 100,
				height: 100,
				rotation: 0,
				opacity: 1,
				locked: false,
				hidden: false,
				name: 'pic',
				assetId: 'no-such-asset',
				crop: null,
				fit: 'cover',
				filters: { brightness: 1, contrast: 1, saturation: 1, blur: 0 },
				flipX: false,
				flipY: false,
				cornerRadius: 0,
				placeholder: null,
				generation: null,
				field: null
			}
		];
		const res = await callRoute(preflightRoute.POST as Handler, {
			method: 'POST',
			url: 'http://localhost/api/preflight',
			...jsonBody({ document: { ...doc, layers } })
		});
		expect(res.status).toBe(200);
		const report = await res.json();
		const codes = report.issues.map((i: { code: string; layerId: string }) => `${i.code} ${i.layerId}`);
		expect(codes.some((c: string) => c.endsWith(' pic'))).toBe(true);
		expect(codes.some((c: string) => c.endsWith(' edge'))).toBe(true);
	});
});
