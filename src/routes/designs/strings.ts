// The words of 我的设计 / My designs, Chinese first (kept beside the page, not in the shared table).
import { pick } from '$lib/i18n';

export const words = {
	title: { zh: '我的设计', en: 'My designs' },
	count: { zh: '共 {n} 个设计', en: '{n} designs' },
	empty: {
		zh: '还没有保存的设计。选一个模板，几秒钟就能做出第一张海报。',
		en: 'No saved designs yet. Pick a template and make your first poster in seconds.'
	},
	browse: { zh: '浏览模板', en: 'Browse templates' },
	unavailable: { zh: '暂时无法读取已保存的设计', en: 'Saved designs are unavailable right now' },
	untitled: { zh: '未命名设计', en: 'Untitled design' },
	open: { zh: '打开', en: 'Open' },
	rename: { zh: '重命名', en: 'Rename' },
	duplicate: { zh: '复制', en: 'Duplicate' },
	delete: { zh: '删除', en: 'Delete' },
	save: { zh: '保存', en: 'Save' },
	cancel: { zh: '取消', en: 'Cancel' },
	nameLabel: { zh: '设计名称', en: 'Design name' },
	more: { zh: '更多操作：{name}', en: 'More actions: {name}' },
	deleted: { zh: '已删除「{name}」', en: 'Deleted “{name}”' },
	undo: { zh: '撤销', en: 'Undo' },
	restored: { zh: '已恢复「{name}」', en: 'Restored “{name}”' },
	duplicated: { zh: '已复制为「{name}」', en: 'Duplicated as “{name}”' },
	failed: { zh: '操作失败：{why}', en: 'That did not work: {why}' },
	updated: { zh: '{when} 更新', en: 'Updated {when}' },
	thumbAlt: { zh: '{name} 的缩略图', en: 'Thumbnail of {name}' }
} as const;

export type WordKey = keyof typeof words;

/** A word in the UI language, with {name} placeholders filled. */
export const w = (key: WordKey, vars: Record<string, string | number> = {}): string =>
	pick(words[key]).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
