// Template thumbnails: a template instantiated with sample (or given) values and rendered by the
// server painter. Rendered PNGs are cached in memory (LRU by bytes) and, for sample thumbnails,
// on disk under HAIBAO_DATA/cache/thumbnails so a restart does not redraw the whole gallery.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Template } from '$lib/templates/schema';

const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

/** Short content hash of a template: part of thumbnail URLs, so an edited template gets new ones. */
export function templateVersion(template: Template): string {
	return createHash('sha1').update(JSON.stringify(template)).digest('hex').slice(0, 10);
}

export function thumbnailKey(parts: Record<string, unknown>): string {
	return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

const memory = new Map<string, Buffer>();
let memoryBytes = 0;

function remember(key: string, png: Buffer): void {
	if (memory.has(key)) return;
	memory.set(key, png);
	memoryBytes += png.length;
	for (const [oldKey, old] of memory) {
		if (memoryBytes <= MEMORY_LIMIT_BYTES) break;
		memory.delete(oldKey);
		memoryBytes -= old.length;
	}
}

function recall(key: string): Buffer | undefined {
	const png = memory.get(key);
	if (png) {
		// Map order is insertion order: re-insert to mark as recently used.
		memory.delete(key);
		memory.set(key, png);
	}
	return png;
}

const cacheDir = () => join(process.env.HAIBAO_DATA || 'data', 'cache', 'thumbnails');

async function readDisk(key: string): Promise<Buffer | undefined> {
	try {
		return await readFile(join(cacheDir(), `${key}.png`));
	} catch {
		return undefined;
	}
}

async function writeDisk(key: string, png: Buffer): Promise<void> {
	try {
		const dir = cacheDir();
		await mkdir(dir, { recursive: true });
		const tmp = join(dir, `${key}.${process.pid}.${Date.now()}.tmp`);
		await writeFile(tmp, png);
		await rename(tmp, join(dir, `${key}.png`));
	} catch (error) {
		// A read-only or full disk only costs a re-render later; never fail the request for it.
		console.warn('[thumbnails] could not write the disk cache:', (error as Error).message);
	}
}

const inFlight = new Map<string, Promise<Buffer>>();

/** The cached PNG for `key`, or `render()` it once (concurrent asks for one key share a render). */
export async function cachedThumbnail(
	key: string,
	persist: boolean,
	render: () => Promise<Buffer>
): Promise<{ png: Buffer; hit: boolean }> {
	const hot = recall(key);
	if (hot) return { png: hot, hit: true };
	if (persist) {
		const cold = await readDisk(key);
		if (cold) {
			remember(key, cold);
			return { png: cold, hit: true };
		}
	}
	let pending = inFlight.get(key);
	if (!pending) {
		// Everything after the render happens once per key, not once per waiting request.
		// `render` queues in the job runtime's thumbnail slots and draws in a render thread.
		pending = render()
			.then(async (png) => {
				remember(key, png);
				if (persist) await writeDisk(key, png);
				return png;
			})
			.finally(() => inFlight.delete(key));
		inFlight.set(key, pending);
	}
	return { png: await pending, hit: false };
}

/** URL of a template thumbnail (the gallery's and the form's). `values` omitted → sample values. */
export function thumbnailUrl(
	template: Template,
	options: { format: string; locale: 'zh' | 'en'; maxSide?: number }
): string {
	const q = new URLSearchParams({
		format: options.format,
		locale: options.locale,
		v: templateVersion(template)
	});
	if (options.maxSide) q.set('size', String(options.maxSide));
	return `/templates/${encodeURIComponent(template.id)}/thumbnail.png?${q}`;
}
