// The one server-sent-events helper of every job route: named events with JSON data, a comment
// line every `keepAliveMs` so proxies and browsers keep an idle stream open, and clean-up exactly
// once whether the job ends (close), the client goes away (request abort / stream cancel) or
// the stream breaks.

export interface SseChannel {
	send(event: string, data: unknown): void;
	close(): void;
	readonly closed: boolean;
}

export interface SseOptions {
	/** Interval of ": keep-alive" comments (default 15 s). */
	keepAliveMs?: number;
}

/**
 * A text/event-stream answer. `open` subscribes to whatever feeds the stream and returns its
 * unsubscribe function, called once when the stream ends for any reason.
 */
export function sseResponse(
	request: Request,
	open: (channel: SseChannel) => (() => void) | void,
	{ keepAliveMs = 15_000 }: SseOptions = {}
): Response {
	const encoder = new TextEncoder();
	let finish = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			const subscription: { off?: (() => void) | void } = {};
			const write = (text: string) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					finish(); // the consumer is gone
				}
			};
			const keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs);
			finish = () => {
				if (closed) return;
				closed = true;
				clearInterval(keepAlive);
				request.signal.removeEventListener('abort', finish);
				if (typeof subscription.off === 'function') subscription.off();
				try {
					controller.close();
				} catch {
					/* already closed or cancelled by the client */
				}
			};
			const channel: SseChannel = {
				send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
				close: () => finish(),
				get closed() {
					return closed;
				}
			};
			request.signal.addEventListener('abort', finish, { once: true });
			if (request.signal.aborted) return finish();
			subscription.off = open(channel);
			// `open` may have closed the channel before returning its unsubscribe function.
			if (closed && typeof subscription.off === 'function') subscription.off();
		},
		cancel() {
			finish();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive',
			// nginx and similar proxies would otherwise buffer the stream.
			'x-accel-buffering': 'no'
		}
	});
}
