// JSON diffs between two versions of immutable data, JSON-patch-like but reversible: every
// operation carries what it replaces, so a diff can be undone without keeping snapshots.
// Structural sharing makes diffing cheap: identical references are skipped without a look inside.

export type DiffPath = readonly (string | number)[];
export type DiffOp =
	/** Set a value; `undefined` before/after means the key is absent. */
	| { op: 'set'; path: DiffPath; before: unknown; after: unknown }
	/** Replace `remove` by `insert` at `index` of the array at `path`. */
	| { op: 'splice'; path: DiffPath; index: number; remove: readonly unknown[]; insert: readonly unknown[] };
export type Diff = readonly DiffOp[];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown) => (isPlainObject(v) && typeof v.id === 'string' ? v.id : undefined);

export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a))
		return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
	if (isPlainObject(a) && isPlainObject(b)) {
		const ka = Object.keys(a).filter((k) => a[k] !== undefined);
		const kb = Object.keys(b).filter((k) => b[k] !== undefined);
		return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
	}
	return false;
}

/** The operations turning `a` into `b`. */
export function diff(a: unknown, b: unknown, path: DiffPath = []): DiffOp[] {
	if (a === b) return [];
	if (Array.isArray(a) && Array.isArray(b)) return diffArrays(a, b, path);
	if (isPlainObject(a) && isPlainObject(b)) {
		const ops: DiffOp[] = [];
		for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
			const [x, y] = [a[key], b[key]];
			if (x === undefined || y === undefined) {
				if (x !== y) ops.push({ op: 'set', path: [...path, key], before: x, after: y });
			} else ops.push(...diff(x, y, [...path, key]));
		}
		return ops;
	}
	return Object.is(a, b) ? [] : [{ op: 'set', path, before: a, after: b }];
}

function diffArrays(a: readonly unknown[], b: readonly unknown[], path: DiffPath): DiffOp[] {
	// Trim the common head and tail, then diff element by element when the middles line up
	// (same length, same ids), else splice the middle: adding, deleting or reordering layers.
	let head = 0;
	while (head < a.length && head < b.length && (a[head] === b[head] || deepEqual(a[head], b[head]))) head++;
	let tail = 0;
	while (
		tail < a.length - head &&
		tail < b.length - head &&
		(a[a.length - 1 - tail] === b[b.length - 1 - tail] ||
			deepEqual(a[a.length - 1 - tail], b[b.length - 1 - tail]))
	)
		tail++;
	const midA = a.slice(head, a.length - tail);
	const midB = b.slice(head, b.length - tail);
	if (midA.length === 0 && midB.length === 0) return [];
	if (midA.length === midB.length && midA.every((x, i) => idOf(x) === idOf(midB[i]))) {
		return midA.flatMap((x, i) => diff(x, midB[i], [...path, head + i]));
	}
	return [{ op: 'splice', path, index: head, remove: midA, insert: midB }];
}

export function invertDiff(d: Diff): Diff {
	return d
		.map((op): DiffOp =>
			op.op === 'set'
				? { ...op, before: op.after, after: op.before }
				: { ...op, remove: op.insert, insert: op.remove }
		)
		.reverse();
}

function update(value: unknown, path: DiffPath, at: number, fn: (v: unknown) => unknown): unknown {
	if (at === path.length) return fn(value);
	const key = path[at];
	if (Array.isArray(value)) {
		const copy = [...value];
		copy[key as number] = update(value[key as number], path, at + 1, fn);
		return copy;
	}
	if (!isPlainObject(value)) throw new Error(`diff path ${path.join('.')} does not exist`);
	const next = update(value[key], path, at + 1, fn);
	const copy = { ...value };
	if (next === undefined) delete copy[key as string];
	else copy[key as string] = next;
	return copy;
}

/** Apply a diff, returning new data that shares everything the diff does not touch. */
export function applyDiff<T>(value: T, d: Diff): T {
	let out: unknown = value;
	for (const op of d) {
		if (op.op === 'set') out = update(out, op.path, 0, () => op.after);
		else
			out = update(out, op.path, 0, (arr) => {
				if (!Array.isArray(arr)) throw new Error(`diff path ${op.path.join('.')} is not an array`);
				return [...arr.slice(0, op.index), ...op.insert, ...arr.slice(op.index + op.remove.length)];
			});
	}
	return out as T;
}
