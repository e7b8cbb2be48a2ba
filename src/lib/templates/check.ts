// Checking a template beyond its schema: every internal reference (ids, fields, slots, palette
// colours, font families, format presets, overrides) must resolve, and problems name a JSON path.
import { ASPECT_CLASSES, getPreset } from './presets';
import { Template, type PaintRef, type TextStyle } from './schema';

export interface TemplateProblem {
	/** JSON path in the template file, e.g. $.layout.elements[3].style.family */
	path: string;
	message: string;
}

export const jsonPath = (path: readonly PropertyKey[]) =>
	'$' +
	path
		.map((p) =>
			typeof p === 'number'
				? `[${p}]`
				: /^[A-Za-z_$][\w$]*$/.test(String(p))
					? `.${String(p)}`
					: `[${JSON.stringify(String(p))}]`
		)
		.join('');

/** Parse and check a template: the schema, then every internal reference. The first problem wins. */
export function parseTemplate(
	json: unknown
): { ok: true; template: Template } | ({ ok: false } & TemplateProblem) {
	const parsed = Template.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, path: jsonPath(issue.path), message: issue.message };
	}
	const problem = checkReferences(parsed.data)[0];
	return problem ? { ok: false, ...problem } : { ok: true, template: parsed.data };
}

/** Cross-references the schema alone cannot see: ids, fields, slots, palette, fonts, formats, overrides. */
export function checkReferences(t: Template): TemplateProblem[] {
	const problems: TemplateProblem[] = [];
	const at = (path: PropertyKey[], message: string) => problems.push({ path: jsonPath(path), message });
	const fields = new Map(t.fields.map((f) => [f.id, f]));
	const slots = new Set(t.slots.map((s) => s.id));
	const families = new Set(t.fonts.map((f) => f.family));
	const duplicates = (ids: string[], path: string) =>
		ids.forEach((id, i) => ids.indexOf(id) !== i && at([path, i, 'id'], `duplicate id "${id}"`));
	duplicates(
		t.fields.map((f) => f.id),
		'fields'
	);
	duplicates(
		t.slots.map((s) => s.id),
		'slots'
	);
	t.layout.elements.forEach(
		(e, i) =>
			t.layout.elements.findIndex((o) => o.id === e.id) !== i &&
			at(['layout', 'elements', i, 'id'], `duplicate element id "${e.id}"`)
	);
	if (!('background' in t.palette)) at(['palette'], 'the palette needs a "background" colour');
	t.formats.forEach((f, i) => !getPreset(f) && at(['formats', i], `unknown format preset "${f}"`));
	t.fields.forEach((f, i) => {
		if ((f.kind === 'text' || f.kind === 'qr') && f.maxLength === undefined)
			at(['fields', i, 'maxLength'], `${f.kind} field "${f.id}" needs a maxLength`);
	});

	const color = (c: string | undefined, path: PropertyKey[]) => {
		if (c?.startsWith('@') && !(c.slice(1) in t.palette)) at(path, `palette has no colour "${c.slice(1)}"`);
	};
	const paint = (p: PaintRef | undefined, path: PropertyKey[]) => {
		if (p?.type === 'solid') color(p.color, [...path, 'color']);
		if (p?.type === 'linear') p.stops.forEach((s, i) => color(s.color, [...path, 'stops', i, 'color']));
	};
	const style = (s: Partial<TextStyle> | undefined, path: PropertyKey[]) => {
		if (!s) return;
		for (const key of ['family', 'latinFamily'] as const) {
			const fam = s[key];
			if (fam && !families.has(fam)) at([...path, key], `font family "${fam}" is not listed in "fonts"`);
		}
		color(s.color, [...path, 'color']);
		color(s.stroke?.color, [...path, 'stroke', 'color']);
		color(s.shadow?.color, [...path, 'shadow', 'color']);
	};

	t.layout.elements.forEach((e, i) => {
		const path = ['layout', 'elements', i];
		if (e.requires && !fields.has(e.requires)) at([...path, 'requires'], `no field "${e.requires}"`);
		if (e.script && !e.requires && !(e.type !== 'shape' && e.field))
			at([...path, 'script'], '"script" needs a "field" or "requires" to look at');
		if (e.type === 'text') {
			if (!e.field === !e.text) at(path, 'a text element needs exactly one of "field" or "text"');
			const f = e.field ? fields.get(e.field) : undefined;
			if (e.field && !f) at([...path, 'field'], `no field "${e.field}"`);
			else if (f && (f.kind === 'image' || f.kind === 'qr'))
				at([...path, 'field'], `field "${f.id}" is a ${f.kind} field; bind it to an image element`);
			style(e.style, [...path, 'style']);
		} else if (e.type === 'image') {
			if (!e.slot === !e.field) at(path, 'an image element needs exactly one of "slot" or "field"');
			if (e.slot && !slots.has(e.slot)) at([...path, 'slot'], `no image slot "${e.slot}"`);
			const f = e.field ? fields.get(e.field) : undefined;
			if (e.field && !f) at([...path, 'field'], `no field "${e.field}"`);
			else if (f && f.kind !== 'image' && f.kind !== 'qr')
				at(
					[...path, 'field'],
					`field "${f.id}" is a ${f.kind} field; an image element needs an image or qr field`
				);
			paint(e.placeholder, [...path, 'placeholder']);
		} else {
			if (e.shape === 'path' && (!e.path || !e.viewBox)) at(path, 'a path shape needs "path" and "viewBox"');
			paint(e.fill, [...path, 'fill']);
			color(e.stroke?.color, [...path, 'stroke', 'color']);
		}
	});
	for (const f of t.fields) {
		const used = t.layout.elements.some((e) => (e.type === 'text' || e.type === 'image') && e.field === f.id);
		if (!used) at(['fields', t.fields.indexOf(f), 'id'], `field "${f.id}" is not used by any layout element`);
	}
	const elementIds = t.layout.elements.map((e) => e.id);
	t.layout.elements.forEach((e, i) => {
		if (e.type !== 'text') return;
		e.on?.forEach(
			(id, j) =>
				!elementIds.includes(id) && at(['layout', 'elements', i, 'on', j], `no layout element "${id}"`)
		);
		const above = e.below && t.layout.elements.find((o) => o.id === e.below!.id);
		if (e.below && (!above || above.type !== 'text' || above.id === e.id))
			at(['layout', 'elements', i, 'below', 'id'], `"below" needs another text element, not "${e.below.id}"`);
	});
	const grouped = new Set<string>();
	t.layout.groups.forEach((g, gi) => {
		const path = ['layout', 'groups', gi];
		if (elementIds.includes(g.id) || t.layout.groups.findIndex((o) => o.id === g.id) !== gi)
			at([...path, 'id'], `group id "${g.id}" is already used`);
		const indexes = g.members.map((id) => elementIds.indexOf(id));
		g.members.forEach((id, j) => {
			if (indexes[j] < 0) at([...path, 'members', j], `no layout element "${id}"`);
			else if (grouped.has(id)) at([...path, 'members', j], `element "${id}" is already in a group`);
			grouped.add(id);
		});
		const sorted = [...indexes].sort((a, b) => a - b);
		if (sorted[0] >= 0 && sorted[sorted.length - 1] - sorted[0] !== sorted.length - 1)
			at(
				[...path, 'members'],
				'group members must be adjacent in layout.elements (the group keeps their stacking order)'
			);
	});
	if (t.prompt && !slots.has(t.prompt.slot)) at(['prompt', 'slot'], `no image slot "${t.prompt.slot}"`);

	for (const [key, changes] of Object.entries(t.layout.overrides)) {
		if (!(ASPECT_CLASSES as readonly string[]).includes(key) && !getPreset(key))
			at(
				['layout', 'overrides', key],
				`"${key}" is neither an aspect class (${ASPECT_CLASSES.join(', ')}) nor a preset id`
			);
		for (const [id, o] of Object.entries(changes)) {
			const path = ['layout', 'overrides', key, id];
			if (!t.layout.elements.some((e) => e.id === id)) at(path, `no layout element "${id}"`);
			style(o.style, [...path, 'style']);
			paint(o.fill, [...path, 'fill']);
		}
	}
	return problems;
}
