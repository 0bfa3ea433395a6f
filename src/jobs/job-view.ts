import type {JobView} from './job-schemas';
import type {JobRecord, Webhook, WebhookDelivery} from './job-types';
import {publicMessage} from './public-message';

const iso = (ms: number) => new Date(ms).toISOString();

/** A webhook and its deliveries as a job or a batch shows them. */
export const toWebhookView = (webhook: Webhook | null, deliveries: WebhookDelivery[]): JobView['webhook'] =>
	webhook
		? {
				url: webhook.url,
				metadata: webhook.metadata ?? null,
				deliveries: deliveries.map((d) => ({
					event: d.event,
					state: d.state,
					nextAttemptAt: d.state === 'pending' ? iso(d.nextAt) : null,
					attempts: d.attempts.map((a) => ({at: iso(a.at), status: a.status, error: a.error})),
				})),
			}
		: null;

/**
 * The public shape of a job, as REST answers it, MCP returns it and webhooks send it;
 * `baseUrl` (the REST API's origin) makes its links absolute.
 */
export const toJobView = (job: JobRecord, baseUrl: string): JobView => {
	const self = `${baseUrl}/v1/videos/${job.id}`;
	const done = job.status === 'done';
	return {
		id: job.id,
		kind: job.kind,
		status: job.status,
		priority: job.priority,
		key: job.owner,
		stage: job.stage,
		progress: job.progress,
		// Messages as callers see them: no paths of this machine, command lines or backtraces (public-message.ts).
		warnings: job.warnings.map((w) => ({...w, message: publicMessage(w.message)})),
		error: job.error ? {code: job.error.code, message: publicMessage(job.error.message)} : null,
		attempts: job.attempts,
		maxAttempts: job.maxAttempts,
		cached: job.cached,
		createdAt: new Date(job.createdAt).toISOString(),
		updatedAt: new Date(job.updatedAt).toISOString(),
		files: done ? Object.fromEntries(job.files.map((name) => [name, `${self}/files/${name}`])) : {},
		webhook: toWebhookView(job.webhook, job.webhookDeliveries),
		links: {self, cancel: `${self}/cancel`, events: `${self}/events`},
	};
};
