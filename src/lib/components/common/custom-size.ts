// Custom sizes in the browser: checking what the user typed (same limits as the server's
// CustomPresetInput) and saving/removing through /api/presets. Errors carry the server's message,
// which is already in the user's language.
import type { MessageKey } from '$lib/i18n';
import type { FormatPreset } from '$lib/templates/presets';
import { MAX_CUSTOM_MM, MAX_CUSTOM_PX } from '$lib/document/limits';

export type SizeUnit = 'mm' | 'px';

const LIMITS: Record<SizeUnit, { min: number; max: number; range: MessageKey }> = {
	mm: { min: 10, max: MAX_CUSTOM_MM, range: 'size.error.mmRange' },
	px: { min: 64, max: MAX_CUSTOM_PX, range: 'size.error.pxRange' }
};

/** "５００" (full-width digits from a Chinese IME) and "500,5" read as numbers too. */
function readNumber(text: string): number {
	const clean = text.normalize('NFKC').trim().replace(',', '.');
	return clean === '' ? NaN : Number(clean);
}

/** The shape the typed numbers describe, even out of range (for the editor's page glyph); 1 if unreadable. */
export function typedAspect(widthText: string, heightText: string): number {
	const aspect = readNumber(widthText) / readNumber(heightText);
	return Number.isFinite(aspect) && aspect > 0 ? aspect : 1;
}

export type SizeCheck = { ok: true; width: number; height: number } | { ok: false; error: MessageKey };

export function checkCustomSize(unit: SizeUnit, widthText: string, heightText: string): SizeCheck {
	if (widthText.trim() === '' || heightText.trim() === '') return { ok: false, error: 'size.error.missing' };
	const [width, height] = [readNumber(widthText), readNumber(heightText)];
	if (!Number.isFinite(width) || !Number.isFinite(height)) return { ok: false, error: 'size.error.number' };
	const { min, max, range } = LIMITS[unit];
	if (width < min || width > max || height < min || height > max) return { ok: false, error: range };
	if (unit === 'px' && (!Number.isInteger(width) || !Number.isInteger(height)))
		return { ok: false, error: 'size.error.pxInteger' };
	return { ok: true, width, height };
}

async function failure(response: Response): Promise<Error> {
	const body = (await response.json().catch(() => null)) as { message?: string } | null;
	return new Error(body?.message ?? `HTTP ${response.status}`);
}

/** POST /api/presets; resolves to the saved preset (its id encodes the size). */
export async function saveCustomSize(
	unit: SizeUnit,
	width: number,
	height: number,
	name: string
): Promise<FormatPreset> {
	const size = unit === 'mm' ? { widthMm: width, heightMm: height } : { widthPx: width, heightPx: height };
	const label = name.trim();
	const response = await fetch('/api/presets', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(label ? { ...size, name: { zh: label, en: label } } : size)
	});
	if (!response.ok) throw await failure(response);
	return ((await response.json()) as { preset: FormatPreset }).preset;
}

export async function removeCustomSize(id: string): Promise<void> {
	const response = await fetch(`/api/presets/${encodeURIComponent(id)}`, { method: 'DELETE' });
	if (!response.ok && response.status !== 404) throw await failure(response);
}

export async function listCustomSizes(): Promise<FormatPreset[]> {
	const response = await fetch('/api/presets');
	if (!response.ok) throw await failure(response);
	return ((await response.json()) as { custom: FormatPreset[] }).custom;
}

/** "297×420 mm", "80×200 cm" for sizes of a metre or more, "1242×1660 px". */
export function sizeLabel(p: Pick<FormatPreset, 'unit' | 'width' | 'height'>): string {
	if (p.unit === 'px') return `${p.width}×${p.height} px`;
	if (Math.max(p.width, p.height) >= 1000) return `${p.width / 10}×${p.height / 10} cm`;
	return `${p.width}×${p.height} mm`;
}
