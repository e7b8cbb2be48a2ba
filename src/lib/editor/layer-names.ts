// What the layers panel calls a layer: the user's own name when they typed one, otherwise a name
// made from its kind and content in the reader's language ("标题：双十一狂欢节", "Image", "价格贴纸").
// Names stored by templates and uploads are in the language the design was made in, so they are
// only shown when nothing better is known (an uploaded file's name, an SVG part's name).
import type { Bilingual, Locale } from '../i18n/core';
import type { Layer } from '../document/schema';
import { walkLayers } from '../document/tree';

/** Roles of the template fields most templates share, keyed by field id. */
const FIELD_ROLES: Record<string, Bilingual> = {
	headline: { zh: '标题', en: 'Headline' },
	title: { zh: '标题', en: 'Title' },
	title_en: { zh: '英文标题', en: 'English title' },
	subtitle: { zh: '副标题', en: 'Subtitle' },
	tag: { zh: '标签', en: 'Tag' },
	kicker: { zh: '小标', en: 'Kicker' },
	price: { zh: '价格', en: 'Price' },
	date: { zh: '日期', en: 'Date' },
	cta: { zh: '按钮', en: 'Button' },
	shop: { zh: '店铺', en: 'Shop' },
	brand: { zh: '品牌', en: 'Brand' },
	company: { zh: '公司', en: 'Company' },
	org: { zh: '机构', en: 'Organisation' },
	organizer: { zh: '主办方', en: 'Organiser' },
	venue: { zh: '地点', en: 'Venue' },
	place: { zh: '地点', en: 'Place' },
	address: { zh: '地址', en: 'Address' },
	phone: { zh: '电话', en: 'Phone' },
	contact: { zh: '联系方式', en: 'Contact' },
	body: { zh: '正文', en: 'Body text' },
	info: { zh: '说明', en: 'Details' },
	qr: { zh: '二维码', en: 'QR code' }
};

const TEXT: Bilingual = { zh: '文字', en: 'Text' };
const IMAGE: Bilingual = { zh: '图片', en: 'Image' };
const AI_IMAGE: Bilingual = { zh: 'AI 图片', en: 'AI picture' };
const GROUP: Bilingual = { zh: '编组', en: 'Group' };
const PRICE_STICKER: Bilingual = { zh: '价格贴纸', en: 'Price sticker' };
const BADGE: Bilingual = { zh: '标签贴纸', en: 'Badge' };
const SHAPES: Record<string, Bilingual> = {
	rect: { zh: '矩形', en: 'Rectangle' },
	ellipse: { zh: '圆形', en: 'Ellipse' },
	line: { zh: '线条', en: 'Line' },
	path: { zh: '图形', en: 'Graphic' }
};
const BACKGROUND: Bilingual = { zh: '背景', en: 'Background' };

/** Names the app itself gives (in either language): never worth showing over a derived one. */
const GENERATED = new Set(
	[TEXT, IMAGE, AI_IMAGE, GROUP, PRICE_STICKER, BADGE, BACKGROUND, ...Object.values(SHAPES)].flatMap((b) => [
		b.zh,
		b.en
	])
);
GENERATED.add('生成图片').add('Generated image').add('');

const CONTENT_CHARS = 16;

function textContent(layer: Layer): string {
	if (layer.type !== 'text') return '';
	return layer.runs
		.map((r) => r.text)
		.join('')
		.replace(/\s+/g, ' ')
		.trim();
}

const clip = (s: string) =>
	Array.from(s).length > CONTENT_CHARS ? Array.from(s).slice(0, CONTENT_CHARS).join('') + '…' : s;

const withContent = (role: string, content: string, locale: Locale) =>
	content ? `${role}${locale === 'zh' ? '：' : ': '}${clip(content)}` : role;

function groupName(layer: Layer & { type: 'group' }, locale: Locale): string {
	const members = [...walkLayers(layer.children)].map((l) => l.layer);
	if (members.some((m) => m.type === 'text' && m.field === 'price')) return PRICE_STICKER[locale];
	if (members.some((m) => m.type === 'shape' && m.field === 'qr')) return FIELD_ROLES.qr[locale];
	const text = members.find((m) => m.type === 'text' && textContent(m));
	if (!GENERATED.has(layer.name)) return layer.name;
	if (text?.type === 'text' && text.field === 'tag')
		return withContent(BADGE[locale], textContent(text), locale);
	return withContent(GROUP[locale], text ? textContent(text) : '', locale);
}

/** The name the layers panel shows for `layer` in `locale`. */
export function layerTitle(layer: Layer, locale: Locale): string {
	if (layer.named && layer.name.trim()) return layer.name;
	switch (layer.type) {
		case 'text': {
			const role = (layer.field && FIELD_ROLES[layer.field]) || TEXT;
			return withContent(role[locale], textContent(layer), locale);
		}
		case 'image': {
			if (layer.generation) return AI_IMAGE[locale];
			// An upload keeps its file name beside the role ("图片：photo").
			const fileName = !layer.field && !GENERATED.has(layer.name) ? layer.name : '';
			return withContent(IMAGE[locale], fileName, locale);
		}
		case 'group':
			return groupName(layer, locale);
		case 'shape': {
			if (layer.field && FIELD_ROLES[layer.field]) return FIELD_ROLES[layer.field][locale];
			if (layer.name === BACKGROUND.zh || layer.name === BACKGROUND.en) return BACKGROUND[locale];
			if (!GENERATED.has(layer.name)) return layer.name;
			return (SHAPES[layer.shape] ?? SHAPES.path)[locale];
		}
	}
}
