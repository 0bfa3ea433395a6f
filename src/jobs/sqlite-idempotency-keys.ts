import type Database from 'better-sqlite3';
import type {IdempotencyKeyStore} from './job-store';
import type {Reservation} from './job-types';

/** How long a key names its job: a repeat within this window gets the same job. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * `Idempotency-Key`s of video requests in the SQLite jobs database (see IdempotencyKeyStore). A
 * key row is only ever written in the transaction that inserts its job (`recordNow`, called by the
 * job store's `insertWithKey`), so there is no reserved-but-unbound state a crash could leave
 * behind. `findNow` and `recordNow` are the synchronous parts the job store runs in its own
 * transactions.
 */
export const openSqliteIdempotencyKeys = (
	db: Database.Database,
): IdempotencyKeyStore & {
	findNow(o: {scope: string; bodyHash: string; now: number}): Reservation;
	recordNow(o: {scope: string; bodyHash: string; jobId: string; now: number}): void;
} => {
	const stmt = {
		expire: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
		get: db.prepare<[string], {scope: string; body_hash: string; job_id: string | null; created_at: number}>(
			'SELECT * FROM idempotency_keys WHERE scope = ?',
		),
		jobExists: db.prepare<[string], {n: number}>('SELECT 1 AS n FROM jobs WHERE id = ?'),
		upsert: db.prepare(
			'INSERT INTO idempotency_keys (scope, body_hash, job_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (scope) DO UPDATE SET body_hash = excluded.body_hash, job_id = excluded.job_id, created_at = excluded.created_at',
		),
		remove: db.prepare('DELETE FROM idempotency_keys WHERE scope = ?'),
	};
	const findNow = (o: {scope: string; bodyHash: string; now: number}): Reservation => {
		stmt.expire.run(o.now - IDEMPOTENCY_WINDOW_MS);
		const row = stmt.get.get(o.scope);
		// A row without a job (written by an older version that reserved first) or whose job was
		// deleted names nothing: forget it.
		if (row && (!row.job_id || !stmt.jobExists.get(row.job_id))) {
			stmt.remove.run(o.scope);
			return {state: 'new'};
		}
		if (!row) return {state: 'new'};
		if (row.body_hash !== o.bodyHash) return {state: 'conflict'};
		return {state: 'replay', jobId: row.job_id!};
	};
	return {
		find: async (o) => db.transaction(() => findNow(o)).immediate(),
		remove: async (scope) => void stmt.remove.run(scope),
		findNow,
		recordNow: (o) => void stmt.upsert.run(o.scope, o.bodyHash, o.jobId, o.now),
	};
};
