// Uploads that used to be accepted and then stalled or broke the server: a truncated PNG (only its
// header was read) and over-complex SVGs (a 48k-segment path made a 300-dpi export take 30 s; a
// 9 MB path hung the server). Real route handler, real SQLite file, real sharp.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as assetsRoute from '../../../src/routes/api/assets/+server';
import { closeDb } from '../../../src/lib/server/storage/db';
import { callRoute as call, type Handler } from '../helpers/route';

let dir: string;
const previous = process.env.HAIBAO_DATA;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'haibao-uploads-'));
	process.env.HAIBAO_DATA = dir;
});
afterAll(() => {
	closeDb();
	process.env.HAIBAO_DATA = previous;
	rmSync(dir, { recursive: true, force: true });
});

/** Uploads as the editor does (multipart) or as a raw body; the answer's status and JSON. */
async function upload(
	bytes: Uint8Array | string,
	name: string,
	how: 'form' | 'raw' = 'form',
	locale: 'zh' | 'en' = 'en'
) {
	const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
	const init =
		how === 'form'
			? (() => {
					const form = new FormData();
					form.set('file', new File([new Uint8Array(data)], name));
					return { body: form };
				})()
			: { body: new Uint8Array(data), headers: { 'content-type': 'application/octet-stream' } };
	const res = await call(assetsRoute.POST as Handler, { method: 'POST', locale, ...init });
	return { status: res.status, body: await res.json() };
}

const storedFiles = () => {
	try {
		return readdirSync(join(dir, 'assets'), { recursive: true }).filter((f) => String(f).includes('.'));
	} catch {
		return [];
	}
};

/** A photo-like PNG (noise, so it does not compress to nothing). */
async function noisyPng(w: number, h: number) {
	const px = Buffer.alloc(w * h * 3);
	for (let i = 0; i < px.length; i++) px[i] = (i * 2654435761) >>> 24;
	return sharp(px, { raw: { width: w, height: h, channels: 3 } })
		.png()
		.toBuffer();
}

const svg = (body: string, attrs = 'viewBox="0 0 500 500" width="500" height="500"') =>
	`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}>${body}</svg>`;

describe('raster uploads are decoded in full', () => {
	it('refuses a truncated PNG and JPEG with a message, and stores nothing', async () => {
		const png = await noisyPng(400, 300);
		const jpeg = await sharp(png).jpeg().toBuffer();
		const before = storedFiles().length;
		for (const [bytes, name, mime] of [
			[png, 'cut.png', 'image/png'],
			[jpeg, 'cut.jpg', 'image/jpeg']
		] as const) {
			const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
			const res = await upload(cut, name);
			expect(res.status, name).toBe(400);
			expect(res.body.message).toBe(
				`the image cannot be read (it looks like ${mime} but is damaged or incomplete)`
			);
			const zh = await upload(cut, name, 'raw', 'zh');
			expect(zh.body.message).toBe(`图片无法读取（文件看起来是 ${mime}，但内容已损坏或不完整）。`);
		}
		expect(storedFiles().length).toBe(before);
		expect((await upload(png, 'whole.png')).status).toBe(201);
	});
});

describe('SVG complexity is bounded at upload', () => {
	it('refuses a path of 48,000 segments with a bilingual message', async () => {
		const d = Array.from({ length: 48_000 }, (_, i) => `L${i % 500} ${(i * 7) % 500}`).join('');
		const file = svg(`<path d="M0 0${d}Z" fill="#c00"/>`);
		const res = await upload(file, 'logo.svg');
		expect(res.status).toBe(413);
		expect(res.body.error.en).toBe(
			'SVG too complex (over 10,000 path segments); the limit is 10,000 path segments. Simplify it (fewer nodes in your vector editor) or upload a PNG'
		);
		expect(res.body.error.zh).toMatch(/^SVG 太复杂（超过 10,000 段路径），上限 10,000 段路径。/);
	});

	it('refuses a 9 MB path quickly, by its size', async () => {
		const file = svg(`<path d="M0 0${' L1 2'.repeat(1_900_000)}"/>`);
		expect(file.length).toBeGreaterThan(9e6);
		const started = performance.now();
		const res = await upload(file, 'huge.svg', 'raw');
		expect(res.status).toBe(413);
		expect(res.body.error.en).toMatch(/^SVG too complex \(9(\.\d)? MB\); the limit is 2 MB/);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('counts <use> copies: a small file that repeats itself 10^8 times is refused, and so is a cycle', async () => {
		let defs = '<path id="p0" d="M0 0L1 1L2 0Z"/>';
		for (let i = 1; i <= 8; i++)
			defs += `<g id="p${i}">${Array.from({ length: 10 }, () => `<use href="#p${i - 1}"/>`).join('')}</g>`;
		const bomb = svg(`<defs>${defs}</defs><use xlink:href="#p8"/>`);
		expect(bomb.length).toBeLessThan(3000);
		const res = await upload(bomb, 'bomb.svg');
		expect(res.status).toBe(413);
		expect(res.body.error.en).toMatch(/^SVG too complex \([\d,]+ elements\)/);

		const cycle = svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>');
		expect((await upload(cycle, 'cycle.svg')).body.error.en).toMatch(/refers back to itself/);
	});

	it('refuses deep nesting and entity declarations; accepts an ordinary logo', async () => {
		const deep = svg(`${'<g>'.repeat(100)}<rect width="1" height="1"/>${'</g>'.repeat(100)}`);
		expect((await upload(deep, 'deep.svg')).body.error.en).toMatch(
			/over 64 levels of nesting\); the limit is 64 levels of nesting/
		);
		const entity = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>${svg('<text>&a;</text>')}`;
		expect((await upload(entity, 'entity.svg')).body.error.en).toMatch(/entity declarations/);

		const logo = svg(
			'<g fill="#c00"><circle cx="250" cy="250" r="200"/><path d="M150 250a100 100 0 0 1 200 0z" fill="#fff"/></g><text x="250" y="480">海报 Haibao</text>'
		);
		const ok = await upload(logo, 'logo.svg');
		expect(ok.status).toBe(201);
		expect(ok.body).toMatchObject({ mime: 'image/svg+xml', width: 500, height: 500 });
	});
});
