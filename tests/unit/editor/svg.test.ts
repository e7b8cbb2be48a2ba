import { describe, expect, it } from 'vitest';
import { sanitizeSvgText } from '../../../src/lib/editor/svg-sanitize';
import {
	commandsBounds,
	ellipseCommands,
	partsToLayers,
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
