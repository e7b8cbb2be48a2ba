// `haibao setup-gpu`: fetch onnxruntime-node's CUDA execution provider, which `npm install` skips here
// (ONNXRUNTIME_NODE_INSTALL=skip in .npmrc) because it downloads from NuGet, outside the npm registry.
// Runs onnxruntime-node's own installer (script/install.js) with ONNXRUNTIME_NODE_INSTALL=cuda12, on a
// machine with internet access (proxies: GLOBAL_AGENT_HTTPS_PROXY, read by the installer).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseOptions } from '../args';

const help = `haibao setup-gpu [--dry-run]

Downloads the CUDA 12 provider libraries of onnxruntime-node (Linux x64 only; needs internet access to
api.nuget.org, a CUDA 12 driver and cuDNN 9 at run time), then checks that the "cuda" provider starts.
Afterwards run generation with ZIMAGE_EP=cuda (or --ep cuda).`;

export async function run(argv: string[]): Promise<number> {
	const { values } = parseOptions(argv, {
		'dry-run': { type: 'boolean' },
		help: { type: 'boolean', short: 'h' }
	});
	if (values.help) {
		console.log(help);
		return 0;
	}
	if (`${process.platform}/${process.arch}` !== 'linux/x64') {
		console.error(
			`onnxruntime-node offers a downloadable CUDA provider only on linux/x64 (this is ${process.platform}/${process.arch}).`
		);
		return 1;
	}
	const require = createRequire(import.meta.url);
	const root = dirname(dirname(require.resolve('onnxruntime-node')));
	const script = join(root, 'script', 'install.js');
	const env: NodeJS.ProcessEnv = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'cuda12' };
	delete env.npm_config_onnxruntime_node_install; // .npmrc says "skip"; this step overrides it
	console.log(`Running: ONNXRUNTIME_NODE_INSTALL=cuda12 node ${script}`);
	if (values['dry-run']) return 0;
	const result = spawnSync(process.execPath, [script], { cwd: root, env, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(
			'The onnxruntime-node installer failed (no internet access to api.nuget.org?). Nothing was changed for the CPU provider.'
		);
		return result.status ?? 1;
	}
	const { probeExecutionProvider } = await import('../../lib/server/generation/zimage/ort');
	const probe = await probeExecutionProvider('cuda');
	console.log(
		probe.ok
			? 'The CUDA provider works: set ZIMAGE_EP=cuda.'
			: `Installed, but the CUDA provider does not start: ${probe.error}`
	);
	return probe.ok ? 0 : 1;
}
