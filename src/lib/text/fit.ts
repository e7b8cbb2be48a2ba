// Fitting: one scale for every run, searched over the pure line breaker. Widths, gaps and line
// heights are all proportional to the size, so breaking at scale s inside a box of length L is
// breaking at scale 1 inside L / s: each candidate costs one pass of arithmetic, no shaping.
// The search first asks for clean lines (no word split, no phrase split); only text that cannot
// be set cleanly even at the minimum size is searched again allowing breaks inside phrases.
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
	/** The prepared text (the line breaker reads it to recognise a lone number on a last line). */
	text?: string;
}

/** Size precision of the search, pt. */
const PRECISION = 0.1;

interface Trial {
	lines: LineRange[];
	/** Within the box without breaking inside words, numbers or URLs. */
	fits: boolean;
	/** Fits, and no line is broken inside a phrase either. */
	clean: boolean;
	/** Text outside the box. */
	overflow: boolean;
}

function trial(units: readonly Unit[], p: FitParams, scale: number): Trial {
	const { lines, emergency, inPhrase, overfull } = breakLines(units, p.inlineBox / scale, p.text);
	let cross = 0;
	for (const l of lines) cross += l.maxSize * p.lineHeight * scale;
	const overflow = overfull || cross > p.crossBox + 1e-6;
	const fits = !overflow && !emergency;
	return { lines, fits, clean: fits && !inPhrase, overflow };
}

/** Largest scale in [minScale, maxScale] whose trial passes `ok`, or null if even minScale fails. */
function search(
	units: readonly Unit[],
	p: FitParams,
	minScale: number,
	maxScale: number,
	ok: (t: Trial) => boolean
): { scale: number; trial: Trial } | null {
	const top = trial(units, p, maxScale);
	if (ok(top)) return { scale: maxScale, trial: top };
	let lo = minScale;
	let best = trial(units, p, lo);
	if (!ok(best)) return null;
	let hi = maxScale;
	while ((hi - lo) * p.size0 > PRECISION / 2) {
		const mid = (lo + hi) / 2;
		const t = trial(units, p, mid);
		if (ok(t)) {
			lo = mid;
			best = t;
		} else hi = mid;
	}
	return { scale: lo, trial: best };
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
	const found =
		search(units, p, minScale, maxScale, (t) => t.clean) ??
		search(units, p, minScale, maxScale, (t) => t.fits);
	if (found) return { scale: found.scale, lines: found.trial.lines, overflow: false };
	const least = trial(units, p, minScale);
	return { scale: minScale, lines: least.lines, overflow: least.overflow };
}
