// The generate panel's words, Chinese first.
export type Locale = 'zh' | 'en';

export const text = {
	zh: {
		title: 'AI 生成配图',
		model: '模型',
		size: '尺寸',
		width: '宽',
		height: '高',
		seed: '种子',
		randomSeed: '随机种子',
		count: '数量',
		generate: '生成',
		generating: '生成中…',
		cancel: '取消',
		queued: '排队中',
		step: '步',
		cancelled: '已取消',
		failed: '失败',
		choose: '使用这张图',
		checking: '正在检查生成服务…',
		notConfigured: '图像生成尚未启用',
		sizeRule: '宽和高须为 16 的倍数（16–4096）。'
	},
	en: {
		title: 'Generate imagery',
		model: 'Model',
		size: 'Size',
		width: 'Width',
		height: 'Height',
		seed: 'Seed',
		randomSeed: 'Random seed',
		count: 'Count',
		generate: 'Generate',
		generating: 'Generating…',
		cancel: 'Cancel',
		queued: 'Queued',
		step: 'Step',
		cancelled: 'Cancelled',
		failed: 'Failed',
		choose: 'Use this image',
		checking: 'Checking the generation service…',
		notConfigured: 'Image generation is not enabled',
		sizeRule: 'Width and height must be multiples of 16 (16–4096).'
	}
} satisfies Record<Locale, Record<string, string>>;
