import { defineConfig } from '@playwright/test';

// The app runs exactly as the README starts it: `npm start`, with nothing but a port and a data
// folder. E2E_PORT lets several checkouts run their suites side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);
// A second server, also started with `npm start`, for the specs that generate pictures
// (*.model.spec.ts): it points ZIMAGE_MODEL_DIR, the setting a user with a model sets, at the
// paced tiny test model (a stand-in whose steps take real time; the UI labels it as a test model).
const modelPort = port + 1;

export const APP_URL = `http://localhost:${port}`;
export const APP_IP_URL = `http://127.0.0.1:${port}`;
export const MODEL_APP_URL = `http://localhost:${modelPort}`;

const chromium = {
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
};

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 90_000,
	expect: { timeout: 15_000 },
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list'], ['json']],
	outputDir: 'tests/.tmp/playwright',
	use: {
		locale: 'zh-CN',
		viewport: { width: 1440, height: 900 },
		launchOptions: chromium
	},
	projects: [
		{
			name: 'localhost',
			testIgnore: /\.model\.spec\.ts$/,
			use: { baseURL: APP_URL }
		},
		{
			// Users type either name; the newcomer's path must work at both.
			name: '127.0.0.1',
			testMatch: /newcomer\.spec\.ts$/,
			use: { baseURL: APP_IP_URL }
		},
		{
			name: 'with-model',
			testMatch: /\.model\.spec\.ts$/,
			use: { baseURL: MODEL_APP_URL }
		}
	],
	webServer: [
		{
			command: 'npm start',
			url: `${APP_URL}/`,
			reuseExistingServer: false,
			timeout: 180_000,
			env: { PORT: String(port), HAIBAO_DATA: 'tests/.tmp/e2e-data' }
		},
		{
			command: 'npm start',
			url: `${MODEL_APP_URL}/`,
			reuseExistingServer: false,
			timeout: 180_000,
			env: {
				PORT: String(modelPort),
				HAIBAO_DATA: 'tests/.tmp/e2e-model-data',
				ZIMAGE_MODEL_DIR: 'tests/fixtures/tiny-zimage-paced'
			}
		}
	]
});
