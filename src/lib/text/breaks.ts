// Line-break opportunities: UAX #14 (the `linebreak` package) for Western text, clreq tables
// (rules.ts) wherever a Chinese character is involved, tokens that are never split (numbers with
// their signs, dates, URLs, e-mail addresses), BudouX phrases inside Han runs, and typed spaces
// between Chinese phrases, which the author meant as the place to break.
import LineBreaker from 'linebreak';
import { Cls, classify } from './chars';
import { phraseBoundaries } from './phrases';
import { INSEPARABLE_PAIRS, prohibitedAtLineEnd, prohibitedAtLineStart, type Strictness } from './rules';

/**
 * Break levels at a boundary: never; only if nothing else fits (inside a word, number or URL);
 * inside a BudouX phrase (taken only where the last phrase boundary would leave the line too
 * short); allowed; preferred (a typed space beside Chinese text: the line breaker breaks here
 * rather than inside the phrase after it); required.
 */
export const Brk = { Never: 0, Emergency: 1, InPhrase: 2, Allowed: 3, Preferred: 4, Required: 5 } as const;

// A number with its currency sign, decimal or thousands separators, date/time separators and
// percent sign: ¥99.9, $5, 1,299.00, 50%, 2024-05-01, 2024/5/1, 10:30, 3.5%.
const NUMBER = /[¥￥$＄€£]?\d+(?:[.,:/-]\d+)*(?:%|％|‰)?/g;
// A URL with a scheme or www., an e-mail address, or a bare domain with an optional path
// (haibao.com/zh-cn/download): a dot-separated name ending in a letter-only top-level label.
const URL_OR_MAIL =
	/(?:https?:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@./-])(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}\b(?::\d+)?(?:\/[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]*)?/gi;

function cjk(cls: Cls): boolean {
	return cls === Cls.Han || cls === Cls.Punct;
}

/**
 * Inside a URL or e-mail address, a last-resort break falls after a slash or a hyphen, or before
 * a dot, ?, #, & or = (as style guides break addresses), never elsewhere: so a line never starts
 * with the hyphen of zh-cn.
 */
function urlBreak(text: string, p: number): number {
	const before = text[p - 1];
	const after = text[p];
	if (after === '/' || after === '-' || before === '.') return Brk.Never;
	return before === '/' || before === '-' || '.?#&=@'.includes(after) ? Brk.Emergency : Brk.Never;
}

/**
 * Break level before each UTF-16 index (index 0 and text.length are unused). Boundaries inside a
 * surrogate pair get Never; the caller only consults boundaries between shaping clusters.
 * `classes` (per UTF-16 index) may carry classes resolved in context: an ambiguous mark such as
 * ’ or — inside English text is not Chinese punctuation (so "don’t" stays one word).
 */
export function breakLevels(
	text: string,
	strictness: Strictness,
	phrases: boolean,
	classes?: ArrayLike<Cls>
): Int8Array {
	const n = text.length;
	const level = new Int8Array(n + 1).fill(Brk.Emergency);
	const cls = new Array<Cls>(n);
	const cps = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const cp = text.codePointAt(i)!;
		cps[i] = cp;
		cls[i] = classes ? classes[i] : classify(cp);
		if (cp > 0xffff) {
			cps[i + 1] = -1;
			cls[i + 1] = cls[i];
			level[i + 1] = Brk.Never;
			i++;
		}
	}
	// 1. UAX #14.
	const breaker = new LineBreaker(text);
	for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
		if (bk.position > 0 && bk.position < n) level[bk.position] = bk.required ? Brk.Required : Brk.Allowed;
	}
	// A newline always ends its line (UAX #14 marks the break after it; make it explicit).
	for (let i = 0; i < n - 1; i++)
		if (cls[i] === Cls.Newline && !(cps[i] === 0x0d && cps[i + 1] === 0x0a)) level[i + 1] = Brk.Required;
	// 2. Chinese context: every boundary next to a Chinese character is an opportunity unless
	//    a table forbids it (this also lifts UAX #14's no-break around quotation marks, which
	//    would glue “ ” to the Han characters beside them).
	const startNo = prohibitedAtLineStart(strictness);
	const endNo = prohibitedAtLineEnd(strictness);
	for (let p = 1; p < n; p++) {
		if (cps[p] === -1 || level[p] === Brk.Required) continue;
		let a = p - 1;
		if (cps[a] === -1) a--;
		const ca = cls[a];
		const cb = cls[p];
		if (cjk(ca) || cjk(cb)) {
			if (ca !== Cls.Space && cb !== Cls.Space && ca !== Cls.Newline && cb !== Cls.Newline)
				level[p] = Brk.Allowed;
		}
		if (startNo.has(cps[p]) || endNo.has(cps[a])) level[p] = Brk.Never;
		if (cps[a] === cps[p] && INSEPARABLE_PAIRS.has(cps[p])) level[p] = Brk.Never;
	}
	// 3. Tokens never split unless nothing else fits.
	for (const re of [NUMBER, URL_OR_MAIL]) {
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			let end = m.index + m[0].length;
			if (re === URL_OR_MAIL) while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1])) end--;
			for (let p = m.index + 1; p < end; p++) {
				if (re === URL_OR_MAIL) level[p] = urlBreak(text, p);
				else if (level[p] === Brk.Allowed) level[p] = Brk.Emergency;
			}
		}
	}
	// 4. BudouX phrases inside runs of Han characters: breaks inside a phrase are second choice.
	if (phrases) {
		// Every Allowed boundary inside a run becomes InPhrase, then phrase boundaries are restored.
		const restore = (q: number) => {
			if (level[q] === Brk.InPhrase) level[q] = Brk.Allowed;
		};
		let p = 0;
		while (p < n) {
			if (cls[p] !== Cls.Han) {
				p++;
				continue;
			}
			let e = p;
			while (e < n && cjk(cls[e])) e++;
			for (let q = p + 1; q < e; q++) if (level[q] === Brk.Allowed) level[q] = Brk.InPhrase;
			phraseBoundaries(text, p, e, restore);
			p = e;
		}
	}
	// 5. A typed space between Chinese characters separates the phrases the author had in mind
	//    (湖畔书香节 全城共读): breaking there is preferred to breaking inside the next phrase.
	for (let a = 1; a < n; a++) {
		if (cls[a] !== Cls.Space || cls[a - 1] === Cls.Space || cls[a - 1] === Cls.Newline) continue;
		let b = a + 1;
		while (b < n && cls[b] === Cls.Space) b++;
		// Only between Chinese on both sides: a space beside a number or a Latin word (满 300 减,
		// 2 号展厅) is spacing, not a phrase boundary.
		if (b < n && level[b] === Brk.Allowed && cjk(cls[a - 1]) && cjk(cls[b])) level[b] = Brk.Preferred;
		a = b - 1;
	}
	return level;
}
