import type {JobWarning} from './job-schemas';
import type {JobRecord, ReapedJob} from './job-types';

/** What the reaper does with a job whose lease expired: end it (cancelled or failed) or requeue it. */
export type ReapStep =
	| {outcome: 'cancelled' | 'failed'; status: 'cancelled' | 'failed'; errorCode: string; errorMessage: string; notify: boolean}
	| {outcome: 'requeued'; warnings: JobWarning[]};

/**
 * Decides the end of a run whose worker stopped sending heartbeats; both job stores apply it in
 * the transaction that reaps the job, so they say the same thing to callers.
 */
export const reapStep = (job: JobRecord): ReapStep & {outcome: ReapedJob['outcome']} => {
	// The worker's name (host:pid) stays in job_runs: messages are shown to callers.
	const lost = `The worker running attempt ${job.attempts} stopped sending heartbeats (crashed or was killed).`;
	if (job.cancelRequested)
		return {outcome: 'cancelled', status: 'cancelled', errorCode: 'CANCELLED', errorMessage: 'Cancelled by request.', notify: false};
	if (job.attempts >= job.maxAttempts)
		return {
			outcome: 'failed',
			status: 'failed',
			errorCode: 'WORKER_LOST',
			errorMessage: `${lost} No attempts left (${job.attempts} of ${job.maxAttempts}).`,
			notify: true,
		};
	return {
		outcome: 'requeued',
		warnings: [...job.warnings, {stage: job.stage ?? job.status, code: 'WORKER_LOST', message: `${lost} Retrying.`}],
	};
};
