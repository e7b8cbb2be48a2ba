// fonts/manifest.json: which font files the app ships, validated before anything trusts a file name.
import { z } from 'zod';

/** A file name inside fonts/: no folders, no dot-files, only a font extension. */
export const FONT_FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.(otf|ttf)$/;

export const Script = z.enum(['Hans', 'Hant', 'Latn', 'Cyrl', 'Grek', 'Kana']);
export type Script = z.infer<typeof Script>;

export const FontEntry = z.object({
	family: z.string().min(1),
	weight: z.number().int().min(100).max(1000),
	style: z.enum(['normal', 'italic']),
	file: z.string().regex(FONT_FILE, 'a plain .otf or .ttf file name inside fonts/'),
	license: z.string().min(1),
	licenseFile: z.string().optional(),
	source: z.string().optional(),
	scripts: z.array(Script).min(1),
	bytes: z.number().int().positive().optional(),
	/** First 16 hex digits of the file's SHA-256: versions the browser's (immutable) cached URL. */
	sha256: z
		.string()
		.regex(/^[0-9a-f]{16}$/)
		.optional()
});
export type FontEntry = z.infer<typeof FontEntry>;

export const FontManifest = z
	.object({ version: z.literal(1), fonts: z.array(FontEntry).min(1) })
	.superRefine((m, ctx) => {
		const keys = new Set<string>();
		const files = new Set<string>();
		m.fonts.forEach((f, i) => {
			const key = faceKey(f.family, f.weight, f.style);
			if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['fonts', i], message: `duplicate face ${key}` });
			if (files.has(f.file)) ctx.addIssue({ code: 'custom', path: ['fonts', i, 'file'], message: `file listed twice: ${f.file}` });
			keys.add(key);
			files.add(f.file);
		});
	});
export type FontManifest = z.infer<typeof FontManifest>;

/** The key painters and layouts use for a face: "Noto Sans SC/900/normal". */
export function faceKey(family: string, weight: number, style: 'normal' | 'italic'): string {
	return `${family}/${weight}/${style}`;
}

/** Validates a parsed manifest.json; throws an Error naming the first problems. */
export function parseManifest(json: unknown): FontManifest {
	const result = FontManifest.safeParse(json);
	if (result.success) return result.data;
	const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
	throw new Error(`invalid font manifest: ${problems.join('; ')}`);
}

/** Whether `file` is a font file the manifest lists (the only files the server hands out). */
export function isListedFile(manifest: FontManifest, file: string): boolean {
	return FONT_FILE.test(file) && manifest.fonts.some((f) => f.file === file);
}
