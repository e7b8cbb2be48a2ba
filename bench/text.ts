// Text engine benchmark: layout of 1,000 mixed Chinese/English characters once fonts are loaded
// (goal ≤ 2 ms). Prints medians of many runs for: the full layout of a text never seen before
// (segment + shape + break + place; phrase breaks on, as for every text layer), the same without
// phrase breaks (their cost), a re-layout of the same text in another box (prepared units
// cached, as while dragging a box edge), and a fit (size search over the same text).
import { initShaper, layoutText } from '../src/lib/text/layout';
import { getServerFonts } from '../src/lib/server/fonts';
import type { TextLayoutInput } from '../src/lib/text/types';

const PARAGRAPH =
	'海报（poster）是一种信息传递艺术，是一种大众化的宣传工具。2024年“双十一”期间，全场商品低至50%折扣，' +
	'满300元减50元，限时特价¥99.9起！详情请访问 www.haibao.cn/sale 了解更多。Haibao helps shop owners design ' +
	'print-ready posters in minutes——从模板到打印，只需三步……活动时间：11月1日至11月11日，每天10:00开始。';

function mixedText(chars: number, variant: number): string {
	let text = '';
	while ([...text].length < chars) text += PARAGRAPH;
	const cps = [...text].slice(0, chars);
	cps[variant % chars] = cps[variant % chars] === '海' ? '报' : '海'; // a new text for every run
	return cps.join('');
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

function time(runs: number, fn: (i: number) => void): number {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn(i);
		samples.push(performance.now() - t);
	}
	return median(samples);
}

export async function bench(): Promise<void> {
	const fonts = getServerFonts();
	await Promise.all([initShaper(), fonts.ensure([{ family: 'Noto Sans SC', weight: 400 }])]);
	const input = (text: string, extra: Partial<TextLayoutInput> = {}): TextLayoutInput => ({
		runs: [{ text, family: 'Noto Sans SC', weight: 400, size: 12, color: '#000' }],
		width: 420,
		align: 'justify',
		...extra
	});
	const warm = mixedText(1000, 0);
	for (let i = 0; i < 30; i++) layoutText(input(mixedText(1000, i + 1)), fonts); // JIT warm-up
	const lines = layoutText(input(warm), fonts).lines.length;

	const runs = 200;
	const cold = time(runs, (i) => layoutText(input(mixedText(1000, 1000 + i)), fonts));
	const noPhrases = time(runs, (i) =>
		layoutText(input(mixedText(1000, 7000 + i), { phraseBreaks: false }), fonts)
	);
	const relayout = time(runs, (i) => layoutText(input(warm, { width: 300 + (i % 200) }), fonts));
	const fit = time(runs, (i) =>
		layoutText(
			input(warm, { width: 300 + (i % 200), height: 400, fit: { mode: 'grow', minSize: 6, maxSize: 72 } }),
			fonts
		)
	);
	const vertical = time(runs, (i) =>
		layoutText(input(mixedText(1000, 5000 + i), { vertical: true, height: 420, width: 2000 }), fonts)
	);
	const text100 = time(runs, (i) => layoutText(input(mixedText(100, 3000 + i)), fonts));

	console.log(
		`text layout, 1,000 mixed characters (${lines} lines at 12 pt in 420 pt, justified), median of ${runs} runs:`
	);
	console.log(`  new text (segment + shape + break + place): ${cold.toFixed(3)} ms   (goal ≤ 2 ms)`);
	console.log(`  the same without phrase breaks (BudouX):    ${noPhrases.toFixed(3)} ms`);
	console.log(`  same text, new box width (shaping cached):  ${relayout.toFixed(3)} ms`);
	console.log(`  same text, fit (size search, 0.1 pt):       ${fit.toFixed(3)} ms`);
	console.log(`  new text, vertical (columns of 35):         ${vertical.toFixed(3)} ms`);
	console.log(`  new text, 100 characters (a headline):      ${text100.toFixed(3)} ms`);
}
