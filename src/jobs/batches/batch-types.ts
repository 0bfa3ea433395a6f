import type {Webhook, WebhookDelivery} from '../job-types';

/** A batch ends `done` once every one of its jobs has ended (done, failed or cancelled) or is gone. */
export type BatchStatus = 'running' | 'done';

/** A batch as stored: its items are jobs, linked by position. Times are ms since the epoch. */
export type BatchRecord = {
	id: string;
	/** Who sent it (as JobRecord.owner). */
	owner: string | null;
	/** Where `batch.done` is POSTed when the batch ends. */
	webhook: Webhook | null;
	status: BatchStatus;
	/** Item n (0-based, in the order sent) is job `jobIds[n]`. */
	jobIds: string[];
	createdAt: number;
	finishedAt: number | null;
	/** Deliveries of `batch.done` (they share the webhook deliveries table, keyed by the batch id). */
	webhookDeliveries: WebhookDelivery[];
};

export type NewBatch = Pick<BatchRecord, 'id' | 'owner' | 'webhook'>;
