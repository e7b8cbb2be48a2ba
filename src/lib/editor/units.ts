// Display units of the properties panel. The document stays in pt (DESIGN.md "Units"); print users
// think in millimetres, screen formats are px (1 px = 1 pt at 72 dpi).
import { mmToPt, ptToMm } from '../geometry';
import type { Page } from '../document/schema';
import { getPreset } from '../templates/presets';

export type LengthUnit = 'mm' | 'pt' | 'px';
/** What a print user may pick between; screen pages always show px. */
export type PrintUnit = 'mm' | 'pt';

export const UNIT_STORAGE_KEY = 'haibao.editor.printUnit';

/** A page is print when its preset says so; unknown presets ("custom", removed ids) go by dpi. */
export function isPrintPage(page: Pick<Page, 'preset' | 'dpi'>): boolean {
	const preset = getPreset(page.preset);
	return preset ? preset.kind === 'print' : page.dpi > 72;
}

export function displayUnit(page: Pick<Page, 'preset' | 'dpi'>, printUnit: PrintUnit): LengthUnit {
	return isPrintPage(page) ? printUnit : 'px';
}

/** pt → the shown number, one decimal. */
export function toDisplay(pt: number, unit: LengthUnit): number {
	const v = unit === 'mm' ? ptToMm(pt) : pt;
	return Math.round(v * 10) / 10;
}

/** The typed number → pt. */
export function fromDisplay(value: number, unit: LengthUnit): number {
	return unit === 'mm' ? mmToPt(value) : value;
}

/** The stored choice, 'mm' unless the user picked pt; tolerant of missing or blocked storage. */
export function loadPrintUnit(storage: Pick<Storage, 'getItem'> | undefined): PrintUnit {
	try {
		return storage?.getItem(UNIT_STORAGE_KEY) === 'pt' ? 'pt' : 'mm';
	} catch {
		return 'mm';
	}
}

export function savePrintUnit(storage: Pick<Storage, 'setItem'> | undefined, unit: PrintUnit): void {
	try {
		storage?.setItem(UNIT_STORAGE_KEY, unit);
	} catch {
		// Private mode or full storage: the choice lasts for this page only.
	}
}
