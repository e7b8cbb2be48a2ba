import { describe, expect, it } from 'vitest';
import {
	UNIT_STORAGE_KEY,
	displayUnit,
	fromDisplay,
	isPrintPage,
	loadPrintUnit,
	savePrintUnit,
	toDisplay
} from '../../../src/lib/editor/units';

describe('properties panel units', () => {
	it('shows pt as mm with one decimal and reads mm back to pt', () => {
		expect(toDisplay(72, 'mm')).toBe(25.4);
		expect(toDisplay(841.89, 'mm')).toBe(297); // A4 height
		expect(toDisplay(100, 'mm')).toBe(35.3);
		expect(fromDisplay(25.4, 'mm')).toBeCloseTo(72, 9);
		expect(fromDisplay(210, 'mm')).toBeCloseTo(595.2756, 3);
		// pt and px are the stored number, rounded to one decimal for display only.
		expect(toDisplay(123.456, 'pt')).toBe(123.5);
		expect(toDisplay(1242, 'px')).toBe(1242);
		expect(fromDisplay(123.4, 'px')).toBe(123.4);
		// A round trip through the display loses at most the shown precision.
		const pt = 333.3;
		expect(Math.abs(fromDisplay(toDisplay(pt, 'mm'), 'mm') - pt)).toBeLessThan(0.15);
	});

	it('tells print pages from screen pages by preset, else by dpi', () => {
		expect(isPrintPage({ preset: 'a3', dpi: 300 })).toBe(true);
		expect(isPrintPage({ preset: 'xhs-1242x1660', dpi: 72 })).toBe(false);
		expect(isPrintPage({ preset: 'custom-500x900mm', dpi: 150 })).toBe(true);
		expect(isPrintPage({ preset: 'custom-1200x800px', dpi: 72 })).toBe(false);
		expect(isPrintPage({ preset: 'custom', dpi: 300 })).toBe(true);
		expect(isPrintPage({ preset: 'custom', dpi: 72 })).toBe(false);
		expect(displayUnit({ preset: 'a3', dpi: 300 }, 'mm')).toBe('mm');
		expect(displayUnit({ preset: 'a3', dpi: 300 }, 'pt')).toBe('pt');
		expect(displayUnit({ preset: 'square-1080', dpi: 72 }, 'mm')).toBe('px');
	});

	it('remembers the print unit, defaulting to mm, and survives broken storage', () => {
		const store = new Map<string, string>();
		const storage = {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v)
		};
		expect(loadPrintUnit(storage)).toBe('mm');
		savePrintUnit(storage, 'pt');
		expect(store.get(UNIT_STORAGE_KEY)).toBe('pt');
		expect(loadPrintUnit(storage)).toBe('pt');
		store.set(UNIT_STORAGE_KEY, 'furlongs');
		expect(loadPrintUnit(storage)).toBe('mm');
		const broken = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(loadPrintUnit(broken)).toBe('mm');
		expect(() => savePrintUnit(broken, 'pt')).not.toThrow();
		expect(loadPrintUnit(undefined)).toBe('mm');
	});
});
