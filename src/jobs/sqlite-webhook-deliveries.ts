import type Database from 'better-sqlite3';
import type {WebhookDeliveryStore} from './job-store';
import type {WebhookDelivery} from './job-types';

/** A row of `webhook_deliveries` (SQLite and Postgres). */
export type DeliveryRow = {
	id: number;
	job_id: string;
	event: string;
	url: string;
	body: string | null;
	state: WebhookDelivery['state'];
	attempts: number;
	next_at: number;
};
/** What an attempt begun but never settled says (its sender stopped while the request was out). */
export const IN_FLIGHT = 'no answer recorded: the sending process stopped during this attempt (the event is sent again)';

/** A row of `webhook_attempts`. */
export type AttemptRow = {delivery_id: number; attempt: number; at: number; status: number | null; error: string | null};

/**
 * Webhook deliveries in the SQLite jobs database (the job store queues them in the same
 * transaction that ends a job). `ofJobNow` is the synchronous read the job store uses inside its
 * own transactions.
 */
export const openSqliteWebhookDeliveries = (db: Database.Database): WebhookDeliveryStore & {ofJobNow(jobId: string): WebhookDelivery[]} => {
	const stmt = {
		due: db.prepare<[number, number, number], DeliveryRow>(
			"SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_at <= ? AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY next_at LIMIT ?",
		),
		lease: db.prepare('UPDATE webhook_deliveries SET lease_owner = ?, lease_expires_at = ? WHERE id = ?'),
		setBody: db.prepare('UPDATE webhook_deliveries SET body = ? WHERE id = ? AND body IS NULL'),
		get: db.prepare<[number], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = ?'),
		attempt: db.prepare('INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error) VALUES (?, ?, ?, ?, ?)'),
		updateAttempt: db.prepare('UPDATE webhook_attempts SET status = ?, error = ? WHERE delivery_id = ? AND attempt = ?'),
		countAttempt: db.prepare('UPDATE webhook_deliveries SET attempts = ? WHERE id = ?'),
		settle: db.prepare(`
			UPDATE webhook_deliveries SET state = @state, attempts = @attempts, next_at = @next_at, lease_owner = NULL, lease_expires_at = NULL
			WHERE id = @id AND lease_owner = @owner`),
		release: db.prepare('UPDATE webhook_deliveries SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?'),
		ofJob: db.prepare<[string], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE job_id = ? ORDER BY id'),
		attemptsOf: db.prepare<[number], AttemptRow>('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt'),
	};

	const load = (r: DeliveryRow): WebhookDelivery => deliveryFromRow(r, stmt.attemptsOf.all(r.id));
	const ofJobNow = (jobId: string): WebhookDelivery[] => stmt.ofJob.all(jobId).map(load);

	return {
		claimDue: async (o) =>
			db
				.transaction(() => {
					const rows = stmt.due.all(o.now, o.now, o.limit);
					for (const r of rows) stmt.lease.run(o.owner, o.now + o.leaseMs, r.id);
					return rows.map(load);
				})
				.immediate(),

		async freezeBody(id, body) {
			stmt.setBody.run(body, id);
			return stmt.get.get(id)?.body ?? body;
		},

		begin: async (o) =>
			db
				.transaction(() => {
					const row = stmt.get.get(o.id);
					if (!row) return 0;
					const attempt = row.attempts + 1;
					stmt.attempt.run(o.id, attempt, o.at, null, IN_FLIGHT);
					stmt.countAttempt.run(attempt, o.id);
					return attempt;
				})
				.immediate(),

		record: async (o) =>
			db
				.transaction(() => {
					const row = stmt.get.get(o.id);
					if (!row) return;
					let attempt = o.attempt ?? 0;
					if (attempt > 0) stmt.updateAttempt.run(o.status, o.error, o.id, attempt);
					else {
						attempt = row.attempts + 1;
						stmt.attempt.run(o.id, attempt, o.at, o.status, o.error);
					}
					stmt.settle.run({id: o.id, owner: o.owner, state: o.state, attempts: attempt, next_at: o.nextAt});
				})
				.immediate(),

		release: async (owner) => void stmt.release.run(owner),

		ofJob: async (jobId) => ofJobNow(jobId),
		ofJobNow,
	};
};

/** A delivery row and its attempt rows as a WebhookDelivery. */
export const deliveryFromRow = (r: DeliveryRow, attempts: AttemptRow[]): WebhookDelivery => ({
	id: r.id,
	jobId: r.job_id,
	event: r.event as WebhookDelivery['event'],
	url: r.url,
	body: r.body,
	state: r.state,
	attempts: attempts.map((a) => ({attempt: a.attempt, at: a.at, status: a.status, error: a.error})),
	nextAt: r.next_at,
});
