// The pure render layer: SVG path parsing, image placement, gradients and the scene builder.
import { beforeAll, describe, expect, it } from 'vitest';
import {
	arcToCubics,
	parsePath,
	PathSyntaxError,
	scalePath,
	serializePath
} from '../../../src/lib/render/path';
import { effectiveDpi, placeImage } from '../../../src/lib/render/image-fit';
import { gradientLine, parseColor, rgbToCmyk } from '../../../src/lib/render/style';
import { buildScene } from '../../../src/lib/render/build-scene';
import { getServerFonts } from '../../../src/lib/server/fonts';
import { initShaper } from '../../../src/lib/text/layout';
import { image, makeDoc, mm, rect, text } from './fixtures';

const end = (d: string) => {
	const last = parsePath(d)
		.filter((c) => c.op !== 'Z')
		.pop()!;
	return [Math.round(last.x * 1000) / 1000, Math.round(last.y * 1000) / 1000];
};

describe('parsePath', () => {
	it('reads absolute, relative, H/V and implicit linetos', () => {
		expect(parsePath('M10 10 20 10 v5 h-10 z')).toEqual([
			{ op: 'M', x: 10, y: 10 },
			{ op: 'L', x: 20, y: 10 },
			{ op: 'L', x: 20, y: 15 },
			{ op: 'L', x: 10, y: 15 },
			{ op: 'Z' }
		]);
		expect(parsePath('m1 1 2 0l0 2')).toEqual([
			{ op: 'M', x: 1, y: 1 },
			{ op: 'L', x: 3, y: 1 },
			{ op: 'L', x: 3, y: 3 }
		]);
	});

	it('handles compact numbers: "1.5.5", "-1-2", exponents', () => {
		expect(parsePath('M1.5.5L-1-2L1e1 2E-1')).toEqual([
			{ op: 'M', x: 1.5, y: 0.5 },
			{ op: 'L', x: -1, y: -2 },
			{ op: 'L', x: 10, y: 0.2 }
		]);
	});

	it('reflects control points for S and T, and turns quadratics into cubics', () => {
		const [, c1, c2] = parsePath('M0 0 C 0 10 10 10 10 0 S 20 -10 20 0');
		expect(c1).toMatchObject({ op: 'C', x: 10, y: 0 });
		expect(c2).toMatchObject({ op: 'C', x1: 10, y1: -10, x: 20, y: 0 });
		const [, q] = parsePath('M0 0 Q 5 10 10 0');
		const near = (c: object) =>
			Object.values(c).map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v));
		expect(near(q)).toEqual(
			near({ op: 'C', x1: 10 / 3, y1: 20 / 3, x2: 10 - 10 / 3, y2: 20 / 3, x: 10, y: 0 })
		);
		const [, , t] = parsePath('M0 0 Q 5 10 10 0 T 20 0');
		expect(t).toMatchObject({ op: 'C', x: 20, y: 0 });
		expect(t.op === 'C' && t.y1).toBeCloseTo(-20 / 3);
	});

	it('converts arcs to cubics that end exactly at the arc end, with compact flags', () => {
		expect(end('M0 0 A 10 10 0 0 1 20 0')).toEqual([20, 0]);
		expect(end('M0 0 a1 1 0 011 1')).toEqual([1, 1]);
		// A half circle of radius 10 needs two quarter segments; its middle point lies on the circle.
		const half = arcToCubics(0, 0, 10, 10, 0, false, true, 20, 0);
		expect(half).toHaveLength(2);
		const mid = half[0] as { x: number; y: number };
		expect(Math.hypot(mid.x - 10, mid.y)).toBeCloseTo(10, 6);
		// Radii too small for the chord are scaled up (SVG rules) rather than failing.
		expect(end('M0 0 A 1 1 0 0 0 50 0')).toEqual([50, 0]);
	});

	it('rejects broken path data with a clear message', () => {
		expect(() => parsePath('M0 0 K 1 1')).toThrow(PathSyntaxError);
		expect(() => parsePath('M0 0 L 1')).toThrow(/multiple of 2/);
		expect(() => parsePath('10 10')).toThrow(/must start with a command/);
	});

	it('scales and serialises to absolute data that parses back the same', () => {
		const scaled = scalePath(parsePath('M0 0 L 50 100 C 10 10 20 20 30 30 Z'), 2, 0.5);
		expect(serializePath(scaled)).toBe('M0 0L100 50C20 5 40 10 60 15Z');
		expect(parsePath(serializePath(scaled))).toEqual(scaled);
	});
});

describe('placeImage', () => {
	it('cover trims the longer side and keeps the box; contain letterboxes; stretch ignores aspect', () => {
		const cover = placeImage(null, 'cover', 2000, 1000, 100, 100);
		expect(cover.source).toEqual({ x: 0.25, y: 0, width: 0.5, height: 1 });
		expect(cover.dest).toEqual({ x: 0, y: 0, width: 100, height: 100 });
		const contain = placeImage(null, 'contain', 2000, 1000, 100, 100);
		expect(contain.source).toEqual({ x: 0, y: 0, width: 1, height: 1 });
		expect(contain.dest).toEqual({ x: 0, y: 25, width: 100, height: 50 });
		expect(placeImage(null, 'stretch', 2000, 1000, 100, 100).dest).toEqual({
			x: 0,
			y: 0,
			width: 100,
			height: 100
		});
	});

	it('applies the layer crop first and is idempotent', () => {
		const once = placeImage({ x: 0.5, y: 0, width: 0.5, height: 1 }, 'cover', 1000, 1000, 100, 50);
		expect(once.source.x).toBeCloseTo(0.5);
		expect(once.source.height).toBeCloseTo(0.25);
		expect(once.source.y).toBeCloseTo(0.375);
		expect(placeImage(once.source, 'cover', 1000, 1000, 100, 50)).toEqual(once);
	});

	it('gives the effective dpi at final size', () => {
		// 300 px across 1 inch (72 pt) is 300 dpi; twice the page scale halves it.
		const p = placeImage(null, 'stretch', 300, 300, 72, 72);
		expect(effectiveDpi(p, 300, 300)).toBeCloseTo(300);
		expect(effectiveDpi(p, 300, 300, 2)).toBeCloseTo(150);
	});
});

describe('colours and gradients', () => {
	it('parses #RRGGBB and #RRGGBBAA', () => {
		expect(parseColor('#FF8000')).toEqual({ r: 255, g: 128, b: 0, a: 1 });
		expect(parseColor('#00000080').a).toBeCloseTo(128 / 255);
		expect(() => parseColor('red')).toThrow(/not a colour/);
	});

	it('runs the gradient line through the centre, reaching the corners', () => {
		expect(gradientLine(0, 100, 50)).toEqual({ x0: 0, y0: 25, x1: 100, y1: 25 });
		const down = gradientLine(90, 100, 50);
		expect(down.x0).toBeCloseTo(50);
		expect(down.y0).toBeCloseTo(0);
		expect(down.y1).toBeCloseTo(50);
		const diag = gradientLine(45, 100, 100);
		expect(diag.x0).toBeCloseTo(0);
		expect(diag.y1).toBeCloseTo(100);
	});

	it('converts to CMYK naively (black is K only)', () => {
		expect(rgbToCmyk(parseColor('#000000'))).toEqual([0, 0, 0, 100]);
		expect(rgbToCmyk(parseColor('#FF0000'))).toEqual([0, 100, 100, 0]);
	});
});

describe('buildScene', () => {
	const fonts = getServerFonts();
	beforeAll(async () => {
		await initShaper();
		await fonts.ensure([{ family: 'Noto Sans SC', weight: 400 }]);
	});

	it('flattens groups into matrices and opacities and skips hidden layers', () => {
		const doc = makeDoc([
			rect('bg', 0, 0, 100, 100),
			{ ...rect('gone', 0, 0, 10, 10), hidden: true },
			{
				id: 'g',
				name: 'g',
				type: 'group',
				x: 100,
				y: 50,
				width: 200,
				height: 100,
				rotation: 0,
				opacity: 0.5,
				locked: false,
				hidden: false,
				children: [
					{ ...rect('child', 10, 20, 30, 40), opacity: 0.5 },
					{
						id: 'hg',
						name: 'hg',
						type: 'group',
						x: 0,
						y: 0,
						width: 1,
						height: 1,
						rotation: 0,
						opacity: 1,
						locked: false,
						hidden: true,
						children: [rect('deep', 0, 0, 1, 1)]
					}
				]
			}
		]);
		const scene = buildScene(doc, fonts);
		expect(scene.nodes.map((n) => n.id)).toEqual(['bg', 'child']);
		const child = scene.nodes[1];
		expect(child.matrix).toEqual([1, 0, 0, 1, 110, 70]);
		expect(child.opacity).toBe(0.25);
		expect(scene.bleed).toBeCloseTo(mm(3));
	});

	it('scales path data from its viewBox to the layer box', () => {
		const doc = makeDoc([
			{
				...rect('p', 0, 0, 200, 50),
				shape: 'path',
				path: 'M0 0 L100 100',
				viewBox: { width: 100, height: 100 }
			}
		]);
		const node = buildScene(doc, fonts).nodes[0];
		expect(node.kind === 'shape' && node.path).toBe('M0 0L200 50');
	});

	it('resolves the cover crop when the image size is known, and lays out text', () => {
		const doc = makeDoc([
			image('img', 'a1', 0, 0, 100, 100),
			text('t', 0, 0, 200, 60, [{ text: '海报 Haibao', family: 'Noto Sans SC', size: 20, color: '#000000' }])
		]);
		const scene = buildScene(doc, fonts, { imageSize: () => ({ width: 400, height: 200 }) });
		const img = scene.nodes[0];
		expect(img.kind === 'image' && img.crop).toEqual({ x: 0.25, y: 0, width: 0.5, height: 1 });
		const t = scene.nodes[1];
		expect(t.kind).toBe('text');
		if (t.kind === 'text') {
			expect(t.layout.glyphs.map((g) => g.char).join('')).toBe('海报 Haibao');
			expect(t.layout.missing).toEqual([]);
		}
	});
});
