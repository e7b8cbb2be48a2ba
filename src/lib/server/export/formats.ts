// Export formats and file extensions, without loading any renderer (the CLI parses options first).
export type ExportFormat = 'png' | 'jpeg' | 'pdf';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'jpeg', 'pdf'];

/** The format of an output file name, by its extension. */
export function formatOfFile(name: string): ExportFormat | undefined {
	const ext = name.toLowerCase().split('.').pop();
	if (ext === 'png') return 'png';
	if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
	if (ext === 'pdf') return 'pdf';
	return undefined;
}
