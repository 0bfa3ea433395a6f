import type {JobRecord} from '../job-types';
import {toJobView, toWebhookView} from '../job-view';
import type {BatchView} from './batch-schemas';
import type {BatchRecord} from './batch-types';

const iso = (ms: number) => new Date(ms).toISOString();

/** The public shape of a batch with its jobs (null: deleted), as REST, MCP and the batch.done webhook send it. */
export const toBatchView = (batch: BatchRecord, jobs: (JobRecord | null)[], baseUrl: string): BatchView => {
	const items = batch.jobIds.map((id, index): BatchView['items'][number] => {
		const job = jobs[index];
		if (!job)
			return {index, id, status: 'deleted', stage: null, progress: 0, error: null, files: {}, links: {self: `${baseUrl}/v1/videos/${id}`}};
		const v = toJobView(job, baseUrl);
		return {index, id, status: v.status, stage: v.stage, progress: v.progress, error: v.error, files: v.files, links: {self: v.links.self}};
	});
	const counts: Record<string, number> = {};
	for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1;
	return {
		id: batch.id,
		status: batch.status,
		total: items.length,
		counts,
		items,
		webhook: toWebhookView(batch.webhook, batch.webhookDeliveries),
		createdAt: iso(batch.createdAt),
		finishedAt: batch.finishedAt === null ? null : iso(batch.finishedAt),
		links: {self: `${baseUrl}/v1/batches/${batch.id}`},
	};
};
