import {z} from 'zod';

/** Every status a job can have, in the order a job usually passes through them. */
export const JOB_STATUSES = ['queued', 'planning', 'fetching', 'voicing', 'rendering', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A worker holds a lease on a job in one of these. */
export const RUNNING_STATUSES = ['planning', 'fetching', 'voicing', 'rendering'] as const satisfies readonly JobStatus[];
export type RunningStatus = (typeof RUNNING_STATUSES)[number];

export const TERMINAL_STATUSES = ['done', 'failed', 'cancelled'] as const satisfies readonly JobStatus[];

export const jobStatusSchema = z
	.enum(JOB_STATUSES)
	.describe('queued (waiting for a worker), planning, fetching, voicing, rendering (a worker holds it), then done, failed or cancelled.');

export const isRunning = (status: string): status is RunningStatus => (RUNNING_STATUSES as readonly string[]).includes(status);
export const isTerminal = (status: string): boolean => (TERMINAL_STATUSES as readonly string[]).includes(status);

/**
 * The status a pipeline stage belongs to: generate's planning/voicing/fetching map to themselves,
 * everything of the render (bundling, rendering, encoding, poster, captions) is `rendering`.
 */
export const statusOfStage = (stage: string): RunningStatus => {
	if (stage === 'planning' || stage === 'fetching' || stage === 'voicing') return stage;
	return 'rendering';
};
