// The message table: every UI string of the app pages, Chinese and English side by side.
// Keys are dotted by area. Placeholders are {name}. Add keys freely; a missing side falls back
// to the other language (pickFor), and TypeScript rejects unknown keys in t().

const table = {
	// App shell
	'app.name': { zh: '海报', en: 'Haibao' },
	'app.tagline': {
		zh: '模板 · 文字 · AI 配图 · 印刷级导出',
		en: 'Templates · type · AI imagery · print-ready export'
	},
	'app.title': { zh: '海报 Haibao — 中英文海报设计', en: 'Haibao 海报 — bilingual poster studio' },
	'nav.templates': { zh: '模板', en: 'Templates' },
	'nav.designs': { zh: '我的设计', en: 'My designs' },
	'nav.main': { zh: '主导航', en: 'Main navigation' },
	'locale.label': { zh: '界面语言', en: 'Interface language' },
	'footer.note': {
		zh: '海报 Haibao · 所见即所印：屏幕、PNG 与 PDF 使用同一排版引擎',
		en: 'Haibao · What you see is what prints: screen, PNG and PDF share one layout engine'
	},

	// Gallery
	'gallery.title': { zh: '从一张好模板开始', en: 'Start from a great template' },
	'gallery.subtitle': {
		zh: '选择模板，输入中英文标题，让 Z-Image-Turbo 绘制配图，导出可直接印刷的 PDF 或社交媒体封面。',
		en: 'Pick a template, type a Chinese or English headline, let Z-Image-Turbo paint the imagery, and export a print-ready PDF or a social cover.'
	},
	'gallery.filter.category': { zh: '分类', en: 'Category' },
	'gallery.filter.format': { zh: '尺寸', en: 'Format' },
	'gallery.filter.all': { zh: '全部', en: 'All' },
	'gallery.count': { zh: '共 {n} 个模板', en: '{n} templates' },
	'gallery.count.one': { zh: '共 1 个模板', en: '1 template' },
	'gallery.empty': { zh: '没有符合条件的模板', en: 'No template matches these filters' },
	'gallery.empty.reset': { zh: '清除筛选', en: 'Clear filters' },
	'gallery.none': { zh: '模板库还是空的', en: 'The template catalogue is empty' },
	'gallery.search.label': { zh: '搜索模板', en: 'Search templates' },
	'gallery.search.placeholder': {
		zh: '搜索名称、分类或标签，如：端午、房产、sale',
		en: 'Search names, categories, tags: Christmas, travel, 春节…'
	},
	'gallery.search.clear': { zh: '清除搜索', en: 'Clear search' },
	'gallery.search.none': { zh: '没有与“{q}”匹配的模板', en: 'No template matches “{q}”' },
	'gallery.search.noneHint': {
		zh: '试试更短的词，或换成分类名（如“节日”“电商”），中英文都可以。',
		en: 'Try a shorter word or a category name (“festival”, “e-commerce”), in English or Chinese.'
	},
	'gallery.pair.none': {
		zh: '“{category}”分类还没有“{format}”尺寸的模板。',
		en: 'No {category} template comes in {format} yet.'
	},
	'gallery.format.none': {
		zh: '符合条件的模板都没有“{format}”尺寸。',
		en: 'None of the matching templates comes in {format}.'
	},
	'gallery.pair.offers': { zh: '这些模板提供以下尺寸：', en: 'They come in these formats:' },
	'gallery.pair.blank': { zh: '用空白“{format}”画布开始', en: 'Start a blank {format} page' },
	'blank.card.title': { zh: '从空白开始', en: 'Start from a blank page' },
	'blank.card.lead': { zh: '任意尺寸，自由排版', en: 'Any size, your own layout' },
	'blank.card.format': { zh: '空白 {format}', en: 'Blank {format}' },
	'blank.card.other': { zh: '其他尺寸…', en: 'Other sizes…' },
	'blank.panel.title': { zh: '选择空白画布的尺寸', en: 'Choose the size of the blank page' },
	'blank.panel.lead': {
		zh: '新建一张空白设计，在编辑器里添加文字、图片和形状。',
		en: 'Creates an empty design; add text, pictures and shapes in the editor.'
	},
	'blank.panel.print': { zh: '印刷品', en: 'Print' },
	'blank.panel.screen': { zh: '屏幕与社交媒体', en: 'Screen and social' },
	'blank.panel.custom': { zh: '我的尺寸', en: 'My sizes' },
	'blank.panel.addCustom': { zh: '自定义尺寸', en: 'Custom size' },
	'blank.panel.close': { zh: '关闭', en: 'Close' },
	'blank.page.title': { zh: '空白画布', en: 'Blank page' },
	'blank.creating': { zh: '正在创建…', en: 'Creating…' },
	'gallery.use': { zh: '使用模板', en: 'Use template' },
	'gallery.formats': { zh: '{n} 种尺寸', en: '{n} formats' },
	'gallery.designs.title': { zh: '我的设计', en: 'My designs' },
	'gallery.designs.empty': {
		zh: '还没有保存的设计。选一个模板，几秒钟就能做出第一张海报。',
		en: 'No saved designs yet. Pick a template and make your first poster in seconds.'
	},
	'gallery.designs.updated': { zh: '{when} 更新', en: 'Updated {when}' },
	'gallery.designs.unavailable': {
		zh: '暂时无法读取已保存的设计',
		en: 'Saved designs are unavailable right now'
	},
	'gallery.thumb.alt': { zh: '{name} 模板预览（{format}）', en: '{name} template preview ({format})' },

	// Time (relative)
	'time.justNow': { zh: '刚刚', en: 'just now' },
	'time.minutes': { zh: '{n} 分钟前', en: '{n} min ago' },
	'time.hours': { zh: '{n} 小时前', en: '{n} h ago' },
	'time.days': { zh: '{n} 天前', en: '{n} d ago' },

	// Format kinds
	'format.print': { zh: '印刷', en: 'Print' },
	'format.screen': { zh: '屏幕', en: 'Screen' },

	// New design form
	'form.back': { zh: '返回模板库', en: 'Back to templates' },
	'form.fields': { zh: '文字与素材', en: 'Text and media' },
	'form.format': { zh: '尺寸', en: 'Format' },
	'form.preview': { zh: '预览', en: 'Preview' },
	'form.preview.updating': { zh: '更新中…', en: 'Updating…' },
	'form.preview.paused': {
		zh: '修正标红内容后继续预览',
		en: 'Preview resumes once the marked fields are fixed'
	},
	'form.preview.failed': { zh: '预览暂时无法生成', en: 'The preview could not be drawn' },
	'form.required': { zh: '必填', en: 'Required' },
	'form.optional': { zh: '选填', en: 'Optional' },
	'form.count': { zh: '{n}/{max}', en: '{n}/{max}' },
	'form.useSamples': { zh: '填入示例文字', en: 'Fill with sample text' },
	'form.mode': { zh: '文字由谁绘制', en: 'Who draws this text' },
	'form.mode.layer': { zh: 'Haibao 排版', en: 'Haibao typesets' },
	'form.mode.model': { zh: '模型绘制', en: 'Model draws' },
	'form.mode.layer.hint': { zh: '可编辑的文字图层，印刷清晰', en: 'Editable text layer, crisp in print' },
	'form.mode.model.hint': {
		zh: '写进提示词，由 Z-Image 画进图像',
		en: 'Quoted in the prompt; Z-Image paints it'
	},
	'form.image.upload': { zh: '上传图片', en: 'Upload image' },
	'form.image.replace': { zh: '更换', en: 'Replace' },
	'form.image.remove': { zh: '移除', en: 'Remove' },
	'form.image.hint': { zh: 'PNG、JPEG、WebP 或 SVG，最大 25 MB', en: 'PNG, JPEG, WebP or SVG, up to 25 MB' },
	'form.image.uploading': { zh: '上传中…', en: 'Uploading…' },
	'form.image.failed': { zh: '上传失败：{reason}', en: 'Upload failed: {reason}' },
	'form.image.tooBig': { zh: '图片超过 25 MB', en: 'The image is larger than 25 MB' },
	'form.image.badType': {
		zh: '只支持 PNG、JPEG、WebP 或 SVG 图片',
		en: 'Only PNG, JPEG, WebP or SVG images are supported'
	},
	'form.image.none': {
		zh: '未选择图片：将使用模板自带的图形或 AI 生成的配图',
		en: 'No image: the template artwork or a generated image is used'
	},
	'form.qr.hint': { zh: '二维码内容（网址或文字）', en: 'QR code content (a URL or text)' },
	'form.create': { zh: '创建设计', en: 'Create design' },
	'form.creating': { zh: '正在创建…', en: 'Creating…' },
	'form.fixErrors': { zh: '请先修正标红的内容', en: 'Please fix the fields marked in red' },
	'form.createFailed': { zh: '创建失败：{reason}', en: 'Could not create the design: {reason}' },

	// Custom sizes (format picker on the form, resize dialog in the editor)
	'size.custom': { zh: '自定义尺寸', en: 'Custom size' },
	'size.custom.hint': { zh: '输入宽和高', en: 'Enter width and height' },
	'size.new': { zh: '新建自定义尺寸', en: 'New custom size' },
	'size.width': { zh: '宽', en: 'Width' },
	'size.height': { zh: '高', en: 'Height' },
	'size.swap': { zh: '交换宽高', en: 'Swap width and height' },
	'size.unit': { zh: '单位', en: 'Unit' },
	'size.unit.mm': { zh: '毫米 · 印刷', en: 'mm · print' },
	'size.unit.px': { zh: '像素 · 屏幕', en: 'px · screen' },
	'size.name': { zh: '名称（选填）', en: 'Name (optional)' },
	'size.name.placeholder': { zh: '例如：门店海报', en: 'e.g. Shop window poster' },
	'size.save': { zh: '保存并使用', en: 'Save and use' },
	'size.saving': { zh: '保存中…', en: 'Saving…' },
	'size.cancel': { zh: '取消', en: 'Cancel' },
	'size.remove': { zh: '删除自定义尺寸“{name}”', en: 'Remove custom size "{name}"' },
	'size.removeFailed': { zh: '无法删除：{reason}', en: 'Could not remove it: {reason}' },
	'size.saveFailed': { zh: '无法保存：{reason}', en: 'Could not save it: {reason}' },
	'size.mine': { zh: '我的尺寸', en: 'My sizes' },
	'size.error.missing': { zh: '请填写宽和高', en: 'Enter both a width and a height' },
	'size.error.number': { zh: '宽和高必须是数字', en: 'Width and height must be numbers' },
	'size.error.mmRange': {
		zh: '印刷尺寸的宽和高须在 10–5000 毫米之间（PDF 页面上限）',
		en: 'Print sizes must be 10–5000 mm on each side (the PDF page limit)'
	},
	'size.error.pxRange': {
		zh: '屏幕尺寸的宽和高须在 64–12000 像素之间',
		en: 'Screen sizes must be 64–12000 px on each side'
	},
	'size.error.pxInteger': { zh: '像素必须是整数', en: 'Pixels must be whole numbers' },

	// Prompt preview
	'prompt.title': { zh: 'Z-Image 提示词', en: 'Z-Image prompt' },
	'prompt.tokens': { zh: '约 {n} 个 token', en: '≈ {n} tokens' },
	'prompt.tokens.limit': { zh: '上限 {max}', en: 'limit {max}' },
	'prompt.copy': { zh: '复制', en: 'Copy' },
	'prompt.copied': { zh: '已复制', en: 'Copied' },
	'prompt.language': { zh: '提示词语言', en: 'Prompt language' },
	'prompt.unavailable': { zh: '提示词暂时无法生成', en: 'The prompt cannot be built right now' },

	// Generation mount
	'generate.chosen': {
		zh: '已选用这张生成图片，创建时放入海报',
		en: 'This generated image goes into the poster'
	}
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof table;
export const messages: Record<MessageKey, { readonly zh: string; readonly en: string }> = table;
