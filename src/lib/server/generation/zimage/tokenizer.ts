// Prompt → token ids, exactly as the reference: Qwen chat template, byte-level BPE from tokenizer.json
// (@huggingface/tokenizers, pure JS), no padding, truncated at the manifest's limit (512) with a warning.
import { readFile } from 'node:fs/promises';
import { Tokenizer } from '@huggingface/tokenizers';

/** The reference chat template (enable_thinking=True adds no think block for a user-only turn). */
export function applyChatTemplate(prompt: string): string {
	return `<|im_start|>user\n${prompt}<|im_end|>\n<|im_start|>assistant\n`;
}

export interface EncodedPrompt {
	/** The templated text that was tokenized. */
	text: string;
	ids: number[];
	/** Tokens before truncation. */
	originalLength: number;
	truncated: boolean;
	warnings: string[];
}

export interface PromptTokenizer {
	encode(prompt: string): EncodedPrompt;
	tokenToId(token: string): number | undefined;
}

export async function loadTokenizer(
	tokenizerPath: string,
	configPath: string | undefined,
	maxTokens: number
): Promise<PromptTokenizer> {
	const json = JSON.parse(await readFile(tokenizerPath, 'utf8'));
	const config = configPath ? JSON.parse(await readFile(configPath, 'utf8')) : {};
	const tokenizer = new Tokenizer(json, config);
	return {
		tokenToId: (token) => tokenizer.token_to_id(token),
		encode(prompt) {
			const text = applyChatTemplate(prompt);
			const all = tokenizer.encode(text, { add_special_tokens: false }).ids;
			const truncated = all.length > maxTokens;
			const warnings = truncated
				? [
						`The prompt is ${all.length} tokens long; the text encoder reads at most ${maxTokens}, so the end was cut off. ` +
							`提示词共 ${all.length} 个词元，超过上限 ${maxTokens}，末尾部分已被截断。`
					]
				: [];
			return {
				text,
				ids: truncated ? all.slice(0, maxTokens) : all,
				originalLength: all.length,
				truncated,
				warnings
			};
		}
	};
}
