// Lint: TypeScript + Svelte, and the import boundaries of DESIGN.md (type imports excepted).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const layers = [
	'geometry',
	'document',
	'text',
	'templates',
	'render',
	'editor',
	'canvas',
	'components',
	'server'
];
// What each folder of src/lib may import at run time.
const allowed = {
	geometry: [],
	document: ['geometry'],
	text: ['geometry'],
	templates: ['geometry', 'document', 'text'],
	render: ['geometry', 'document', 'text', 'templates'],
	editor: ['geometry', 'document', 'text', 'templates', 'render'],
	canvas: ['geometry', 'document', 'text', 'templates', 'render', 'editor'],
	components: ['geometry', 'document', 'text', 'templates', 'render', 'editor', 'canvas'],
	server: ['geometry', 'document', 'text', 'templates', 'render']
};
const patternsFor = (names) =>
	names.flatMap((n) => [
		`$lib/${n}`,
		`$lib/${n}/*`,
		`**/lib/${n}`,
		`**/lib/${n}/*`,
		`../${n}`,
		`../${n}/*`,
		`../../${n}/*`,
		`../../../${n}/*`
	]);

const konva = {
	group: ['konva', 'konva/*'],
	message: 'Only src/lib/canvas (browser) and src/lib/server/export/konva-node.ts import Konva.'
};
const ort = {
	group: ['onnxruntime-node', 'onnxruntime-common'],
	message: 'Only src/lib/server/generation/zimage/ort.ts imports onnxruntime.'
};

const boundary = (folder) => {
	const forbidden = layers.filter((l) => l !== folder && !allowed[folder].includes(l));
	const patterns = [
		{
			group: patternsFor(forbidden),
			allowTypeImports: true,
			message: `src/lib/${folder} may not import this layer (DESIGN.md import rules).`
		}
	];
	if (folder !== 'canvas') patterns.push({ ...konva, allowTypeImports: true });
	patterns.push({ ...ort, allowTypeImports: true });
	return {
		files: [`src/lib/${folder}/**/*.ts`, `src/lib/${folder}/**/*.svelte`],
		ignores: ['src/lib/server/export/konva-node.ts', 'src/lib/server/generation/zimage/ort.ts'],
		rules: {
			'no-restricted-imports': 'off',
			'@typescript-eslint/no-restricted-imports': ['error', { patterns }]
		}
	};
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-explicit-any': 'warn',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser }
		}
	},
	...Object.keys(allowed).map(boundary),
	{
		files: ['src/lib/server/export/konva-node.ts'],
		rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ ...ort }] }] }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'tests/.tmp/',
			'fonts/',
			'static/',
			'templates/'
		]
	}
);
