// Uses the tiny model's tokenizer.json: a real byte-level BPE file (Qwen2 layout, small vocabulary).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyChatTemplate, loadTokenizer } from '../../../src/lib/server/generation/zimage/tokenizer';
import { bytesToUnicode } from '../../../scripts/make-tiny-models';

const tokenizerPath = join(import.meta.dirname, '../../fixtures/tiny-zimage/tokenizer.json');

describe('prompt encoding (tiny model tokenizer)', () => {
	it('applies the reference chat template exactly', () => {
		expect(applyChatTemplate('新春快乐')).toBe(
			'<|im_start|>user\n新春快乐<|im_end|>\n<|im_start|>assistant\n'
		);
	});

	it('gives the known token ids of a templated English prompt', async () => {
		const t = await loadTokenizer(tokenizerPath, undefined, 512);
		const id = (token: string) => {
			const value = t.tokenToId(token);
			expect(value, token).toBeTypeOf('number');
			return value!;
		};
		const newline = id('Ċ'); // byte 0x0A in the byte-level alphabet
		expect(newline).toBe(10);
		const { ids, truncated, warnings } = t.encode('hello world');
		expect(ids).toEqual([
			id('<|im_start|>'),
			id('user'),
			newline,
			id('hello'),
			id('Ġworld'),
			id('<|im_end|>'),
			newline,
			id('<|im_start|>'),
			id('assistant'),
			newline
		]);
		expect(truncated).toBe(false);
		expect(warnings).toEqual([]);
	});

	it('encodes Chinese characters as their UTF-8 bytes (byte-level BPE, no unknown token)', async () => {
		const t = await loadTokenizer(tokenizerPath, undefined, 512);
		const bytes = bytesToUnicode();
		const { ids } = t.encode('海报');
		const utf8 = [...Buffer.from('海报', 'utf8')];
		expect(ids.slice(3, 3 + utf8.length)).toEqual(utf8.map((b) => t.tokenToId(bytes[b])));
		expect(ids[3 + utf8.length]).toBe(t.tokenToId('<|im_end|>'));
	});

	it('truncates at the limit and says so', async () => {
		const t = await loadTokenizer(tokenizerPath, undefined, 16);
		const result = t.encode('hello world '.repeat(20));
		expect(result.ids).toHaveLength(16);
		expect(result.originalLength).toBeGreaterThan(16);
		expect(result.truncated).toBe(true);
		expect(result.warnings[0]).toMatch(/16/);
		expect(result.warnings[0]).toMatch(/截断/);
	});
});
