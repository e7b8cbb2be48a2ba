// Worker-thread entry for rendering: exports (PNG/JPEG strips and encoding, PDF writing),
// thumbnails and preflight checks (the page's text layout included) run here, off the server's
// event loop. Fonts
// load once per thread; image assets arrive as bytes with each task (the thread opens no database).
import { setPriority } from 'node:os';
import { exportDocument, type ExportOptions } from '../export/index';
import { preflight } from '../export/preflight';
import type { PosterDocument } from '../../document/schema';
import { serveTasks } from './pool-protocol';

export interface RenderTask {
	/** Default 'export'. */
	op?: 'export' | 'preflight';
	doc: PosterDocument;
	options: Omit<ExportOptions, 'deps' | 'onProgress'>;
	/** Bytes of every image asset the document uses, by id. */
	assets: Record<string, Uint8Array>;
}

export interface RenderResult {
	bytes: Uint8Array;
	mime: string;
	extension: 'png' | 'jpg' | 'pdf';
}

// Linux nice values are per thread: this thread (and the encoder threads it starts) yields the CPU
// to the server's event loop, so requests are answered promptly even on a two-core machine.
try {
	setPriority(10);
} catch {
	/* not permitted here: run at normal priority */
}

serveTasks(async (payload, { onProgress, checkCancelled }) => {
	const { op = 'export', doc, options, assets } = payload as RenderTask;
	const loadAsset = async (id: string) => {
		const bytes = assets[id];
		if (!bytes) throw new Error(`asset ${id} not found`);
		return bytes;
	};
	if (op === 'preflight') return { result: await preflight(doc, { loadAsset }) };
	const file = await exportDocument(doc, { ...options, onProgress, deps: { loadAsset } });
	checkCancelled();
	// Hand the encoded file back without a copy.
	const bytes = new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
	const owned =
		bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
	const result: RenderResult = { bytes: owned, mime: file.mime, extension: file.extension };
	return { result, transfer: [owned.buffer as ArrayBuffer] };
});
