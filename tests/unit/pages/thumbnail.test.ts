// The template thumbnail endpoint: real templates, the real server painter, the cache, and its
// answers to bad requests. Data (disk cache) goes to a fresh temp folder.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

const data = mkdtempSync(join(tmpdir(), 'haibao-thumbs-'));
process.env.HAIBAO_DATA = data;

type Handler = (event: unknown) => Promise<Response>;
let GET: Handler;
beforeAll(async () => {
	GET = (await import('../../../src/routes/templates/[id]/thumbnail.png/+server')).GET as unknown as Handler;
});

async function get(id: string, query: string, headers: Record<string, string> = {}): Promise<Response> {
	const url = new URL(`http://localhost/templates/${id}/thumbnail.png?${query}`);
	try {
		return await GET({
			params: { id },
			url,
			request: new Request(url, { headers }),
			locals: { locale: 'zh' }
		});
	} catch (e) {
		// SvelteKit's error() throws {status, body}.
		const err = e as { status?: number; body?: { message?: string } };
		if (typeof err.status === 'number') return new Response(err.body?.message ?? '', { status: err.status });
		throw e;
	}
}

describe('GET /templates/[id]/thumbnail.png', () => {
	it('renders the sample poster as a PNG within maxSide, then serves it from the cache', async () => {
		const first = await get('sale-burst', 'format=a3&locale=zh&size=240');
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toBe('image/png');
		expect(first.headers.get('x-haibao-cache')).toBe('miss');
		const meta = await sharp(Buffer.from(await first.arrayBuffer())).metadata();
		expect(meta.format).toBe('png');
		expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(240);
		expect(meta.height! / meta.width!).toBeCloseTo(420 / 297, 1);

		const again = await get('sale-burst', 'format=a3&locale=zh&size=240');
		expect(again.headers.get('x-haibao-cache')).toBe('hit');
		expect(readdirSync(join(data, 'cache', 'thumbnails')).filter((f) => f.endsWith('.png'))).toHaveLength(1);

		const etag = again.headers.get('etag')!;
		expect((await get('sale-burst', 'format=a3&locale=zh&size=240', { 'if-none-match': etag })).status).toBe(
			304
		);
	});

	it('draws given values (a wide format stays wide)', async () => {
		const values = encodeURIComponent(JSON.stringify({ headline: '周末限定', price: '59' }));
		const res = await get('sale-burst', `format=square-1080&size=200&values=${values}`);
		expect(res.status).toBe(200);
		const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
		expect([meta.width, meta.height]).toEqual([200, 200]);
	});

	it('answers bad requests precisely', async () => {
		expect((await get('no-such-template', 'format=a3')).status).toBe(404);
		expect((await get('sale-burst', 'format=banner-300x70')).status).toBe(400);
		expect((await get('sale-burst', 'size=5')).status).toBe(400);
		expect((await get('sale-burst', 'values=[1]')).status).toBe(400);
		const tooLong = encodeURIComponent(JSON.stringify({ headline: '长'.repeat(61) }));
		const refused = await get('sale-burst', `values=${tooLong}`);
		expect(refused.status).toBe(422);
		const body = await refused.json();
		expect(body.errors[0]).toMatchObject({ field: 'headline' });
		expect(body.errors[0].zh).toContain('最多 60 个字');
	});
});
