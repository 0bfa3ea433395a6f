import type {GenerateOptions} from '../pipeline/generate';
import {priorityOfRank, priorityRank} from './job-priority';
import type {JobWarning} from './job-schemas';
import type {RunningStatus} from './job-status';
import type {EventRow, JobRow} from './job-store-statements';
import type {JobEvent, JobInput, JobKind, JobRecord, NewJob, Webhook} from './job-types';
import {templateOf} from './template-of';

// Rows of the job tables as records, shared by the SQLite and Postgres stores (same columns).

/** A `jobs` row (SQLite or Postgres: the same columns) as a JobRecord, without its webhook deliveries. */
export const fromRow = (r: JobRow): JobRecord => ({
	seq: r.seq,
	id: r.id,
	kind: r.kind,
	input: JSON.parse(r.input) as JobInput,
	options: JSON.parse(r.options) as GenerateOptions,
	webhook: r.webhook ? (JSON.parse(r.webhook) as Webhook) : null,
	contentHash: r.content_hash,
	priority: priorityOfRank(r.priority),
	owner: r.owner,
	status: r.status,
	stage: r.stage,
	progress: r.progress,
	warnings: JSON.parse(r.warnings) as JobWarning[],
	error: r.error_code ? {code: r.error_code, message: r.error_message ?? ''} : null,
	files: JSON.parse(r.files) as string[],
	outputDir: r.output_dir,
	cached: r.cached === 1,
	attempts: r.attempts,
	maxAttempts: r.max_attempts,
	timeoutMs: r.timeout_ms,
	runAfter: r.run_after,
	leaseOwner: r.lease_owner,
	leaseExpiresAt: r.lease_expires_at,
	cancelRequested: r.cancel_requested === 1,
	createdAt: r.created_at,
	updatedAt: r.updated_at,
	startedAt: r.started_at,
	finishedAt: r.finished_at,
	webhookDeliveries: [],
});

/** A `job_events` row as a JobEvent. */
export const fromEventRow = (r: EventRow): JobEvent => ({
	id: r.seq,
	type: r.type as JobEvent['type'],
	status: r.status,
	stage: r.stage,
	progress: r.progress,
	error: r.error_code ? {code: r.error_code, message: r.error_message ?? ''} : null,
	at: r.at,
});

/** The status a claimed job starts in. */
export const firstStatus = (kind: JobKind): RunningStatus => (kind === 'prompt' ? 'planning' : 'rendering');

/** The column values of a new `jobs` row (queued, or done when answered from the cache); `now` is also created_at/updated_at. */
export const insertParams = (job: NewJob, now: number) => ({
	id: job.id,
	kind: job.kind,
	input: JSON.stringify(job.input),
	options: JSON.stringify(job.options),
	webhook: job.webhook ? JSON.stringify(job.webhook) : null,
	content_hash: job.contentHash,
	priority: priorityRank(job.priority ?? 'normal'),
	owner: job.owner ?? null,
	template: templateOf(job),
	status: job.done ? 'done' : 'queued',
	stage: job.done ? 'cached' : null,
	progress: job.done ? 1 : 0,
	warnings: JSON.stringify(job.done?.warnings ?? []),
	files: JSON.stringify(job.done?.files ?? []),
	output_dir: job.done?.outputDir ?? null,
	cached: job.done ? 1 : 0,
	max_attempts: job.maxAttempts,
	timeout_ms: job.timeoutMs,
	run_after: now,
	now,
	finished_at: job.done ? now : null,
});
