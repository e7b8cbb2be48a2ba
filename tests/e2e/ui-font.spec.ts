// The interface reads right on a machine with no Chinese system font (a fresh Linux box): Chromium
// runs here with a fontconfig that knows only DejaVu, so every Chinese glyph on screen must come
// from Haibao's own interface font (/fonts/ui.css, Noto Sans SC in unicode-range slices).
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const CONF = resolve('tests/.tmp/fontconfig-no-cjk/fonts.conf');
mkdirSync(resolve(CONF, '..'), { recursive: true });
writeFileSync(
	CONF,
	`<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
		`<dir>/usr/share/fonts/truetype/dejavu</dir>\n<cachedir>${resolve(CONF, '..', 'cache')}</cachedir>\n</fontconfig>\n`
);

test.use({
	launchOptions: {
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
		env: { ...process.env, FONTCONFIG_FILE: CONF }
	}
});

/** The fonts Chromium drew a node's text with (DevTools' "Rendered Fonts"). */
async function renderedFonts(page: Page, selector: string) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = await cdp.send('DOM.getDocument');
	const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
	const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
	await cdp.detach();
	return fonts;
}

test('Chinese UI text is drawn with the served interface font when the system has no CJK font', async ({
	page
}) => {
	const fcList = execFileSync('fc-list', [':lang=zh'], { env: { ...process.env, FONTCONFIG_FILE: CONF } });
	expect(fcList.toString().trim(), 'this fontconfig must know no Chinese font').toBe('');

	const slices: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/fonts/ui/')) slices.push(new URL(r.url()).pathname.split('/').pop()!);
	});
	// A template's form shows only the interface's and the template's own text (the gallery also
	// lists saved designs, whose titles may need other slices).
	await page.goto('/new/sale-burst');
	await expect(page.getByTestId('live-preview')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
	await page.evaluate(() => document.fonts.ready);
	// The interface's own text needs only the core slice of each weight used.
	expect(slices.length).toBeGreaterThan(0);
	expect(
		slices.every((s) => /^\d+-core\.otf$/.test(s)),
		slices.join(', ')
	).toBe(true);

	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('从一张好模板开始');
	await page.evaluate(() => document.fonts.ready);
	for (const selector of ['h1', 'nav a', '[data-category]']) {
		const fonts = await renderedFonts(page, selector);
		// Every glyph from a web font, none from a system font (which would be tofu here).
		expect(
			fonts.filter((f) => !f.isCustomFont),
			`${selector}: ${JSON.stringify(fonts)}`
		).toEqual([]);
		expect(fonts.some((f) => f.postScriptName.startsWith('NotoSansSC'))).toBe(true);
	}

	// Text the interface never showed (a user's headline) is still drawn: its range slice loads.
	await page.evaluate(() => {
		const probe = document.createElement('p');
		probe.id = 'probe';
		probe.textContent = '饕餮鳜鱼';
		probe.style.fontFamily = 'var(--font-ui)';
		document.body.append(probe);
	});
	await expect
		.poll(async () => (await renderedFonts(page, '#probe')).every((f) => f.isCustomFont))
		.toBe(true);
	expect(slices.some((s) => !s.includes('core'))).toBe(true);
});
