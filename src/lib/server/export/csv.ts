// A strict RFC 4180 CSV reader for batch exports: quoted fields with commas, quotes ("") and line
// breaks, CRLF or LF, an optional UTF-8 BOM. A broken row is reported by its number, never guessed.

export interface CsvRow {
	/** 1-based data row number (the header is row 0). */
	row: number;
	/** 1-based line in the file where the row starts. */
	line: number;
	values: Record<string, string>;
	/** Set when this row could not be read; `values` is then empty. */
	error?: string;
}

export interface CsvTable {
	header: string[];
	rows: CsvRow[];
}

export class CsvError extends Error {}

/** Splits text into records of raw fields, each with the line it starts on. */
function records(text: string): { line: number; fields: string[]; error?: string }[] {
	const out: { line: number; fields: string[]; error?: string }[] = [];
	let i = 0;
	let line = 1;
	const n = text.length;
	while (i < n) {
		const start = line;
		const fields: string[] = [];
		let error: string | undefined;
		for (;;) {
			let value = '';
			if (text[i] === '"') {
				i++;
				let closed = false;
				while (i < n) {
					const ch = text[i];
					if (ch === '"') {
						if (text[i + 1] === '"') {
							value += '"';
							i += 2;
							continue;
						}
						i++;
						closed = true;
						break;
					}
					if (ch === '\n') line++;
					value += ch;
					i++;
				}
				if (!closed) {
					error = `a quoted field opened on line ${start} is never closed`;
					i = n;
				} else if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
					error ??= `unexpected text after a closing quote on line ${line}`;
					while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
				}
			} else {
				while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
					if (text[i] === '"')
						error ??= `a quote inside an unquoted field on line ${line} (quote the whole field and double the quote)`;
					value += text[i++];
				}
			}
			fields.push(value);
			if (i < n && text[i] === ',') {
				i++;
				continue;
			}
			if (text[i] === '\r') i++;
			if (text[i] === '\n') {
				i++;
				line++;
			}
			break;
		}
		// Blank lines carry no row.
		if (!(fields.length === 1 && fields[0] === '' && !error)) out.push({ line: start, fields, error });
	}
	return out;
}

export function parseCsv(input: string): CsvTable {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const all = records(text);
	if (all.length === 0) throw new CsvError('the CSV file is empty (expected a header row of field ids)');
	const head = all[0];
	if (head.error) throw new CsvError(`the header row cannot be read: ${head.error}`);
	const header = head.fields.map((h) => h.trim());
	const seen = new Set<string>();
	header.forEach((h, k) => {
		if (!h) throw new CsvError(`column ${k + 1} of the header has no name`);
		if (seen.has(h)) throw new CsvError(`column "${h}" appears twice in the header`);
		seen.add(h);
	});
	const rows = all.slice(1).map((r, k): CsvRow => {
		const row = k + 1;
		if (r.error) return { row, line: r.line, values: {}, error: r.error };
		if (r.fields.length !== header.length)
			return {
				row,
				line: r.line,
				values: {},
				error: `has ${r.fields.length} fields, the header has ${header.length}`
			};
		const values: Record<string, string> = {};
		header.forEach((h, j) => (values[h] = r.fields[j]));
		return { row, line: r.line, values };
	});
	return { header, rows };
}
