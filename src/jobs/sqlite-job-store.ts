import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import Database from 'better-sqlite3';
import {openSqliteBatchStore} from './batches/sqlite-batch-store';
import {openSqliteAssetStore} from './sqlite-asset-store';
import {openSqliteIdempotencyKeys} from './sqlite-idempotency-keys';
import {openSqliteWebhookDeliveries} from './sqlite-webhook-deliveries';
import {reapStep} from './reap-step';
import {priorityOfRank} from './job-priority';
import {firstStatus, fromEventRow, fromRow, insertParams} from './job-row';
import type {JobStore} from './job-store';
import {migrateJobStore, retryWhileLocked} from './job-store-migrations';
import {listJobsSql, prepareJobStatements, type JobRow} from './job-store-statements';
import type {CancelOutcome, JobRecord, NewJob, ReapedJob} from './job-types';

/**
 * The job store in one SQLite file shared by every process on the data dir (servers, MCP servers).
 * Writes that decide who runs a job happen in IMMEDIATE transactions, so two processes never
 * both claim it; every write of a running job is conditioned on the caller still holding the
 * lease, so a worker that lost its lease can no longer change the job. better-sqlite3 is
 * synchronous: each method does its work at once and resolves (see JobStore for the contract).
 */
export const openSqliteJobStore = (o: {file: string}): JobStore => {
	mkdirSync(dirname(o.file), {recursive: true});
	// The busy timeout comes first: several processes may open a new data dir at the same moment,
	// and switching to WAL needs a moment of exclusive access.
	const db = new Database(o.file, {timeout: 10_000});
	db.pragma('busy_timeout = 10000');
	retryWhileLocked(() => db.pragma('journal_mode = WAL'));
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	migrateJobStore(db);
	const stmt = prepareJobStatements(db);

	/** Records the job's new state as an event; a job that just ended done or failed queues its webhook. */
	const changed = (id: string, now: number, ended = false): void => {
		stmt.event.run({id, now});
		if (ended) stmt.enqueueWebhook.run({id, now});
	};

	const webhooks = openSqliteWebhookDeliveries(db);
	const load = (row: JobRow): JobRecord => {
		const job = fromRow(row);
		return row.webhook ? {...job, webhookDeliveries: webhooks.ofJobNow(row.id)} : job;
	};

	const get = (id: string): JobRecord | null => {
		const row = stmt.get.get(id);
		return row ? load(row) : null;
	};

	/** Ends the runs of workers that stopped sending heartbeats: retry, fail, or finish a cancel. */
	const reapExpiredTx = (now: number): ReapedJob[] => {
		const reaped: ReapedJob[] = [];
		for (const row of stmt.expired.all(now)) {
			const job = fromRow(row);
			const step = reapStep(job);
			if (step.outcome === 'requeued') {
				const warnings = JSON.stringify(step.warnings);
				stmt.requeue.run({id: job.id, worker: null, stage: 'requeued', warnings, refund: 0, run_after: now, now});
				changed(job.id, now);
			} else {
				stmt.endExpired.run({id: job.id, status: step.status, error_code: step.errorCode, error_message: step.errorMessage, now});
				changed(job.id, now, step.notify);
			}
			reaped.push({id: job.id, outcome: step.outcome, attempts: job.attempts});
			stmt.runEndAny.run(now, 'lost', job.id);
		}
		return reaped;
	};

	const idempotencyKeys = openSqliteIdempotencyKeys(db);
	const insertNow = (job: NewJob, now: number): JobRecord => {
		stmt.insert.run(insertParams(job, now));
		changed(job.id, now, Boolean(job.done));
		return get(job.id)!;
	};

	const reapTx = db.transaction(reapExpiredTx);
	const claimTx = db.transaction((worker: string, now: number, leaseMs: number, cap: number) => {
		const reaped = reapExpiredTx(now);
		const next = stmt.nextQueued.get({now, cap});
		if (!next) return {job: null, reaped};
		const current = get(next.id);
		if (!current) return {job: null, reaped};
		const claimed = stmt.claim.run({id: next.id, status: firstStatus(current.kind), worker, expires: now + leaseMs, now}).changes;
		if (claimed !== 1) return {job: null, reaped};
		stmt.runStart.run(next.id, current.attempts + 1, worker, now);
		changed(next.id, now);
		return {job: get(next.id), reaped};
	});

	return {
		async insert(job: NewJob, now: number): Promise<JobRecord> {
			return db.transaction(() => insertNow(job, now)).immediate();
		},

		async insertWithKey(job, now, key) {
			return db
				.transaction(() => {
					const earlier = idempotencyKeys.findNow({...key, now});
					if (earlier.state === 'conflict') return {state: 'conflict' as const};
					if (earlier.state === 'replay') return {state: 'replay' as const, job: get(earlier.jobId)!};
					const created = insertNow(job, now);
					idempotencyKeys.recordNow({...key, jobId: job.id, now});
					return {state: 'created' as const, job: created};
				})
				.immediate();
		},

		get: async (id) => get(id),

		async list(q) {
			const {sql, params} = listJobsSql(q);
			const rows = db.prepare<(string | number)[], JobRow>(sql).all(...params);
			return {jobs: rows.slice(0, q.limit).map(load), more: rows.length > q.limit};
		},

		doneWithHash: async (hash) => stmt.doneByHash.all(hash).map(fromRow),

		claim: async (o) => claimTx.immediate(o.worker, o.now, o.leaseMs, o.maxRunningPerOwner ?? 0),

		reapExpired: async (now) => reapTx.immediate(now),

		async heartbeat(o) {
			const ok = stmt.heartbeat.run({id: o.id, worker: o.worker, expires: o.now + o.leaseMs}).changes === 1;
			const flag = ok ? stmt.cancelFlag.get(o.id) : undefined;
			return {ok, cancelRequested: flag?.cancel_requested === 1};
		},

		async updateProgress(o) {
			return db
				.transaction(() => {
					const ok =
						stmt.progress.run({
							id: o.id,
							worker: o.worker,
							status: o.status,
							stage: o.stage,
							progress: o.progress,
							warnings: JSON.stringify(o.warnings),
							now: o.now,
						}).changes === 1;
					if (ok) changed(o.id, o.now);
					return ok;
				})
				.immediate();
		},

		async finish(o) {
			return db
				.transaction(() => {
					const n = stmt.finish.run({
						id: o.id,
						worker: o.worker,
						status: o.status,
						stage: o.status === 'done' ? 'done' : null,
						progress: o.status === 'done' ? 1 : 0,
						warnings: JSON.stringify(o.warnings),
						files: JSON.stringify(o.files ?? []),
						output_dir: o.outputDir ?? null,
						error_code: o.error?.code ?? null,
						error_message: o.error?.message ?? null,
						now: o.now,
					}).changes;
					if (n === 1) {
						stmt.runEnd.run(o.now, o.status, o.id, o.worker);
						changed(o.id, o.now, o.status !== 'cancelled');
					}
					return n === 1;
				})
				.immediate();
		},

		async requeue(o) {
			return db
				.transaction(() => {
					const n = stmt.requeue.run({
						id: o.id,
						worker: o.worker,
						stage: o.refund ? 'released' : 'retrying',
						warnings: JSON.stringify(o.warnings),
						refund: o.refund ? 1 : 0,
						run_after: o.runAfter,
						now: o.now,
					}).changes;
					if (n === 1) {
						stmt.runEnd.run(o.now, o.reason, o.id, o.worker);
						changed(o.id, o.now);
					}
					return n === 1;
				})
				.immediate();
		},

		async requestCancel(id, now) {
			return db
				.transaction((): {job: JobRecord; outcome: CancelOutcome} | null => {
					const job = get(id);
					if (!job) return null;
					if (job.status === 'queued') {
						stmt.cancelQueued.run({id, message: 'Cancelled by request before it started.', now});
						changed(id, now);
						return {job: get(id)!, outcome: 'cancelled' as const};
					}
					if (job.status === 'cancelled') return {job, outcome: 'already-cancelled' as const};
					if (job.status === 'done' || job.status === 'failed') return {job, outcome: 'finished' as const};
					stmt.requestCancel.run({id, now});
					return {job: get(id)!, outcome: 'requested' as const};
				})
				.immediate();
		},

		async delete(id) {
			return db
				.transaction(() => {
					const job = get(id);
					if (!job) return null;
					stmt.delete.run(id);
					stmt.deleteRuns.run(id);
					stmt.deleteEvents.run(id);
					stmt.deleteAttempts.run(id);
					stmt.deleteDeliveries.run(id);
					return job;
				})
				.immediate();
		},

		finishedBefore: async (before) => stmt.finishedBefore.all(before).map(fromRow),

		async counts() {
			return Object.fromEntries(stmt.counts.all().map((r) => [r.status, r.n]));
		},

		async stats() {
			return {
				jobs: stmt.statsJobs
					.all()
					.map((r) => ({status: r.status, template: r.template ?? 'unknown', priority: priorityOfRank(r.priority), n: r.n})),
				oldestQueuedAt: stmt.statsOldestQueued.get()?.at ?? null,
				runningByOwner: stmt.statsRunningByOwner.all(),
				webhookDeliveries: stmt.statsDeliveries.all(),
			};
		},

		eventsAfter: async (id, afterSeq, limit = 100) => stmt.eventsAfter.all(id, afterSeq, limit).map(fromEventRow),

		runs: async (id) => stmt.runs.all(id),

		webhooks,
		idempotencyKeys,
		assets: openSqliteAssetStore(db),
		batches: openSqliteBatchStore(db, {insertJob: insertNow, deliveriesOf: webhooks.ofJobNow}),

		async close() {
			if (db.open) db.close();
		},
	};
};
