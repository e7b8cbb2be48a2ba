// The scene: what to draw, in which order, in page coordinates (pt). Built from a Document and
// its text layouts; drawn by three painters (Konva in the browser, Konva on the server, PDF).
import type { Matrix } from '../geometry';
import type { ImageCrop, ImageFilters, Paint, Shadow, Stroke } from '../document/schema';
import type { TextLayout } from '../text/types';

interface NodeBase {
	/** The document layer this node draws. */
	id: string;
	/** Local box (0,0)-(width,height) → page coordinates, including every parent group. */
	matrix: Matrix;
	width: number;
	height: number;
	/** Opacity multiplied down the group chain. */
	opacity: number;
}

export interface ShapeNode extends NodeBase {
	kind: 'shape';
	shape: 'rect' | 'ellipse' | 'line' | 'path';
	/** SVG path data in local coordinates, already scaled to the box (shape "path"). */
	path: string | null;
	fill: Paint | null;
	stroke: Stroke | null;
	cornerRadius: number;
}

export interface ImageNode extends NodeBase {
	kind: 'image';
	/** null: an empty frame, drawn with `placeholder`. */
	assetId: string | null;
	/** Source rectangle in fractions of the image, after the layer's crop and fit are resolved. */
	crop: ImageCrop | null;
	fit: 'cover' | 'contain' | 'stretch';
	filters: ImageFilters;
	flipX: boolean;
	flipY: boolean;
	cornerRadius: number;
	placeholder: Paint | null;
}

export interface TextNode extends NodeBase {
	kind: 'text';
	layout: TextLayout;
	stroke: Stroke | null;
	shadow: Shadow | null;
	/** Offset of the layout inside the box (vertical alignment), pt. */
	offsetY: number;
}

export type SceneNode = ShapeNode | ImageNode | TextNode;

export interface Scene {
	/** Trim size, pt. */
	width: number;
	height: number;
	/** Bleed per side, pt; page content extends this far past the trim. */
	bleed: number;
	background: string;
	/** Bottom to top; groups are flattened into matrices and opacities. */
	nodes: SceneNode[];
}
