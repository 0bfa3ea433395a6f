import type Database from 'better-sqlite3';
import type {IdempotencyKeyStore} from './job-store';
import type {Reservation} from './job-types';

/** How long a key names its job: a repeat within this window gets the same job. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** `Idempotency-Key`s of video requests in the SQLite jobs database (see IdempotencyKeyStore). */
export const openSqliteIdempotencyKeys = (db: Database.Database): IdempotencyKeyStore => {
	const stmt = {
		expire: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
		get: db.prepare<[string], {scope: string; body_hash: string; job_id: string | null; created_at: number}>('SELECT * FROM idempotency_keys WHERE scope = ?'),
		insert: db.prepare('INSERT INTO idempotency_keys (scope, body_hash, job_id, created_at) VALUES (?, ?, NULL, ?)'),
		bind: db.prepare('UPDATE idempotency_keys SET job_id = ? WHERE scope = ?'),
		remove: db.prepare('DELETE FROM idempotency_keys WHERE scope = ?'),
	};
	return {
		reserve: async (o) =>
			db
				.transaction((): Reservation => {
					stmt.expire.run(o.now - IDEMPOTENCY_WINDOW_MS);
					const row = stmt.get.get(o.scope);
					if (!row) {
						stmt.insert.run(o.scope, o.bodyHash, o.now);
						return {state: 'new'};
					}
					if (row.body_hash !== o.bodyHash) return {state: 'conflict'};
					return row.job_id ? {state: 'replay', jobId: row.job_id} : {state: 'in-progress'};
				})
				.immediate(),
		bind: async (scope, jobId) => void stmt.bind.run(jobId, scope),
		remove: async (scope) => void stmt.remove.run(scope),
	};
};
