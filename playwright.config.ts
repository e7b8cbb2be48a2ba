import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their suites side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 90_000,
	expect: { timeout: 15_000 },
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list'], ['json']],
	outputDir: 'tests/.tmp/playwright',
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'zh-CN',
		viewport: { width: 1440, height: 900 },
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: 'node build',
		port,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(port),
			HAIBAO_DATA: 'tests/.tmp/e2e-data',
			ORIGIN: `http://localhost:${port}`,
			BODY_SIZE_LIMIT: '52428800',
			// The tiny generated test model stands in for Z-Image-Turbo (the UI labels it so);
			// the step delay lets tests see progress and cancel a running job.
			ZIMAGE_MODEL_DIR: 'tests/fixtures/tiny-zimage',
			ZIMAGE_STEP_DELAY_MS: '150'
		}
	}
});
