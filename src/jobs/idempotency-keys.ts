import type Database from 'better-sqlite3';

/** How long a key names its job: a repeat within this window gets the same job. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type Reservation = {state: 'new'} | {state: 'replay'; jobId: string} | {state: 'conflict'} | {state: 'in-progress'};

export type IdempotencyKeys = ReturnType<typeof openIdempotencyKeys>;

/**
 * `Idempotency-Key`s of POST /v1/videos in the jobs database. A key is reserved before the job is
 * created (so two concurrent repeats cannot both create one) and bound to the job afterwards.
 */
export const openIdempotencyKeys = (db: Database.Database) => {
	const stmt = {
		expire: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
		get: db.prepare<[string], {scope: string; body_hash: string; job_id: string | null; created_at: number}>('SELECT * FROM idempotency_keys WHERE scope = ?'),
		insert: db.prepare('INSERT INTO idempotency_keys (scope, body_hash, job_id, created_at) VALUES (?, ?, NULL, ?)'),
		bind: db.prepare('UPDATE idempotency_keys SET job_id = ? WHERE scope = ?'),
		remove: db.prepare('DELETE FROM idempotency_keys WHERE scope = ?'),
	};
	return {
		/** Reserves `scope` for a body, or says what an earlier request with it did. */
		reserve: (o: {scope: string; bodyHash: string; now: number}): Reservation =>
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
		bind: (scope: string, jobId: string): void => void stmt.bind.run(jobId, scope),
		/** Forgets a key: its request failed, or its job is gone. */
		remove: (scope: string): void => void stmt.remove.run(scope),
	};
};
