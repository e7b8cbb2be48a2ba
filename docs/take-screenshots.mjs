// Re-takes the README screenshots from a running Haibao (default http://localhost:3000):
//   node docs/take-screenshots.mjs [BASE_URL]
// Gallery at 1440×900 (docs/screenshot.png), the form (docs/screenshot-form.png), and the gallery
// at a 390 px phone width (docs/screenshot-mobile.png). Uses Debian Chromium.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const shots = [
	{ path: '/', file: 'docs/screenshot.png', width: 1440, height: 900 },
	{ path: '/new/spring-festival-window', file: 'docs/screenshot-form.png', width: 1440, height: 900 },
	{ path: '/', file: 'docs/screenshot-mobile.png', width: 390, height: 844 }
];
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
for (const shot of shots) {
	const page = await browser.newPage({
		viewport: { width: shot.width, height: shot.height },
		locale: 'zh-CN'
	});
	await page.goto(base + shot.path, { waitUntil: 'networkidle', timeout: 120_000 });
	await page.waitForTimeout(1000);
	await page.screenshot({ path: shot.file });
	await page.close();
	console.log(shot.file);
}
await browser.close();
