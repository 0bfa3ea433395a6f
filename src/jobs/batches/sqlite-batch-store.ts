import type Database from 'better-sqlite3';
import type {JobRecord, NewJob, WebhookDelivery} from '../job-types';
import {BATCH_DELETES, BATCH_SQL, batchFromRow, batchInsertParams, batchReservation, type BatchRow} from './batch-sql';
import type {BatchStore} from './batch-store';
import type {BatchRecord} from './batch-types';

/**
 * Batches in the SQLite jobs database (see BatchStore). `insertJob` and `deliveriesOf` are the
 * job store's synchronous parts, run inside this store's IMMEDIATE transactions.
 */
export const openSqliteBatchStore = (
	db: Database.Database,
	deps: {insertJob(job: NewJob, now: number): JobRecord; deliveriesOf(id: string): WebhookDelivery[]},
): BatchStore => {
	const stmt = Object.fromEntries(Object.entries(BATCH_SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Record<
		keyof typeof BATCH_SQL,
		Database.Statement
	>;
	const get = (id: string): BatchRecord | null => {
		const row = stmt.get.get(id) as BatchRow | undefined;
		if (!row) return null;
		const jobIds = (stmt.items.all(id) as {job_id: string}[]).map((r) => r.job_id);
		return batchFromRow(row, jobIds, row.webhook ? deps.deliveriesOf(id) : []);
	};

	return {
		insert: async (o) =>
			db
				.transaction(() => {
					if (o.key) {
						stmt.expireKey.run(o.key.scope, o.key.since);
						const earlier = stmt.byKey.get(o.key.scope) as BatchRow | undefined;
						const found = batchReservation(earlier, o.key.bodyHash);
						if (found === 'conflict') return {state: 'conflict' as const};
						if (found === 'replay') return {state: 'replay' as const, batch: get(earlier!.id)!};
					}
					o.jobs.forEach((job) => deps.insertJob(job, o.now));
					stmt.insert.run(...batchInsertParams(o.batch, o.now, o.key));
					o.jobs.forEach((job, i) => stmt.insertItem.run(o.batch.id, i, job.id));
					return {state: 'created' as const, batch: get(o.batch.id)!};
				})
				.immediate(),

		get: async (id) => get(id),

		settle: async (now) =>
			db
				.transaction(() => {
					const ended: string[] = [];
					for (const {id} of stmt.ended.all() as {id: string}[]) {
						if (stmt.finish.run(now, id).changes !== 1) continue;
						stmt.enqueueWebhook.run(now, now, id);
						ended.push(id);
					}
					return ended;
				})
				.immediate(),

		removeFinishedBefore: async (before) =>
			db
				.transaction(() => {
					const ids = (stmt.finishedBefore.all(before) as {id: string}[]).map((r) => r.id);
					for (const id of ids) for (const name of BATCH_DELETES) stmt[name].run(id);
					return ids.length;
				})
				.immediate(),
	};
};
