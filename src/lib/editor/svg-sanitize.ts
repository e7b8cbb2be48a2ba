// SVG logos come from users: before anything parses them, strip what could run code or reach
// outside the file — scripts, event attributes, external references, entities, foreign content.
// Two passes: a string pass (pure, also in Node) and, in the browser, an allow-list DOM pass.

const DROP_ELEMENTS = [
	'script',
	'foreignObject',
	'iframe',
	'object',
	'embed',
	'audio',
	'video',
	'image',
	'feImage',
	'animate',
	'set',
	'animateTransform',
	'animateMotion',
	'handler',
	'listener'
];

const isLocalRef = (v: string) => /^\s*#/.test(v);

/** String-level sanitising; returns the cleaned SVG text. */
export function sanitizeSvgText(svg: string): string {
	let s = svg.replace(/^\uFEFF/, '');
	// DOCTYPE (with an internal subset: entity expansion bombs, external entities) and stylesheet PIs.
	s = s.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '');
	s = s.replace(/<!ENTITY[\s\S]*?>/gi, '');
	s = s.replace(/<\?(?!xml\s)[\s\S]*?\?>/gi, '');
	for (const tag of DROP_ELEMENTS) {
		s = s.replace(new RegExp(`<(${tag})\\b[^>]*?/>`, 'gi'), '');
		s = s.replace(new RegExp(`<(${tag})\\b[\\s\\S]*?</\\1\\s*>`, 'gi'), '');
		// An unclosed one: drop from it to the end of the document's content.
		s = s.replace(new RegExp(`<${tag}\\b[\\s\\S]*?(?=</svg\\s*>|$)`, 'gi'), '');
	}
	// Event handler attributes, quoted or not.
	s = s.replace(/\s+on[a-z][\w.:-]*\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
	// href / xlink:href that do not point inside the document.
	s = s.replace(/\s+(xlink:)?href\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi, (whole, _ns, _q, a, b, c) =>
		isLocalRef(a ?? b ?? c ?? '') ? whole : ''
	);
	// url(...) references to anything but a local fragment, and CSS imports.
	s = s.replace(/@import[^;]*;?/gi, '');
	s = s.replace(/url\(\s*(['"]?)(?!\s*#)[^)]*\)/gi, 'none');
	s = s.replace(/javascript:/gi, '');
	return s;
}

const ALLOWED = new Set([
	'svg',
	'g',
	'path',
	'rect',
	'circle',
	'ellipse',
	'line',
	'polyline',
	'polygon',
	'defs',
	'lineargradient',
	'radialgradient',
	'stop',
	'use',
	'symbol',
	'title',
	'desc',
	'style',
	'clippath',
	'mask',
	'text',
	'tspan',
	'metadata'
]);

/**
 * Allow-list pass over a parsed SVG (browser DOM): unknown elements removed, event attributes and
 * external references dropped. Returns the serialised, cleaned SVG, or null when it is not an SVG.
 */
export function sanitizeSvgDom(svgText: string, parser: DOMParser, serializer: XMLSerializer): string | null {
	const doc = parser.parseFromString(svgText, 'image/svg+xml');
	const root = doc.documentElement;
	if (!root || root.nodeName.toLowerCase() !== 'svg' || doc.getElementsByTagName('parsererror').length > 0)
		return null;
	const visit = (el: Element) => {
		for (const child of Array.from(el.children)) {
			if (!ALLOWED.has(child.nodeName.toLowerCase())) child.remove();
			else visit(child);
		}
		for (const attr of Array.from(el.attributes)) {
			const name = attr.name.toLowerCase();
			const value = attr.value;
			if (name.startsWith('on')) el.removeAttribute(attr.name);
			else if ((name === 'href' || name === 'xlink:href') && !isLocalRef(value))
				el.removeAttribute(attr.name);
			else if (/url\(\s*['"]?(?!\s*#)/i.test(value) || /javascript:/i.test(value))
				el.removeAttribute(attr.name);
		}
	};
	visit(root);
	return serializer.serializeToString(root);
}
