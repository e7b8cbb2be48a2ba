import { describe, expect, it } from 'vitest';
import { sanitizeSvgText } from '../../../src/lib/editor/svg-sanitize';
import {
	commandsBounds,
	ellipseCommands,
	importSvgLogo,
	partsToLayers,
	SvgImportError,
	transformCommands
} from '../../../src/lib/editor/svg-import';
import { PosterDocument } from '../../../src/lib/document/schema';
import { makeDoc } from './fixtures';

describe('sanitizeSvgText', () => {
	it('removes scripts, event attributes, external references and entities', () => {
		const dirty = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<?xml-stylesheet href="http://evil/x.css"?>
<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" viewBox="0 0 10 10">
<script>alert(2)</script><script href="http://evil/x.js"/>
<style>@import url(http://evil/a.css); .a{fill:url(http://evil/p.svg#g)}</style>
<a xlink:href="javascript:alert(3)"><path d="M0 0L10 10" onclick='x()' fill="url(#ok)"/></a>
<use href="#local"/><use href="http://evil/sprite.svg#a"/>
<image href="http://evil/i.png"/><foreignObject><div>x</div></foreignObject>
</svg>`;
		const clean = sanitizeSvgText(dirty);
		for (const bad of [
			'<script',
			'onload',
			'onclick',
			'ENTITY',
			'DOCTYPE',
			'evil',
			'javascript',
			'@import',
			'<image',
			'foreignObject',
			'xml-stylesheet'
		]) {
			expect(clean).not.toContain(bad);
		}
		expect(clean).toContain('url(#ok)');
		expect(clean).toContain('href="#local"');
		expect(clean).toContain('<path d="M0 0L10 10"');
	});
});

describe('SVG parts → layers', () => {
	it('builds a schema-valid group of path layers scaled to the target width', () => {
		const square = transformCommands(
			[['M', 0, 0], ['L', 10, 0], ['L', 10, 10], ['L', 0, 10], ['Z']],
			[1, 0, 0, 1, 0, 0]
		);
		const circle = ellipseCommands(25, 5, 5, 5);
		const layer = partsToLayers(
			[
				{ name: 'sq', commands: square, fill: { type: 'solid', color: '#FF0000' }, stroke: null, opacity: 1 },
				{
					name: 'c',
					commands: circle,
					fill: { type: 'solid', color: '#0000FF' },
					stroke: { color: '#000000', width: 1 },
					opacity: 0.5
				}
			],
			'logo',
			{ x: 300, y: 400 },
			300
		)!;
		expect(layer.type).toBe('group');
		expect(layer.width).toBeCloseTo(300, 6);
		expect(layer.x + layer.width / 2).toBeCloseTo(300, 6);
		if (layer.type !== 'group') throw new Error('group expected');
		expect(layer.children[1].x).toBeCloseTo(200, 6);
		const child = layer.children[1];
		if (child.type === 'shape') expect(child.stroke?.width).toBeCloseTo(10, 6);
		expect(() => PosterDocument.parse({ ...makeDoc(), layers: [layer] })).not.toThrow();
		expect(commandsBounds(circle)).toEqual({ x: 20, y: 0, width: 10, height: 10 });
	});
});

describe('importSvgLogo limits', () => {
	// The importer measures the text before DOMParser or fabric see it; Node has neither, so
	// reaching them would throw a ReferenceError instead of the bilingual refusal.
	it('refuses an over-complex SVG with the same bilingual message as the server, before parsing', async () => {
		const d = Array.from({ length: 48_000 }, (_, i) => `L${i % 500} ${(i * 7) % 500}`).join('');
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 500"><path d="M0 0${d}Z"/></svg>`;
		const error = await importSvgLogo(svg, 'logo.svg', { x: 0, y: 0 }, 100).catch((e) => e);
		expect(error).toBeInstanceOf(SvgImportError);
		expect(error.messages.zh).toMatch(/^SVG 太复杂（超过 10,000 段路径），上限 10,000 段路径。/);
		expect(error.messages.en).toMatch(/^SVG too complex \(over 10,000 path segments\)/);

		const big = `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0${' L1 2'.repeat(500_000)}"/></svg>`;
		const tooBig = await importSvgLogo(big, 'big.svg', { x: 0, y: 0 }, 100).catch((e) => e);
		expect(tooBig.messages.en).toMatch(/^SVG too complex \(2\.4 MB\); the limit is 2 MB/);
	});
});
