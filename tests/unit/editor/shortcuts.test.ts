import { describe, expect, it } from 'vitest';
import { displayCombo, matchShortcut, SHORTCUTS } from '../../../src/lib/editor/shortcuts';

const key = (
	k: string,
	mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}
) => ({
	key: k,
	ctrlKey: !!mods.ctrl,
	metaKey: !!mods.meta,
	shiftKey: !!mods.shift,
	altKey: !!mods.alt
});

describe('shortcuts', () => {
	it('maps undo and both redo forms', () => {
		expect(matchShortcut(key('z', { ctrl: true }))).toBe('undo');
		expect(matchShortcut(key('Z', { ctrl: true, shift: true }))).toBe('redo');
		expect(matchShortcut(key('y', { ctrl: true }))).toBe('redo');
		expect(matchShortcut(key('z', { meta: true }), true)).toBe('undo');
		expect(matchShortcut(key('z', { meta: true }), false)).toBeNull();
	});

	it('maps nudges with and without shift, and shifted symbols', () => {
		expect(matchShortcut(key('ArrowLeft'))).toBe('nudgeLeft');
		expect(matchShortcut(key('ArrowLeft', { shift: true }))).toBe('nudgeLeftFar');
		expect(matchShortcut(key('}', { ctrl: true, shift: true }))).toBe('bringToFront');
		expect(matchShortcut(key('!', { shift: true }))).toBe('zoomFit');
		expect(matchShortcut(key('?', { shift: true }))).toBe('help');
	});

	it('every command has labels in both languages and a displayable combo', () => {
		for (const s of SHORTCUTS) {
			expect(s.label.zh && s.label.en).toBeTruthy();
			for (const k of s.keys) expect(displayCombo(k)).not.toBe('');
		}
		expect(displayCombo('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
		expect(displayCombo('Mod+Shift+Z', true)).toBe('⌘⇧Z');
	});
});
