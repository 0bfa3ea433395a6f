import type {Pool, PoolClient} from 'pg';
import type {JobRecord, NewJob, WebhookDelivery} from '../job-types';
import {changes, inTransaction, rows, type Queryable} from '../postgres/open-pg-pool';
import {numberedParams} from '../postgres/pg-job-sql';
import {BATCH_DELETES, BATCH_SQL, batchFromRow, batchInsertParams, batchReservation, type BatchRow} from './batch-sql';
import type {BatchStore} from './batch-store';
import type {BatchRecord} from './batch-types';

/** Serialises the batch requests of one Idempotency-Key across servers (class, key hash). */
const BATCH_KEY_LOCK = 7205;

/**
 * Batches in Postgres (see BatchStore), over the SQL the SQLite store runs. `settle` locks the
 * batch rows it ends (`FOR UPDATE SKIP LOCKED`), so servers settling at once never queue two
 * `batch.done` deliveries of one batch; the conditional UPDATE would refuse the second anyway.
 */
export const openPostgresBatchStore = (
	pool: Pool,
	ready: Promise<unknown>,
	deps: {
		insertJob(c: PoolClient, job: NewJob, now: number): Promise<JobRecord>;
		deliveriesOf(c: Queryable, id: string): Promise<WebhookDelivery[]>;
	},
): BatchStore => {
	const sql = Object.fromEntries(Object.entries(BATCH_SQL).map(([k, s]) => [k, numberedParams(s)])) as Record<
		keyof typeof BATCH_SQL,
		string
	>;
	const get = async (c: Queryable, id: string): Promise<BatchRecord | null> => {
		const [row] = await rows<BatchRow>(c, sql.get, [id]);
		if (!row) return null;
		const jobIds = (await rows<{job_id: string}>(c, sql.items, [id])).map((r) => r.job_id);
		return batchFromRow(row, jobIds, row.webhook ? await deps.deliveriesOf(c, id) : []);
	};
	const tx = async <T>(step: (c: PoolClient) => Promise<T>): Promise<T> => {
		await ready;
		return inTransaction(pool, step);
	};

	return {
		insert: (o) =>
			tx(async (c) => {
				if (o.key) {
					await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BATCH_KEY_LOCK, o.key.scope]);
					await c.query(sql.expireKey, [o.key.scope, o.key.since]);
					const [earlier] = await rows<BatchRow>(c, sql.byKey, [o.key.scope]);
					const found = batchReservation(earlier, o.key.bodyHash);
					if (found === 'conflict') return {state: 'conflict' as const};
					if (found === 'replay') return {state: 'replay' as const, batch: (await get(c, earlier!.id))!};
				}
				for (const job of o.jobs) await deps.insertJob(c, job, o.now);
				await c.query(sql.insert, batchInsertParams(o.batch, o.now, o.key));
				for (const [i, job] of o.jobs.entries()) await c.query(sql.insertItem, [o.batch.id, i, job.id]);
				return {state: 'created' as const, batch: (await get(c, o.batch.id))!};
			}),

		async get(id) {
			await ready;
			return get(pool, id);
		},

		settle: (now) =>
			tx(async (c) => {
				const ended: string[] = [];
				for (const {id} of await rows<{id: string}>(c, `${sql.ended} FOR UPDATE SKIP LOCKED`)) {
					if ((await changes(c, sql.finish, [now, id])) !== 1) continue;
					await c.query(sql.enqueueWebhook, [now, now, id]);
					ended.push(id);
				}
				return ended;
			}),

		removeFinishedBefore: (before) =>
			tx(async (c) => {
				const ids = (await rows<{id: string}>(c, `${sql.finishedBefore} FOR UPDATE SKIP LOCKED`, [before])).map((r) => r.id);
				for (const id of ids) for (const name of BATCH_DELETES) await c.query(sql[name], [id]);
				return ids.length;
			}),
	};
};
