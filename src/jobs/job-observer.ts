import type {JobError, JobRecord} from './job-types';
import type {RunResult} from './run-job';

/** How one attempt of a job ended in this process. */
export type AttemptOutcome = 'done' | 'failed' | 'cancelled' | 'retrying' | 'released' | 'lost';

/**
 * What the workers and the webhook sender of this process report as they go, for metrics
 * (src/server/metrics): every hook is optional, synchronous and must not throw.
 */
export type JobObserver = {
	/** A job was stored by this process's service (queued, or done at once from the render cache). */
	created?(e: {job: JobRecord}): void;
	/** A worker of this process claimed the job; `waitedMs`: since it was submitted. */
	started?(e: {job: JobRecord; waitedMs: number}): void;
	/** A stage of a running job ended (the next one began, or the run ended). */
	stageEnded?(e: {job: JobRecord; stage: string; durationMs: number}): void;
	/** An attempt ended; `result` when done. */
	ended?(e: {job: JobRecord; outcome: AttemptOutcome; durationMs: number; error: JobError | null; result?: RunResult}): void;
	/** An attempt to deliver a webhook ended. */
	webhookAttempt?(e: {jobId: string; event: string; outcome: 'delivered' | 'retrying' | 'failed'; status: number | null}): void;
};
