import {isTerminal, type JobRecord, type JobStatus} from '../../jobs';

export type ProgressUpdate = {progress: number; total: number; message: string};

export type WaitForJobOptions = {
	getJob: () => Promise<JobRecord>;
	timeoutMs: number;
	/** Called when the job moves, and at least every `heartbeatMs` while it waits (so a client's timeout is reset). */
	onProgress: (update: ProgressUpdate) => Promise<void>;
	/** The request was cancelled: stop waiting (the job goes on). */
	signal: AbortSignal;
	pollMs?: number;
	heartbeatMs?: number;
};

const TOTAL = 100;
/** Where each status sits on one 0..100 scale: stage progress (0..1) moves inside its band. */
const BANDS: Record<JobStatus, [number, number]> = {
	queued: [0, 0],
	planning: [0, 10],
	fetching: [10, 25],
	voicing: [25, 45],
	rendering: [45, 99],
	done: [100, 100],
	failed: [100, 100],
	cancelled: [100, 100],
};

const overall = (job: JobRecord): number => {
	const [from, to] = BANDS[job.status];
	return from + (to - from) * Math.min(1, Math.max(0, job.progress));
};

const messageOf = (job: JobRecord): string =>
	isTerminal(job.status)
		? job.status
		: `${job.status}${job.stage && job.stage !== job.status ? ` (${job.stage})` : ''} ${Math.round(job.progress * 100)}%`;

const sleep = (ms: number, signal: AbortSignal) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}
		signal.addEventListener('abort', done, {once: true});
	});

/**
 * Follows a job until it ends, the time limit passes or the request is cancelled, reporting
 * progress on one 0..100 scale that only ever increases (MCP requires it): a heartbeat while
 * nothing moves adds a sliver, so queued or slow stages still reset the client's timeout.
 */
/** Pause between the final progress notification and the result (see waitForJob). */
const FINAL_NOTIFICATION_GAP_MS = 50;

export const waitForJob = async (o: WaitForJobOptions): Promise<{job: JobRecord; timedOut: boolean}> => {
	const pollMs = o.pollMs ?? 250;
	const heartbeatMs = o.heartbeatMs ?? 5000;
	const end = Date.now() + o.timeoutMs;
	let sent = -1;
	let lastKey = '';
	let lastAt = 0;
	for (;;) {
		const job = await o.getJob();
		const terminal = isTerminal(job.status);
		const key = `${job.status}:${job.stage}`;
		const target = terminal ? TOTAL : Math.min(overall(job), TOTAL - 0.01);
		const due = terminal || key !== lastKey || target - sent >= 1 || Date.now() - lastAt >= heartbeatMs;
		if (due && (terminal ? sent < TOTAL : true)) {
			const value = terminal ? TOTAL : Math.max(target, sent + (TOTAL - 0.01 - Math.max(sent, 0)) / 1000);
			sent = value;
			lastKey = key;
			lastAt = Date.now();
			await o.onProgress({progress: value, total: TOTAL, message: messageOf(job)}).catch(() => undefined);
		}
		if (terminal) {
			// The SDK's client hands notifications to their handler on a later tick but settles the
			// response at once, so a final notification written right before the result can find its
			// progress handler gone. A short pause lets the client see "done" before the result.
			await new Promise((resolve) => setTimeout(resolve, FINAL_NOTIFICATION_GAP_MS));
			return {job, timedOut: false};
		}
		if (o.signal.aborted || Date.now() >= end) return {job, timedOut: true};
		await sleep(Math.min(pollMs, Math.max(0, end - Date.now())), o.signal);
	}
};
