// Documents for the editor's end-to-end tests, made the way the app makes them: a real template
// from templates/, instantiated with its sample values, stored through POST /api/documents.
import type { APIRequestContext } from '@playwright/test';
import { getTemplate } from '../../src/lib/server/templates/catalog';
import { instantiate } from '../../src/lib/templates/instantiate';
import { sampleValues } from '../../src/lib/templates/values';
import type { PosterDocument } from '../../src/lib/document/schema';

export async function templateDocument(
	templateId = 'sale-burst',
	locale: 'zh' | 'en' = 'zh'
): Promise<PosterDocument> {
	const template = await getTemplate(templateId);
	if (!template) throw new Error(`template ${templateId} missing`);
	const values = sampleValues(template, locale);
	for (const f of template.fields) if (f.kind === 'image') delete values[f.id];
	const made = instantiate(template, template.formats[0], values, { locale });
	if (!made.ok) throw new Error(JSON.stringify(made.errors));
	return made.document;
}

export async function storeDocument(
	request: APIRequestContext,
	doc: PosterDocument
): Promise<{ id: string; revision: number }> {
	const res = await request.post('/api/documents', { data: { document: doc } });
	if (res.status() !== 201) throw new Error(`POST /api/documents: ${res.status()} ${await res.text()}`);
	const body = await res.json();
	return { id: body.document.id, revision: body.revision };
}
