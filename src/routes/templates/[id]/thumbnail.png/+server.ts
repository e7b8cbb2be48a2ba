// GET /templates/[id]/thumbnail.png?format=a3&locale=zh&size=480[&values={json}][&modes={json}][&images={slot: assetId}]
// The template instantiated with its sample values (or the given ones) and rendered to a PNG.
// 404 unknown template · 400 bad format/size/values · 422 values that fail validation (JSON errors).
import { error, json } from '@sveltejs/kit';
import { getTemplate } from '$lib/server/templates/catalog';
import { renderPng } from '$lib/server/export/png';
import { instantiate } from '$lib/templates/instantiate';
import { sampleValues } from '$lib/templates/values';
import { effectiveTextModes } from '$lib/templates/layout';
import { findPreset } from '$lib/server/templates/custom-presets';
import { isLocale } from '$lib/i18n/core';
import { getAsset } from '$lib/server/storage/assets';
import { cachedThumbnail, templateVersion, thumbnailKey } from '../../thumbnails';
import { applySlotImages, parseSlotImages } from '../../slot-images';
import type { RequestHandler } from './$types';
import { templateMeasure } from '$lib/server/templates/measure';

const MIN_SIDE = 96;
const MAX_SIDE = 1600;
const DEFAULT_SIDE = 480;

function parseRecord(raw: string | null, name: string): Record<string, string> | undefined {
	if (raw === null) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		error(400, `${name} must be a JSON object of strings`);
	}
	if (
		!parsed ||
		typeof parsed !== 'object' ||
		Array.isArray(parsed) ||
		Object.values(parsed).some((v) => typeof v !== 'string')
	)
		error(400, `${name} must be a JSON object of strings`);
	return parsed as Record<string, string>;
}

export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	const template = await getTemplate(params.id);
	if (!template) error(404, `no template "${params.id}"`);

	const format = url.searchParams.get('format') || template.formats[0];
	// Custom sizes ("custom-500x900mm") fit any template: its layout adapts by aspect class.
	const preset = findPreset(format);
	if (!preset || (!template.formats.includes(format) && !format.startsWith('custom-')))
		error(400, `template "${template.id}" has no format "${format}" (${template.formats.join(', ')})`);
	const localeParam = url.searchParams.get('locale');
	const locale = isLocale(localeParam) ? localeParam : locals.locale;
	const size = Number(url.searchParams.get('size') ?? DEFAULT_SIDE);
	if (!Number.isInteger(size) || size < MIN_SIDE || size > MAX_SIDE)
		error(400, `size must be an integer from ${MIN_SIDE} to ${MAX_SIDE}`);
	const given = parseRecord(url.searchParams.get('values'), 'values');
	const modes = parseRecord(url.searchParams.get('modes'), 'modes') as
		Record<string, 'layer' | 'model'> | undefined;
	if (modes && Object.values(modes).some((m) => m !== 'layer' && m !== 'model'))
		error(400, 'modes must map fields to "layer" or "model"');

	const images = parseSlotImages(url.searchParams.get('images'));
	if (!images) error(400, 'images must be a JSON object of slot → asset id');
	for (const image of Object.values(images))
		if (!getAsset(image.assetId)) error(400, `no asset "${image.assetId}"`);

	const values = given ?? sampleValues(template, locale);
	const version = templateVersion(template);
	const key = thumbnailKey({
		id: template.id,
		version,
		format,
		locale,
		size,
		values,
		modes: modes ?? null,
		images
	});
	const etag = `"${key.slice(0, 32)}"`;
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers: { etag } });

	const textModes = modes ? effectiveTextModes(template, preset, modes) : modes;
	const result = instantiate(template, preset, values, {
		locale,
		textModes,
		measure: await templateMeasure(template),
		id: `thumb-${template.id}`,
		now: '2000-01-01T00:00:00.000Z'
	});
	if (!result.ok) return json({ errors: result.errors }, { status: 422 });

	// Sample thumbnails are few and shared by every visitor: keep them on disk too.
	const doc = applySlotImages(template, result.document, images);
	const persist =
		given === undefined &&
		modes === undefined &&
		Object.keys(images).length === 0 &&
		!format.startsWith('custom-');
	const { png, hit } = await cachedThumbnail(key, persist, () => renderPng(doc, { maxSide: size }));
	return new Response(new Uint8Array(png), {
		headers: {
			'content-type': 'image/png',
			'content-length': String(png.length),
			etag,
			// Versioned URLs (the gallery's carry v=<template hash>) may be cached for a day.
			'cache-control': url.searchParams.get('v') === version ? 'public, max-age=86400' : 'public, max-age=60',
			'x-haibao-cache': hit ? 'hit' : 'miss'
		}
	});
};
