// Fitting: one scale for every run, searched over the pure line breaker. Widths, gaps and line
// heights are all proportional to the size, so breaking at scale s inside a box of length L is
// breaking at scale 1 inside L / s: each candidate costs one pass of arithmetic, no shaping.
import { breakLines, type LineRange } from './lines';
import type { Unit } from './prepare';
import type { TextLayoutInput } from './types';

export interface FitParams {
	/** Box length along the line (width; height in vertical text), pt. */
	inlineBox: number;
	/** Box length across lines (height; width in vertical text), pt. */
	crossBox: number;
	lineHeight: number;
	/** Size of the first run, pt: min/max sizes refer to it. */
	size0: number;
	fit: TextLayoutInput['fit'];
}

/** Size precision of the search, pt. */
const PRECISION = 0.1;

interface Trial {
	lines: LineRange[];
	/** Within the box without breaking inside words, numbers or phrases. */
	fits: boolean;
	/** Text outside the box. */
	overflow: boolean;
}

function trial(units: readonly Unit[], p: FitParams, scale: number): Trial {
	const { lines, emergency, overfull } = breakLines(units, p.inlineBox / scale);
	let cross = 0;
	for (const l of lines) cross += l.maxSize * p.lineHeight * scale;
	const overflow = overfull || cross > p.crossBox + 1e-6;
	return { lines, fits: !overflow && !emergency, overflow };
}

export function fitScale(
	units: readonly Unit[],
	p: FitParams
): { scale: number; lines: LineRange[]; overflow: boolean } {
	const mode = p.fit?.mode ?? 'none';
	if (mode === 'none' || !(p.size0 > 0)) {
		const t = trial(units, p, 1);
		return { scale: 1, lines: t.lines, overflow: t.overflow };
	}
	const maxScale = mode === 'grow' ? (p.fit?.maxSize ?? 400) / p.size0 : 1;
	const minScale = Math.min((p.fit?.minSize ?? 6) / p.size0, maxScale);
	const top = trial(units, p, maxScale);
	if (top.fits) return { scale: maxScale, lines: top.lines, overflow: false };
	let lo = minScale;
	let best = trial(units, p, lo);
	if (!best.fits) return { scale: lo, lines: best.lines, overflow: best.overflow };
	let hi = maxScale;
	while ((hi - lo) * p.size0 > PRECISION / 2) {
		const mid = (lo + hi) / 2;
		const t = trial(units, p, mid);
		if (t.fits) {
			lo = mid;
			best = t;
		} else hi = mid;
	}
	return { scale: lo, lines: best.lines, overflow: false };
}
