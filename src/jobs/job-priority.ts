/** How urgent a job is: claims take `high` before `normal` before `low`, oldest first within each. */
export const JOB_PRIORITIES = ['high', 'normal', 'low'] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

/** The stored rank of a priority (0 = most urgent): a store orders claims by it, then by age. */
export const priorityRank = (priority: JobPriority): number => JOB_PRIORITIES.indexOf(priority);

/** The priority of a stored rank; an unknown rank reads as `normal`. */
export const priorityOfRank = (rank: number): JobPriority => JOB_PRIORITIES[rank] ?? 'normal';
