// Helpers for writing templates as code: element builders and vector artwork (SVG path data in a
// viewBox). `node scripts/catalog/build.mjs` writes templates/<id>/template.json from the
// templates/*.mjs files here; the JSON is what the app reads.
const r2 = (n) => Math.round(n * 100) / 100;
const pt = (x, y) => `${r2(x)} ${r2(y)}`;

// ---------- element builders ----------
export const box = (x, y, w, h, ref = 'content', extra = {}) => ({ ref, x, y, w, h, ...extra });
export const solid = (color) => ({ type: 'solid', color });
export const linear = (angle, ...colors) => ({
	type: 'linear',
	angle,
	stops: colors.map((c, i) =>
		Array.isArray(c) ? { offset: c[0], color: c[1] } : { offset: i / (colors.length - 1), color: c }
	)
});
export const text = (id, field, b, style, extra = {}) => ({
	id,
	type: 'text',
	...(typeof field === 'string' ? { field } : { text: field }),
	box: b,
	style,
	...extra
});
export const rect = (id, b, fill, extra = {}) => ({
	id,
	type: 'shape',
	shape: 'rect',
	box: b,
	...(fill ? { fill } : {}),
	...extra
});
export const ellipse = (id, b, fill, extra = {}) => ({
	id,
	type: 'shape',
	shape: 'ellipse',
	box: b,
	...(fill ? { fill } : {}),
	...extra
});
export const path = (id, b, [d, width, height], fill, extra = {}) => ({
	id,
	type: 'shape',
	shape: 'path',
	box: b,
	path: d,
	viewBox: { width, height },
	...(fill ? { fill } : {}),
	...extra
});
export const image = (id, slot, b, placeholder, extra = {}) => ({
	id,
	type: 'image',
	slot,
	box: b,
	placeholder,
	...extra
});
export const field = (id, kind, zh, en, sample, extra = {}) => ({
	id,
	kind,
	label: { zh, en },
	sample,
	...(kind === 'text' || kind === 'qr' ? { maxLength: roomFor(sample) } : {}),
	...extra
});
/** Room for the samples (long ones included) plus a margin, at least 20 characters. */
function roomFor(sample) {
	const all = [sample.zh, sample.en, sample.long?.zh ?? '', sample.long?.en ?? ''];
	const longest = Math.max(...all.map((s) => [...s].length));
	return Math.max(20, Math.ceil((longest * 1.3) / 10) * 10);
}

// ---------- seeded randomness (artwork must not change between builds) ----------
export function rng(seed) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 4294967296;
	};
}

// ---------- path primitives ----------
export const poly = (points) => 'M' + points.map(([x, y]) => pt(x, y)).join('L') + 'Z';
/** Circle as four cubics; `reverse` winds it the other way (a hole under the nonzero rule). */
export function circle(cx, cy, r, reverse = false) {
	const k = 0.5523 * r;
	if (!reverse)
		return `M${pt(cx + r, cy)}C${pt(cx + r, cy + k)} ${pt(cx + k, cy + r)} ${pt(cx, cy + r)}C${pt(cx - k, cy + r)} ${pt(cx - r, cy + k)} ${pt(cx - r, cy)}C${pt(cx - r, cy - k)} ${pt(cx - k, cy - r)} ${pt(cx, cy - r)}C${pt(cx + k, cy - r)} ${pt(cx + r, cy - k)} ${pt(cx + r, cy)}Z`;
	return `M${pt(cx + r, cy)}C${pt(cx + r, cy - k)} ${pt(cx + k, cy - r)} ${pt(cx, cy - r)}C${pt(cx - k, cy - r)} ${pt(cx - r, cy - k)} ${pt(cx - r, cy)}C${pt(cx - r, cy + k)} ${pt(cx - k, cy + r)} ${pt(cx, cy + r)}C${pt(cx + k, cy + r)} ${pt(cx + r, cy + k)} ${pt(cx + r, cy)}Z`;
}
export const ring = (cx, cy, r, width) => circle(cx, cy, r) + circle(cx, cy, r - width, true);
export function ellipsePath(cx, cy, rx, ry) {
	const kx = 0.5523 * rx;
	const ky = 0.5523 * ry;
	return `M${pt(cx + rx, cy)}C${pt(cx + rx, cy + ky)} ${pt(cx + kx, cy + ry)} ${pt(cx, cy + ry)}C${pt(cx - kx, cy + ry)} ${pt(cx - rx, cy + ky)} ${pt(cx - rx, cy)}C${pt(cx - rx, cy - ky)} ${pt(cx - kx, cy - ry)} ${pt(cx, cy - ry)}C${pt(cx + kx, cy - ry)} ${pt(cx + rx, cy - ky)} ${pt(cx + rx, cy)}Z`;
}
export function star(cx, cy, R, r, n = 5, rotation = -90) {
	const pts = [];
	for (let i = 0; i < 2 * n; i++) {
		const a = ((rotation + (i * 180) / n) * Math.PI) / 180;
		const rad = i % 2 ? r : R;
		pts.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
	}
	return poly(pts);
}
/** A thin rectangle from (x1,y1) to (x2,y2) of width w (a stroke as a fill). */
export function bar(x1, y1, x2, y2, w) {
	const len = Math.hypot(x2 - x1, y2 - y1) || 1;
	const nx = (-(y2 - y1) / len) * (w / 2);
	const ny = ((x2 - x1) / len) * (w / 2);
	return poly([
		[x1 + nx, y1 + ny],
		[x2 + nx, y2 + ny],
		[x2 - nx, y2 - ny],
		[x1 - nx, y1 - ny]
	]);
}
export function snowflake(cx, cy, r, w = r * 0.12) {
	let d = '';
	for (let i = 0; i < 6; i++) {
		const a = (i * Math.PI) / 3 - Math.PI / 2;
		const [ex, ey] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
		d += bar(cx, cy, ex, ey, w);
		for (const t of [0.5, 0.75]) {
			const [bx, by] = [cx + r * t * Math.cos(a), cy + r * t * Math.sin(a)];
			const l = r * (t === 0.5 ? 0.32 : 0.22);
			for (const s of [-1, 1]) {
				const b = a + s * (Math.PI / 4);
				d += bar(bx, by, bx + l * Math.cos(b), by + l * Math.sin(b), w * 0.8);
			}
		}
	}
	return d;
}
/** A leaf (lens) from (x1,y1) to (x2,y2), width as a fraction of its length. */
export function leaf(x1, y1, x2, y2, width = 0.3, bend = 0) {
	const len = Math.hypot(x2 - x1, y2 - y1);
	const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
	const [nx, ny] = [-uy, ux];
	const w = len * width;
	const c = (t, s) => [
		x1 + ux * len * t + nx * (w * s + bend * len),
		y1 + uy * len * t + ny * (w * s + bend * len)
	];
	const [a1, a2, b1, b2] = [c(0.25, 1), c(0.7, 0.9), c(0.7, -0.9), c(0.25, -1)];
	return `M${pt(x1, y1)}C${pt(...a1)} ${pt(...a2)} ${pt(x2, y2)}C${pt(...b1)} ${pt(...b2)} ${pt(x1, y1)}Z`;
}
/** Rect with rounded corners. */
export function roundRect(x, y, w, h, r) {
	const k = 0.5523 * r;
	return `M${pt(x + r, y)}L${pt(x + w - r, y)}C${pt(x + w - r + k, y)} ${pt(x + w, y + r - k)} ${pt(x + w, y + r)}L${pt(x + w, y + h - r)}C${pt(x + w, y + h - r + k)} ${pt(x + w - r + k, y + h)} ${pt(x + w - r, y + h)}L${pt(x + r, y + h)}C${pt(x + r - k, y + h)} ${pt(x, y + h - r + k)} ${pt(x, y + h - r)}L${pt(x, y + r)}C${pt(x, y + r - k)} ${pt(x + r - k, y)} ${pt(x + r, y)}Z`;
}
/** An arch (rect with a semicircular top) of width w, height h. */
export function arch(x, y, w, h) {
	const r = w / 2;
	const k = 0.5523 * r;
	return `M${pt(x, y + h)}L${pt(x, y + r)}C${pt(x, y + r - k)} ${pt(x + r - k, y)} ${pt(x + r, y)}C${pt(x + r + k, y)} ${pt(x + w, y + r - k)} ${pt(x + w, y + r)}L${pt(x + w, y + h)}Z`;
}
/** A wavy band: from the left edge at height y, waves of amplitude a and wavelength l, filled down to `bottom`. */
export function waves(width, y, a, l, bottom, phase = 0) {
	let d = `M${pt(-l, bottom)}L${pt(-l, y)}`;
	for (let x = -l + phase; x < width + l; x += l) {
		d += `C${pt(x + l * 0.25, y - a)} ${pt(x + l * 0.25, y - a)} ${pt(x + l * 0.5, y)}`;
		d += `C${pt(x + l * 0.75, y + a)} ${pt(x + l * 0.75, y + a)} ${pt(x + l, y)}`;
	}
	return d + `L${pt(width + 2 * l, bottom)}Z`;
}
/** Scattered confetti or dots inside w×h. */
export function scatter(seed, count, w, h, shape) {
	const rand = rng(seed);
	let d = '';
	for (let i = 0; i < count; i++) d += shape(rand() * w, rand() * h, rand);
	return d;
}
export function rays(cx, cy, count, r, spread = 0.5, start = 0) {
	let d = '';
	for (let i = 0; i < count; i++) {
		const a = start + (i * 2 * Math.PI) / count;
		const h = (Math.PI / count) * spread;
		d += poly([
			[cx, cy],
			[cx + r * Math.cos(a - h), cy + r * Math.sin(a - h)],
			[cx + r * Math.cos(a + h), cy + r * Math.sin(a + h)]
		]);
	}
	return d;
}

/** One closed subpath of absolute M/L/C commands, wound the other way (a hole under the nonzero rule). */
export function reversePath(d) {
	const tokens = d.match(/[MLCZ]|-?\d*\.?\d+(?:e-?\d+)?/gi);
	const segs = [];
	let cmd = null;
	let cur = null;
	const nums = [];
	const flush = () => {
		if (!cmd) return;
		if (cmd === 'M') cur = [nums[0], nums[1]];
		else if (cmd === 'L') {
			segs.push({ from: cur, to: [nums[0], nums[1]], type: 'L' });
			cur = [nums[0], nums[1]];
		} else if (cmd === 'C') {
			segs.push({
				from: cur,
				c1: [nums[0], nums[1]],
				c2: [nums[2], nums[3]],
				to: [nums[4], nums[5]],
				type: 'C'
			});
			cur = [nums[4], nums[5]];
		}
		nums.length = 0;
	};
	for (const t of tokens) {
		if (/[MLCZ]/i.test(t)) {
			flush();
			cmd = t.toUpperCase();
		} else nums.push(Number(t));
	}
	flush();
	if (!segs.length) return d;
	const f = (p) => pt(p[0], p[1]);
	let out = `M${f(segs[segs.length - 1].to)}`;
	for (let i = segs.length - 1; i >= 0; i--) {
		const s = segs[i];
		out += s.type === 'L' ? `L${f(s.from)}` : `C${f(s.c2)} ${f(s.c1)} ${f(s.from)}`;
	}
	return out + 'Z';
}
/** A lantern hanging from the top edge: { body, gold } path data (body red, caps/string/tassel gold). */
export function lantern(cx, stringTop, stringLength, w) {
	const h = w * 0.82;
	const capH = w * 0.12;
	const y = stringTop + stringLength;
	const body = ellipsePath(cx, y + capH + h / 2 - w * 0.02, w / 2, h / 2);
	const shine = leaf(cx, y + capH, cx, y + capH + h - w * 0.04, 0.22);
	let gold = bar(cx, stringTop, cx, y + 0.5, w * 0.03);
	gold += roundRect(cx - w * 0.26, y, w * 0.52, capH, capH * 0.3);
	gold += roundRect(cx - w * 0.26, y + capH + h - w * 0.06, w * 0.52, capH, capH * 0.3);
	const ty = y + 2 * capH + h - w * 0.06;
	gold += roundRect(cx - w * 0.05, ty, w * 0.1, w * 0.1, w * 0.03);
	for (const dx of [-0.06, -0.02, 0.02, 0.06])
		gold += bar(cx + dx * w, ty + w * 0.08, cx + dx * w * 1.4, ty + w * 0.55, w * 0.025);
	return { body, shine, gold };
}

/** Scattered dots kept in the side margins (x within `edge` of either side), clear of any text. */
export function edgeScatter(seed, count, w, h, edge, shape) {
	const rand = rng(seed);
	let d = '';
	for (let i = 0; i < count; i++) {
		const x = i % 2 ? rand() * edge : w - rand() * edge;
		d += shape(x, rand() * h, rand);
	}
	return d;
}
