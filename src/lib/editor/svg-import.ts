// SVG logo → vector path layers. fabric (browser only, loaded lazily) parses the sanitised SVG
// into objects; we turn each into one "path" shape layer (absolute M/L/C/Q/Z commands in its own
// box, with a viewBox) inside a group placed on the page.
import type { Matrix } from '../geometry';
import { apply } from '../geometry';
import { newId } from '../document/ids';
import type { GroupLayer, Layer, Paint, ShapeLayer, Stroke } from '../document/schema';
import { MAX_SVG_LAYERS, MAX_SVG_SEGMENTS, svgTooComplex, svgTooManyShapes } from '../document/limits';
import { svgProblem } from '../document/svg-complexity';
import { sanitizeSvgDom, sanitizeSvgText } from './svg-sanitize';

/** Simple path data as fabric keeps it: absolute M, L, C, Q and Z commands. */
export type SimpleCommand = [string, ...number[]];

const K = 0.5522847498; // cubic Bézier handle length for a quarter ellipse

export function ellipseCommands(cx: number, cy: number, rx: number, ry: number): SimpleCommand[] {
	const ox = rx * K;
	const oy = ry * K;
	return [
		['M', cx - rx, cy],
		['C', cx - rx, cy - oy, cx - ox, cy - ry, cx, cy - ry],
		['C', cx + ox, cy - ry, cx + rx, cy - oy, cx + rx, cy],
		['C', cx + rx, cy + oy, cx + ox, cy + ry, cx, cy + ry],
		['C', cx - ox, cy + ry, cx - rx, cy + oy, cx - rx, cy],
		['Z']
	];
}

export function rectCommands(x: number, y: number, w: number, h: number, rx = 0, ry = rx): SimpleCommand[] {
	rx = Math.min(rx, w / 2);
	ry = Math.min(ry, h / 2);
	if (rx <= 0 || ry <= 0) return [['M', x, y], ['L', x + w, y], ['L', x + w, y + h], ['L', x, y + h], ['Z']];
	const ox = rx * (1 - K);
	const oy = ry * (1 - K);
	return [
		['M', x + rx, y],
		['L', x + w - rx, y],
		['C', x + w - ox, y, x + w, y + oy, x + w, y + ry],
		['L', x + w, y + h - ry],
		['C', x + w, y + h - oy, x + w - ox, y + h, x + w - rx, y + h],
		['L', x + rx, y + h],
		['C', x + ox, y + h, x, y + h - oy, x, y + h - ry],
		['L', x, y + ry],
		['C', x, y + oy, x + ox, y, x + rx, y],
		['Z']
	];
}

export function polyCommands(points: readonly { x: number; y: number }[], closed: boolean): SimpleCommand[] {
	const out: SimpleCommand[] = points.map((p, i) => [i === 0 ? 'M' : 'L', p.x, p.y]);
	if (closed) out.push(['Z']);
	return out;
}

/** Every coordinate pair through `m`. */
export function transformCommands(commands: readonly SimpleCommand[], m: Matrix): SimpleCommand[] {
	return commands.map(([op, ...nums]) => {
		const out: number[] = [];
		for (let i = 0; i + 1 < nums.length; i += 2) {
			const p = apply(m, { x: nums[i], y: nums[i + 1] });
			out.push(p.x, p.y);
		}
		return [op, ...out] as SimpleCommand;
	});
}

/** Bounds of all control points (a safe superset of the curve's bounds). */
export function commandsBounds(commands: readonly SimpleCommand[]) {
	let minX = Infinity,
		minY = Infinity,
		maxX = -Infinity,
		maxY = -Infinity;
	for (const [, ...nums] of commands) {
		for (let i = 0; i + 1 < nums.length; i += 2) {
			minX = Math.min(minX, nums[i]);
			maxX = Math.max(maxX, nums[i]);
			minY = Math.min(minY, nums[i + 1]);
			maxY = Math.max(maxY, nums[i + 1]);
		}
	}
	return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);
export const commandsToPathData = (commands: readonly SimpleCommand[]) =>
	commands.map(([op, ...nums]) => [op, ...nums.map(fmt)].join(' ')).join(' ');

/** One parsed SVG object, in SVG user units, ready to become a layer. */
export interface VectorPart {
	name: string;
	commands: SimpleCommand[];
	fill: Paint | null;
	stroke: Stroke | null;
	opacity: number;
}

/**
 * Layers for parsed parts: a group (or a single path layer) `targetWidth` pt wide, centred at
 * `centre`. Each part keeps its own box so selection and the layers panel make sense.
 */
export function partsToLayers(
	parts: readonly VectorPart[],
	name: string,
	centre: { x: number; y: number },
	targetWidth: number
): Layer | null {
	const all = commandsBounds(parts.flatMap((p) => p.commands));
	if (!all || (all.width <= 0 && all.height <= 0)) return null;
	const k = targetWidth / Math.max(all.width, all.height * 0.001, 1e-6);
	const children: ShapeLayer[] = [];
	for (const part of parts) {
		const b = commandsBounds(part.commands);
		if (!b) continue;
		const shifted = transformCommands(part.commands, [1, 0, 0, 1, -b.x, -b.y]);
		children.push({
			id: newId(),
			name: part.name,
			type: 'shape',
			shape: 'path',
			x: (b.x - all.x) * k,
			y: (b.y - all.y) * k,
			width: b.width * k,
			height: b.height * k,
			rotation: 0,
			opacity: part.opacity,
			locked: false,
			hidden: false,
			path: commandsToPathData(shifted),
			viewBox: { width: Math.max(b.width, 1e-6), height: Math.max(b.height, 1e-6) },
			fill: part.fill,
			stroke: part.stroke ? { ...part.stroke, width: part.stroke.width * k } : null,
			cornerRadius: 0
		});
	}
	if (children.length === 0) return null;
	const width = all.width * k;
	const height = all.height * k;
	const x = centre.x - width / 2;
	const y = centre.y - height / 2;
	if (children.length === 1) return { ...children[0], name, x, y };
	const group: GroupLayer = {
		id: newId(),
		name,
		type: 'group',
		x,
		y,
		width,
		height,
		rotation: 0,
		opacity: 1,
		locked: false,
		hidden: false,
		children
	};
	return group;
}

export class SvgImportError extends Error {
	constructor(public readonly messages: { zh: string; en: string }) {
		super(messages.en);
	}
}

/** Browser only: sanitise, parse with fabric (lazily imported), and build the layers. */
export async function importSvgLogo(
	svgText: string,
	fileName: string,
	centre: { x: number; y: number },
	targetWidth: number
): Promise<Layer> {
	// The same bounds as the server's upload check, measured before anything parses the file.
	const problem = svgProblem(svgText);
	if (problem) throw new SvgImportError(problem);
	const cleaned = sanitizeSvgDom(sanitizeSvgText(svgText), new DOMParser(), new XMLSerializer());
	if (!cleaned) throw new SvgImportError({ zh: '无法读取这个 SVG 文件', en: 'This SVG file cannot be read' });
	const { parts } = await parseWithFabric(cleaned);
	// fabric may expand what the text scan counted (shapes become curves): check what became layers.
	const segments = parts.reduce((n, p) => n + p.commands.length, 0);
	if (segments > MAX_SVG_SEGMENTS) throw new SvgImportError(svgTooComplex('segments', segments));
	const layer = partsToLayers(parts, fileName.replace(/\.svg$/i, '') || 'SVG', centre, targetWidth);
	if (!layer)
		throw new SvgImportError({ zh: 'SVG 中没有可用的矢量图形', en: 'The SVG contains no vector shapes' });
	return layer;
}

async function parseWithFabric(svg: string): Promise<{ parts: VectorPart[] }> {
	const fabric = await import('fabric');
	const { objects } = await fabric.loadSVGFromString(svg);
	const parts: VectorPart[] = [];
	for (const obj of objects) {
		if (!obj) continue;
		// Each shape becomes a layer: past the limit, say so instead of dropping the rest.
		if (parts.length >= MAX_SVG_LAYERS) throw new SvgImportError(svgTooManyShapes(objects.length));
		const local = localCommands(obj as unknown as FabricLike);
		if (!local) continue;
		const m = obj.calcTransformMatrix() as unknown as Matrix;
		const commands = transformCommands(local, m);
		const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
		const fill = toPaint(obj.fill, fabric);
		const strokeColor = typeof obj.stroke === 'string' ? toHex(obj.stroke, fabric) : null;
		const stroke =
			strokeColor && (obj.strokeWidth ?? 0) > 0
				? { color: strokeColor, width: (obj.strokeWidth ?? 1) * scale }
				: null;
		if (!fill && !stroke) continue;
		parts.push({
			name: `${obj.type} ${parts.length + 1}`,
			commands,
			fill,
			stroke,
			opacity: Math.max(0, Math.min(1, obj.opacity ?? 1))
		});
	}
	return { parts };
}

/** The fabric object fields we read (typed loosely: fabric's classes differ per shape). */
interface FabricLike {
	type: string;
	width: number;
	height: number;
	path?: SimpleCommand[];
	pathOffset?: { x: number; y: number };
	points?: { x: number; y: number }[];
	rx?: number;
	ry?: number;
	radius?: number;
	x1?: number;
	y1?: number;
	x2?: number;
	y2?: number;
	calcLinePoints?: () => { x1: number; y1: number; x2: number; y2: number };
}

/** Commands in the object's own plane (origin at its centre, as calcTransformMatrix expects). */
function localCommands(o: FabricLike): SimpleCommand[] | null {
	const t = o.type.toLowerCase();
	const off = o.pathOffset ?? { x: 0, y: 0 };
	if (t === 'path' && o.path) return transformCommands(o.path, [1, 0, 0, 1, -off.x, -off.y]);
	if ((t === 'polygon' || t === 'polyline') && o.points)
		return polyCommands(
			o.points.map((p) => ({ x: p.x - off.x, y: p.y - off.y })),
			t === 'polygon'
		);
	if (t === 'rect')
		return rectCommands(-o.width / 2, -o.height / 2, o.width, o.height, o.rx ?? 0, o.ry ?? o.rx ?? 0);
	if (t === 'circle') return ellipseCommands(0, 0, o.radius ?? o.width / 2, o.radius ?? o.height / 2);
	if (t === 'ellipse') return ellipseCommands(0, 0, o.rx ?? o.width / 2, o.ry ?? o.height / 2);
	if (t === 'line' && o.calcLinePoints) {
		const p = o.calcLinePoints();
		return [
			['M', p.x1, p.y1],
			['L', p.x2, p.y2]
		];
	}
	return null;
}

type FabricModule = typeof import('fabric');

function toHex(value: string, fabric: FabricModule): string | null {
	if (!value || value === 'none' || value === 'transparent') return null;
	const c = new fabric.Color(value);
	const hexa = c.toHexa().toUpperCase();
	if (c.getAlpha() === 0) return null;
	return `#${hexa.endsWith('FF') ? hexa.slice(0, 6) : hexa}`;
}

function toPaint(fill: unknown, fabric: FabricModule): Paint | null {
	if (typeof fill === 'string') {
		const color = toHex(fill, fabric);
		return color ? { type: 'solid', color } : null;
	}
	if (fill instanceof fabric.Gradient) {
		const stops = fill.colorStops
			.map((s) => ({
				offset: Math.max(0, Math.min(1, s.offset)),
				color: toHex(s.color, fabric) ?? '#000000'
			}))
			.sort((a, b) => a.offset - b.offset);
		if (stops.length === 0) return null;
		if (stops.length === 1) return { type: 'solid', color: stops[0].color };
		const c = fill.coords as { x1?: number; y1?: number; x2?: number; y2?: number };
		const angle =
			fill.type === 'linear'
				? (Math.atan2((c.y2 ?? 0) - (c.y1 ?? 0), (c.x2 ?? 1) - (c.x1 ?? 0)) * 180) / Math.PI
				: 90;
		return { type: 'linear', angle: Math.round(angle * 100) / 100, stops };
	}
	return null;
}
