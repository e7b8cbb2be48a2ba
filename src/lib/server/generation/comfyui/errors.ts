// ComfyUI failures turned into messages a user can act on (English, then Chinese).

export class ComfyError extends Error {
	constructor(
		message: string,
		readonly kind:
			| 'unreachable'
			| 'timeout'
			| 'invalid_prompt'
			| 'missing_model'
			| 'missing_node'
			| 'execution'
			| 'protocol'
	) {
		super(message);
		this.name = 'ComfyError';
	}
}

export function networkError(baseUrl: string, error: unknown, what: string): ComfyError {
	const cause = (error as { cause?: { code?: string } })?.cause;
	const code = (error as { code?: string })?.code ?? cause?.code;
	const name = (error as Error)?.name;
	if (name === 'TimeoutError') {
		return new ComfyError(
			`ComfyUI at ${baseUrl} did not answer ${what} in time. ComfyUI ${baseUrl} 响应超时。`,
			'timeout'
		);
	}
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ECONNRESET') {
		return new ComfyError(
			`Cannot reach ComfyUI at ${baseUrl} (${code}). Is it running? Start ComfyUI (python main.py --listen 127.0.0.1 --port 8188) ` +
				`or set COMFYUI_URL to its address. 无法连接 ComfyUI（${code}）：请先启动 ComfyUI，或把 COMFYUI_URL 设为它的地址。`,
			'unreachable'
		);
	}
	return new ComfyError(
		`ComfyUI request ${what} failed: ${(error as Error)?.message ?? String(error)}`,
		'protocol'
	);
}

interface NodeError {
	errors?: {
		type?: string;
		message?: string;
		details?: string;
		extra_info?: { input_name?: string; received_value?: unknown };
	}[];
	class_type?: string;
}

const modelFolders: Record<string, string> = {
	unet_name: 'ComfyUI/models/diffusion_models (or models/unet)',
	clip_name: 'ComfyUI/models/text_encoders (or models/clip)',
	vae_name: 'ComfyUI/models/vae'
};

/** The 400 reply of POST /prompt: {error: {type, message, details}, node_errors: {id: {errors, class_type}}}. */
export function promptRejected(body: {
	error?: { type?: string; message?: string; details?: string } | string;
	node_errors?: Record<string, NodeError>;
}): ComfyError {
	const error = typeof body.error === 'string' ? { message: body.error } : (body.error ?? {});
	const nodeErrors = Object.entries(body.node_errors ?? {});
	for (const [id, node] of nodeErrors) {
		for (const e of node.errors ?? []) {
			const input = e.extra_info?.input_name ?? '';
			if (e.type === 'value_not_in_list' && input in modelFolders) {
				return new ComfyError(
					`ComfyUI has no model file "${String(e.extra_info?.received_value)}" for ${node.class_type} (node ${id}, ${input}). ` +
						`Put the file in ${modelFolders[input]} and restart ComfyUI, or set the file name (COMFYUI_UNET / COMFYUI_CLIP / COMFYUI_VAE). ` +
						`ComfyUI 中找不到模型文件 "${String(e.extra_info?.received_value)}"：请放入 ${modelFolders[input]}，或设置对应的文件名。`,
					'missing_model'
				);
			}
		}
	}
	if (error.type === 'missing_node_type' || /does not exist|not found/i.test(error.message ?? '')) {
		return new ComfyError(
			`ComfyUI cannot run this workflow: ${error.message}${error.details ? ` (${error.details})` : ''}. ` +
				`For the GGUF variant install the ComfyUI-GGUF custom nodes (UnetLoaderGGUF, CLIPLoaderGGUF). ` +
				`ComfyUI 缺少节点：GGUF 版本需安装 ComfyUI-GGUF 插件。`,
			'missing_node'
		);
	}
	const details = nodeErrors.flatMap(([id, node]) =>
		(node.errors ?? []).map(
			(e) =>
				`node ${id} (${node.class_type ?? '?'}): ${e.message ?? e.type}${e.details ? `: ${e.details}` : ''}`
		)
	);
	return new ComfyError(
		`ComfyUI rejected the workflow: ${error.message ?? 'invalid prompt'}${details.length ? `\n  ${details.join('\n  ')}` : ''}. ComfyUI 拒绝了该工作流。`,
		'invalid_prompt'
	);
}
