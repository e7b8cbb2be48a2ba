// Phrase boundaries inside Chinese text, scored with BudouX's Simplified Chinese model (the same
// weights and features as budoux's Parser: unigrams, bigrams and trigrams around each boundary,
// a boundary where the sum beats half the model's total). budoux's Parser looks up every feature
// as a substring in a Map (about 1 µs per character); here each character becomes a small integer
// once and the features are array reads and integer-keyed lookups, so phrase breaks cost little
// enough to run on every text, body text included.
import { zhHansModel } from 'budoux';

type Table = Readonly<Record<string, number>>;

interface Model {
	/** UTF-16 code unit → character id (1-based; 0: not in the model). */
	ids: Map<number, number>;
	/** UW1..UW6, indexed by character id: the characters at offsets −3..+2 from the boundary. */
	uni: Float64Array[];
	/** BW1..BW3 keyed by id pairs (offsets −2/−1, −1/0, 0/+1). */
	bi: Map<number, number>[];
	/** TW1..TW4 keyed by id triples (offsets −3..−1, −2..0, −1..+1, 0..+2). */
	tri: Map<number, number>[];
	/** Size of the id space (ids + 1), the radix of pair and triple keys. */
	radix: number;
	base: number;
}

let model: Model | undefined;

function build(): Model {
	const source = zhHansModel as unknown as Record<string, Table>;
	const ids = new Map<number, number>();
	let total = 0;
	for (const table of Object.values(source))
		for (const [key, score] of Object.entries(table)) {
			total += score;
			for (let i = 0; i < key.length; i++) {
				const unit = key.charCodeAt(i);
				if (!ids.has(unit)) ids.set(unit, ids.size + 1);
			}
		}
	const radix = ids.size + 1;
	const keyOf = (s: string) => {
		let k = 0;
		for (let i = 0; i < s.length; i++) k = k * radix + ids.get(s.charCodeAt(i))!;
		return k;
	};
	const uni = ['UW1', 'UW2', 'UW3', 'UW4', 'UW5', 'UW6'].map((name) => {
		const arr = new Float64Array(radix);
		for (const [key, score] of Object.entries(source[name] ?? {})) arr[keyOf(key)] = score;
		return arr;
	});
	const keyed = (name: string) => new Map(Object.entries(source[name] ?? {}).map(([k, v]) => [keyOf(k), v]));
	return {
		ids,
		uni,
		bi: ['BW1', 'BW2', 'BW3'].map(keyed),
		tri: ['TW1', 'TW2', 'TW3', 'TW4'].map(keyed),
		radix,
		base: -0.5 * total
	};
}

/** Character ids of the text being scored, with three empty slots on each side (reused). */
let idBuffer = new Int32Array(64);

function pairScore(m: Model, table: Map<number, number>, a: number, b: number): number {
	return a && b ? (table.get(a * m.radix + b) ?? 0) : 0;
}

function tripleScore(m: Model, table: Map<number, number>, a: number, b: number, c: number): number {
	return a && b && c ? (table.get((a * m.radix + b) * m.radix + c) ?? 0) : 0;
}

/**
 * Calls `boundary(p)` for every phrase boundary strictly inside text[start, end) (UTF-16 indices),
 * exactly where budoux's Parser would split text.slice(start, end).
 */
export function phraseBoundaries(
	text: string,
	start: number,
	end: number,
	boundary: (p: number) => void
): void {
	const m = (model ??= build());
	const n = end - start;
	if (n < 2) return;
	if (idBuffer.length < n + 6) idBuffer = new Int32Array(2 * n + 6);
	// Slots outside the run read 0 ("no character"), as budoux scores a slice on its own.
	const id = idBuffer;
	id[0] = id[1] = id[2] = 0;
	id[n + 3] = id[n + 4] = id[n + 5] = 0;
	for (let i = 0; i < n; i++) id[i + 3] = m.ids.get(text.charCodeAt(start + i)) ?? 0;
	const [uw1, uw2, uw3, uw4, uw5, uw6] = m.uni;
	const [bw1, bw2, bw3] = m.bi;
	const [tw1, tw2, tw3, tw4] = m.tri;
	for (let i = 1; i < n; i++) {
		// Characters at offsets −3..+2 from the boundary before text[start + i].
		const a = id[i],
			b = id[i + 1],
			c = id[i + 2],
			d = id[i + 3],
			e = id[i + 4],
			f = id[i + 5];
		let score = m.base + uw1[a] + uw2[b] + uw3[c] + uw4[d] + uw5[e] + uw6[f];
		score += pairScore(m, bw1, b, c) + pairScore(m, bw2, c, d) + pairScore(m, bw3, d, e);
		score += tripleScore(m, tw1, a, b, c) + tripleScore(m, tw2, b, c, d);
		score += tripleScore(m, tw3, c, d, e) + tripleScore(m, tw4, d, e, f);
		if (score > 0) boundary(start + i);
	}
}
