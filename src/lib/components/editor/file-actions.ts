// Pictures and logos coming into the editor: uploaded, dropped or pasted files become layers
// (SVG logos become vector layers), and an image layer can take a new picture. Errors are toasts.
import type { Locale } from '$lib/i18n';
import type { EditorState } from '$lib/editor/state.svelte';
import type { SceneSource } from '$lib/editor/scene-source';
import * as A from '$lib/editor/actions';
import { checkFile, uploadAsset, UploadError } from '$lib/editor/upload';
import { importSvgLogo, SvgImportError } from '$lib/editor/svg-import';
import { toast } from './Toasts.svelte';

export function createFileActions(
	editor: EditorState,
	source: () => SceneSource | null,
	locale: () => Locale
) {
	/** Upload files and put them on the page (at `at`, page pt, when dropped). */
	async function addFiles(files: File[], at?: { x: number; y: number }) {
		for (const file of files) {
			try {
				const kind = await checkFile(file);
				const name = file.name.replace(/\.[a-z0-9]+$/i, '') || (locale() === 'zh' ? '图片' : 'Image');
				if (kind === 'svg') {
					const d = editor.doc;
					const layer = await importSvgLogo(
						await file.text(),
						file.name,
						at ?? { x: d.page.width / 2, y: d.page.height / 2 },
						Math.min(d.page.width, d.page.height) * 0.4
					);
					editor.apply(A.insertLayer(editor.doc, layer), 'add logo');
				} else {
					const asset = await uploadAsset(file);
					await source()?.loadImage(asset.id);
					editor.apply(A.insertLayer(editor.doc, A.newImageLayer(editor.doc, asset, name, at)), 'add image');
				}
				toast({ zh: `已添加“${file.name}”`, en: `Added "${file.name}"` }, 'ok');
			} catch (err) {
				const msg =
					err instanceof UploadError
						? err.bilingual
						: err instanceof SvgImportError
							? err.messages
							: {
									zh: `无法添加“${file.name}”：${String(err)}`,
									en: `Cannot add "${file.name}": ${String(err)}`
								};
				toast(msg, 'error');
			}
		}
	}

	/** Replace the picture of an image layer with an uploaded file. */
	async function replaceImage(id: string, file: File) {
		try {
			const kind = await checkFile(file);
			if (kind === 'svg')
				throw new UploadError({
					zh: '图片图层只能替换为 PNG、JPEG 或 WebP。',
					en: 'An image layer can only take a PNG, JPEG or WebP.'
				});
			const asset = await uploadAsset(file);
			await source()?.loadImage(asset.id);
			editor.apply(A.replaceImage(editor.doc, id, asset.id), 'replace image');
		} catch (err) {
			toast(err instanceof UploadError ? err.bilingual : { zh: String(err), en: String(err) }, 'error');
		}
	}

	return { addFiles, replaceImage };
}
