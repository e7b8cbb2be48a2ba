// Preflight: what a print shop would complain about, found before export. Images below the
// format's effective-dpi threshold, text outside the safe area (or in a roll-up's hidden bottom),
// characters no font covers, text that overflows its box, assets that cannot be read.
import { apply, mmToPt, type Box, type Matrix } from '../../geometry';
import type { PosterDocument } from '../../document/schema';
import { effectiveDpi, placeImage } from '../../render/image-fit';
import type { TextNode } from '../../render/scene';
import { getPreset } from '../../templates/presets';
import { resolveExportDeps } from './deps';
import { prepareExport, type ExportDeps, type PreparedExport } from './prepare';

export type PreflightCode =
	| 'low-dpi'
	| 'outside-safe-area'
	| 'in-hidden-area'
	| 'missing-glyphs'
	| 'text-overflow'
	| 'missing-asset'
	| 'empty-frame'
	/** Text a model drew into an image that OCR does not read back (server/ocr/document-check.ts). */
	| 'text-not-read-back';

export interface PreflightIssue {
	code: PreflightCode;
	severity: 'warning' | 'error';
	layerId: string;
	message: { zh: string; en: string };
	/** Numbers behind the message (effective dpi, missing characters…). */
	detail?: Record<string, unknown>;
}

export interface PreflightReport {
	/** The effective-dpi threshold used for images. */
	dpiThreshold: number;
	issues: PreflightIssue[];
}

const BANNER_MM = 1000;

/** 150 dpi at final size for sheets; 72 for banners seen from metres away and for screen formats. */
export function dpiThreshold(doc: PosterDocument): number {
	const preset = getPreset(doc.page.preset);
	const longestMm = (Math.max(doc.page.width, doc.page.height) * 25.4) / 72;
	let threshold = 150;
	if (preset?.kind === 'screen' || longestMm > BANNER_MM) threshold = 72;
	return Math.min(threshold, doc.page.dpi);
}

export async function preflight(doc: PosterDocument, deps?: Partial<ExportDeps>): Promise<PreflightReport> {
	return preflightPrepared(await prepareExport(doc, await resolveExportDeps(doc, deps)));
}

export function preflightPrepared(prepared: PreparedExport): PreflightReport {
	const { doc, scene } = prepared;
	const threshold = dpiThreshold(doc);
	const issues: PreflightIssue[] = [];
	const safe = mmToPt(doc.page.safeMm ?? 0);
	const hiddenBottom = mmToPt(doc.page.hiddenBottomMm ?? 0);
	const safeBox: Box = {
		x: safe,
		y: safe,
		width: scene.width - 2 * safe,
		height: scene.height - safe - Math.max(safe, hiddenBottom)
	};
	for (const node of scene.nodes) {
		if (node.kind === 'image') {
			if (!node.assetId) {
				issues.push({
					code: 'empty-frame',
					severity: 'warning',
					layerId: node.id,
					message: {
						zh: '图片框是空的，导出时只显示占位底色。',
						en: 'The image frame is empty: only its placeholder will print.'
					}
				});
				continue;
			}
			const asset = prepared.assets.get(node.assetId);
			if (!asset) {
				issues.push({
					code: 'missing-asset',
					severity: 'error',
					layerId: node.id,
					message: {
						zh: `找不到图片素材 ${node.assetId}。`,
						en: `The image asset ${node.assetId} cannot be read.`
					},
					detail: { assetId: node.assetId }
				});
				continue;
			}
			const placement = placeImage(node.crop, node.fit, asset.width, asset.height, node.width, node.height);
			const dpi = effectiveDpi(placement, asset.width, asset.height, matrixScale(node.matrix));
			if (dpi < threshold) {
				const rounded = Math.round(dpi);
				issues.push({
					code: 'low-dpi',
					severity: 'warning',
					layerId: node.id,
					message: {
						zh: `图片在成品尺寸下只有 ${rounded} dpi（建议至少 ${threshold} dpi），印刷会发虚。`,
						en: `The image is ${rounded} dpi at final size (at least ${threshold} dpi recommended): it will print soft.`
					},
					detail: { effectiveDpi: rounded, threshold }
				});
			}
		} else if (node.kind === 'text') {
			textIssues(node, safeBox, scene.height - hiddenBottom, hiddenBottom > 0, issues);
		}
	}
	for (const id of prepared.missingAssets)
		if (!issues.some((i) => i.code === 'missing-asset' && i.detail?.assetId === id))
			issues.push({
				code: 'missing-asset',
				severity: 'error',
				layerId: '',
				message: { zh: `找不到图片素材 ${id}。`, en: `The image asset ${id} cannot be read.` },
				detail: { assetId: id }
			});
	return { dpiThreshold: threshold, issues };
}

const matrixScale = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

/** Page-space bounds of the laid-out text: glyph ink boxes (ascender to descender, pen to advance). */
export function textBounds(node: TextNode): Box | null {
	const { layout } = node;
	const faces = new Map(layout.faces.map((f) => [f.key, f]));
	let minX = Infinity,
		minY = Infinity,
		maxX = -Infinity,
		maxY = -Infinity;
	const add = (x: number, y: number) => {
		const p = apply(node.matrix, { x, y: y + node.offsetY });
		minX = Math.min(minX, p.x);
		maxX = Math.max(maxX, p.x);
		minY = Math.min(minY, p.y);
		maxY = Math.max(maxY, p.y);
	};
	for (const g of layout.glyphs) {
		if (g.rotation !== 0 || !faces.has(g.face)) continue;
		const f = faces.get(g.face)!;
		const asc = (f.ascender / f.unitsPerEm) * g.size;
		const desc = (f.descender / f.unitsPerEm) * g.size;
		for (const [x, y] of [
			[g.x, g.y - asc],
			[g.x + g.advance, g.y - asc],
			[g.x, g.y - desc],
			[g.x + g.advance, g.y - desc]
		])
			add(x, y);
	}
	// Vertical or rotated text: the line (column) boxes stand in for the ink.
	if (minX === Infinity || layout.glyphs.some((g) => g.rotation !== 0)) {
		for (const l of layout.lines)
			for (const [x, y] of [
				[l.x, l.y],
				[l.x + l.width, l.y],
				[l.x, l.y + l.height],
				[l.x + l.width, l.y + l.height]
			])
				add(x, y);
	}
	return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function textIssues(
	node: TextNode,
	safeBox: Box,
	hiddenTop: number,
	hasHidden: boolean,
	issues: PreflightIssue[]
) {
	const { layout } = node;
	if (layout.missing.length > 0) {
		const chars = layout.missing.join(' ');
		issues.push({
			code: 'missing-glyphs',
			severity: 'error',
			layerId: node.id,
			message: {
				zh: `没有字体包含这些字符，它们不会被印出：${chars}`,
				en: `No font covers these characters; they will not print: ${chars}`
			},
			detail: { characters: layout.missing }
		});
	}
	if (layout.overflow)
		issues.push({
			code: 'text-overflow',
			severity: 'warning',
			layerId: node.id,
			message: {
				zh: '文字超出文本框，即使缩到最小字号也放不下。',
				en: 'The text overflows its box, even at the minimum size.'
			}
		});
	const b = textBounds(node);
	if (!b) return;
	const tol = 0.5;
	if (hasHidden && b.y + b.height > hiddenTop + tol)
		issues.push({
			code: 'in-hidden-area',
			severity: 'warning',
			layerId: node.id,
			message: {
				zh: '文字落在底部被展架遮挡的区域。',
				en: 'The text lies in the bottom strip the stand hides.'
			}
		});
	else if (
		b.x < safeBox.x - tol ||
		b.y < safeBox.y - tol ||
		b.x + b.width > safeBox.x + safeBox.width + tol ||
		b.y + b.height > safeBox.y + safeBox.height + tol
	)
		issues.push({
			code: 'outside-safe-area',
			severity: 'warning',
			layerId: node.id,
			message: {
				zh: '文字超出安全区，裁切时可能被切掉。',
				en: 'The text reaches outside the safe area and may be trimmed off.'
			}
		});
}
