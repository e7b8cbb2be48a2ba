// GET /api/jobs/[id]/events: server-sent events, one "job" event with the full record at once and on
// every change (progress once per step), ending after the job reaches done, failed or cancelled.
import { jobNotFound } from '$lib/server/generation/http';
import { TERMINAL } from '$lib/server/generation/jobs';
import { getGenerationService } from '$lib/server/generation/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const { queue } = await getGenerationService();
	const first = queue.get(params.id);
	if (!first) return jobNotFound(params.id, locals.locale ?? 'zh');
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			const close = () => {
				if (closed) return;
				closed = true;
				cleanup();
				try {
					controller.close();
				} catch {
					/* already closed by the client */
				}
			};
			const send = (job: NonNullable<typeof first>) => {
				if (closed) return;
				controller.enqueue(encoder.encode(`event: job\ndata: ${JSON.stringify(job)}\n\n`));
				if (TERMINAL.includes(job.status)) close();
			};
			const unsubscribe = queue.subscribe(params.id, send);
			const keepAlive = setInterval(
				() => !closed && controller.enqueue(encoder.encode(': keep-alive\n\n')),
				15_000
			);
			cleanup = () => {
				unsubscribe();
				clearInterval(keepAlive);
			};
			request.signal.addEventListener('abort', close, { once: true });
			send(queue.get(params.id) ?? first); // re-read: it may have changed while subscribing
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive'
		}
	});
};
