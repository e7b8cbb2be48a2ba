// SVG path data → absolute moveTo / lineTo / cubic / close commands. Every painter (browser canvas,
// @napi-rs/canvas, PDF) draws these same commands, so shapes agree to the pixel; Path2D is not used
// because it differs between the two canvases and PDF has no arcs or quadratics.

export type PathCommand =
	| { op: 'M'; x: number; y: number }
	| { op: 'L'; x: number; y: number }
	| { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
	| { op: 'Z' };

export class PathSyntaxError extends Error {}

const ARG_COUNT: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;

/** Splits path data into commands and their numeric arguments (handles "1.5.5", "-1-2", "a1 1 0 011 1"). */
function tokenize(d: string): { cmd: string; args: number[] }[] {
	const out: { cmd: string; args: number[] }[] = [];
	let i = 0;
	let current: { cmd: string; args: number[] } | null = null;
	while (i < d.length) {
		const ch = d[i];
		if (/[\s,]/.test(ch)) {
			i++;
			continue;
		}
		if (/[a-zA-Z]/.test(ch)) {
			if (!(ch.toLowerCase() in ARG_COUNT)) throw new PathSyntaxError(`unknown path command "${ch}" at ${i}`);
			current = { cmd: ch, args: [] };
			out.push(current);
			i++;
			continue;
		}
		if (!current) throw new PathSyntaxError(`path data must start with a command, found "${ch}"`);
		// Arc flags are single digits that may be written without separators.
		const lower = current.cmd.toLowerCase();
		const argIndex = current.args.length % 7;
		if (lower === 'a' && (argIndex === 3 || argIndex === 4) && (ch === '0' || ch === '1')) {
			current.args.push(ch === '1' ? 1 : 0);
			i++;
			continue;
		}
		const match = NUMBER.exec(d.slice(i));
		if (!match) throw new PathSyntaxError(`unexpected "${ch}" at ${i} in path data`);
		current.args.push(parseFloat(match[0]));
		i += match[0].length;
	}
	return out;
}

/** Parses SVG path data into absolute M/L/C/Z commands (H, V, S, Q, T and A are converted). */
export function parsePath(d: string): PathCommand[] {
	const out: PathCommand[] = [];
	let x = 0,
		y = 0,
		startX = 0,
		startY = 0;
	// Reflection points for S and T.
	let lastCubic: [number, number] | null = null;
	let lastQuad: [number, number] | null = null;
	for (const { cmd, args } of tokenize(d)) {
		const lower = cmd.toLowerCase();
		const rel = cmd !== cmd.toUpperCase();
		const n = ARG_COUNT[lower];
		if (n === 0) {
			out.push({ op: 'Z' });
			x = startX;
			y = startY;
			lastCubic = lastQuad = null;
			continue;
		}
		if (args.length === 0 || args.length % n !== 0)
			throw new PathSyntaxError(`path command "${cmd}" needs a multiple of ${n} numbers, got ${args.length}`);
		for (let k = 0; k < args.length; k += n) {
			const a = args.slice(k, k + n);
			const ox = rel ? x : 0;
			const oy = rel ? y : 0;
			let cubic: [number, number] | null = null;
			let quad: [number, number] | null = null;
			if (lower === 'm') {
				x = a[0] + ox;
				y = a[1] + oy;
				// Pairs after the first in a moveto are implicit linetos.
				if (k === 0) {
					out.push({ op: 'M', x, y });
					startX = x;
					startY = y;
				} else out.push({ op: 'L', x, y });
			} else if (lower === 'l' || lower === 'h' || lower === 'v') {
				if (lower === 'l') [x, y] = [a[0] + ox, a[1] + oy];
				else if (lower === 'h') x = a[0] + ox;
				else y = a[0] + oy;
				out.push({ op: 'L', x, y });
			} else if (lower === 'c' || lower === 's') {
				let x1: number, y1: number;
				let rest = a;
				if (lower === 'c') {
					[x1, y1] = [a[0] + ox, a[1] + oy];
					rest = a.slice(2);
				} else [x1, y1] = lastCubic ? [2 * x - lastCubic[0], 2 * y - lastCubic[1]] : [x, y];
				const x2 = rest[0] + ox,
					y2 = rest[1] + oy;
				x = rest[2] + ox;
				y = rest[3] + oy;
				out.push({ op: 'C', x1, y1, x2, y2, x, y });
				cubic = [x2, y2];
			} else if (lower === 'q' || lower === 't') {
				let qx: number, qy: number;
				let end = a;
				if (lower === 'q') {
					[qx, qy] = [a[0] + ox, a[1] + oy];
					end = a.slice(2);
				} else [qx, qy] = lastQuad ? [2 * x - lastQuad[0], 2 * y - lastQuad[1]] : [x, y];
				const ex = end[0] + ox,
					ey = end[1] + oy;
				out.push(quadToCubic(x, y, qx, qy, ex, ey));
				x = ex;
				y = ey;
				quad = [qx, qy];
			} else if (lower === 'a') {
				const ex = a[5] + ox,
					ey = a[6] + oy;
				out.push(...arcToCubics(x, y, a[0], a[1], a[2], a[3] !== 0, a[4] !== 0, ex, ey));
				x = ex;
				y = ey;
			}
			lastCubic = cubic;
			lastQuad = quad;
		}
	}
	return out;
}

function quadToCubic(x0: number, y0: number, qx: number, qy: number, x: number, y: number): PathCommand {
	return {
		op: 'C',
		x1: x0 + (2 / 3) * (qx - x0),
		y1: y0 + (2 / 3) * (qy - y0),
		x2: x + (2 / 3) * (qx - x),
		y2: y + (2 / 3) * (qy - y),
		x,
		y
	};
}

/** SVG elliptical arc (endpoint form) as cubic Béziers of at most 90° each (SVG 1.1 appendix F.6). */
export function arcToCubics(
	x0: number,
	y0: number,
	rx: number,
	ry: number,
	angleDeg: number,
	largeArc: boolean,
	sweep: boolean,
	x: number,
	y: number
): PathCommand[] {
	if (x0 === x && y0 === y) return [];
	rx = Math.abs(rx);
	ry = Math.abs(ry);
	if (rx === 0 || ry === 0) return [{ op: 'L', x, y }];
	const phi = (angleDeg * Math.PI) / 180;
	const cos = Math.cos(phi),
		sin = Math.sin(phi);
	const dx = (x0 - x) / 2,
		dy = (y0 - y) / 2;
	const x1p = cos * dx + sin * dy;
	const y1p = -sin * dx + cos * dy;
	const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
	if (lambda > 1) {
		rx *= Math.sqrt(lambda);
		ry *= Math.sqrt(lambda);
	}
	const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
	const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
	let coef = Math.sqrt(Math.max(0, num / den));
	if (largeArc === sweep) coef = -coef;
	const cxp = (coef * rx * y1p) / ry;
	const cyp = (-coef * ry * x1p) / rx;
	const cx = cos * cxp - sin * cyp + (x0 + x) / 2;
	const cy = sin * cxp + cos * cyp + (y0 + y) / 2;
	const angle = (ux: number, uy: number, vx: number, vy: number) =>
		Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
	const theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
	let delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
	if (!sweep && delta > 0) delta -= 2 * Math.PI;
	if (sweep && delta < 0) delta += 2 * Math.PI;
	const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
	const step = delta / segments;
	const k = (4 / 3) * Math.tan(step / 4);
	const point = (t: number) => {
		const ex = rx * Math.cos(t),
			ey = ry * Math.sin(t);
		return [cx + cos * ex - sin * ey, cy + sin * ex + cos * ey];
	};
	const deriv = (t: number) => {
		const ex = -rx * Math.sin(t),
			ey = ry * Math.cos(t);
		return [cos * ex - sin * ey, sin * ex + cos * ey];
	};
	const out: PathCommand[] = [];
	for (let i = 0; i < segments; i++) {
		const t1 = theta1 + i * step,
			t2 = t1 + step;
		const [px1, py1] = point(t1),
			[px2, py2] = point(t2);
		const [d1x, d1y] = deriv(t1),
			[d2x, d2y] = deriv(t2);
		const last = i === segments - 1;
		out.push({
			op: 'C',
			x1: px1 + k * d1x,
			y1: py1 + k * d1y,
			x2: px2 - k * d2x,
			y2: py2 - k * d2y,
			x: last ? x : px2,
			y: last ? y : py2
		});
	}
	return out;
}

/** Applies x' = x·sx + tx, y' = y·sy + ty to every point. */
export function scalePath(
	commands: readonly PathCommand[],
	sx: number,
	sy: number,
	tx = 0,
	ty = 0
): PathCommand[] {
	const X = (v: number) => v * sx + tx;
	const Y = (v: number) => v * sy + ty;
	return commands.map((c) =>
		c.op === 'Z'
			? c
			: c.op === 'C'
				? { op: 'C', x1: X(c.x1), y1: Y(c.y1), x2: X(c.x2), y2: Y(c.y2), x: X(c.x), y: Y(c.y) }
				: { op: c.op, x: X(c.x), y: Y(c.y) }
	);
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/** Absolute path data from commands (what the scene stores for "path" shapes). */
export function serializePath(commands: readonly PathCommand[]): string {
	return commands
		.map((c) =>
			c.op === 'Z'
				? 'Z'
				: c.op === 'C'
					? `C${[c.x1, c.y1, c.x2, c.y2, c.x, c.y].map(num).join(' ')}`
					: `${c.op}${num(c.x)} ${num(c.y)}`
		)
		.join('');
}

// 4/3·(√2 − 1): control distance of a quarter circle as a cubic.
const KAPPA = 0.5522847498307936;

/** A rectangle with rounded corners (radius clamped to half the shorter side), clockwise from top-left. */
export function roundedRectPath(w: number, h: number, radius: number): PathCommand[] {
	const r = Math.max(0, Math.min(radius, w / 2, h / 2));
	if (r === 0)
		return [
			{ op: 'M', x: 0, y: 0 },
			{ op: 'L', x: w, y: 0 },
			{ op: 'L', x: w, y: h },
			{ op: 'L', x: 0, y: h },
			{ op: 'Z' }
		];
	const k = r * KAPPA;
	return [
		{ op: 'M', x: r, y: 0 },
		{ op: 'L', x: w - r, y: 0 },
		{ op: 'C', x1: w - r + k, y1: 0, x2: w, y2: r - k, x: w, y: r },
		{ op: 'L', x: w, y: h - r },
		{ op: 'C', x1: w, y1: h - r + k, x2: w - r + k, y2: h, x: w - r, y: h },
		{ op: 'L', x: r, y: h },
		{ op: 'C', x1: r - k, y1: h, x2: 0, y2: h - r + k, x: 0, y: h - r },
		{ op: 'L', x: 0, y: r },
		{ op: 'C', x1: 0, y1: r - k, x2: r - k, y2: 0, x: r, y: 0 },
		{ op: 'Z' }
	];
}

/** The ellipse inscribed in (0,0)-(w,h), as four cubics. */
export function ellipsePath(w: number, h: number): PathCommand[] {
	const rx = w / 2,
		ry = h / 2,
		kx = rx * KAPPA,
		ky = ry * KAPPA;
	return [
		{ op: 'M', x: w, y: ry },
		{ op: 'C', x1: w, y1: ry + ky, x2: rx + kx, y2: h, x: rx, y: h },
		{ op: 'C', x1: rx - kx, y1: h, x2: 0, y2: ry + ky, x: 0, y: ry },
		{ op: 'C', x1: 0, y1: ry - ky, x2: rx - kx, y2: 0, x: rx, y: 0 },
		{ op: 'C', x1: rx + kx, y1: 0, x2: w, y2: ry - ky, x: w, y: ry },
		{ op: 'Z' }
	];
}

/** Anything with canvas-style path methods: a 2D context, or an adapter over a PDF writer. */
export interface PathSink {
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void;
	closePath(): void;
}

export function tracePath(sink: PathSink, commands: readonly PathCommand[]): void {
	for (const c of commands) {
		if (c.op === 'M') sink.moveTo(c.x, c.y);
		else if (c.op === 'L') sink.lineTo(c.x, c.y);
		else if (c.op === 'C') sink.bezierCurveTo(c.x1, c.y1, c.x2, c.y2, c.x, c.y);
		else sink.closePath();
	}
}
