// What `haibao doctor` checks: which onnxruntime execution providers really start here, whether the
// model folder is complete and matches its manifest, whether ComfyUI answers and has the model files.
import { ComfyClient } from './comfyui/client';
import { ComfyError } from './comfyui/errors';
import type { ComfyModelFiles } from './comfyui/workflow';
import { ONNX_ROLES, openModelFolder } from './zimage/manifest';
import { createSession, listExecutionProviders, probeExecutionProvider } from './zimage/ort';

export interface Check {
	name: string;
	ok: boolean;
	detail: string;
}

export async function checkExecutionProviders(): Promise<Check[]> {
	const checks: Check[] = [];
	for (const ep of listExecutionProviders()) {
		if (!ep.installed) {
			checks.push({
				name: `execution provider ${ep.name}`,
				ok: false,
				detail: 'not installed (run "npx haibao setup-gpu" on a machine with internet access)'
			});
			continue;
		}
		const probe = await probeExecutionProvider(ep.name);
		checks.push({
			name: `execution provider ${ep.name}`,
			ok: probe.ok,
			detail: probe.ok ? 'works' : (probe.error ?? 'failed').split('\n')[0]
		});
	}
	return checks;
}

/** Files and manifest; with `deep`, every session is loaded (one at a time) and its tensors compared. */
export async function checkModelFolder(
	dir: string,
	deep = false,
	executionProvider = 'cpu'
): Promise<Check[]> {
	let folder;
	try {
		folder = await openModelFolder(dir);
	} catch (error) {
		return [{ name: 'model folder', ok: false, detail: (error as Error).message }];
	}
	const checks: Check[] = [
		{
			name: 'model folder',
			ok: true,
			detail: `${folder.dir}: "${folder.manifest.name}" (${folder.manifestSource === 'default' ? 'default webnn/Z-Image-Turbo layout' : 'model.json'})`
		}
	];
	if (!deep) return checks;
	for (const role of ONNX_ROLES) {
		const spec = folder.manifest.components[role];
		try {
			const session = await createSession(folder.path(spec.file), {
				role,
				executionProvider,
				expectInputs: Object.values(spec.inputs).filter((t) => t !== undefined),
				expectOutputs: Object.values(spec.outputs)
			});
			checks.push({
				name: role,
				ok: true,
				detail: `${spec.file}: inputs ${session.inputNames.join(', ')} → ${session.outputNames.join(', ')}`
			});
			await session.release();
		} catch (error) {
			checks.push({ name: role, ok: false, detail: (error as Error).message });
		}
	}
	return checks;
}

/** Reachability, then for each loader node whether ComfyUI lists the configured file (GET /object_info/{class}). */
export async function checkComfyUI(url: string, files: ComfyModelFiles): Promise<Check[]> {
	const client = new ComfyClient(url, 5000);
	try {
		const stats = await client.systemStats();
		const device = stats.devices?.[0];
		const checks: Check[] = [
			{
				name: 'ComfyUI server',
				ok: true,
				detail: `${url}: ComfyUI ${stats.system?.comfyui_version ?? '?'}${device?.name ? `, ${device.name}${device.vram_total ? ` (${(device.vram_total / 2 ** 30).toFixed(1)} GiB)` : ''}` : ''}`
			}
		];
		const gguf = files.variant === 'gguf';
		const loaders: [string, string, string][] = [
			[files.unetLoader ?? (gguf ? 'UnetLoaderGGUF' : 'UNETLoader'), 'unet_name', files.unet],
			[files.clipLoader ?? (gguf ? 'CLIPLoaderGGUF' : 'CLIPLoader'), 'clip_name', files.clip],
			['VAELoader', 'vae_name', files.vae]
		];
		for (const [loader, input, file] of loaders) {
			const res = await fetch(`${client.baseUrl}/object_info/${encodeURIComponent(loader)}`, {
				signal: AbortSignal.timeout(5000)
			});
			const info = res.ok
				? ((await res.json()) as Record<string, { input?: { required?: Record<string, unknown[]> } }>)[loader]
				: undefined;
			if (!info) {
				checks.push({
					name: loader,
					ok: false,
					detail: `ComfyUI has no ${loader} node${gguf ? ' (install the ComfyUI-GGUF custom nodes)' : ''}`
				});
				continue;
			}
			const choices = info.input?.required?.[input]?.[0];
			const listed = Array.isArray(choices) && choices.includes(file);
			checks.push({
				name: loader,
				ok: listed,
				detail: listed
					? `${file} found`
					: `${file} is not among ComfyUI's files for ${input}: ${Array.isArray(choices) ? choices.join(', ') || '(none)' : '?'}`
			});
		}
		return checks;
	} catch (error) {
		return [
			{
				name: 'ComfyUI server',
				ok: false,
				detail: error instanceof ComfyError ? error.message : String(error)
			}
		];
	}
}
