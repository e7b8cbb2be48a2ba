// Where the blank half of a full-width punctuation mark lies (clreq §3.1.6): before the mark
// (opening brackets), after it (pause and stop marks, closing brackets) or on both sides (middle
// dots). The font says so through its `halt`/`vhal` feature (alternate half-width metrics) when
// it has one; otherwise we read the glyph's ink box from opentype.js and apply the rule.
// In vertical text we always read the ink box: the wasm build of HarfBuzz we use applies vhal's
// placement but not its advance adjustment, so vhal cannot tell where a closing mark's blank is.
import { hasFeature, shape } from './shaper';
import type { LoadedFace } from './types';

/** Trimmable blank before and after the mark, as fractions of its advance. */
export interface Trims {
	start: number;
	end: number;
}

const cache = new WeakMap<LoadedFace, Map<string, Trims>>();

export function punctuationTrims(
	face: LoadedFace,
	char: string,
	glyphId: number,
	direction: 'ltr' | 'ttb',
	verticalOrigin: number
): Trims {
	let perFace = cache.get(face);
	if (!perFace) cache.set(face, (perFace = new Map()));
	const key = direction + char;
	let t = perFace.get(key);
	if (!t) perFace.set(key, (t = measure(face, char, glyphId, direction, verticalOrigin)));
	return t;
}

function measure(
	face: LoadedFace,
	char: string,
	glyphId: number,
	direction: 'ltr' | 'ttb',
	verticalOrigin: number
): Trims {
	if (direction === 'ltr' && hasFeature(face, 'halt')) {
		const opts = { direction, script: 'Hani', language: 'zh-Hans' } as const;
		const full = shape(face, char, opts);
		const half = shape(face, char, { ...opts, features: ['halt'] });
		if (full.count === 1 && half.count === 1) {
			const adv = full.xAdvance[0];
			const trim = (adv - half.xAdvance[0]) / adv;
			// How far the mark moved toward the line start: its blank was before it.
			const moved = (full.xOffset[0] - half.xOffset[0]) / adv;
			if (trim > 0.05) {
				if (Math.abs(moved - trim / 2) < 0.05) return { start: trim / 2, end: trim / 2 };
				return moved > trim / 2 ? { start: trim, end: 0 } : { start: 0, end: trim };
			}
		}
	}
	return fromInk(face, glyphId, direction, verticalOrigin);
}

function fromInk(face: LoadedFace, glyphId: number, direction: 'ltr' | 'ttb', verticalOrigin: number): Trims {
	const glyph = face.font.glyphs.get(glyphId);
	const box = glyph?.getBoundingBox?.();
	if (!box || (box.x1 === 0 && box.x2 === 0)) return { start: 0, end: 0 };
	const upem = face.ref.unitsPerEm;
	let before: number;
	let after: number;
	if (direction === 'ltr') {
		const adv = glyph.advanceWidth ?? upem;
		before = box.x1 / adv;
		after = (adv - box.x2) / adv;
	} else {
		// Column slot from the vertical origin down one em; the ink box is y-up.
		before = (verticalOrigin - box.y2) / upem;
		after = (box.y1 - (verticalOrigin - upem)) / upem;
	}
	if (before >= 0.4 && after < 0.4) return { start: 0.5, end: 0 };
	if (after >= 0.4 && before < 0.4) return { start: 0, end: 0.5 };
	if (before >= 0.2 && after >= 0.2) return { start: 0.25, end: 0.25 };
	return { start: 0, end: 0 };
}
