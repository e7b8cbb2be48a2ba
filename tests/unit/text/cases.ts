// The text engine's case set: real headlines and body text with the lines a Chinese typesetter
// expects (clreq). Widths are chosen in ems of the 20 pt size (1 em = 20 pt, a Han character) so
// each expectation can be reasoned out by hand; the comments say why each break falls where it does.
// Latin widths quoted are Noto Sans SC / Inter advances at 20 pt (HarfBuzz, kern on).
import type { TextLayoutInput } from '../../../src/lib/text/types';

export interface LayoutCase {
	name: string;
	text: string;
	family?: string;
	weight?: number;
	size?: number;
	/** Box and options, pt (everything of TextLayoutInput except runs). */
	box: Omit<TextLayoutInput, 'runs'>;
	/** Expected line (or column) texts, in order. */
	lines: string[];
	/** Expected line lengths in pt (±0.05), where the width itself is the point. */
	lineWidths?: number[];
	/** Expected fitted size in pt (±0.1). */
	size_?: number;
	overflow?: boolean;
	missing?: string[];
}

const em = (n: number) => n * 20;

export const CASES: LayoutCase[] = [
	// ---- line-start and line-end prohibitions ----
	{
		name: 'comma may not start a line: the character before it moves down',
		text: '我们今天去公园，明天去海边',
		// 公园， would need 7.5 em (comma at half width at line end) in a 7 em line.
		box: { phraseBreaks: false, width: em(7) },
		lines: ['我们今天去公', '园，明天去海边']
	},
	{
		name: 'a line-end comma is set at half width, so it still fits',
		text: '我们今天去公园，明天去海边',
		box: { width: em(7.5) },
		lines: ['我们今天去公园，', '明天去海边'],
		lineWidths: [em(7.5), em(5)]
	},
	{
		name: 'closing quotation mark may not start a line',
		text: '他说“今天天气真好”然后走了',
		// “ opens at full width; 好” needs 9.5 em at the end of a 9 em line.
		box: { phraseBreaks: false, width: em(9) },
		lines: ['他说“今天天气真', '好”然后走了']
	},
	{
		name: 'opening book-title mark may not end a line; at line start it loses its blank half',
		text: '价格实惠《新品上市》欢迎选购',
		box: { width: em(5) },
		lines: ['价格实惠', '《新品上市》', '欢迎选购'],
		lineWidths: [em(4), em(5), em(4)]
	},
	{
		name: 'full stop may not start a line (period at the end of a long sentence)',
		text: '春节期间所有门店照常营业。欢迎光临',
		// 12 characters and a half-width full stop: exactly 12.5 em.
		box: { width: em(12.5) },
		lines: ['春节期间所有门店照常营业。', '欢迎光临'],
		lineWidths: [em(12.5), em(4)]
	},
	{
		name: 'question and exclamation marks stay with the sentence',
		text: '你准备好了吗？我们出发吧！',
		box: { width: em(6) },
		// 6 characters plus a line-end half-width mark is 6.5 em > 6, so 吗 goes down with it.
		// 吧！ alone would end the text; the line above gives up 出发 (a phrase) to keep it company.
		lines: ['你准备好了', '吗？我们', '出发吧！']
	},
	{
		name: 'basic strictness: an ellipsis may not start a line',
		text: '他沉默了很久……终于开口',
		box: { width: em(7), strictness: 'basic' },
		lines: ['他沉默了很', '久……终于开口']
	},
	{
		name: 'loose strictness: an ellipsis may start a line',
		text: '他沉默了很久……终于开口',
		box: { phraseBreaks: false, width: em(7), strictness: 'loose' },
		lines: ['他沉默了很久', '……终于开口']
	},
	{
		name: 'basic strictness: a dash may start a line',
		text: '这是一个问题——也是机会',
		box: { width: em(7) },
		lines: ['这是一个问题', '——也是机会']
	},
	{
		name: 'strict strictness: a dash may not start a line',
		text: '这是一个问题——也是机会',
		box: { width: em(7), strictness: 'strict' },
		lines: ['这是一个问', '题——也是机会']
	},
	{
		name: 'a two-em dash is never split',
		text: '她说——我会回来的',
		// 她说— would fill 3 em, but the dash is one mark of two characters.
		box: { width: em(3) },
		lines: ['她说', '——我', '会回来', '的']
	},
	{
		name: 'a six-dot ellipsis is never split and never starts a line',
		text: '等等……好吧',
		box: { width: em(3) },
		lines: ['等', '等……', '好吧']
	},
	{
		name: 'middle dot in a transliterated name does not start a line',
		text: '欢迎马克·吐温的读者',
		box: { width: em(4) },
		lines: ['欢迎马', '克·吐温', '的读者']
	},
	// ---- runs of punctuation ----
	{
		name: 'colon and opening corner bracket: the colon is compressed',
		text: '他说：「我来了。」然后离开',
		// 他说 2 + ： 0.5 + 「 1 + 我来了 3 + 。 0.5 + 」 1 + 然后离开 4 = 12 em.
		box: { width: em(20) },
		lines: ['他说：「我来了。」然后离开'],
		lineWidths: [em(12)]
	},
	{
		name: 'question mark followed by exclamation mark: the first is compressed',
		text: '真的吗？！太好了',
		box: { width: em(20) },
		lines: ['真的吗？！太好了'],
		lineWidths: [em(7.5)]
	},
	{
		name: 'bracket at line start, closing bracket then full stop at line end',
		text: '（注：见附录）。',
		// （ 0.5 (line start) + 注 1 + ： 1 + 见附录 3 + ） 0.5 (before 。) + 。 0.5 (line end) = 6.5 em.
		box: { width: em(20) },
		lines: ['（注：见附录）。'],
		lineWidths: [em(6.5)]
	},
	{
		name: 'two opening brackets: the second loses its blank half',
		text: '见（「附录」）',
		// 见 1 + （ 1 + 「 0.5 + 附录 2 + 」 0.5 + ） 0.5 (line end) = 5.5 em.
		box: { width: em(20) },
		lines: ['见（「附录」）'],
		lineWidths: [em(5.5)]
	},
	// ---- Han–Latin spacing ----
	{
		name: 'quarter em between Han and Latin on both sides',
		text: '使用iPhone拍摄',
		// 使用 40 + 5 + iPhone 65.70 + 5 + 拍摄 40.
		box: { width: em(20) },
		lines: ['使用iPhone拍摄'],
		lineWidths: [155.7]
	},
	{
		name: 'no Han–Latin spacing beside Chinese punctuation',
		text: '用Python，很好',
		// 用 20 + 5 + Python 67.08 + ， 20 + 很好 40 (no space between n and ，).
		box: { width: em(20) },
		lines: ['用Python，很好'],
		lineWidths: [152.08]
	},
	{
		name: 'Han–Latin spacing disabled',
		text: '使用iPhone拍摄',
		box: { width: em(20), hanLatinSpacing: 0 },
		lines: ['使用iPhone拍摄'],
		lineWidths: [145.7]
	},
	{
		name: 'no Han–Latin spacing at a line edge',
		text: '我们都喜欢Python',
		// 我们都喜欢 fills 5 em exactly; the quarter em would only exist inside a line.
		box: { width: em(5) },
		lines: ['我们都喜欢', 'Python'],
		lineWidths: [em(5), 67.08]
	},
	// ---- prices, dates, numbers ----
	{
		name: 'a price keeps its currency sign and decimals',
		text: '限时特价¥99.9元起',
		// 限时特价 80 + 5 + ¥99.9 49.96 = 134.96 > 120.
		box: { width: em(6) },
		lines: ['限时特价', '¥99.9元起']
	},
	{
		name: 'a percentage is one word',
		text: '全场商品低至50%折扣',
		// 120 + 5 + 50% 40.62 = 165.62 > 160.
		box: { width: em(8) },
		lines: ['全场商品低至', '50%折扣']
	},
	{
		name: 'a date is never split at its hyphens',
		text: '活动时间2024-05-01至2024-05-07',
		// 80 + 5 + 102.68 = 187.68 fits 200; adding 至 does not.
		box: { width: em(10) },
		lines: ['活动时间2024-05-01', '至2024-05-07']
	},
	{
		name: 'a time of day is never split at its colon',
		text: '今晚10:30开始直播',
		box: { width: em(4) },
		lines: ['今晚', '10:30开', '始直播']
	},
	{
		name: 'dates written with Han units break between the units',
		text: '2024年5月1日起正式实施',
		box: { width: em(5) },
		// 2024 (44.4) + 5 + 年 20 + 5 + 5 (11.1) + 5 + 月 20 = 110.5 > 100.
		// Then 月 20 + 5 + 1 11.1 + 5 + 日 20 + 起 20 = 81.1; 正 would make 101.1.
		lines: ['2024年5', '月1日起', '正式实施']
	},
	{
		name: 'English: a dollar price stays with its sign',
		text: 'Only $5 today, save 50%!',
		family: 'Inter',
		// Only 42.81 + 5.63 + $5 24.91 = 73.35; + today, = 137.4 > 120. Greedy leaves 50%! alone
		// on the last line; a lone number never ends the text, so save comes down to join it.
		box: { width: 120 },
		lines: ['Only $5', 'today,', 'save 50%!']
	},
	// ---- URLs ----
	{
		name: 'a URL that fits a line moves down whole',
		text: '详情请访问 www.haibao.cn/sale 了解',
		box: { width: em(10) },
		lines: ['详情请访问', 'www.haibao.cn/sale', '了解']
	},
	{
		name: 'an e-mail address is one word',
		text: '投稿邮箱hello@haibao.cn欢迎来信',
		// 80 + 5 + hello@haibao.cn 157.42 > 160; the address alone fits, not with 欢.
		box: { width: em(8) },
		lines: ['投稿邮箱', 'hello@haibao.cn', '欢迎来信']
	},
	// ---- English-only lines ----
	{
		name: 'English sentence breaks between words',
		text: 'The quick brown fox jumps over the lazy dog.',
		family: 'Inter',
		// The quick brown fox = 191.9; jumps over the lazy = 183.6; + dog. exceeds 200.
		box: { width: 200 },
		lines: ['The quick brown fox', 'jumps over the lazy', 'dog.']
	},
	{
		name: 'English: a curly apostrophe does not open a break inside a word',
		text: 'I can’t stop, it’s ¥5',
		family: 'Inter',
		// "I can’" (49.0) would fit 50 pt, but ’ in English text is an apostrophe, not Chinese
		// punctuation: can’t (45.4) moves down whole; ¥5 stays together.
		box: { width: 50 },
		lines: ['I', 'can’t', 'stop,', 'it’s', '¥5']
	},
	{
		name: 'English headline',
		text: 'Design posters in minutes with Haibao',
		family: 'Inter',
		box: { width: 160 },
		lines: ['Design posters', 'in minutes with', 'Haibao']
	},
	// ---- mixed headlines and body text ----
	{
		name: 'brand name with a space before Chinese: no extra spacing, breaks inside Chinese',
		text: 'Haibao 海报：一键生成你的专属海报',
		box: { width: em(9) },
		lines: ['Haibao 海报：一键', '生成你的专属海报']
	},
	{
		name: 'sale headline with book-title marks and exclamation',
		text: '【限时抢购】全场包邮，仅限今天！',
		// 【 0.5 at line start + 限时抢购 4 + 】 1 + 全场包邮 4 + ， 0.5 at line end = 10 em.
		box: { width: em(10) },
		lines: ['【限时抢购】全场包邮，', '仅限今天！'],
		lineWidths: [em(10), em(4.5)]
	},
	{
		name: 'paragraphs: a newline always breaks',
		text: '第一段文字。\n第二段文字。',
		box: { width: em(20) },
		lines: ['第一段文字。', '第二段文字。']
	},
	{
		name: 'an empty line is kept',
		text: '上\n\n下',
		box: { width: em(20) },
		lines: ['上', '', '下']
	},
	{
		name: 'body text wraps character by character',
		text: '海报是一种信息传递艺术，是一种大众化的宣传工具。',
		box: { phraseBreaks: false, width: em(8) },
		// 海报是一种信息传 | 递艺术，是一种大 | 众化的宣传工具。
		lines: ['海报是一种信息传', '递艺术，是一种大', '众化的宣传工具。']
	},
	{
		name: 'body text keeps BudouX phrases whole by default where a line loses little',
		text: '海报是一种信息传递艺术，是一种大众化的宣传工具。',
		// 8 em lines; BudouX: 海报/是/一/种/信息/传递/艺术，/是/一/种/大众化/的/宣传/工具。 The line
		// ends at 信息|传递 (7 em), then at 种|大众化 (8 em); at 的|宣传 it is 6 em, ¾ full, over the ⅔
		// a phrase boundary needs, so 宣传 stays whole and 工具。 (two characters) ends the text.
		box: { width: em(8) },
		lines: ['海报是一种信息', '传递艺术，是一种', '大众化的宣传', '工具。']
	},
	{
		name: 'BudouX phrases keep words together in a headline',
		text: '今天是晴天我们一起去公园散步吧',
		// BudouX: 今天/是/晴天/我们/一起/去/公园/散步/吧. Greedy would leave 吧 alone; 散步 joins it.
		box: { width: em(4), phraseBreaks: true },
		lines: ['今天是', '晴天我们', '一起去', '公园', '散步吧']
	},
	{
		name: 'without phrase breaks the same headline breaks anywhere',
		text: '今天是晴天我们一起去公园散步吧',
		box: { phraseBreaks: false, width: em(4) },
		lines: ['今天是晴', '天我们一', '起去公园', '散步吧']
	},
	// ---- vertical text (columns right to left; line texts are columns) ----
	{
		name: 'vertical: columns of five',
		text: '春眠不觉晓处处闻啼鸟',
		box: { width: em(4), height: em(5), vertical: true },
		lines: ['春眠不觉晓', '处处闻啼鸟']
	},
	{
		name: 'vertical: a comma may not start a column',
		text: '床前明月光，疑是地上霜。',
		box: { width: em(6), height: em(5), vertical: true },
		lines: ['床前明月', '光，疑是地', '上霜。']
	},
	// ---- fitting ----
	{
		name: 'shrink to one line: 8 characters in 200 pt',
		text: '年终大促全场五折',
		size: 40,
		// One line needs 8s ≤ 200 and 1.2s ≤ 50: s = 25. Two lines would need s ≤ 20.8.
		box: { width: 200, height: 50, fit: { mode: 'shrink', minSize: 6 } },
		lines: ['年终大促全场五折'],
		size_: 25
	},
	{
		name: 'grow a short headline to the box',
		text: '新品',
		// One line: 2s ≤ 200 and 1.2s ≤ 120 → s = 100 (two lines would allow only 50).
		box: { width: 200, height: 120, fit: { mode: 'grow', minSize: 6, maxSize: 400 } },
		lines: ['新品'],
		size_: 100
	},
	{
		name: 'fitting never breaks a Latin word: it shrinks until the word fits',
		text: 'SUPERCALIFRAGILISTIC',
		family: 'Bebas Neue',
		size: 100,
		// 132.98 pt at 20 pt: fits 200 pt at 30.08 pt.
		box: { width: 200, fit: { mode: 'shrink', minSize: 6 } },
		lines: ['SUPERCALIFRAGILISTIC'],
		size_: 30.08
	},
	{
		name: 'fitting reports overflow at the minimum size',
		text: '这是一段很长很长的文字，无论如何都放不进这个小盒子里面',
		size: 40,
		box: { width: 100, height: 40, fit: { mode: 'shrink', minSize: 30 } },
		lines: ['这是一', '段很长', '很长的', '文字，', '无论如', '何都放', '不进这', '个小盒', '子里面'],
		size_: 30,
		overflow: true
	},
	// ---- issue 10: line ends, phrases, typed spaces, widows, URLs, vertical spaces ----
	// (Real headlines that appear in no template. The case runner also checks every glyph's cell
	// stays inside the box: a compressed line-end mark reports its compressed advance.)
	{
		name: 'end-aligned lines ending with ， and 。 are compressed to half width at the box edge',
		text: '周末读书会，好书共分享。',
		// 周末读书会 5 em + ， 0.5 em = 5.5 em: the line ends exactly at the right edge, and so does 。.
		box: { width: em(5.5), align: 'end' },
		lines: ['周末读书会，', '好书共分享。'],
		lineWidths: [em(5.5), em(5.5)]
	},
	{
		name: 'centred lines compress the line-end comma as well',
		text: '周末读书会，好书共分享。',
		box: { width: em(5.5), align: 'center' },
		lines: ['周末读书会，', '好书共分享。'],
		lineWidths: [em(5.5), em(5.5)]
	},
	{
		name: 'justified lines compress the line-end comma as well (no stretching needed)',
		text: '周末读书会，好书共分享。',
		box: { width: em(5.5), align: 'justify' },
		lines: ['周末读书会，', '好书共分享。'],
		lineWidths: [em(5.5), em(5.5)]
	},
	{
		name: 'a book title at line start: its opening mark is compressed and starts at 0',
		text: '《城市漫步指南》新书首发',
		// 《 at line start 0.5 + 城市漫步 4 = 4.5 em; 指 would fit (5.5 em) but 指南 is one phrase and
		// the line is ¾ full at its boundary. 指南》新书首 fills 6 em and leaves 发 alone; 首 (its own
		// BudouX phrase) comes down to keep it company.
		box: { width: em(6) },
		lines: ['《城市漫步', '指南》新书', '首发'],
		lineWidths: [em(4.5), em(5), em(2)]
	},
	{
		name: 'a typed space is the preferred break: 湖畔书香节 / 全城共读, never 全 / 城',
		text: '湖畔书香节 全城共读',
		// 湖畔书香节 全 fits 7 em, but the author's space marks the phrase boundary, and 全城共读 fits a line.
		box: { width: em(7) },
		lines: ['湖畔书香节', '全城共读'],
		lineWidths: [em(5), em(4)]
	},
	{
		name: 'a typed space is preferred even when two more characters would fit',
		text: '湖畔书香节 全城共读',
		box: { width: em(8) },
		lines: ['湖畔书香节', '全城共读']
	},
	{
		name: 'a typed space wins over a fuller line when the next phrase fits a line of its own',
		text: '读一本好书 就是和高尚的人谈话',
		// Greedy would set 读一本好书 就是和高尚的 (11.25 em) and leave 人谈话; the line at the space
		// is 5 of 12 em, over the third a line must be filled to take it.
		box: { width: em(12) },
		lines: ['读一本好书', '就是和高尚的人谈话']
	},
	{
		name: 'no single character on the last line: the line above gives one up',
		text: '春日湖畔书香节，全城共读',
		// Greedy: 春日湖畔书香节，全城共 (10.5 + 0.5 = 11 em) / 读. BudouX splits 全/城/共/读, so the
		// break before 共 is allowed: 共 moves down.
		box: { width: em(11) },
		lines: ['春日湖畔书香节，全城', '共读'],
		lineWidths: [em(10), em(2)]
	},
	{
		name: 'no single character on the last line without phrase breaks either',
		text: '第三届湖畔书香节邀你全城共读',
		box: { width: em(13), phraseBreaks: false },
		lines: ['第三届湖畔书香节邀你全城', '共读']
	},
	{
		name: 'no lone number on the last line: 满 300 减 / 50 becomes 满 300 / 减 50',
		text: '周末家电狂欢全场满 300 减 50',
		box: { width: em(13) },
		lines: ['周末家电狂欢全场满 300', '减 50']
	},
	{
		name: 'a number with its Han unit is not split from it, and not left alone',
		text: '社区篮球赛本周末开打，冠军奖金5000元',
		// Greedy: …冠军奖金5000 / 元. A lone 元 pulls 5000 down with it.
		box: { width: em(10) },
		lines: ['社区篮球赛本周末', '开打，冠军奖金', '5000元']
	},
	{
		name: 'English: a lone number on the last line takes the word before it',
		text: 'City marathon registration opens March 15',
		family: 'Inter',
		box: { width: 240 },
		lines: ['City marathon', 'registration opens', 'March 15']
	},
	{
		name: 'English: a price-like number alone at the end takes company too',
		text: 'Members save on every order over 300',
		family: 'Inter',
		box: { width: 170 },
		lines: ['Members save on', 'every order', 'over 300']
	},
	{
		name: 'a bare-domain URL that fits a line of its own moves down whole',
		text: '详情请访问 haibao.com/zh-cn/download',
		// 详情请访问 haibao.com/zh-cn/ would fit 300 pt, but the address is one token (269.54 pt).
		box: { width: 300 },
		lines: ['详情请访问', 'haibao.com/zh-cn/download']
	},
	{
		name: 'a URL longer than the line breaks after / or -, or before a dot, never before a hyphen',
		text: '扫码下载 haibao.com/zh-cn/download',
		box: { width: 105 },
		lines: ['扫码下载', 'haibao', '.com/zh-', 'cn/', 'download']
	},
	{
		name: 'vertical: a typed space is a quarter em, not a one-cell hole',
		text: '湖畔书香节 全城共读',
		// 9 characters + ¼ em = 185 pt.
		box: { width: em(5), height: em(10), vertical: true },
		lines: ['湖畔书香节 全城共读'],
		lineWidths: [185]
	},
	{
		name: 'vertical: a typed space is the preferred column break',
		text: '湖畔书香节 全城共读',
		box: { width: em(5), height: em(6), vertical: true },
		lines: ['湖畔书香节', '全城共读']
	},
	{
		name: 'vertical: a comma at the column end is compressed and its cell ends inside the box',
		text: '秋意渐浓，枫叶红了，我们在山顶等你。',
		// 秋意渐浓，枫叶红了 9 em + line-end ， 0.5 em = 9.5 em in a 10 em column.
		box: { width: em(10), height: em(10), vertical: true },
		lines: ['秋意渐浓，枫叶红了，', '我们在山顶等你。'],
		lineWidths: [em(9.5), em(7.5)]
	},
	{
		name: 'fitting: grow keeps the typed-space phrases whole',
		text: '湖畔书香节 全城共读',
		// Two lines of 5 and 4: 5s ≤ 140 → s = 28 (27.98 within the 0.1 pt search); 2 × 1.2 × 28 ≤ 100.
		box: { width: 140, height: 100, fit: { mode: 'grow', minSize: 6, maxSize: 200 } },
		lines: ['湖畔书香节', '全城共读'],
		size_: 27.98
	},
	{
		name: 'fitting: shrink applies the lone-number rule at the size it settles on',
		text: '周末家电狂欢全场满 300 减 50',
		size: 30,
		// Two lines fit 60 pt from s = 25 down (2 × 1.2 × 25 = 60); at 25 pt the 325 pt line holds 13 em,
		// the width of the case above: greedy would end with a lone 50, and 减 comes down with it.
		box: { width: 325, height: 60, fit: { mode: 'shrink', minSize: 6 } },
		lines: ['周末家电狂欢全场满 300', '减 50'],
		size_: 25
	},
	// ---- missing characters ----
	{
		name: 'characters no font covers are reported, not drawn',
		text: 'Hi 😀 你好',
		box: { width: em(20) },
		lines: ['Hi 😀 你好'],
		missing: ['😀']
	}
];
