import {PromptreelError} from '../pipeline/errors';
import type {JobWarning} from './job-schemas';
import {statusOfStage} from './job-status';
import type {JobStore} from './job-store';
import type {JobObserver, AttemptOutcome} from './job-observer';
import type {JobError, JobRecord, ReapedJob} from './job-types';
import type {JobsLog} from './jobs-log';
import {templateOf} from './template-of';
import type {JobRunner, RunResult} from './run-job';

export type WorkerPoolOptions = {
	store: JobStore;
	run: JobRunner;
	/** Identifies this worker in leases: unique per process. */
	workerId: string;
	/** Jobs run at once (they share the runner's renderer); 0 runs none. */
	concurrency: number;
	/** A job whose worker sends no heartbeat for this long may be taken by another worker. */
	leaseMs: number;
	/** Jobs of one owner (API key) running at once across every worker (PROMPTREEL_MAX_RUNNING_PER_KEY); absent or 0: no cap. */
	maxRunningPerOwner?: number | undefined;
	/** Told of starts, stages and ends (metrics). */
	observer?: JobObserver | undefined;
	/** How often an idle pool looks for work and a busy one checks for cancels. Default 500 ms. */
	pollMs?: number;
	/** Delay before a job that failed with a retryable error runs again: `backoffMs * attempt`. Default 2000. */
	backoffMs?: number;
	/** Shortest interval between two progress writes of one job. Default 250 ms. */
	progressWriteMs?: number;
	now?: () => number;
	log?: JobsLog;
	onReaped?: (reaped: ReapedJob[]) => void;
};

/** How long a shutdown waits for aborted runs to wind down before releasing their jobs anyway. */
const RELEASE_WAIT_MS = 10_000;

/** Why a run was aborted; decides what happens to the job afterwards. */
type AbortReason = 'cancel' | 'timeout' | 'lease-lost' | 'shutdown';

type Active = {job: JobRecord; controller: AbortController; done: Promise<void>; beat: () => Promise<void>};

const errorOf = (error: unknown): {code: string; message: string; retryable: boolean} => {
	if (error instanceof PromptreelError) return {code: error.code, message: error.message, retryable: error.retryable};
	return {code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), retryable: false};
};

export type WorkerPool = ReturnType<typeof createWorkerPool>;

/**
 * Takes jobs from the shared store and runs them, at most `concurrency` at once. Each running job
 * holds a lease renewed by a heartbeat every poll; a worker that stops (crash, kill -9, a hung
 * event loop) stops renewing it, and after `leaseMs` any worker on the data dir reaps the job:
 * another attempt, or a visible failure when no attempts are left.
 */
export const createWorkerPool = (o: WorkerPoolOptions) => {
	const pollMs = o.pollMs ?? 500;
	const backoffMs = o.backoffMs ?? 2000;
	const progressWriteMs = o.progressWriteMs ?? 250;
	const now = o.now ?? Date.now;
	const log = o.log ?? (() => undefined);
	const active = new Map<string, Active>();
	let timer: NodeJS.Timeout | null = null;
	let stopping = false;

	const reaped = (list: ReapedJob[]) => {
		for (const r of list)
			log(`job ${r.id}: worker lost during attempt ${r.attempts} -> ${r.outcome}`, {jobId: r.id, level: 'warn', outcome: r.outcome});
		if (list.length > 0) o.onReaped?.(list);
	};

	const runOne = (job: JobRecord): Active => {
		const controller = new AbortController();
		const abort = (reason: AbortReason) => {
			if (!controller.signal.aborted) controller.abort(reason);
		};
		const warnings: JobWarning[] = [...job.warnings];
		let stage = job.stage ?? 'starting';
		const runStart = now();
		let stageStart = runStart;
		const fields = {jobId: job.id, attempt: job.attempts, priority: job.priority, key: job.owner};
		/** Closes the current stage: one log line with its duration, and the observer. */
		const endStage = (t: number) => {
			const durationMs = t - stageStart;
			stageStart = t;
			log(`job ${job.id}: stage ${stage} took ${durationMs} ms`, {...fields, stage, durationMs});
			o.observer?.stageEnded?.({job, stage, durationMs});
		};
		/** The end of the attempt, logged and observed once. */
		const ended = (outcome: AttemptOutcome, message: string, error: JobError | null, result?: RunResult) => {
			const t = now();
			endStage(t);
			const durationMs = t - runStart;
			const level = outcome === 'failed' || outcome === 'lost' ? 'warn' : 'info';
			log(`job ${job.id}: ${message}`, {...fields, outcome, durationMs, level, ...(error ? {error: error.code} : {})});
			o.observer?.ended?.({job, outcome, durationMs, error, ...(result ? {result} : {})});
		};
		let lastWrite = 0;
		let leaseLost = false;
		const loseLease = () => {
			leaseLost = true;
			abort('lease-lost');
		};
		// Progress comes in synchronous callbacks: a write starts at once when none is under way and
		// waits for the one before otherwise, so writes reach the store in order; the end of the run
		// waits for them before writing the outcome.
		let writes: Promise<void> | null = null;
		const writeProgress = (status: ReturnType<typeof statusOfStage>, progress: number, force: boolean) => {
			const t = now();
			if (!force && t - lastWrite < progressWriteMs) return;
			lastWrite = t;
			const snapshot = {id: job.id, worker: o.workerId, status, stage, progress, warnings: [...warnings], now: t};
			const write = () =>
				o.store.updateProgress(snapshot).then(
					(ok) => {
						if (!ok) loseLease();
					},
					(error: unknown) =>
						log(`job ${job.id}: progress not saved: ${error instanceof Error ? error.message : String(error)}`, {...fields, level: 'warn'}),
				);
			const next: Promise<void> = writes ? writes.then(write) : write();
			writes = next;
			void next.then(() => {
				if (writes === next) writes = null;
			});
		};
		let status = statusOfStage(job.kind === 'prompt' ? 'planning' : 'rendering');

		/** Renews this run's lease; a lease another worker took ends the run, a cancel flag aborts it. */
		const beat = (): Promise<void> =>
			o.store.heartbeat({id: job.id, worker: o.workerId, now: now(), leaseMs: o.leaseMs}).then(
				(result) => {
					if (!result.ok) loseLease();
					else if (result.cancelRequested) abort('cancel');
				},
				(error: unknown) =>
					log(`job ${job.id}: heartbeat failed: ${error instanceof Error ? error.message : String(error)}`, {...fields, level: 'warn'}),
			);
		const heartbeat = setInterval(() => void beat(), Math.min(pollMs, Math.max(50, Math.floor(o.leaseMs / 3))));
		const timeout = setTimeout(() => abort('timeout'), job.timeoutMs);

		const done = (async () => {
			const waitedMs = Math.max(0, runStart - job.createdAt);
			log(`job ${job.id}: attempt ${job.attempts} of ${job.maxAttempts} started by ${o.workerId}`, {
				...fields,
				stage,
				waitedMs,
				template: templateOf(job),
			});
			o.observer?.started?.({job, waitedMs});
			try {
				const result = await o.run(job, {
					signal: controller.signal,
					onProgress: (p) => {
						const next = statusOfStage(p.stage);
						const changed = p.stage !== stage || next !== status;
						if (p.stage !== stage) endStage(now());
						stage = p.stage;
						status = next;
						writeProgress(status, p.progress, changed || p.progress >= 1);
					},
					onWarning: (message) => {
						warnings.push({stage, code: 'WARNING', message});
						writeProgress(status, 0, true);
					},
				});
				await writes;
				if (leaseLost) return;
				const finished = await o.store.finish({
					id: job.id,
					worker: o.workerId,
					status: 'done',
					warnings: [...job.warnings, ...result.warnings],
					files: result.files,
					outputDir: result.outputDir,
					now: now(),
				});
				if (finished) ended('done', 'done', null, result);
				else ended('lost', 'finished after losing its lease (result dropped)', null);
			} catch (error) {
				await writes;
				const reason = controller.signal.reason as AbortReason | undefined;
				const t = now();
				const e = errorOf(error);
				if (leaseLost || reason === 'lease-lost') {
					ended('lost', 'lost its lease; another worker owns it now', null);
				} else if (reason === 'cancel') {
					await o.store.finish({
						id: job.id,
						worker: o.workerId,
						status: 'cancelled',
						warnings,
						error: {code: 'CANCELLED', message: 'Cancelled by request while running.'},
						now: t,
					});
					ended('cancelled', 'cancelled', {code: 'CANCELLED', message: 'Cancelled by request while running.'});
				} else if (reason === 'shutdown') {
					await o.store.requeue({id: job.id, worker: o.workerId, now: t, runAfter: t, warnings, refund: true, reason: 'released'});
					ended('released', 'released on shutdown (back in the queue)', null);
				} else if (reason === 'timeout') {
					const message = `The job ran longer than its timeout of ${Math.round(job.timeoutMs / 1000)} s (PROMPTREEL_JOB_TIMEOUT_SEC) and was stopped.`;
					await o.store.finish({id: job.id, worker: o.workerId, status: 'failed', warnings, error: {code: 'JOB_TIMEOUT', message}, now: t});
					ended('failed', 'timed out', {code: 'JOB_TIMEOUT', message});
				} else if (e.retryable && job.attempts < job.maxAttempts) {
					const runAfter = t + backoffMs * job.attempts;
					warnings.push({stage, code: e.code, message: `Attempt ${job.attempts} failed: ${e.message} Retrying.`});
					await o.store.requeue({id: job.id, worker: o.workerId, now: t, runAfter, warnings, refund: false, reason: 'retry'});
					ended('retrying', `attempt ${job.attempts} failed (${e.code}), retrying`, {code: e.code, message: e.message});
				} else {
					await o.store.finish({
						id: job.id,
						worker: o.workerId,
						status: 'failed',
						warnings,
						error: {code: e.code, message: e.message},
						now: t,
					});
					ended('failed', `failed (${e.code}: ${e.message})`, {code: e.code, message: e.message});
				}
			} finally {
				clearInterval(heartbeat);
				clearTimeout(timeout);
				active.delete(job.id);
			}
		})();
		return {job, controller, done, beat};
	};

	let ticking: Promise<void> | null = null;
	/** Looks for work once; a look already under way is not started twice. */
	const tick = (): Promise<void> => {
		ticking ??= lookForWork().finally(() => (ticking = null));
		return ticking;
	};
	const lookForWork = async () => {
		try {
			if (stopping) return;
			// The reaper below must not take this process's own runs: after a stalled event loop (a
			// busy machine) the poll can fire before the heartbeat does, and a live run would be reaped
			// and claimed again as a new attempt. A process alive enough to reap renews its own first.
			await Promise.all([...active.values()].map((a) => a.beat()));
			if (active.size >= o.concurrency) {
				reaped(await o.store.reapExpired(now()));
				return;
			}
			while (!stopping && active.size < o.concurrency) {
				const claimed = await o.store.claim({
					worker: o.workerId,
					now: now(),
					leaseMs: o.leaseMs,
					maxRunningPerOwner: o.maxRunningPerOwner,
				});
				reaped(claimed.reaped);
				if (!claimed.job) break;
				const run = runOne(claimed.job);
				active.set(claimed.job.id, run);
				void run.done.then(() => setImmediate(() => void tick()));
			}
		} catch (error) {
			log(`worker: ${error instanceof Error ? error.message : String(error)}`);
		}
	};

	return {
		workerId: o.workerId,
		concurrency: o.concurrency,
		start(): void {
			if (timer) return;
			timer = setInterval(() => void tick(), pollMs);
			void tick();
		},
		/** Looks for work now (a job was just submitted in this process). */
		wake(): void {
			if (timer) setImmediate(() => void tick());
		},
		/** Aborts a job this process runs (cancel requested through this process); the heartbeat catches the others. */
		cancel(id: string): void {
			const run = active.get(id);
			if (run && !run.controller.signal.aborted) run.controller.abort('cancel' satisfies AbortReason);
		},
		running: (): string[] => [...active.keys()],
		/**
		 * Stops taking jobs, lets running ones finish for up to `graceMs`, then aborts and releases
		 * the rest to the queue (their attempt is not counted) and waits for them to wind down.
		 */
		async stop(options: {graceMs: number}): Promise<void> {
			stopping = true;
			if (timer) clearInterval(timer);
			timer = null;
			// A claim under way finishes first, so the job it takes is seen below.
			await ticking;
			const all = () => Promise.all([...active.values()].map((a) => a.done));
			if (active.size === 0) return;
			let graceTimer: NodeJS.Timeout | undefined;
			const graceOver = new Promise<'grace'>((resolve) => (graceTimer = setTimeout(() => resolve('grace'), options.graceMs)));
			const first = await Promise.race([all().then(() => 'finished' as const), graceOver]);
			clearTimeout(graceTimer);
			if (first === 'finished') return;
			for (const a of active.values()) a.controller.abort('shutdown' satisfies AbortReason);
			// A stage that ignores its signal must not hold the process: release what is left directly.
			let capTimer: NodeJS.Timeout | undefined;
			const cap = new Promise<'cap'>((resolve) => (capTimer = setTimeout(() => resolve('cap'), RELEASE_WAIT_MS)));
			await Promise.race([all(), cap]);
			clearTimeout(capTimer);
			for (const a of active.values()) {
				const t = now();
				await o.store.requeue({
					id: a.job.id,
					worker: o.workerId,
					now: t,
					runAfter: t,
					warnings: a.job.warnings,
					refund: true,
					reason: 'released',
				});
				log(`job ${a.job.id}: released on shutdown (its run did not stop in time)`, {jobId: a.job.id, level: 'warn'});
			}
		},
	};
};
