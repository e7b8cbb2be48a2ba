// How much drawing an SVG asks for, measured on its text without a DOM (the server has none, and
// parsing first is what a hostile file wants). One linear pass over the tags counts elements,
// nesting and path segments; <use> references are then expanded (a <use> of a group costs the
// group again), so a small file that repeats itself 10^6 times is caught too.
import {
	MAX_SVG_BYTES,
	MAX_SVG_DEPTH,
	MAX_SVG_ELEMENTS,
	MAX_SVG_SEGMENTS,
	svgTooComplex,
	type Bilingual
} from './limits';

export interface SvgComplexity {
	/** Elements drawn, <use> expanded. */
	elements: number;
	/** Path segments drawn (curves and lines; an arc counts 4, a basic shape 4), <use> expanded. */
	segments: number;
	/** Deepest element nesting. */
	depth: number;
	/** A <use> chain refers back to itself. */
	cyclic: boolean;
	/** The scan stopped early, past a limit: the counts are lower bounds. */
	partial: boolean;
}

interface Node {
	segments: number;
	children: number[];
	uses: string[];
}

const TAG =
	/<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;
const ATTRS = new Map<string, RegExp>();
const ATTR = (name: string) => {
	let re = ATTRS.get(name);
	if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i')));
	return re;
};
const PATH_TOKEN = /[a-zA-Z]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;
const ARGS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
const NUMBER_TOKEN = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

const attr = (attrs: string, name: string) => {
	const m = ATTR(name).exec(attrs);
	return m ? (m[2] ?? m[3] ?? '') : null;
};

/**
 * Segments drawn by path data: each command's argument groups; arcs become up to 4 curves.
 * Counting stops once past `stopAfter`.
 */
export function pathSegments(d: string, stopAfter = Infinity): number {
	let segments = 0;
	let cmd = '';
	let args = 0;
	const flush = () => {
		const n = ARGS[cmd.toLowerCase()];
		if (n === undefined) return;
		const groups = n === 0 ? 1 : Math.max(1, Math.floor(args / n));
		segments += cmd.toLowerCase() === 'a' ? 4 * groups : groups;
	};
	for (const m of d.matchAll(PATH_TOKEN)) {
		const t = m[0];
		if (/^[a-zA-Z]$/.test(t)) {
			flush();
			if (segments > stopAfter) return segments;
			cmd = t;
			args = 0;
		} else args++;
	}
	flush();
	return segments;
}

function ownSegments(name: string, attrs: string): number {
	switch (name) {
		case 'path':
			return pathSegments(attr(attrs, 'd') ?? '', MAX_SVG_SEGMENTS);
		case 'polygon':
		case 'polyline':
			return Math.ceil(((attr(attrs, 'points') ?? '').match(NUMBER_TOKEN)?.length ?? 0) / 2);
		case 'rect':
		case 'circle':
		case 'ellipse':
		case 'line':
			return 4;
		default:
			return 0;
	}
}

/** Measures an SVG's drawing cost from its text. */
export function measureSvg(svg: string): SvgComplexity {
	const nodes: Node[] = [{ segments: 0, children: [], uses: [] }];
	const ids = new Map<string, number>();
	const stack: { name: string; node: number }[] = [{ name: '', node: 0 }];
	let depth = 0;
	let inText = 0;
	let last = 0;
	// Expansion only adds, so once the file itself is past a limit the answer is known.
	let drawn = 0;
	let partial = false;
	for (const m of svg.matchAll(TAG)) {
		if (nodes.length > MAX_SVG_ELEMENTS + 1 || drawn > MAX_SVG_SEGMENTS || depth > MAX_SVG_DEPTH) {
			partial = true;
			break;
		}
		// Characters of <text> content are drawn as glyphs: count ~10 segments each.
		if (inText > 0) {
			const glyphs = 10 * svg.slice(last, m.index).trim().length;
			nodes[stack[stack.length - 1].node].segments += glyphs;
			drawn += glyphs;
		}
		last = m.index + m[0].length;
		if (!m[2]) continue; // a comment or CDATA
		const [, closing, rawName, attrs, selfClosing] = m;
		const name = rawName.toLowerCase().replace(/^svg:/, '');
		if (closing) {
			const at = stack.findLastIndex((s) => s.name === name);
			if (at > 0) {
				for (const s of stack.splice(at)) if (s.name === 'text') inText--;
			}
			continue;
		}
		const own = ownSegments(name, attrs);
		drawn += own;
		const node = nodes.push({ segments: own, children: [], uses: [] }) - 1;
		nodes[stack[stack.length - 1].node].children.push(node);
		const id = attr(attrs, 'id');
		if (id) ids.set(id, node);
		if (name === 'use') {
			const href = attr(attrs, 'href') ?? attr(attrs, 'xlink:href');
			if (href?.startsWith('#')) nodes[node].uses.push(href.slice(1));
		}
		if (!selfClosing) {
			stack.push({ name, node });
			if (name === 'text') inText++;
			depth = Math.max(depth, stack.length - 1);
		}
	}
	// Expanded cost of each node: itself, its children and what its <use>s point at, memoised.
	// Iterative post-order, so neither a deep tree nor a long <use> chain can overflow the stack.
	const cost: ({ elements: number; segments: number } | undefined)[] = [];
	const onPath = new Set<number>();
	let cyclic = false;
	const deps = (n: number) => [
		...nodes[n].children,
		...nodes[n].uses.map((u) => ids.get(u)).filter((x): x is number => x !== undefined)
	];
	const work: { node: number; expanded: boolean }[] = [{ node: 0, expanded: false }];
	while (work.length) {
		const item = work.pop()!;
		if (cost[item.node]) continue;
		if (!item.expanded) {
			if (onPath.has(item.node)) {
				cyclic = true;
				cost[item.node] = { elements: 0, segments: 0 };
				continue;
			}
			onPath.add(item.node);
			work.push({ node: item.node, expanded: true });
			for (const d of deps(item.node)) if (!cost[d]) work.push({ node: d, expanded: false });
			continue;
		}
		onPath.delete(item.node);
		let elements = item.node === 0 ? 0 : 1;
		let segments = nodes[item.node].segments;
		for (const d of deps(item.node)) {
			const c = cost[d];
			if (!c) {
				// Still open further up: a <use> cycle.
				cyclic = true;
				continue;
			}
			elements += c.elements;
			segments += c.segments;
		}
		cost[item.node] = { elements, segments };
	}
	return { elements: cost[0]!.elements, segments: cost[0]!.segments, depth, cyclic, partial };
}

/** Why this SVG is refused (too large, too complex, self-referencing, entity declarations), or null. */
export function svgProblem(
	svg: string,
	byteLength = new TextEncoder().encode(svg).byteLength
): Bilingual | null {
	if (byteLength > MAX_SVG_BYTES) return svgTooComplex('bytes', byteLength);
	if (/<!ENTITY/i.test(svg))
		return {
			zh: 'SVG 含有实体声明（<!ENTITY>），出于安全原因不接受。请在矢量软件中重新导出。',
			en: 'SVG with entity declarations (<!ENTITY>) is not accepted, for safety; export it again from your vector editor'
		};
	const c = measureSvg(svg);
	if (c.cyclic)
		return {
			zh: 'SVG 中的 <use> 引用了自身，无法绘制。',
			en: 'the SVG cannot be drawn: a <use> element refers back to itself'
		};
	// A partial count only says "over the limit".
	const shown = (n: number, limit: number) => (c.partial ? limit : n);
	if (c.depth > MAX_SVG_DEPTH) return svgTooComplex('depth', shown(c.depth, MAX_SVG_DEPTH), c.partial);
	if (c.elements > MAX_SVG_ELEMENTS)
		return svgTooComplex('elements', shown(c.elements, MAX_SVG_ELEMENTS), c.partial);
	if (c.segments > MAX_SVG_SEGMENTS)
		return svgTooComplex('segments', shown(c.segments, MAX_SVG_SEGMENTS), c.partial);
	return null;
}
