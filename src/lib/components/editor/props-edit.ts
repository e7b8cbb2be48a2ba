// How property controls change the document: discrete controls make one undo step each; sliders
// and colour pickers stream previews while dragged and end their step on "change".
import { updateLayers, type LayerPatch } from '$lib/document/operations';
import type { Layer, PosterDocument } from '$lib/document/schema';
import type { EditorState } from '$lib/editor/state.svelte';

export function makeEdit(getEditor: () => EditorState, ids: () => string[]) {
	let live = false;
	const ed = () => getEditor();
	return {
		/** One undo step. */
		set<L extends Layer>(patch: LayerPatch<L>, label = 'edit') {
			if (live) return this.preview(patch);
			const list = ids();
			if (list.length) ed().apply(updateLayers<L>(ed().doc, list, patch), label);
		},
		/** One undo step that depends on each layer (e.g. swapping a box's width and height). */
		change(fn: (doc: PosterDocument, ids: string[]) => PosterDocument, label = 'edit') {
			const list = ids();
			if (list.length) ed().apply(fn(ed().doc, list), label);
		},
		/** During a slider drag: recorded into one gesture. */
		preview<L extends Layer>(patch: LayerPatch<L>) {
			const list = ids();
			if (!list.length) return;
			if (!live) {
				live = true;
				ed().beginGesture('adjust');
			}
			ed().preview(updateLayers<L>(ed().doc, list, patch));
		},
		/** A colour picker's final value: the last preview, then the end of its step. */
		commit<L extends Layer>(patch: LayerPatch<L>) {
			this.preview<L>(patch);
			this.end();
		},
		end() {
			if (!live) return;
			live = false;
			ed().endGesture();
		}
	};
}
export type Edit = ReturnType<typeof makeEdit>;

export const FAMILY_NAMES: Record<string, { zh: string; en: string }> = {
	'Noto Sans SC': { zh: '思源黑体', en: 'Noto Sans SC' },
	'Noto Serif SC': { zh: '思源宋体', en: 'Noto Serif SC' },
	'Smiley Sans': { zh: '得意黑', en: 'Smiley Sans' },
	'LXGW WenKai': { zh: '霞鹜文楷', en: 'LXGW WenKai' },
	'Ma Shan Zheng': { zh: '马善政毛笔楷书', en: 'Ma Shan Zheng (brush)' }
};

export const WEIGHT_NAMES: Record<number, { zh: string; en: string }> = {
	100: { zh: '极细', en: 'Thin' },
	200: { zh: '特细', en: 'Extra light' },
	300: { zh: '细体', en: 'Light' },
	400: { zh: '常规', en: 'Regular' },
	500: { zh: '中等', en: 'Medium' },
	600: { zh: '半粗', en: 'Semibold' },
	700: { zh: '粗体', en: 'Bold' },
	800: { zh: '特粗', en: 'Extra bold' },
	900: { zh: '超粗', en: 'Black' }
};
