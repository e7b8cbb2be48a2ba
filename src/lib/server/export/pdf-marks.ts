// Crop marks: at each corner, two short hairlines on the trim lines' extensions, about 3 mm from
// the trim and always at least 1 mm outside the bleed, so they never touch the artwork.
import type PDFDocument from 'pdfkit';
import { mmToPt } from '../../geometry';

type Doc = InstanceType<typeof PDFDocument>;

const MARK_OFFSET = mmToPt(3);
const MARK_LENGTH = mmToPt(5);
const MARK_SPACE = mmToPt(2);
const BLEED_GAP = mmToPt(1);

/** Distance of a mark's inner end from the trim: 3 mm, or 1 mm past the bleed when that is further. */
export const markOffset = (bleed: number) => Math.max(MARK_OFFSET, bleed + BLEED_GAP);

/** Page margin around the trim that holds the bleed and the marks. */
export const markMargin = (bleed: number) => markOffset(bleed) + MARK_LENGTH + MARK_SPACE;

export function drawCropMarks(
	doc: Doc,
	o: { trimWidth: number; trimHeight: number; margin: number; bleed: number; cmyk: boolean }
): void {
	const off = markOffset(o.bleed);
	const left = o.margin,
		top = o.margin;
	const right = o.margin + o.trimWidth,
		bottom = o.margin + o.trimHeight;
	doc.save();
	doc.lineWidth(0.25).lineCap('butt').undash();
	// Registration colour: all four inks in CMYK, black in RGB.
	doc.strokeColor((o.cmyk ? [100, 100, 100, 100] : [0, 0, 0]) as never, 1);
	for (const x of [left, right])
		for (const y of [top, bottom]) {
			const sx = x === left ? -1 : 1,
				sy = y === top ? -1 : 1;
			doc.moveTo(x + sx * off, y).lineTo(x + sx * (off + MARK_LENGTH), y);
			doc.moveTo(x, y + sy * off).lineTo(x, y + sy * (off + MARK_LENGTH));
		}
	doc.stroke();
	doc.restore();
}
