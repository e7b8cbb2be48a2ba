// Field values: validation with messages in zh and en, and formatting for display (dates, prices).
import type { Field, Template } from './schema';
import { MAX_FIELD_CHARS } from '../document/limits';

export interface FieldError {
	/** The field id (or the unknown key that was given). */
	field: string;
	zh: string;
	en: string;
}

export type Locale = 'zh' | 'en';

const HAN = /\p{Script=Han}/u;
export const hasHan = (s: string) => HAN.test(s);
/** Length in characters as people count them: Unicode code points, not UTF-16 units. */
export const charCount = (s: string) => [...s].length;

export interface ParsedDate {
	year: number;
	month: number;
	day: number;
	time?: string;
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*(\d{1,2}):(\d{2}))?$/;
const TIME = /^(\d{1,2}):(\d{2})$/;
const RANGE = /\s*(?:~|～|至|—|–|\s-\s|\bto\b)\s*/;

function parseOneDate(s: string): ParsedDate | null {
	const m = DATE.exec(s.trim());
	if (!m) return null;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
		return null;
	if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return null;
	return { year, month, day, time: m[4] !== undefined ? `${m[4].padStart(2, '0')}:${m[5]}` : undefined };
}

/** "2025-10-01", "2025/10/01 19:30", "2025-10-01 ~ 2025-10-07", "2025-10-01 19:30 ~ 21:30". */
export function parseDate(value: string): { start: ParsedDate; end?: ParsedDate } | null {
	const parts = value.trim().split(RANGE);
	if (parts.length > 2) return null;
	const start = parseOneDate(parts[0]);
	if (!start) return null;
	if (parts.length === 1) return { start };
	const time = TIME.exec(parts[1]);
	if (time && start.time && Number(time[1]) <= 23 && Number(time[2]) <= 59)
		return { start, end: { ...start, time: `${time[1].padStart(2, '0')}:${time[2]}` } };
	const end = parseOneDate(parts[1]);
	return end ? { start, end } : null;
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDate(value: string, locale: Locale, style: 'long' | 'dots'): string {
	const parsed = parseDate(value);
	if (!parsed) return value;
	const { start, end } = parsed;
	const withTime = (s: string, d: ParsedDate) => (d.time ? `${s} ${d.time}` : s);
	const sameDay = end && end.year === start.year && end.month === start.month && end.day === start.day;
	if (style === 'dots') {
		const first = withTime(`${start.year}.${pad(start.month)}.${pad(start.day)}`, start);
		if (!end) return first;
		if (sameDay) return `${first}–${end.time}`;
		const second =
			end.year === start.year
				? `${pad(end.month)}.${pad(end.day)}`
				: `${end.year}.${pad(end.month)}.${pad(end.day)}`;
		return `${first} – ${withTime(second, end)}`;
	}
	if (locale === 'zh') {
		const first = withTime(`${start.year}年${start.month}月${start.day}日`, start);
		if (!end) return first;
		if (sameDay) return `${first}—${end.time}`;
		const second =
			end.year === start.year ? `${end.month}月${end.day}日` : `${end.year}年${end.month}月${end.day}日`;
		return `${first}—${withTime(second, end)}`;
	}
	const md = (d: ParsedDate) => `${MONTHS[d.month - 1]} ${d.day}`;
	if (!end) return withTime(`${md(start)}, ${start.year}`, start).replace(/ (\d\d:\d\d)$/, ', $1');
	if (sameDay) return `${md(start)}, ${start.year}, ${start.time}–${end.time}`;
	if (end.year === start.year && !start.time && !end.time) return `${md(start)} – ${md(end)}, ${start.year}`;
	return `${withTime(`${md(start)}, ${start.year}`, start)} – ${withTime(`${md(end)}, ${end.year}`, end)}`;
}

const PRICE = /^([¥￥$€£])?\s*(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d{1,2})?$/;

/** "199", "¥1,299.00", "$49.9" → symbol and amount as shown; null when it is not a price. */
export function parsePrice(value: string, defaultSymbol: string): { symbol: string; amount: string } | null {
	const m = PRICE.exec(value.trim());
	if (!m) return null;
	const symbol = m[1] === '￥' ? '¥' : (m[1] ?? defaultSymbol);
	return { symbol, amount: m[2] + (m[3] ?? '') };
}

/** The text a field value shows on the poster. */
export function displayValue(field: Field, value: string, locale: Locale): string {
	if (field.kind === 'date') return formatDate(value, locale, field.dateStyle);
	if (field.kind === 'price') {
		const p = parsePrice(value, field.currency);
		return p ? p.symbol + p.amount : value;
	}
	return value;
}

/** Check every value against its field; returns every problem (empty when all is well). */
export function validateValues(template: Template, values: Readonly<Record<string, string>>): FieldError[] {
	const errors: FieldError[] = [];
	const known = new Set(template.fields.map((f) => f.id));
	for (const key of Object.keys(values)) {
		if (!known.has(key))
			errors.push({
				field: key,
				zh: `模板“${template.name.zh}”没有字段“${key}”`,
				en: `Template "${template.name.en}" has no field "${key}".`
			});
	}
	for (const field of template.fields) {
		const raw = values[field.id];
		const value = typeof raw === 'string' ? raw.trim() : '';
		const zhLabel = `“${field.label.zh}”`;
		const enLabel = `"${field.label.en}"`;
		const fail = (zh: string, en: string) => errors.push({ field: field.id, zh, en });
		if (raw !== undefined && typeof raw !== 'string') {
			fail(`${zhLabel}应为文字`, `${enLabel} must be text.`);
			continue;
		}
		if (!value) {
			if (field.required) fail(`请填写${zhLabel}`, `Please fill in ${enLabel}.`);
			continue;
		}
		const length = charCount(value);
		// Every field has a ceiling (the document's), even where the template sets none.
		const maxLength = Math.min(field.maxLength ?? MAX_FIELD_CHARS, MAX_FIELD_CHARS);
		if (raw.length > MAX_FIELD_CHARS || length > maxLength)
			fail(
				`${zhLabel}最多 ${maxLength} 个字，现在是 ${length} 个`,
				`${enLabel} is at most ${maxLength} characters (now ${length}).`
			);
		if (field.kind === 'text') {
			if (field.language === 'zh' && !hasHan(value))
				fail(`${zhLabel}需要填写中文`, `${enLabel} must be written in Chinese.`);
			if (field.language === 'en' && hasHan(value))
				fail(
					`${zhLabel}只能填写英文，不能含汉字`,
					`${enLabel} must be in English, without Chinese characters.`
				);
		}
		if (field.kind === 'date' && !parseDate(value))
			fail(
				`${zhLabel}不是有效日期，请写成 2025-10-01、2025-10-01 19:30 或 2025-10-01 ~ 2025-10-07`,
				`${enLabel} is not a valid date; write 2025-10-01, 2025-10-01 19:30 or 2025-10-01 ~ 2025-10-07.`
			);
		if (field.kind === 'price' && !parsePrice(value, field.currency))
			fail(`${zhLabel}应是价格数字，例如 199 或 ¥99.9`, `${enLabel} must be a price such as 199 or ¥99.9.`);
	}
	return errors;
}

/** The template's sample values in one language (`long: true` uses the long headlines where given). */
export function sampleValues(
	template: Template,
	locale: Locale,
	options: { long?: boolean } = {}
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const f of template.fields) {
		const sample = options.long && f.sample.long ? f.sample.long[locale] : f.sample[locale];
		if (sample) values[f.id] = sample;
	}
	return values;
}
