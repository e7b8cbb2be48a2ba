// What each editor command does (keyboard shortcuts, toolbar buttons and menus all end here),
// with the clipboard behind copy, cut and paste. The Editor component supplies the view hooks.
import type { Locale } from '$lib/i18n';
import { findLayer } from '$lib/document/operations';
import type { EditorState } from '$lib/editor/state.svelte';
import * as A from '$lib/editor/actions';
import type { CommandId } from '$lib/editor/shortcuts';
import {
	CLIPBOARD_STORAGE_KEY,
	layersForPaste,
	makeClipboard,
	parseClipboard,
	serializeClipboard
} from '$lib/editor/clipboard';

export interface CommandHooks {
	editor: EditorState;
	locale: () => Locale;
	zoomIn: () => void;
	zoomOut: () => void;
	zoomFit: () => void;
	zoom100: () => void;
	save: () => void;
	toggleHelp: () => void;
}

const storedClipboard = () => {
	try {
		return localStorage.getItem(CLIPBOARD_STORAGE_KEY);
	} catch {
		return null;
	}
};

export function createCommands(h: CommandHooks) {
	const { editor } = h;

	/** Copies (or cuts) the selection; returns the clipboard text, or null with nothing selected. */
	function copy(cut = false): string | null {
		const ids = A.validSelection(editor.doc, editor.selection);
		if (!ids.length) return null;
		const layers = ids.map((id) => findLayer(editor.doc, id)!.layer);
		const payload = makeClipboard(editor.doc.id, editor.doc.page, layers);
		editor.clipboard = payload;
		editor.pasteCount = 0;
		const text = serializeClipboard(payload);
		try {
			localStorage.setItem(CLIPBOARD_STORAGE_KEY, text);
		} catch {
			/* storage full or disabled: the in-memory copy still works in this tab */
		}
		if (cut) editor.apply(A.removeSelection(editor.doc, ids), 'cut');
		return text;
	}

	/** Pastes layers from the system clipboard text, this tab's copy or another tab's. */
	function paste(text?: string | null): boolean {
		const payload = parseClipboard(text) ?? editor.clipboard ?? parseClipboard(storedClipboard());
		if (!payload) return false;
		editor.pasteCount++;
		editor.apply(A.insertLayers(editor.doc, layersForPaste(payload, editor.doc, editor.pasteCount)), 'paste');
		return true;
	}

	function run(cmd: CommandId) {
		const d = editor.doc;
		const sel = editor.selection;
		switch (cmd) {
			case 'undo':
				return editor.undo();
			case 'redo':
				return editor.redo();
			case 'copy':
				return void copy();
			case 'cut':
				return void copy(true);
			case 'paste':
				return void paste(null);
			case 'duplicate':
				return editor.apply(A.duplicateSelection(d, sel), 'duplicate');
			case 'delete':
				return editor.apply(A.removeSelection(d, sel), 'delete');
			case 'selectAll':
				return editor.select(d.layers.filter((l) => !l.hidden && !l.locked).map((l) => l.id));
			case 'deselect':
				if (editor.editingTextId) return void (editor.editingTextId = null);
				// Inside a group, Escape steps out to the group first.
				if (editor.leaveGroup()) return;
				return editor.select([]);
			case 'group':
				return editor.apply(A.group(d, sel, h.locale() === 'zh' ? '编组' : 'Group'), 'group');
			case 'ungroup':
				return editor.apply(A.ungroup(d, sel), 'ungroup');
			case 'bringForward':
				return editor.apply(A.reorder(d, sel, 'forward'));
			case 'sendBackward':
				return editor.apply(A.reorder(d, sel, 'backward'));
			case 'bringToFront':
				return editor.apply(A.reorder(d, sel, 'front'));
			case 'sendToBack':
				return editor.apply(A.reorder(d, sel, 'back'));
			case 'nudgeLeft':
				return editor.apply(A.nudge(d, sel, -1, 0));
			case 'nudgeRight':
				return editor.apply(A.nudge(d, sel, 1, 0));
			case 'nudgeUp':
				return editor.apply(A.nudge(d, sel, 0, -1));
			case 'nudgeDown':
				return editor.apply(A.nudge(d, sel, 0, 1));
			case 'nudgeLeftFar':
				return editor.apply(A.nudge(d, sel, -10, 0));
			case 'nudgeRightFar':
				return editor.apply(A.nudge(d, sel, 10, 0));
			case 'nudgeUpFar':
				return editor.apply(A.nudge(d, sel, 0, -10));
			case 'nudgeDownFar':
				return editor.apply(A.nudge(d, sel, 0, 10));
			case 'zoomIn':
				return h.zoomIn();
			case 'zoomOut':
				return h.zoomOut();
			case 'zoomFit':
				return h.zoomFit();
			case 'zoom100':
				return h.zoom100();
			case 'addText': {
				const r = A.insertLayer(d, A.newTextLayer(d, h.locale()));
				editor.apply(r, 'add text');
				editor.editingTextId = r.selection[0];
				return;
			}
			case 'editText': {
				const only = sel.length === 1 ? findLayer(d, sel[0])?.layer : null;
				if (only?.type === 'text' && !only.locked) editor.editingTextId = only.id;
				// Enter on a group goes into it (its top member), as double-click does.
				const top = only?.type === 'group' ? only.children.findLast((c) => !c.hidden) : undefined;
				if (only?.type === 'group' && top) editor.enterGroup(only.id, top.id);
				return;
			}
			case 'lock':
				return editor.apply(A.toggleFlag(d, sel, 'locked'));
			case 'hide':
				return editor.apply(A.toggleFlag(d, sel, 'hidden'));
			case 'save':
				return h.save();
			case 'help':
				return h.toggleHelp();
		}
	}

	return { run, copy, paste };
}
