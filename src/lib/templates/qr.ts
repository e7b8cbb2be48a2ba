// QR codes as vector artwork: the module matrix of the `qrcode` package turned into SVG path data
// (one rect per horizontal run of dark modules), so a poster's QR code prints sharp at any size.
// Pure: used by instantiate on the server and in the browser alike.
import QRCode from 'qrcode';
import type { GroupLayer, ShapeLayer } from '../document/schema';
import type { ResolvedElement } from './layout';
import type { Field, Template } from './schema';
import type { FieldError } from './values';

/** Light modules around the symbol, in modules (ISO/IEC 18004 asks for 4). */
export const QR_QUIET_ZONE = 4;
/**
 * Longest content, in UTF-8 bytes. Level M holds up to 2331, but a symbol that dense (177×177
 * modules) is hard to scan from a poster; 1000 bytes is about version 27. A link should be short.
 */
export const QR_MAX_BYTES = 1000;

export interface QrMessage {
	zh: string;
	en: string;
}

export class QrTextError extends Error {
	constructor(readonly problem: QrMessage) {
		super(problem.en);
		this.name = 'QrTextError';
	}
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** Why this text cannot become a poster QR code, or null when it can. */
export function qrTextProblem(text: string): QrMessage | null {
	if (!text.trim()) return { zh: '二维码内容不能为空', en: 'The QR code content is empty.' };
	const bytes = utf8Length(text);
	if (bytes > QR_MAX_BYTES)
		return {
			zh: `二维码内容太长：${bytes} 字节，最多 ${QR_MAX_BYTES} 字节（约 ${Math.floor(QR_MAX_BYTES / 3)} 个汉字），请改用短链接`,
			en: `The QR code content is too long: ${bytes} bytes, at most ${QR_MAX_BYTES} (about ${QR_MAX_BYTES} Latin letters); use a shorter link.`
		};
	return null;
}

export interface QrMatrix {
	/** Modules per side, without the quiet zone (version × 4 + 17). */
	size: number;
	version: number;
	/** Row-major, 1 = dark. */
	dark: (row: number, col: number) => boolean;
}

/** The module matrix at error correction level M (15 % of the symbol may be damaged). */
export function qrMatrix(text: string): QrMatrix {
	const problem = qrTextProblem(text);
	if (problem) throw new QrTextError(problem);
	const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const { modules } = code;
	return { size: modules.size, version: code.version, dark: (r, c) => modules.get(r, c) === 1 };
}

export interface QrPath {
	/** SVG path data of the dark modules, one rect per horizontal run, in module units. */
	path: string;
	/** Side of the square viewBox in modules: the symbol plus the quiet zone on every side. */
	size: number;
	/** Modules per side of the symbol itself. */
	modules: number;
	version: number;
}

/** SVG path data of a QR code for `text`; throws QrTextError (zh/en) when it cannot be encoded. */
export function qrPath(text: string, quietZone = QR_QUIET_ZONE): QrPath {
	const m = qrMatrix(text);
	const parts: string[] = [];
	for (let row = 0; row < m.size; row++) {
		let col = 0;
		while (col < m.size) {
			if (!m.dark(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < m.size && m.dark(row, col)) col++;
			const run = col - start;
			parts.push(`M${start + quietZone} ${row + quietZone}h${run}v1h-${run}z`);
		}
	}
	return { path: parts.join(''), size: m.size + 2 * quietZone, modules: m.size, version: m.version };
}

/** Problems of the template's QR field values, as field errors (empty values are left to `required`). */
export function qrFieldErrors(template: Template, values: Readonly<Record<string, string>>): FieldError[] {
	const errors: FieldError[] = [];
	for (const field of template.fields) {
		const value = field.kind === 'qr' ? values[field.id]?.trim() : undefined;
		const problem = value ? qrTextProblem(value) : null;
		if (problem)
			errors.push({
				field: field.id,
				zh: `“${field.label.zh}”：${problem.zh}`,
				en: `"${field.label.en}": ${problem.en}`
			});
	}
	return errors;
}

/** WCAG relative luminance of an opaque #RRGGBB colour. */
function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * Dark modules on a light backdrop from the palette: the lightest opaque colour if it is nearly
 * white (else white), the darkest if it contrasts 7:1 with that (else black). Scanners need dark on light.
 */
export function qrColors(palette: Readonly<Record<string, string>>): { dark: string; light: string } {
	const opaque = Object.values(palette)
		.filter((c) => c.length === 7 || /ff$/i.test(c))
		.map((c) => ({ color: c.slice(0, 7).toUpperCase(), lum: luminance(c) }))
		.sort((a, b) => a.lum - b.lum);
	const lightest = opaque.at(-1);
	const light = lightest && lightest.lum >= 0.8 ? lightest : { color: '#FFFFFF', lum: 1 };
	const darkest = opaque[0];
	const dark = darkest && contrast(darkest.lum, light.lum) >= 7 ? darkest.color : '#000000';
	return { dark, light: light.color };
}

/**
 * A QR field's element as a group: a light rounded backdrop and the modules as one path shape
 * bound to the field, square and centred in the element's box.
 */
export function qrGroupLayer(
	r: ResolvedElement,
	field: Field,
	text: string,
	palette: Readonly<Record<string, string>>,
	locale: 'zh' | 'en'
): GroupLayer {
	const { path, size } = qrPath(text);
	const { dark, light } = qrColors(palette);
	const side = Math.min(r.box.width, r.box.height);
	const id = r.element.id;
	const child = {
		x: 0,
		y: 0,
		width: side,
		height: side,
		rotation: 0,
		opacity: 1,
		locked: false,
		hidden: false
	};
	const backdrop: ShapeLayer = {
		...child,
		id: `${id}-backdrop`,
		name: locale === 'zh' ? '二维码底色' : 'QR backdrop',
		type: 'shape',
		shape: 'rect',
		path: null,
		viewBox: null,
		fill: { type: 'solid', color: light },
		stroke: null,
		// Well inside the quiet zone, so rounding never touches a module.
		cornerRadius: (1.5 * side) / size
	};
	const modules: ShapeLayer = {
		...child,
		id: `${id}-modules`,
		name: field.label[locale],
		type: 'shape',
		shape: 'path',
		path,
		viewBox: { width: size, height: size },
		fill: { type: 'solid', color: dark },
		stroke: null,
		cornerRadius: 0,
		field: field.id
	};
	return {
		id,
		name: field.label[locale],
		type: 'group',
		x: r.box.x + (r.box.width - side) / 2,
		y: r.box.y + (r.box.height - side) / 2,
		width: side,
		height: side,
		rotation: r.element.rotation,
		opacity: r.element.opacity,
		locked: false,
		hidden: false,
		children: [backdrop, modules]
	};
}
