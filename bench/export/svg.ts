// The benchmark's second Chromium baseline: the same scene as one SVG document (vector paths,
// glyph outlines, the photo as a data URL), as a "render the poster as a web page" service would
// do, screenshotted at the export size. Bench-only: the product's painters are paint.ts and pdf.ts.
import { placeImage } from '../../src/lib/render/image-fit';
import { shapeOutline } from '../../src/lib/render/paint';
import { roundedRectPath, serializePath } from '../../src/lib/render/path';
import type { Paint } from '../../src/lib/document/schema';
import { cssColor, gradientLine, sortedStops } from '../../src/lib/render/style';
import { glyphOutline } from '../../src/lib/text/draw';
import type { PreparedExport } from '../../src/lib/server/export/prepare';

export function sceneSvg(
	prepared: PreparedExport,
	photoUrl: string,
	widthPx: number,
	heightPx: number
): string {
	const { scene } = prepared;
	const defs: string[] = [];
	let id = 0;
	const paint = (p: Paint, w: number, h: number) => {
		if (p.type === 'solid') return cssColor(p.color);
		const l = gradientLine(p.angle, w, h);
		const gid = `g${++id}`;
		defs.push(
			`<linearGradient id="${gid}" gradientUnits="userSpaceOnUse" x1="${l.x0}" y1="${l.y0}" x2="${l.x1}" y2="${l.y1}">${sortedStops(
				p
			)
				.map((s) => `<stop offset="${s.offset}" stop-color="${cssColor(s.color)}"/>`)
				.join('')}</linearGradient>`
		);
		return `url(#${gid})`;
	};
	const body: string[] = [
		`<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="${cssColor(scene.background)}"/>`
	];
	for (const node of scene.nodes) {
		const t = `matrix(${node.matrix.join(' ')})`;
		if (node.kind === 'shape') {
			const d = serializePath(shapeOutline(node));
			const fill = node.fill && node.shape !== 'line' ? paint(node.fill, node.width, node.height) : 'none';
			const stroke = node.stroke
				? ` stroke="${cssColor(node.stroke.color)}" stroke-width="${node.stroke.width}"`
				: '';
			body.push(`<path transform="${t}" opacity="${node.opacity}" d="${d}" fill="${fill}"${stroke}/>`);
		} else if (node.kind === 'image') {
			const asset = node.assetId ? prepared.assets.get(node.assetId) : undefined;
			const cid = `c${++id}`;
			defs.push(
				`<clipPath id="${cid}"><path d="${serializePath(roundedRectPath(node.width, node.height, node.cornerRadius))}"/></clipPath>`
			);
			if (!asset) {
				if (node.placeholder)
					body.push(
						`<rect transform="${t}" width="${node.width}" height="${node.height}" fill="${paint(node.placeholder, node.width, node.height)}" clip-path="url(#${cid})"/>`
					);
				continue;
			}
			const { source, dest } = placeImage(
				node.crop,
				node.fit,
				asset.width,
				asset.height,
				node.width,
				node.height
			);
			const w = dest.width / source.width,
				h = dest.height / source.height;
			body.push(
				`<g transform="${t}" opacity="${node.opacity}" clip-path="url(#${cid})"><image href="${photoUrl}" x="${dest.x - source.x * w}" y="${dest.y - source.y * h}" width="${w}" height="${h}" preserveAspectRatio="none"/></g>`
			);
		} else {
			const paths: string[] = [];
			for (const g of node.layout.glyphs) {
				const face = prepared.resources.fonts.byKey(g.face);
				if (!face || g.glyphId === 0) continue;
				const o = glyphOutline(face, g.glyphId);
				const s = g.size / o.unitsPerEm;
				const d = o.commands
					.map((c) =>
						c.type === 'Z'
							? 'Z'
							: c.type === 'C'
								? `C${c.x1} ${c.y1} ${c.x2} ${c.y2} ${c.x} ${c.y}`
								: c.type === 'Q'
									? `Q${c.x1} ${c.y1} ${c.x} ${c.y}`
									: `${c.type}${c.x} ${c.y}`
					)
					.join('');
				const rot = g.rotation === 90 ? ' rotate(90)' : '';
				paths.push(
					`<path transform="translate(${g.x} ${g.y + node.offsetY})${rot} scale(${s})" d="${d}" fill="${cssColor(g.color)}"/>`
				);
			}
			body.push(`<g transform="${t}" opacity="${node.opacity}">${paths.join('')}</g>`);
		}
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${scene.width} ${scene.height}"><defs>${defs.join('')}</defs>${body.join('')}</svg>`;
}
