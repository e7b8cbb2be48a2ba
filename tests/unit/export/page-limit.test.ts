// The largest page the schema accepts still makes a PDF page within 14,400 units a side (PDF 1.x's
// limit, which viewers and RIPs enforce), bleed and crop marks included: limits.ts's margin and
// the PDF writer's marks agree. Checked with poppler's pdfinfo.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxTrimPt, PDF_MAX_PAGE_PT } from '../../../src/lib/document/limits';
import { renderPdf } from '../../../src/lib/server/export/pdf';
import { makeDoc, rect, run, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('haibao-page-limit-')));
afterAll(() => tmp.cleanup());

describe('PDF page size limit', () => {
	for (const bleedMm of [0, 3, 10, 200]) {
		it(`a trim of the largest allowed side with ${bleedMm} mm bleed and crop marks fits 14,400 pt`, async () => {
			const side = maxTrimPt(bleedMm);
			const doc = makeDoc([rect('band', 0, 0, side, 200)], { width: side, height: 400, bleedMm });
			const file = join(tmp.dir, `max-${bleedMm}.pdf`);
			writeFileSync(file, await renderPdf(doc, { bleed: true, marks: true }));
			const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [file]));
			expect(size).not.toBeNull();
			const width = Number(size![1]);
			expect(width).toBeLessThanOrEqual(PDF_MAX_PAGE_PT);
			expect(width).toBeGreaterThan(PDF_MAX_PAGE_PT - 1);
		});
	}
});
