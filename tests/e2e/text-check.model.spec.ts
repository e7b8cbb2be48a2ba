// The text check end to end in Chromium on the TINY test model (its pictures are coloured noise,
// so the text the model was asked to draw is never there): the verdict is ✗, the asked region is
// outlined, "auto" shows each try, and "set it in real type" brings back Haibao's own editable
// headline layer, which the created design keeps.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { getTemplate } from '../../src/lib/server/templates/catalog';
import { instantiate } from '../../src/lib/templates/instantiate';
import { sampleValues } from '../../src/lib/templates/values';
import { storeDocument } from './editor-fixtures';

const TEMPLATE = 'launch-spotlight';
const HEADLINE = '新品发布会';

/** This project's server runs with ZIMAGE_MODEL_DIR set: generation must be on (never skipped). */
async function expectGenerationConfigured(request: APIRequestContext): Promise<void> {
	const status = await (await request.get('/api/generation/status')).json();
	expect(status.configured, 'server started without ZIMAGE_MODEL_DIR').toBe(true);
}

test('model-drawn headline: ✗ verdict, auto tries, set it in real type → an editable layer (tiny model)', async ({
	page,
	request
}) => {
	await expectGenerationConfigured(request);
	await page.goto(`/new/${TEMPLATE}`);
	await expect(page.getByTestId('live-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	const headline = page.locator('[data-field="headline"]');
	await page.locator('#field-headline').fill(HEADLINE);
	await headline.locator('[data-mode="model"]').click();
	await expect(page.getByTestId('prompt-text')).toContainText(`"${HEADLINE}"`);

	const panel = page.getByTestId('generate-panel');
	await panel.getByTestId('generate-advanced').locator('summary').click();
	await panel.getByTestId('generate-width').fill('256');
	await panel.getByTestId('generate-height').fill('320');
	await panel.getByTestId('generate-auto').check();
	await panel.getByTestId('generate-auto-tries').selectOption('2');
	await panel.getByTestId('generate-button').click();

	// Progress names each try, then the check.
	await expect(panel.getByTestId('generate-progress-label').first()).toContainText('第 1/2 次');
	await expect(panel.getByTestId('generate-progress-label').first()).toContainText('第 2/2 次', {
		timeout: 30_000
	});
	await expect(panel.getByTestId('generate-choose')).toHaveCount(1, { timeout: 60_000 });
	await expect(panel.getByTestId('generate-verdict')).toHaveAttribute('data-verdict', 'missing');

	const check = panel.getByTestId('text-check');
	await expect(check).toHaveAttribute('data-verdict', 'missing');
	await expect(check).toContainText('试了 2 个种子');
	const field = check.getByTestId('text-check-field');
	await expect(field).toHaveCount(1);
	await expect(field).toHaveAttribute('data-verdict', 'missing');
	await expect(field).toContainText(new RegExp(`✗\\s*“${HEADLINE}”\\s*未找到`));
	// Nothing was found, so the region the template asked for is outlined instead of a box.
	await expect(check.getByTestId('text-check-region')).toHaveCount(1);
	await expect(check.getByTestId('text-check-box')).toHaveCount(0);
	await check.screenshot({ path: 'tests/.tmp/text-check-missing.png' });

	// Set it in real type: the headline goes back to a Haibao layer.
	await check.getByTestId('text-check-set-in-type').click();
	await expect(check.getByTestId('text-check-in-type')).toHaveText('已改用真实文字图层');
	await expect(headline.locator('[data-mode="layer"]')).toHaveAttribute('aria-checked', 'true');
	await expect(page.getByTestId('generated-chosen')).toBeVisible();
	await expect(page.getByTestId('prompt-text')).not.toContainText(`"${HEADLINE}"`);
	await expect(page.getByTestId('live-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

	await page.getByTestId('create').click();
	await page.waitForURL(/\/design\/[^/?]+$/, { timeout: 60_000 });
	const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
	const { document } = await (await page.request.get(`/api/documents/${encodeURIComponent(id)}`)).json();
	const layer = document.layers.find((l: { field?: string }) => l.field === 'headline');
	expect(layer).toMatchObject({ type: 'text', hidden: false });
	expect(layer.runs.map((r: { text: string }) => r.text).join('')).toBe(HEADLINE);
	const picture = document.layers.find(
		(l: { type: string; assetId?: string }) => l.type === 'image' && l.assetId
	);
	expect(picture.generation.prompt).toContain(`"${HEADLINE}"`);
	// The editor lists it as a text layer, named by its content.
	await expect(page.getByTestId('layers')).toContainText(`标题：${HEADLINE}`, { timeout: 30_000 });
	await page.screenshot({ path: 'tests/.tmp/text-check-editor.png' });
});

test('the check reads back text an image really shows: ✓ with its box (API, tiny model server)', async ({
	request
}) => {
	await expectGenerationConfigured(request);
	// A Haibao export of a poster whose headline is real type: the OCR must find it exactly.
	const doc = await request.post('/api/documents', {
		data: {
			document: {
				schemaVersion: 1,
				title: 'ocr',
				page: {
					preset: 'custom',
					width: 480,
					height: 200,
					bleedMm: 0,
					safeMm: 0,
					dpi: 72,
					background: '#FFFFFF'
				},
				layers: [
					{
						id: 't',
						name: 't',
						type: 'text',
						x: 20,
						y: 40,
						width: 440,
						height: 120,
						runs: [{ text: HEADLINE, family: 'Noto Sans SC', weight: 900, size: 64, color: '#D72A1F' }],
						align: 'center',
						verticalAlign: 'middle'
					}
				]
			}
		}
	});
	expect(doc.status()).toBe(201);
	const { document } = await doc.json();
	const exported = await request.post('/api/export', {
		data: { documentId: document.id, format: 'png', dpi: 72 }
	});
	expect(exported.status()).toBe(200);
	const file = await exported.body();
	const upload = await request.post('/api/assets?name=poster.png', {
		data: file,
		headers: { 'content-type': 'image/png' }
	});
	expect(upload.status()).toBe(201);
	const asset = await upload.json();
	const res = await request.post('/api/ocr/check', {
		data: { assetId: asset.id, expect: [{ text: HEADLINE }, { text: '限时抢购' }] }
	});
	const result = await res.json();
	expect(result.fields.map((f: { verdict: string }) => f.verdict)).toEqual(['exact', 'missing']);
	expect(result.fields[0].box.width).toBeGreaterThan(250);
});

test('in the editor: regenerate a picture whose prompt quotes the headline, ✗, set it in real type (tiny model)', async ({
	page,
	request
}) => {
	await expectGenerationConfigured(request);
	const template = (await getTemplate(TEMPLATE))!;
	const made = instantiate(
		template,
		template.formats[0],
		{ ...sampleValues(template, 'zh'), headline: HEADLINE },
		{
			locale: 'zh',
			textModes: { headline: 'model' }
		}
	);
	if (!made.ok) throw new Error(JSON.stringify(made.errors));
	const doc = made.document;
	const picture = doc.layers.find((l) => l.type === 'image')!;
	const prompt = `舞台灯光，画面上方写着白色粗体大字"${HEADLINE}"。`;
	const layers = doc.layers.map((l) =>
		l.id === picture.id
			? {
					...l,
					generation: {
						backend: 'zimage',
						model: 'tiny',
						prompt,
						seed: 3,
						steps: 8,
						width: 256,
						height: 320,
						previousAssetIds: []
					}
				}
			: l
	);
	const { id } = await storeDocument(request, { ...doc, layers } as typeof doc);
	const headlineLayer = doc.layers.find((l) => l.type === 'text' && l.field === 'headline')!;
	expect(headlineLayer.hidden).toBe(true);

	await page.goto(`/design/${encodeURIComponent(id)}`);
	await page.getByTestId('generate').click();
	const dialog = page.getByTestId('generate-dialog');
	await dialog.getByTestId('generate-button').click();
	const check = dialog.getByTestId('text-check');
	await expect(check).toHaveAttribute('data-verdict', 'missing', { timeout: 60_000 });
	await check.getByTestId('text-check-set-in-type').click();
	await expect(check.getByTestId('text-check-in-type')).toBeVisible();

	// Saved: the picture is the new one and the headline is a visible, editable text layer.
	await expect
		.poll(
			async () => {
				const { document } = await (await request.get(`/api/documents/${encodeURIComponent(id)}`)).json();
				const h = document.layers.find((l: { id: string }) => l.id === headlineLayer.id);
				const p = document.layers.find((l: { id: string }) => l.id === picture.id);
				return [h.hidden, p.assetId !== null];
			},
			{ timeout: 30_000 }
		)
		.toEqual([false, true]);
});
