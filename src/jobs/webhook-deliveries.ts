import type Database from 'better-sqlite3';

/** One webhook event of a job and every attempt to deliver it. Times are ms since the epoch. */
export type WebhookDelivery = {
	id: number;
	jobId: string;
	event: 'video.done' | 'video.failed';
	url: string;
	/** The JSON sent: frozen at the first attempt, so every retry sends the same bytes. */
	body: string | null;
	state: 'pending' | 'delivered' | 'failed';
	attempts: {attempt: number; at: number; status: number | null; error: string | null}[];
	nextAt: number;
};

type Row = {
	id: number;
	job_id: string;
	event: string;
	url: string;
	body: string | null;
	state: WebhookDelivery['state'];
	attempts: number;
	next_at: number;
};
type AttemptRow = {delivery_id: number; attempt: number; at: number; status: number | null; error: string | null};

export type WebhookDeliveries = ReturnType<typeof openWebhookDeliveries>;

/**
 * Webhook deliveries in the jobs database (the job store queues them in the same transaction that
 * ends a job). A sender leases a due delivery before sending, so two processes on one data dir
 * never both send it, and a lease left by a crashed process expires.
 */
export const openWebhookDeliveries = (db: Database.Database) => {
	const stmt = {
		due: db.prepare<[number, number, number], Row>(
			"SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_at <= ? AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY next_at LIMIT ?",
		),
		lease: db.prepare('UPDATE webhook_deliveries SET lease_owner = ?, lease_expires_at = ? WHERE id = ?'),
		setBody: db.prepare('UPDATE webhook_deliveries SET body = ? WHERE id = ? AND body IS NULL'),
		get: db.prepare<[number], Row>('SELECT * FROM webhook_deliveries WHERE id = ?'),
		attempt: db.prepare('INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error) VALUES (?, ?, ?, ?, ?)'),
		settle: db.prepare(`
			UPDATE webhook_deliveries SET state = @state, attempts = @attempts, next_at = @next_at, lease_owner = NULL, lease_expires_at = NULL
			WHERE id = @id AND lease_owner = @owner`),
		release: db.prepare('UPDATE webhook_deliveries SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?'),
		ofJob: db.prepare<[string], Row>('SELECT * FROM webhook_deliveries WHERE job_id = ? ORDER BY id'),
		attemptsOf: db.prepare<[number], AttemptRow>('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt'),
	};

	const load = (r: Row): WebhookDelivery => ({
		id: r.id,
		jobId: r.job_id,
		event: r.event as WebhookDelivery['event'],
		url: r.url,
		body: r.body,
		state: r.state,
		attempts: stmt.attemptsOf.all(r.id).map((a) => ({attempt: a.attempt, at: a.at, status: a.status, error: a.error})),
		nextAt: r.next_at,
	});

	return {
		/** Leases up to `limit` due deliveries for `owner` until `now + leaseMs`. */
		claimDue: (o: {owner: string; now: number; leaseMs: number; limit: number}): WebhookDelivery[] =>
			db
				.transaction(() => {
					const rows = stmt.due.all(o.now, o.now, o.limit);
					for (const r of rows) stmt.lease.run(o.owner, o.now + o.leaseMs, r.id);
					return rows.map(load);
				})
				.immediate(),

		/** Freezes the body at the first attempt; returns the body to send (an earlier frozen one wins). */
		freezeBody(id: number, body: string): string {
			stmt.setBody.run(body, id);
			return stmt.get.get(id)?.body ?? body;
		},

		/** Records one attempt and what follows: delivered, failed for good, or another try at `nextAt`. */
		record: (o: {id: number; owner: string; at: number; status: number | null; error: string | null; state: WebhookDelivery['state']; nextAt: number}): void =>
			db
				.transaction(() => {
					const row = stmt.get.get(o.id);
					if (!row) return;
					const attempt = row.attempts + 1;
					stmt.attempt.run(o.id, attempt, o.at, o.status, o.error);
					stmt.settle.run({id: o.id, owner: o.owner, state: o.state, attempts: attempt, next_at: o.nextAt});
				})
				.immediate(),

		/** Gives back every lease of `owner` (on shutdown): another process may send them at once. */
		release: (owner: string): void => void stmt.release.run(owner),

		ofJob: (jobId: string): WebhookDelivery[] => stmt.ofJob.all(jobId).map(load),
	};
};
