import type {Context} from 'hono';
import {streamSSE} from 'hono/streaming';
import {isTerminal, type JobStore} from '../jobs';

export type JobEventsStreamOptions = {
	store: Pick<JobStore, 'eventsAfter' | 'get'>;
	jobId: string;
	/** Events with an id up to this one were seen already (Last-Event-ID); 0 sends all. */
	lastEventId: number;
	/** How often the store is read for new events: other processes write them. Default 200 ms. */
	pollMs?: number;
	/** A comment line this often keeps proxies from closing an idle stream. Default 15 s. */
	keepAliveMs?: number;
};

/**
 * Server-Sent Events of a job: `status` when its status changes, `progress` while a stage runs,
 * then `done`, `failed` or `cancelled`, after which the stream closes. Event ids are the job's
 * event sequence in the job store: a client reconnecting with `Last-Event-ID` (to any server on the
 * data dir) gets exactly the events it missed.
 */
export const streamJobEvents = (c: Context, o: JobEventsStreamOptions): Response => {
	const pollMs = o.pollMs ?? 200;
	const keepAliveMs = o.keepAliveMs ?? 15_000;
	return streamSSE(c, async (stream) => {
		let closed = false;
		stream.onAbort(() => {
			closed = true;
		});
		let after = o.lastEventId;
		let lastWrite = Date.now();
		let first = true;
		while (!closed) {
			const events = await o.store.eventsAfter(o.jobId, after, 100);
			for (const e of events) {
				await stream.writeSSE({
					id: String(e.id),
					event: e.type,
					data: JSON.stringify({
						id: o.jobId,
						status: e.status,
						stage: e.stage,
						progress: e.progress,
						error: e.error,
						at: new Date(e.at).toISOString(),
					}),
					...(first ? {retry: 1000} : {}),
				});
				first = false;
				after = e.id;
				lastWrite = Date.now();
				if (isTerminal(e.type)) return;
			}
			if (events.length > 0) continue;
			const job = await o.store.get(o.jobId);
			if (!job) {
				await stream.writeSSE({event: 'deleted', data: JSON.stringify({id: o.jobId})});
				return;
			}
			// Ended, and the client has seen its last event.
			if (isTerminal(job.status)) return;
			if (Date.now() - lastWrite >= keepAliveMs) {
				await stream.write(': keep-alive\n\n');
				lastWrite = Date.now();
			}
			await stream.sleep(pollMs);
		}
	});
};
