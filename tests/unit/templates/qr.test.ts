// QR codes as vector paths: the path rasterised on @napi-rs/canvas (its own SVG path parser, not
// ours) must match the `qrcode` module matrix pixel for pixel; instantiate turns a qr field into a
// backdrop + modules group; and the server render of a real template decodes back to the text (jsQR).
import { readFileSync } from 'node:fs';
import { createCanvas, Path2D } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
	PosterDocument,
	type GroupLayer,
	type Layer,
	type ShapeLayer
} from '../../../src/lib/document/schema';
import { renderPng } from '../../../src/lib/server/export/png';
import { instantiate } from '../../../src/lib/templates/instantiate';
import {
	QR_MAX_BYTES,
	QR_QUIET_ZONE,
	QrTextError,
	qrColors,
	qrPath,
	qrTextProblem
} from '../../../src/lib/templates/qr';
import { parseTemplate } from '../../../src/lib/templates/check';
import { Template, type TemplateInput } from '../../../src/lib/templates/schema';
import { sampleValues } from '../../../src/lib/templates/values';
import { fixtureInput } from './fixture';

const URL = 'https://example.com/jobs';
const PX = 4; // pixels per module: integer, so every module edge falls on a pixel edge

/** The path filled black on white at PX per module; true = dark pixel. */
function rasterise(path: string, size: number): (x: number, y: number) => boolean {
	const canvas = createCanvas(size * PX, size * PX);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#FFFFFF';
	ctx.fillRect(0, 0, size * PX, size * PX);
	ctx.scale(PX, PX);
	ctx.fillStyle = '#000000';
	ctx.fill(new Path2D(path));
	const { data } = ctx.getImageData(0, 0, size * PX, size * PX);
	return (x, y) => data[(y * size * PX + x) * 4] < 128;
}

describe('qrPath', () => {
	const q = qrPath(URL);
	const reference = QRCode.create(URL, { errorCorrectionLevel: 'M' }).modules;
	const dark = rasterise(q.path, q.size);
	const module = (row: number, col: number) =>
		dark((col + QR_QUIET_ZONE) * PX + 1, (row + QR_QUIET_ZONE) * PX + 1);

	it('has the module count of its version: 24 bytes at level M need version 2 (25×25)', () => {
		// Version 1-M holds 14 bytes, version 2-M 26 (ISO/IEC 18004 table 7).
		expect(q.version).toBe(2);
		expect(q.modules).toBe(25);
		expect(reference.size).toBe(25);
		expect(q.size).toBe(25 + 2 * QR_QUIET_ZONE);
	});

	it('covers exactly the dark modules of QRCode.create, pixel for pixel, with a clear quiet zone', () => {
		let mismatches = 0;
		let darkPixels = 0;
		for (let y = 0; y < q.size * PX; y++)
			for (let x = 0; x < q.size * PX; x++) {
				const row = Math.floor(y / PX) - QR_QUIET_ZONE;
				const col = Math.floor(x / PX) - QR_QUIET_ZONE;
				const inside = row >= 0 && col >= 0 && row < q.modules && col < q.modules;
				const expected = inside && reference.get(row, col) === 1;
				if (dark(x, y) !== expected) mismatches++;
				if (expected) darkPixels++;
			}
		expect(darkPixels).toBeGreaterThan(0);
		expect(mismatches).toBe(0);
	});

	it('draws the three finder patterns (7×7 ring, light ring, 3×3 core) at the corners', () => {
		const finder = (r0: number, c0: number) => {
			for (let r = 0; r < 7; r++)
				for (let c = 0; c < 7; c++) {
					const ring = r === 0 || r === 6 || c === 0 || c === 6;
					const core = r >= 2 && r <= 4 && c >= 2 && c <= 4;
					expect(module(r0 + r, c0 + c), `finder at ${r0},${c0} module ${r},${c}`).toBe(ring || core);
				}
		};
		finder(0, 0);
		finder(0, q.modules - 7);
		finder(q.modules - 7, 0);
	});

	it('merges horizontal runs: one rect per run, fewer rects than dark modules', () => {
		let darkModules = 0;
		let runs = 0;
		for (let r = 0; r < q.modules; r++)
			for (let c = 0; c < q.modules; c++) {
				if (reference.get(r, c) !== 1) continue;
				darkModules++;
				if (c === 0 || reference.get(r, c - 1) !== 1) runs++;
			}
		expect(q.path.match(/M/g)?.length).toBe(runs);
		expect(runs).toBeLessThan(darkModules * 0.75);
	});

	it('encodes Chinese text (UTF-8 bytes) and grows the version with the content', () => {
		const zh = qrPath('扫码报名：2025 人工智能与未来产业峰会 https://example.com/signup?from=poster');
		expect(zh.version).toBeGreaterThan(2);
		expect(zh.modules).toBe(zh.version * 4 + 17);
	});

	it('refuses empty and too long text with messages in zh and en', () => {
		expect(() => qrPath('  ')).toThrow(QrTextError);
		expect(qrTextProblem('')?.zh).toContain('不能为空');
		const long = '码'.repeat(334); // 3 bytes each in UTF-8
		try {
			qrPath(long);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(QrTextError);
			expect((e as QrTextError).problem.zh).toContain('太长');
			expect((e as QrTextError).problem.en).toMatch(/too long: 1002 bytes/);
		}
		expect(qrTextProblem('a'.repeat(QR_MAX_BYTES))).toBeNull();
		// The limit is one the encoder can really meet.
		expect(qrPath('a'.repeat(QR_MAX_BYTES)).version).toBeLessThanOrEqual(30);
	});

	it('picks dark modules on a light backdrop from the palette, falling back to black on white', () => {
		expect(qrColors({ background: '#0A0612', white: '#FFFFFF', magenta: '#FF2BD6' })).toEqual({
			dark: '#0A0612',
			light: '#FFFFFF'
		});
		// Nothing light or dark enough: plain black on white.
		expect(qrColors({ background: '#FFD23F', coral: '#FF6B5B' })).toEqual({
			dark: '#000000',
			light: '#FFFFFF'
		});
	});
});

const withQr: TemplateInput = {
	...fixtureInput,
	fields: [
		...fixtureInput.fields,
		{
			id: 'qr',
			kind: 'qr',
			label: { zh: '报名二维码', en: 'Sign-up QR' },
			maxLength: 2000,
			sample: { zh: URL, en: URL }
		}
	],
	layout: {
		...fixtureInput.layout,
		elements: [
			...fixtureInput.layout.elements,
			{
				id: 'qr',
				type: 'image',
				field: 'qr',
				box: { x: 0.05, y: 0.3, w: 0.3, h: 0.4, aspect: 1 },
				placeholder: { type: 'solid', color: '@white' },
				fit: 'contain'
			}
		]
	}
};
const qrTemplate = Template.parse(withQr);
const opts = { id: 'doc-qr', now: '2025-01-01T00:00:00.000Z' } as const;

describe('instantiate with a qr field', () => {
	it('makes a square group: a light backdrop and the modules path bound to the field', () => {
		const r = instantiate(qrTemplate, 'a3', sampleValues(qrTemplate, 'zh'), opts);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(PosterDocument.parse(r.document)).toEqual(r.document);
		const group = r.document.layers.find((l) => l.id === 'qr') as GroupLayer;
		expect(group.type).toBe('group');
		expect(group.width).toBeCloseTo(group.height, 9);
		const [backdrop, modules] = group.children as ShapeLayer[];
		expect(backdrop).toMatchObject({
			type: 'shape',
			shape: 'rect',
			fill: { type: 'solid', color: '#FFFFFF' }
		});
		const expected = qrPath(URL);
		expect(modules).toMatchObject({
			type: 'shape',
			shape: 'path',
			field: 'qr',
			path: expected.path,
			viewBox: { width: expected.size, height: expected.size },
			fill: { type: 'solid', color: '#101010' }
		});
		expect(modules.width).toBe(group.width);
	});

	it('leaves an empty optional qr field out, and reports text too long to encode in zh and en', () => {
		const values = sampleValues(qrTemplate, 'zh');
		const empty = instantiate(qrTemplate, 'a3', { ...values, qr: '  ' }, opts);
		if (!empty.ok) throw new Error(JSON.stringify(empty.errors));
		const ids = (layers: readonly Layer[]): string[] =>
			layers.flatMap((l) => [l.id, ...(l.type === 'group' ? ids(l.children) : [])]);
		expect(ids(empty.document.layers)).not.toContain('qr');
		expect(ids(empty.document.layers)).not.toContain('qr-modules');

		const long = instantiate(qrTemplate, 'a3', { ...values, qr: '报'.repeat(400) }, opts);
		expect(long.ok).toBe(false);
		if (long.ok) return;
		expect(long.errors).toEqual([
			expect.objectContaining({
				field: 'qr',
				zh: expect.stringContaining('“报名二维码”：二维码内容太长：1200 字节'),
				en: expect.stringContaining('"Sign-up QR": The QR code content is too long: 1200 bytes')
			})
		]);
	});

	it('renders on the server to a QR code that jsQR decodes back to the text', async () => {
		const parsed = parseTemplate(
			JSON.parse(readFileSync('templates/recruitment-join-us/template.json', 'utf8'))
		);
		if (!parsed.ok) throw new Error(parsed.message);
		const text = 'https://example.com/jobs?src=海报&id=42';
		const r = instantiate(parsed.template, 'a3', { ...sampleValues(parsed.template, 'zh'), qr: text }, opts);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const png = await renderPng(r.document, { maxSide: 1400 });
		const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
		const found = jsQR(
			new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
			info.width,
			info.height
		);
		expect(found?.data).toBe(text);
	}, 30_000);
});
