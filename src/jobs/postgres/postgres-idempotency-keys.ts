import type {Pool} from 'pg';
import type {IdempotencyKeyStore} from '../job-store';
import type {Reservation} from '../job-types';
import {IDEMPOTENCY_WINDOW_MS} from '../sqlite-idempotency-keys';
import {inTransaction, rows, type Queryable} from './open-pg-pool';

/** Serialises the requests of one key across servers (two-key advisory lock: this class, the key's hash). */
const KEY_LOCK_CLASS = 7204;

/**
 * `Idempotency-Key`s of video requests in Postgres (see IdempotencyKeyStore and
 * sqlite-idempotency-keys.ts, whose rules this follows). `lockNow`, `findNow` and `recordNow` run
 * inside the job store's transaction that inserts the job; the transaction-scoped advisory lock on
 * the key makes two servers given the same key at once answer one after the other.
 */
export const openPostgresIdempotencyKeys = (
	pool: Pool,
	ready: Promise<unknown>,
): IdempotencyKeyStore & {
	lockNow(c: Queryable, scope: string): Promise<void>;
	findNow(c: Queryable, o: {scope: string; bodyHash: string; now: number}): Promise<Reservation>;
	recordNow(c: Queryable, o: {scope: string; bodyHash: string; jobId: string; now: number}): Promise<void>;
} => {
	const lockNow = async (c: Queryable, scope: string) => {
		await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [KEY_LOCK_CLASS, scope]);
	};
	const findNow = async (c: Queryable, o: {scope: string; bodyHash: string; now: number}): Promise<Reservation> => {
		await c.query('DELETE FROM idempotency_keys WHERE created_at < $1', [o.now - IDEMPOTENCY_WINDOW_MS]);
		const [row] = await rows<{body_hash: string; job_id: string | null; job_exists: boolean}>(
			c,
			'SELECT body_hash, job_id, EXISTS (SELECT 1 FROM jobs WHERE id = k.job_id) AS job_exists FROM idempotency_keys k WHERE scope = $1',
			[o.scope],
		);
		if (!row) return {state: 'new'};
		// A key whose job was deleted names nothing: forget it.
		if (!row.job_id || !row.job_exists) {
			await c.query('DELETE FROM idempotency_keys WHERE scope = $1', [o.scope]);
			return {state: 'new'};
		}
		if (row.body_hash !== o.bodyHash) return {state: 'conflict'};
		return {state: 'replay', jobId: row.job_id};
	};
	return {
		async find(o) {
			await ready;
			return inTransaction(pool, async (c) => {
				await lockNow(c, o.scope);
				return findNow(c, o);
			});
		},
		async remove(scope) {
			await ready;
			await pool.query('DELETE FROM idempotency_keys WHERE scope = $1', [scope]);
		},
		lockNow,
		findNow,
		async recordNow(c, o) {
			await c.query(
				`INSERT INTO idempotency_keys (scope, body_hash, job_id, created_at) VALUES ($1, $2, $3, $4)
				ON CONFLICT (scope) DO UPDATE SET body_hash = excluded.body_hash, job_id = excluded.job_id, created_at = excluded.created_at`,
				[o.scope, o.bodyHash, o.jobId, o.now],
			);
		},
	};
};
