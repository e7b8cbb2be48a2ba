// Uploading pictures: PNG, JPEG and WebP become image layers, SVG becomes vector layers. The type
// is sniffed from the bytes (a renamed file is caught here, and again by the server).
import { MAX_UPLOAD_BYTES } from '../document/limits';
export { MAX_UPLOAD_BYTES };
export type Bilingual = { zh: string; en: string };

export type Sniffed = 'png' | 'jpeg' | 'webp' | 'svg' | null;

export function sniffImage(head: Uint8Array): Sniffed {
	const b = head;
	if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
	if (
		b.length >= 12 &&
		String.fromCharCode(...b.slice(0, 4)) === 'RIFF' &&
		String.fromCharCode(...b.slice(8, 12)) === 'WEBP'
	)
		return 'webp';
	const text = new TextDecoder('utf-8', { fatal: false })
		.decode(b.slice(0, 1024))
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(text)) return 'svg';
	return null;
}

export const UNSUPPORTED: Bilingual = {
	zh: '不支持这种文件。请上传 PNG、JPEG、WebP 图片或 SVG 标志。',
	en: 'This file type is not supported. Upload a PNG, JPEG or WebP image, or an SVG logo.'
};
export const TOO_LARGE: Bilingual = {
	zh: `文件太大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）。`,
	en: `The file is too large (limit ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`
};

export class UploadError extends Error {
	constructor(readonly bilingual: Bilingual) {
		super(bilingual.en);
	}
}

/** Checks a file before it is sent: size and sniffed type. */
export async function checkFile(file: Blob & { name?: string }): Promise<Exclude<Sniffed, null>> {
	if (file.size > MAX_UPLOAD_BYTES) throw new UploadError(TOO_LARGE);
	const kind = sniffImage(new Uint8Array(await file.slice(0, 1024).arrayBuffer()));
	if (!kind) throw new UploadError(UNSUPPORTED);
	return kind;
}

export interface UploadedAsset {
	id: string;
	mime: string;
	width: number;
	height: number;
}

/** POST /api/assets (multipart); the server's bilingual message on refusal. */
export async function uploadAsset(file: File, fetcher: typeof fetch = fetch): Promise<UploadedAsset> {
	const form = new FormData();
	form.set('file', file, file.name);
	const res = await fetcher('/api/assets', { method: 'POST', body: form });
	const body = await res.json().catch(() => null);
	if (!res.ok) {
		const err = body?.error as Bilingual | undefined;
		throw new UploadError(
			err?.zh ? err : { zh: `上传失败（HTTP ${res.status}）`, en: `Upload failed (HTTP ${res.status})` }
		);
	}
	return { id: body.id, mime: body.mime, width: body.width, height: body.height };
}
