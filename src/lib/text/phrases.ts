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
	model ??= build();
	const { ids, uni, bi, tri, radix, base } = model;
	const n = end - start;
	if (n < 2) return;
	// Ids with three empty slots on each side, so features near the edges read 0 ("no character").
	const id = new Int32Array(n + 6);
	for (let i = 0; i < n; i++) id[i + 3] = ids.get(text.charCodeAt(start + i)) ?? 0;
	const [uw1, uw2, uw3, uw4, uw5, uw6] = uni;
	const [bw1, bw2, bw3] = bi;
	const [tw1, tw2, tw3, tw4] = tri;
	const pair = (a: number, b: number, table: Map<number, number>) =>
		a && b ? (table.get(a * radix + b) ?? 0) : 0;
	const triple = (a: number, b: number, c: number, table: Map<number, number>) =>
		a && b && c ? (table.get((a * radix + b) * radix + c) ?? 0) : 0;
	for (let i = 1; i < n; i++) {
		// Characters at offsets −3..+2 from the boundary before text[start + i].
		const a = id[i],
			b = id[i + 1],
			c = id[i + 2],
			d = id[i + 3],
			e = id[i + 4],
			f = id[i + 5];
		let score = base + uw1[a] + uw2[b] + uw3[c] + uw4[d] + uw5[e] + uw6[f];
		score += pair(b, c, bw1) + pair(c, d, bw2) + pair(d, e, bw3);
		score += triple(a, b, c, tw1) + triple(b, c, d, tw2) + triple(c, d, e, tw3) + triple(d, e, f, tw4);
		if (score > 0) boundary(start + i);
	}
}
