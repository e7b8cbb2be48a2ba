// The keyboard shortcut table: one place that the key handler and the help panel both read.
// "Mod" is Ctrl, or ⌘ on macOS. Keys follow KeyboardEvent.key (case-insensitive for letters).

export type CommandId =
	| 'undo'
	| 'redo'
	| 'copy'
	| 'cut'
	| 'paste'
	| 'duplicate'
	| 'delete'
	| 'selectAll'
	| 'deselect'
	| 'group'
	| 'ungroup'
	| 'bringForward'
	| 'sendBackward'
	| 'bringToFront'
	| 'sendToBack'
	| 'nudgeLeft'
	| 'nudgeRight'
	| 'nudgeUp'
	| 'nudgeDown'
	| 'nudgeLeftFar'
	| 'nudgeRightFar'
	| 'nudgeUpFar'
	| 'nudgeDownFar'
	| 'zoomIn'
	| 'zoomOut'
	| 'zoomFit'
	| 'zoom100'
	| 'addText'
	| 'editText'
	| 'lock'
	| 'hide'
	| 'save'
	| 'help';

export interface Shortcut {
	command: CommandId;
	/** Alternatives, e.g. ["Mod+Shift+Z", "Mod+Y"]. */
	keys: string[];
	label: { zh: string; en: string };
	/** Help-panel section. */
	group: 'edit' | 'arrange' | 'view' | 'text';
}

export const SHORTCUTS: readonly Shortcut[] = [
	{ command: 'undo', keys: ['Mod+Z'], label: { zh: '撤销', en: 'Undo' }, group: 'edit' },
	{ command: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], label: { zh: '重做', en: 'Redo' }, group: 'edit' },
	{ command: 'copy', keys: ['Mod+C'], label: { zh: '复制', en: 'Copy' }, group: 'edit' },
	{ command: 'cut', keys: ['Mod+X'], label: { zh: '剪切', en: 'Cut' }, group: 'edit' },
	{
		command: 'paste',
		keys: ['Mod+V'],
		label: { zh: '粘贴（可跨文档）', en: 'Paste (also between documents)' },
		group: 'edit'
	},
	{ command: 'duplicate', keys: ['Mod+D'], label: { zh: '创建副本', en: 'Duplicate' }, group: 'edit' },
	{ command: 'delete', keys: ['Delete', 'Backspace'], label: { zh: '删除', en: 'Delete' }, group: 'edit' },
	{ command: 'selectAll', keys: ['Mod+A'], label: { zh: '全选', en: 'Select all' }, group: 'edit' },
	{
		command: 'deselect',
		keys: ['Escape'],
		label: { zh: '取消选择 / 结束编辑 / 退出编组', en: 'Deselect / finish editing / leave a group' },
		group: 'edit'
	},
	{ command: 'save', keys: ['Mod+S'], label: { zh: '立即保存', en: 'Save now' }, group: 'edit' },
	{ command: 'group', keys: ['Mod+G'], label: { zh: '编组', en: 'Group' }, group: 'arrange' },
	{ command: 'ungroup', keys: ['Mod+Shift+G'], label: { zh: '取消编组', en: 'Ungroup' }, group: 'arrange' },
	{
		command: 'bringForward',
		keys: ['Mod+]'],
		label: { zh: '上移一层', en: 'Bring forward' },
		group: 'arrange'
	},
	{
		command: 'sendBackward',
		keys: ['Mod+['],
		label: { zh: '下移一层', en: 'Send backward' },
		group: 'arrange'
	},
	{
		command: 'bringToFront',
		keys: ['Mod+Shift+]'],
		label: { zh: '置于顶层', en: 'Bring to front' },
		group: 'arrange'
	},
	{
		command: 'sendToBack',
		keys: ['Mod+Shift+['],
		label: { zh: '置于底层', en: 'Send to back' },
		group: 'arrange'
	},
	{
		command: 'nudgeLeft',
		keys: ['ArrowLeft'],
		label: { zh: '左移 1pt', en: 'Nudge left 1 pt' },
		group: 'arrange'
	},
	{
		command: 'nudgeRight',
		keys: ['ArrowRight'],
		label: { zh: '右移 1pt', en: 'Nudge right 1 pt' },
		group: 'arrange'
	},
	{ command: 'nudgeUp', keys: ['ArrowUp'], label: { zh: '上移 1pt', en: 'Nudge up 1 pt' }, group: 'arrange' },
	{
		command: 'nudgeDown',
		keys: ['ArrowDown'],
		label: { zh: '下移 1pt', en: 'Nudge down 1 pt' },
		group: 'arrange'
	},
	{
		command: 'nudgeLeftFar',
		keys: ['Shift+ArrowLeft'],
		label: { zh: '左移 10pt', en: 'Nudge left 10 pt' },
		group: 'arrange'
	},
	{
		command: 'nudgeRightFar',
		keys: ['Shift+ArrowRight'],
		label: { zh: '右移 10pt', en: 'Nudge right 10 pt' },
		group: 'arrange'
	},
	{
		command: 'nudgeUpFar',
		keys: ['Shift+ArrowUp'],
		label: { zh: '上移 10pt', en: 'Nudge up 10 pt' },
		group: 'arrange'
	},
	{
		command: 'nudgeDownFar',
		keys: ['Shift+ArrowDown'],
		label: { zh: '下移 10pt', en: 'Nudge down 10 pt' },
		group: 'arrange'
	},
	{
		command: 'lock',
		keys: ['Mod+Shift+L'],
		label: { zh: '锁定 / 解锁', en: 'Lock / unlock' },
		group: 'arrange'
	},
	{
		command: 'hide',
		keys: ['Mod+Shift+H'],
		label: { zh: '隐藏 / 显示', en: 'Hide / show' },
		group: 'arrange'
	},
	{ command: 'zoomIn', keys: ['Mod+=', 'Mod++'], label: { zh: '放大', en: 'Zoom in' }, group: 'view' },
	{ command: 'zoomOut', keys: ['Mod+-'], label: { zh: '缩小', en: 'Zoom out' }, group: 'view' },
	{ command: 'zoomFit', keys: ['Shift+1'], label: { zh: '适合屏幕', en: 'Fit to screen' }, group: 'view' },
	{
		command: 'zoom100',
		keys: ['Mod+0'],
		label: { zh: '实际大小 100%', en: 'Actual size 100%' },
		group: 'view'
	},
	{ command: 'help', keys: ['?'], label: { zh: '快捷键帮助', en: 'Keyboard shortcuts' }, group: 'view' },
	{ command: 'addText', keys: ['T'], label: { zh: '添加文字', en: 'Add text' }, group: 'text' },
	{
		command: 'editText',
		keys: ['Enter'],
		label: {
			zh: '编辑所选文字 / 进入所选编组（或双击）',
			en: 'Edit selected text / enter the selected group (or double-click)'
		},
		group: 'text'
	}
];

/** Extra, non-rebindable gestures listed in the help panel. */
export const GESTURES: readonly { keys: string; label: { zh: string; en: string } }[] = [
	{ keys: 'Space + drag', label: { zh: '平移画布', en: 'Pan the canvas' } },
	{ keys: 'Mod + wheel / pinch', label: { zh: '缩放画布', en: 'Zoom the canvas' } },
	{ keys: 'Shift + click', label: { zh: '加选 / 减选', en: 'Add to / remove from selection' } },
	{ keys: 'Shift + resize', label: { zh: '切换保持比例', en: 'Toggle keep aspect ratio' } },
	{ keys: 'Alt + drag', label: { zh: '拖动时不吸附', en: 'Drag without snapping' } },
	{
		keys: 'Double-click',
		label: { zh: '编辑文字 / 进入编组选取其中一项', en: 'Edit text / enter a group to pick a part' }
	},
	{ keys: 'Right-click', label: { zh: '图层菜单（或 Shift+F10）', en: 'Layer menu (or Shift+F10)' } }
];

export interface KeyLike {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
}

interface Parsed {
	key: string;
	mod: boolean;
	shift: boolean;
	alt: boolean;
}

function parse(combo: string): Parsed {
	// "Mod++" ends in the key "+": split on "+" only between parts.
	const parts = combo.endsWith('++') ? [...combo.slice(0, -2).split('+'), '+'] : combo.split('+');
	const key = parts[parts.length - 1];
	return {
		key: key.toLowerCase(),
		mod: parts.includes('Mod'),
		shift: parts.includes('Shift'),
		alt: parts.includes('Alt')
	};
}

const parsedTable = SHORTCUTS.map((s) => ({ command: s.command, combos: s.keys.map(parse) }));

/** Keys whose shifted form is what KeyboardEvent.key reports ("?" is Shift+/, "!" is Shift+1…). */
const SHIFTED: Record<string, string> = { '!': '1', '{': '[', '}': ']', '?': '?', '+': '+' };

/** The command a key event triggers, or null. */
export function matchShortcut(e: KeyLike, isMac = false): CommandId | null {
	const mod = isMac ? e.metaKey : e.ctrlKey;
	let key = e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase();
	if (e.shiftKey && SHIFTED[key] && SHIFTED[key] !== key) key = SHIFTED[key];
	for (const row of parsedTable) {
		for (const c of row.combos) {
			if (c.key !== key || c.mod !== mod || c.alt !== e.altKey) continue;
			// "?" and "+" are typed with Shift on most layouts: ignore Shift for them.
			if (c.key !== '?' && c.key !== '+' && c.shift !== e.shiftKey) continue;
			return row.command;
		}
	}
	return null;
}

/** Human form for the help panel ("Ctrl+Shift+Z" or "⌘⇧Z"). */
export function displayCombo(combo: string, isMac = false): string {
	const p = parse(combo);
	const key = p.key.length === 1 ? p.key.toUpperCase() : (ARROWS[p.key] ?? combo.split('+').pop()!);
	if (isMac) return `${p.mod ? '⌘' : ''}${p.alt ? '⌥' : ''}${p.shift ? '⇧' : ''}${key}`;
	return [p.mod ? 'Ctrl' : '', p.alt ? 'Alt' : '', p.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

const ARROWS: Record<string, string> = {
	arrowleft: '←',
	arrowright: '→',
	arrowup: '↑',
	arrowdown: '↓',
	escape: 'Esc',
	delete: 'Delete',
	backspace: 'Backspace',
	enter: 'Enter'
};
