// Figures for the document model and its storage: how long one drag step costs in the history
// (operation + diff + squash), undo of a long session, and save/load latency of a big document
// in SQLite (WAL) — the editor autosaves, so saves must stay in the low milliseconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { History } from '../src/lib/document/history';
import { moveLayers, updateLayer } from '../src/lib/document/operations';
import { PosterDocument } from '../src/lib/document/schema';
import { openDb } from '../src/lib/server/storage/db';
import { createDocument, getDocument, saveDocument } from '../src/lib/server/storage/documents';

function bigDocument(layers: number): PosterDocument {
	return PosterDocument.parse({
		schemaVersion: 1,
		id: 'bench',
		title: 'bench',
		page: { preset: 'rollup-80x200', width: 2267.7, height: 5669.3 },
		layers: Array.from({ length: layers }, (_, i) =>
			i % 2
				? {
						type: 'text',
						id: `t${i}`,
						name: `t${i}`,
						x: i,
						y: i,
						width: 400,
						height: 80,
						runs: [
							{
								text: '盛大开业 Grand Opening '.repeat(3),
								family: 'Noto Sans SC',
								size: 48,
								color: '#C81E1E'
							}
						]
					}
				: {
						type: 'shape',
						id: `s${i}`,
						name: `s${i}`,
						shape: 'path',
						path: 'M0 0 L100 0 L100 100 Z '.repeat(20),
						x: i,
						y: i,
						width: 100,
						height: 100
					}
		),
		createdAt: new Date().toISOString(),
		updatedAt: new Date().toISOString()
	});
}

const time = (fn: () => void, n: number) => {
	const t0 = performance.now();
	for (let i = 0; i < n; i++) fn();
	return (performance.now() - t0) / n;
};

export async function bench(): Promise<void> {
	const doc = bigDocument(300);
	const history = new History(doc, { limit: 300 });
	history.mark('drag');
	const dragStep = time(() => history.commit(moveLayers(history.current, ['t1', 's2'], 1, 1)), 500);
	history.end();
	console.log(`history: drag step (move 2 of 300 layers, diff, squash) ${dragStep.toFixed(3)} ms`);
	const edits = time(
		() => history.commit(updateLayer(history.current, 't3', { x: Math.random() * 100 })),
		300
	);
	console.log(`history: one-step edit commit ${edits.toFixed(3)} ms`);
	const t0 = performance.now();
	while (history.undo());
	const undoMs = performance.now() - t0;
	console.log(`history: undo the whole stack (${history.redoDepth} steps) ${undoMs.toFixed(1)} ms`);

	const dir = mkdtempSync(join(tmpdir(), 'haibao-bench-'));
	const db = openDb(join(dir, 'haibao.sqlite'));
	try {
		createDocument(doc, db);
		const size = JSON.stringify(doc).length;
		let revision = 1;
		const save = time(() => {
			revision = saveDocument({ ...doc, title: `r${revision}` }, revision, db).revision;
		}, 200);
		console.log(
			`storage: save (validate + transaction, ${(size / 1024).toFixed(0)} KiB, 300 layers) ${save.toFixed(2)} ms`
		);
		const load = time(() => getDocument('bench', db), 200);
		console.log(`storage: load (parse + migrate/validate) ${load.toFixed(2)} ms`);
	} finally {
		db.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
