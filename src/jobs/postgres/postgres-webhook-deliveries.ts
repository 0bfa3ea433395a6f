import type {Pool} from 'pg';
import type {WebhookDeliveryStore} from '../job-store';
import type {WebhookDelivery} from '../job-types';
import {deliveryFromRow, IN_FLIGHT, type AttemptRow, type DeliveryRow} from '../sqlite-webhook-deliveries';
import {inTransaction, rows, type Queryable} from './open-pg-pool';

/**
 * Webhook deliveries in Postgres (the job store queues them in the transaction that ends a job).
 * A sender leases due deliveries with `FOR UPDATE SKIP LOCKED`, so of several servers exactly one
 * sends each attempt; a lease left by a crashed server expires. `ofJobNow` reads inside the job
 * store's own transactions.
 */
export const openPostgresWebhookDeliveries = (
	pool: Pool,
	ready: Promise<unknown>,
): WebhookDeliveryStore & {ofJobNow(c: Queryable, jobId: string): Promise<WebhookDelivery[]>} => {
	const load = async (c: Queryable, list: DeliveryRow[]): Promise<WebhookDelivery[]> => {
		if (list.length === 0) return [];
		const attempts = await rows<AttemptRow>(c, 'SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1::bigint[]) ORDER BY attempt', [
			list.map((r) => r.id),
		]);
		return list.map((r) =>
			deliveryFromRow(
				r,
				attempts.filter((a) => a.delivery_id === r.id),
			),
		);
	};
	const ofJobNow = async (c: Queryable, jobId: string) =>
		load(c, await rows<DeliveryRow>(c, 'SELECT * FROM webhook_deliveries WHERE job_id = $1 ORDER BY id', [jobId]));

	return {
		async claimDue(o) {
			await ready;
			return inTransaction(pool, async (c) => {
				const leased = await rows<DeliveryRow>(
					c,
					`UPDATE webhook_deliveries SET lease_owner = $1, lease_expires_at = $2
					WHERE id IN (
						SELECT id FROM webhook_deliveries
						WHERE state = 'pending' AND next_at <= $3 AND (lease_expires_at IS NULL OR lease_expires_at < $3)
						ORDER BY next_at LIMIT $4 FOR UPDATE SKIP LOCKED)
					RETURNING *`,
					[o.owner, o.now + o.leaseMs, o.now, o.limit],
				);
				return load(
					c,
					leased.sort((a, b) => a.next_at - b.next_at || a.id - b.id),
				);
			});
		},

		async freezeBody(id, body) {
			await ready;
			await pool.query('UPDATE webhook_deliveries SET body = $1 WHERE id = $2 AND body IS NULL', [body, id]);
			const [row] = await rows<{body: string | null}>(pool, 'SELECT body FROM webhook_deliveries WHERE id = $1', [id]);
			return row?.body ?? body;
		},

		async begin(o) {
			await ready;
			return inTransaction(pool, async (c) => {
				const [row] = await rows<{attempts: number}>(c, 'SELECT attempts FROM webhook_deliveries WHERE id = $1 FOR UPDATE', [o.id]);
				if (!row) return 0;
				const attempt = row.attempts + 1;
				await c.query('INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error) VALUES ($1, $2, $3, NULL, $4)', [
					o.id,
					attempt,
					o.at,
					IN_FLIGHT,
				]);
				await c.query('UPDATE webhook_deliveries SET attempts = $1 WHERE id = $2', [attempt, o.id]);
				return attempt;
			});
		},

		async record(o) {
			await ready;
			await inTransaction(pool, async (c) => {
				const [row] = await rows<{attempts: number}>(c, 'SELECT attempts FROM webhook_deliveries WHERE id = $1 FOR UPDATE', [o.id]);
				if (!row) return;
				let attempt = o.attempt ?? 0;
				if (attempt > 0)
					await c.query('UPDATE webhook_attempts SET status = $1, error = $2 WHERE delivery_id = $3 AND attempt = $4', [
						o.status,
						o.error,
						o.id,
						attempt,
					]);
				else {
					attempt = row.attempts + 1;
					await c.query('INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error) VALUES ($1, $2, $3, $4, $5)', [
						o.id,
						attempt,
						o.at,
						o.status,
						o.error,
					]);
				}
				await c.query(
					`UPDATE webhook_deliveries SET state = $1, attempts = $2, next_at = $3, lease_owner = NULL, lease_expires_at = NULL
					WHERE id = $4 AND lease_owner = $5`,
					[o.state, attempt, o.nextAt, o.id, o.owner],
				);
			});
		},

		async release(owner) {
			await ready;
			await pool.query('UPDATE webhook_deliveries SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = $1', [owner]);
		},

		async ofJob(jobId) {
			await ready;
			return ofJobNow(pool, jobId);
		},
		ofJobNow,
	};
};
