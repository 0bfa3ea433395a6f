import type {PoolClient} from 'pg';
import {priorityOfRank} from '../job-priority';
import {firstStatus, fromEventRow, fromRow, insertParams} from '../job-row';
import type {JobStatus} from '../job-status';
import type {JobStore} from '../job-store';
import {listJobsSql, type EventRow, type JobRow} from '../job-store-statements';
import type {CancelOutcome, JobKind, JobRecord, JobRun, NewJob, ReapedJob, WebhookDelivery} from '../job-types';
import {openPostgresBatchStore} from '../batches/postgres-batch-store';
import {reapStep} from '../reap-step';
import {migratePostgres} from './pg-migrations';
import {INSERT_KEYS, numberedParams, PG_SQL} from './pg-job-sql';
import {changes, inTransaction, openPgPool, rows, type Queryable} from './open-pg-pool';
import {openPostgresAssetStore} from './postgres-asset-store';
import {openPostgresIdempotencyKeys} from './postgres-idempotency-keys';
import {openPostgresWebhookDeliveries} from './postgres-webhook-deliveries';

/** Key of the transaction advisory lock that makes a capped claim's count-and-take one step across servers. */
const CLAIM_LOCK = 7_204_118_302;

export type PostgresJobStoreOptions = {
	/** postgres://user:password@host:port/database (PROMPTREEL_DATABASE_URL). */
	url: string;
	/** Connections of this process's pool (PROMPTREEL_DATABASE_POOL_SIZE). */
	poolSize: number;
	/** Told of errors of idle connections (they are dropped and reopened on demand). */
	onError?: (error: Error) => void;
};

/**
 * The job store in Postgres, shared by every server of a deployment (see JobStore for the contract
 * and docs/architecture.md). Claims lock the chosen row with `FOR UPDATE SKIP LOCKED`, so servers
 * claiming at once each get a different job without waiting on each other; with a per-key cap the
 * claim also takes a transaction-wide advisory lock so that counting an owner's running jobs and
 * taking one more is one step. Every write of a running job is conditioned on the lease, as in
 * SQLite. Opening is synchronous: the schema is migrated in the background (once, under an advisory
 * lock) and every method waits for it, so a bad URL fails the first call with the driver's error.
 */
export const openPostgresJobStore = (o: PostgresJobStoreOptions): JobStore & {ready: Promise<void>} => {
	const pool = openPgPool({url: o.url, size: o.poolSize, onError: o.onError});
	const ready = migratePostgres(pool).then(() => undefined);
	// Unobserved until the first call: keep an early failure from being an unhandled rejection.
	ready.catch(() => undefined);
	const webhooks = openPostgresWebhookDeliveries(pool, ready);
	const idempotencyKeys = openPostgresIdempotencyKeys(pool, ready);
	let closed = false;

	const loadAll = async (c: Queryable, list: JobRow[]): Promise<JobRecord[]> =>
		Promise.all(
			list.map(async (r): Promise<JobRecord> => {
				const job = fromRow(r);
				const deliveries: WebhookDelivery[] = r.webhook ? await webhooks.ofJobNow(c, r.id) : [];
				return {...job, webhookDeliveries: deliveries};
			}),
		);
	const get = async (c: Queryable, id: string): Promise<JobRecord | null> =>
		(await loadAll(c, await rows<JobRow>(c, PG_SQL.get, [id])))[0] ?? null;

	/** Records the job's new state as an event; a job that just ended done or failed queues its webhook. */
	const changed = async (c: Queryable, id: string, now: number, ended = false): Promise<void> => {
		await c.query(PG_SQL.event, [id, now]);
		if (ended) await c.query(PG_SQL.enqueueWebhook, [id, now]);
	};

	const reapIn = async (c: PoolClient, now: number): Promise<ReapedJob[]> => {
		const reaped: ReapedJob[] = [];
		for (const row of await rows<JobRow>(c, PG_SQL.expired, [now])) {
			const job = fromRow(row);
			const step = reapStep(job);
			if (step.outcome === 'requeued') {
				await c.query(PG_SQL.requeue, [job.id, null, 'requeued', JSON.stringify(step.warnings), 0, now, now]);
				await changed(c, job.id, now);
			} else {
				await c.query(PG_SQL.endExpired, [job.id, step.status, step.errorCode, step.errorMessage, now]);
				await changed(c, job.id, now, step.notify);
			}
			await c.query(PG_SQL.runEndAny, [now, 'lost', job.id]);
			reaped.push({id: job.id, outcome: step.outcome, attempts: job.attempts});
		}
		return reaped;
	};

	const insertIn = async (c: PoolClient, job: NewJob, now: number): Promise<JobRecord> => {
		const p = insertParams(job, now);
		await c.query(
			PG_SQL.insert,
			INSERT_KEYS.map((k) => p[k]),
		);
		await changed(c, job.id, now, Boolean(job.done));
		return (await get(c, job.id))!;
	};

	/** Runs `step` in a transaction once the schema is there. */
	const tx = async <T>(step: (c: PoolClient) => Promise<T>): Promise<T> => {
		await ready;
		return inTransaction(pool, step);
	};
	/** Runs one read on the pool once the schema is there. */
	const read = async <R extends object>(sql: string, params: unknown[]): Promise<R[]> => {
		await ready;
		return rows<R & Record<string, unknown>>(pool, sql, params);
	};

	return {
		ready,

		insert: (job, now) => tx((c) => insertIn(c, job, now)),

		insertWithKey: (job, now, key) =>
			tx(async (c) => {
				await idempotencyKeys.lockNow(c, key.scope);
				const earlier = await idempotencyKeys.findNow(c, {...key, now});
				if (earlier.state === 'conflict') return {state: 'conflict' as const};
				if (earlier.state === 'replay') return {state: 'replay' as const, job: (await get(c, earlier.jobId))!};
				const created = await insertIn(c, job, now);
				await idempotencyKeys.recordNow(c, {...key, jobId: job.id, now});
				return {state: 'created' as const, job: created};
			}),

		async get(id) {
			await ready;
			return get(pool, id);
		},

		async list(q) {
			const {sql, params} = listJobsSql(q);
			const list = await read<JobRow>(numberedParams(sql), params);
			return {jobs: await loadAll(pool, list.slice(0, q.limit)), more: list.length > q.limit};
		},

		doneWithHash: async (hash) => (await read<JobRow>(PG_SQL.doneByHash, [hash])).map(fromRow),

		claim: (o) =>
			tx(async (c) => {
				const cap = o.maxRunningPerOwner ?? 0;
				if (cap > 0) await c.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK]);
				const reaped = await reapIn(c, o.now);
				const [next] = await rows<{id: string; kind: JobKind; attempts: number}>(c, PG_SQL.nextQueued, [o.now, cap]);
				if (!next) return {job: null, reaped};
				const claimed = await changes(c, PG_SQL.claim, [next.id, firstStatus(next.kind), o.worker, o.now + o.leaseMs, o.now]);
				if (claimed !== 1) return {job: null, reaped};
				await c.query(PG_SQL.runStart, [next.id, next.attempts + 1, o.worker, o.now]);
				await changed(c, next.id, o.now);
				return {job: await get(c, next.id), reaped};
			}),

		reapExpired: (now) => tx((c) => reapIn(c, now)),

		async heartbeat(o) {
			const [row] = await read<{cancel_requested: number}>(PG_SQL.heartbeat, [o.id, o.worker, o.now + o.leaseMs]);
			return {ok: Boolean(row), cancelRequested: row?.cancel_requested === 1};
		},

		updateProgress: (o) =>
			tx(async (c) => {
				const params = [o.id, o.worker, o.status, o.stage, o.progress, JSON.stringify(o.warnings), o.now];
				const ok = (await changes(c, PG_SQL.progress, params)) === 1;
				if (ok) await changed(c, o.id, o.now);
				return ok;
			}),

		finish: (o) =>
			tx(async (c) => {
				const done = o.status === 'done';
				const n = await changes(c, PG_SQL.finish, [
					o.id,
					o.worker,
					o.status,
					done ? 'done' : null,
					done ? 1 : 0,
					JSON.stringify(o.warnings),
					JSON.stringify(o.files ?? []),
					o.outputDir ?? null,
					o.error?.code ?? null,
					o.error?.message ?? null,
					o.now,
				]);
				if (n !== 1) return false;
				await c.query(PG_SQL.runEnd, [o.now, o.status, o.id, o.worker]);
				await changed(c, o.id, o.now, o.status !== 'cancelled');
				return true;
			}),

		requeue: (o) =>
			tx(async (c) => {
				const stage = o.refund ? 'released' : 'retrying';
				const params = [o.id, o.worker, stage, JSON.stringify(o.warnings), o.refund ? 1 : 0, o.runAfter, o.now];
				if ((await changes(c, PG_SQL.requeue, params)) !== 1) return false;
				await c.query(PG_SQL.runEnd, [o.now, o.reason, o.id, o.worker]);
				await changed(c, o.id, o.now);
				return true;
			}),

		requestCancel: (id, now) =>
			tx(async (c): Promise<{job: JobRecord; outcome: CancelOutcome} | null> => {
				// Lock the row first: a worker finishing it at this moment waits, and the answer matches what happened.
				const [row] = await rows<{status: JobStatus}>(c, 'SELECT status FROM jobs WHERE id = $1 FOR UPDATE', [id]);
				if (!row) return null;
				if (row.status === 'queued') {
					await c.query(PG_SQL.cancelQueued, [id, 'Cancelled by request before it started.', now]);
					await changed(c, id, now);
					return {job: (await get(c, id))!, outcome: 'cancelled'};
				}
				if (row.status !== 'cancelled' && row.status !== 'done' && row.status !== 'failed') await c.query(PG_SQL.requestCancel, [id, now]);
				const job = (await get(c, id))!;
				if (row.status === 'cancelled') return {job, outcome: 'already-cancelled'};
				if (row.status === 'done' || row.status === 'failed') return {job, outcome: 'finished'};
				return {job, outcome: 'requested'};
			}),

		delete: (id) =>
			tx(async (c) => {
				const job = await get(c, id);
				if (!job) return null;
				for (const sql of PG_SQL.delete) await c.query(sql, [id]);
				return job;
			}),

		finishedBefore: async (before) => (await read<JobRow>(PG_SQL.finishedBefore, [before])).map(fromRow),

		async counts() {
			return Object.fromEntries((await read<{status: string; n: number}>(PG_SQL.counts, [])).map((r) => [r.status, r.n]));
		},

		async stats() {
			const [jobs, oldest, byOwner, deliveries] = await Promise.all([
				read<{status: JobStatus; template: string | null; priority: number; n: number}>(PG_SQL.statsJobs, []),
				read<{at: number | null}>(PG_SQL.statsOldestQueued, []),
				read<{owner: string | null; n: number}>(PG_SQL.statsRunningByOwner, []),
				read<{state: WebhookDelivery['state']; n: number}>(PG_SQL.statsDeliveries, []),
			]);
			return {
				jobs: jobs.map((r) => ({status: r.status, template: r.template ?? 'unknown', priority: priorityOfRank(r.priority), n: r.n})),
				oldestQueuedAt: oldest[0]?.at ?? null,
				runningByOwner: byOwner,
				webhookDeliveries: deliveries,
			};
		},

		eventsAfter: async (id, afterSeq, limit = 100) => (await read<EventRow>(PG_SQL.eventsAfter, [id, afterSeq, limit])).map(fromEventRow),

		runs: (id) => read<JobRun>(PG_SQL.runs, [id]),

		webhooks,
		idempotencyKeys,
		assets: openPostgresAssetStore(pool, ready),
		batches: openPostgresBatchStore(pool, ready, {insertJob: insertIn, deliveriesOf: webhooks.ofJobNow}),

		async close() {
			if (closed) return;
			closed = true;
			await ready.catch(() => undefined);
			await pool.end();
		},
	};
};
