// clreq line-breaking rules as explicit tables (W3C "Requirements for Chinese Text Layout", §3.1.7
// "Prohibition rules for line start and line end"), at three strictness levels like CSS line-break.
// Each level lists what it ADDS to the looser one; `prohibitedAtLineStart(level)` merges them.

export type Strictness = 'loose' | 'basic' | 'strict';

/** Never at the start of a line, at every level: closing punctuation, pause and stop marks. */
const LINE_START_LOOSE = [
	// pause and stop marks (full- and half-width)
	'，',
	'。',
	'、',
	'．',
	'：',
	'；',
	'？',
	'！',
	'｡',
	'､',
	',',
	'.',
	':',
	';',
	'?',
	'!',
	// closing brackets and quotation marks
	'）',
	'］',
	'｝',
	'〕',
	'〉',
	'》',
	'」',
	'』',
	'】',
	'〙',
	'〗',
	'〟',
	'｠',
	'»',
	')',
	']',
	'}',
	'”',
	'’',
	// vertical presentation forms of the same
	'︐',
	'︑',
	'︒',
	'︓',
	'︔',
	'︕',
	'︖',
	'︶',
	'︸',
	'︺',
	'︼',
	'︾',
	'﹀',
	'﹂',
	'﹄',
	'﹈',
	'︘'
];

/** Added at "basic" (the default): ellipses, middle dots, connectors and postfix signs. */
const LINE_START_BASIC = [
	'…',
	'‥',
	'⋯',
	'︙',
	'︰',
	'·',
	'・',
	'･',
	'‧',
	'%',
	'％',
	'‰',
	'℃',
	'℉',
	'°',
	'′',
	'″',
	'〜',
	'～'
];

/** Added at "strict": iteration marks, prolonged sound mark, small kana, hyphens and dashes. */
const LINE_START_STRICT = [
	'々',
	'〻',
	'ゝ',
	'ゞ',
	'ヽ',
	'ヾ',
	'ー',
	'ぁ',
	'ぃ',
	'ぅ',
	'ぇ',
	'ぉ',
	'っ',
	'ゃ',
	'ゅ',
	'ょ',
	'ゎ',
	'ゕ',
	'ゖ',
	'ァ',
	'ィ',
	'ゥ',
	'ェ',
	'ォ',
	'ッ',
	'ャ',
	'ュ',
	'ョ',
	'ヮ',
	'ヵ',
	'ヶ',
	'‐',
	'‑',
	'–',
	'゠',
	'—',
	'―',
	'⸺'
];

/** Never at the end of a line, at every level: opening brackets and quotation marks. */
const LINE_END_LOOSE = [
	'（',
	'［',
	'｛',
	'〔',
	'〈',
	'《',
	'「',
	'『',
	'【',
	'〘',
	'〖',
	'〝',
	'｟',
	'«',
	'(',
	'[',
	'{',
	'“',
	'‘',
	'︵',
	'︷',
	'︹',
	'︻',
	'︽',
	'︿',
	'﹁',
	'﹃',
	'﹇',
	'︗'
];

/** Added at "basic": currency and number prefixes stay with the number that follows. */
const LINE_END_BASIC = ['¥', '￥', '$', '＄', '£', '￡', '€', '₩', '＃', '#', '№'];

/** Added at "strict": nothing more in clreq; kept for symmetry with the line-start table. */
const LINE_END_STRICT: string[] = [];

function merged(...tables: string[][]): Set<number> {
	return new Set(tables.flat().map((c) => c.codePointAt(0)!));
}

const startSets: Record<Strictness, Set<number>> = {
	loose: merged(LINE_START_LOOSE),
	basic: merged(LINE_START_LOOSE, LINE_START_BASIC),
	strict: merged(LINE_START_LOOSE, LINE_START_BASIC, LINE_START_STRICT)
};
const endSets: Record<Strictness, Set<number>> = {
	loose: merged(LINE_END_LOOSE),
	basic: merged(LINE_END_LOOSE, LINE_END_BASIC),
	strict: merged(LINE_END_LOOSE, LINE_END_BASIC, LINE_END_STRICT)
};

/** Characters that may not begin a line at this strictness. */
export function prohibitedAtLineStart(level: Strictness): ReadonlySet<number> {
	return startSets[level];
}

/** Characters that may not end a line at this strictness. */
export function prohibitedAtLineEnd(level: Strictness): ReadonlySet<number> {
	return endSets[level];
}

/**
 * Sequences that are never split across lines (clreq §3.1.7: "inseparable characters"):
 * the two-em dash and the six-dot ellipsis are each one mark made of two characters.
 */
export const INSEPARABLE_PAIRS: ReadonlySet<number> = merged(['—', '―', '⸺', '…', '‥', '⋯']);

// ---- punctuation shapes (for width adjustment) ----

/** Full-width marks only: ASCII, Latin-1 (») and the half-width forms (U+FF61–FF9F) have no blank half. */
function isFullWidthMark(mark: string): boolean {
	const cp = mark.codePointAt(0)!;
	return cp >= 0x2000 && !(cp >= 0xff61 && cp <= 0xff9f);
}

/** Opening brackets and quotes: their blank half is before the mark (clreq §3.1.6). */
export const OPENING = merged(LINE_END_LOOSE);
/** Closing brackets, quotes, pause and stop marks: their blank half is after the mark. */
export const CLOSING = merged(LINE_START_LOOSE.filter(isFullWidthMark));
/** Middle dots: blank on both sides. */
export const MIDDLE = merged(['·', '・', '‧']);
