import type {JobObserver} from './job-observer';
import type {JobsLog} from './jobs-log';
import type {LookupFunction} from 'node:net';
import {guardedPost, type GuardedPostResult} from './guarded-post';
import type {JobStore} from './job-store';
import type {JobRecord, WebhookDelivery} from './job-types';
import {signWebhook} from './webhook-signature';

/** Backoff as data: attempt n (1-based) is retried after `delayMs * 2^(n-1)`. */
export type WebhookBackoff = {type: 'exponential'; delayMs: number; maxAttempts: number};

export type WebhookDispatcherOptions = {
	store: JobStore;
	/** HMAC secret of the Promptreel-Signature header. */
	secret: string;
	/** The webhook body: `{type, video, metadata}` with `video` the public job (its links need the base URL). */
	buildBody: (job: JobRecord, event: WebhookDelivery['event']) => unknown;
	/** The `batch.done` body of a batch (`{type, batch, metadata}`), or null when the batch is gone. Absent: batch events fail. */
	buildBatchBody?: (batchId: string) => Promise<unknown>;
	owner: string;
	backoff: WebhookBackoff;
	allowPrivateNetwork: boolean;
	/** The name lookup under the guard (default the system resolver). */
	lookup?: LookupFunction;
	/** How often due deliveries are looked for. Default 500 ms. */
	pollMs?: number;
	/** One attempt. Default 10 s. */
	timeoutMs?: number;
	now?: () => number;
	log?: JobsLog;
	/** Told of every delivery attempt (metrics). */
	observer?: JobObserver | undefined;
	post?: typeof guardedPost;
};

/** When attempt `attempts` (1-based) failed: the time of the next one, or null when none is left. */
export const nextAttemptAt = (backoff: WebhookBackoff, attempts: number, now: number): number | null =>
	attempts >= backoff.maxAttempts ? null : now + backoff.delayMs * 2 ** (attempts - 1);

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

/**
 * Sends queued webhook events, signed, with exponential backoff. Deliveries live in the job store, so
 * a retry scheduled before a restart is sent after it (by whichever process on the data dir
 * leases it first).
 */
export const createWebhookDispatcher = (o: WebhookDispatcherOptions) => {
	const pollMs = o.pollMs ?? 500;
	const timeoutMs = o.timeoutMs ?? 10_000;
	const now = o.now ?? Date.now;
	const log = o.log ?? (() => undefined);
	const post = o.post ?? guardedPost;
	const deliveries = o.store.webhooks;
	const inFlight = new Set<Promise<void>>();
	let timer: NodeJS.Timeout | null = null;
	let ticking: Promise<void> | null = null;

	/** The body of a delivery (built now, frozen below), or null when its job or batch is gone. */
	const bodyOf = async (d: WebhookDelivery): Promise<unknown> => {
		if (d.event === 'batch.done') return (await o.buildBatchBody?.(d.jobId)) ?? null;
		const job = await o.store.get(d.jobId);
		return job ? o.buildBody(job, d.event) : null;
	};

	const send = async (d: WebhookDelivery): Promise<void> => {
		const built = await bodyOf(d);
		if (built === null) {
			await deliveries.record({
				id: d.id,
				owner: o.owner,
				at: now(),
				status: null,
				error: d.event === 'batch.done' ? 'the batch was deleted' : 'the job was deleted',
				state: 'failed',
				nextAt: now(),
			});
			return;
		}
		const body = d.body ?? (await deliveries.freezeBody(d.id, JSON.stringify(built)));
		const t = now();
		// The attempt is on record before the request leaves: a crash mid-request still shows it.
		const attempt = await deliveries.begin({id: d.id, owner: o.owner, at: t});
		let result: GuardedPostResult;
		try {
			result = await post({
				url: d.url,
				body,
				timeoutMs,
				allowPrivateNetwork: o.allowPrivateNetwork,
				lookup: o.lookup,
				headers: {
					'content-type': 'application/json',
					'user-agent': 'promptreel-webhooks',
					'promptreel-signature': signWebhook({secret: o.secret, body, timestampSec: Math.floor(t / 1000)}),
					'promptreel-event': d.event,
					'promptreel-delivery': String(d.id),
				},
			});
		} catch (error) {
			result = {status: null, error: error instanceof Error ? error.message : String(error), unrecoverable: false};
		}
		const attempts = attempt || d.attempts.length + 1;
		if (result.error === null) {
			await deliveries.record({
				id: d.id,
				owner: o.owner,
				at: t,
				attempt,
				status: result.status,
				error: null,
				state: 'delivered',
				nextAt: t,
			});
			log(`webhook ${d.event} of ${d.jobId}: delivered (attempt ${attempts})`, {jobId: d.jobId, status: result.status});
			o.observer?.webhookAttempt?.({jobId: d.jobId, event: d.event, outcome: 'delivered', status: result.status});
			return;
		}
		const next = result.unrecoverable ? null : nextAttemptAt(o.backoff, attempts, now());
		await deliveries.record({
			id: d.id,
			owner: o.owner,
			at: t,
			attempt,
			status: result.status,
			error: result.error,
			state: next === null ? 'failed' : 'pending',
			nextAt: next ?? t,
		});
		log(`webhook ${d.event} of ${d.jobId}: attempt ${attempts} failed (${result.error})${next === null ? ', giving up' : ''}`, {
			jobId: d.jobId,
			status: result.status,
			level: 'warn',
		});
		o.observer?.webhookAttempt?.({jobId: d.jobId, event: d.event, outcome: next === null ? 'failed' : 'retrying', status: result.status});
	};

	const tick = (): Promise<void> => {
		if (ticking || !timer) return ticking ?? Promise.resolve();
		ticking = claimAndSend().finally(() => (ticking = null));
		return ticking;
	};
	const claimAndSend = async () => {
		try {
			// Batches whose jobs have all ended get their batch.done delivery queued here, by whichever
			// process looks first (the store ends each batch once).
			await o.store.batches.settle(now());
			const due = await deliveries.claimDue({owner: o.owner, now: now(), leaseMs: timeoutMs + 5000, limit: 8});
			for (const d of due) {
				const p: Promise<void> = send(d)
					.catch((error: unknown) => log(`webhook ${d.id}: ${String(error)}`))
					.finally(() => inFlight.delete(p));
				inFlight.add(p);
			}
		} catch (error) {
			log(`webhooks: ${error instanceof Error ? error.message : String(error)}`);
		}
	};

	return {
		start(): void {
			if (timer) return;
			timer = setInterval(() => void tick(), pollMs);
			void tick();
		},
		/** Stops looking for deliveries, waits for those in flight, then gives back leases. */
		async stop(): Promise<void> {
			if (timer) clearInterval(timer);
			timer = null;
			// A look for deliveries under way may still add some in flight.
			await ticking;
			await Promise.all([...inFlight]);
			await deliveries.release(o.owner);
		},
	};
};
