// The SSE helper every job route uses: named JSON events, keep-alive comments while idle, and one
// clean-up whether the job ends, the client aborts the request or cancels the stream.
import { describe, expect, it } from 'vitest';
import { sseResponse } from '../../../src/lib/server/jobs/sse';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sseResponse', () => {
	it('sends events and keep-alive comments, then ends and unsubscribes once when closed', async () => {
		let unsubscribed = 0;
		let channelRef!: { send(e: string, d: unknown): void; close(): void };
		const res = sseResponse(
			new Request('http://localhost/x'),
			(channel) => {
				channelRef = channel;
				channel.send('progress', { p: 0.5 });
				return () => unsubscribed++;
			},
			{ keepAliveMs: 20 }
		);
		expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		expect(res.headers.get('cache-control')).toContain('no-cache');
		setTimeout(() => {
			channelRef.send('done', { p: 1 });
			channelRef.close();
			channelRef.close();
		}, 90);
		const body = await res.text();
		expect(body.startsWith('event: progress\ndata: {"p":0.5}\n\n')).toBe(true);
		expect(body.match(/: keep-alive\n\n/g)!.length).toBeGreaterThanOrEqual(2);
		expect(body.endsWith('event: done\ndata: {"p":1}\n\n')).toBe(true);
		expect(unsubscribed).toBe(1);
	});

	it('stops sending and unsubscribes when the client aborts the request', async () => {
		const client = new AbortController();
		let unsubscribed = 0;
		let sends = 0;
		const res = sseResponse(
			new Request('http://localhost/x', { signal: client.signal }),
			(channel) => {
				const timer = setInterval(() => {
					sends++;
					channel.send('progress', { n: sends });
				}, 5);
				return () => {
					clearInterval(timer);
					unsubscribed++;
				};
			},
			{ keepAliveMs: 10 }
		);
		const reader = res.body!.getReader();
		await reader.read();
		client.abort();
		await sleep(40);
		const after = sends;
		await sleep(40);
		expect(unsubscribed).toBe(1);
		expect(sends).toBe(after);
	});

	it('unsubscribes when the consumer cancels the stream', async () => {
		let unsubscribed = 0;
		const res = sseResponse(new Request('http://localhost/x'), () => () => unsubscribed++, {
			keepAliveMs: 10
		});
		await res.body!.cancel();
		expect(unsubscribed).toBe(1);
	});

	it('never calls `open` for a request that was aborted already', () => {
		const client = new AbortController();
		client.abort();
		let opened = false;
		sseResponse(new Request('http://localhost/x', { signal: client.signal }), () => {
			opened = true;
		});
		expect(opened).toBe(false);
	});
});
