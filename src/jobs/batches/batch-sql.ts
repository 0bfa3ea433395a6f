import {TERMINAL_STATUSES} from '../job-status';
import type {Webhook} from '../job-types';
import type {BatchRecord} from './batch-types';

// The SQL of batches, shared by the SQLite and the Postgres store: `?` parameters (the Postgres
// store numbers them) and no JSON functions (the webhook URL has its own column), so one text
// serves both. README "Batches" says what a batch is.

const ENDED = `(${TERMINAL_STATUSES.map((s) => `'${s}'`).join(',')})`;

/** A row of `batches`. */
export type BatchRow = {
	id: string;
	owner: string | null;
	webhook: string | null;
	status: BatchRecord['status'];
	idempotency_scope: string | null;
	body_hash: string | null;
	created_at: number;
	finished_at: number | null;
};

export const BATCH_SQL = {
	insert:
		"INSERT INTO batches (id, owner, webhook, webhook_url, status, idempotency_scope, body_hash, created_at) VALUES (?, ?, ?, ?, 'running', ?, ?, ?)",
	insertItem: 'INSERT INTO batch_items (batch_id, item, job_id) VALUES (?, ?, ?)',
	get: 'SELECT * FROM batches WHERE id = ?',
	items: 'SELECT job_id FROM batch_items WHERE batch_id = ? ORDER BY item',
	/** Keys older than the idempotency window name nothing any more. */
	expireKey: 'UPDATE batches SET idempotency_scope = NULL WHERE idempotency_scope = ? AND created_at < ?',
	byKey: 'SELECT * FROM batches WHERE idempotency_scope = ?',
	/** Running batches none of whose jobs is still queued or running (a deleted job counts as ended). */
	ended: `SELECT id FROM batches b WHERE status = 'running' AND NOT EXISTS (
		SELECT 1 FROM batch_items i JOIN jobs j ON j.id = i.job_id WHERE i.batch_id = b.id AND j.status NOT IN ${ENDED})`,
	finish: "UPDATE batches SET status = 'done', finished_at = ? WHERE id = ? AND status = 'running'",
	/** Batches ended before a time (retention), a page at a time. */
	finishedBefore: "SELECT id FROM batches WHERE status = 'done' AND finished_at < ? ORDER BY seq LIMIT 500",
	deleteAttempts: 'DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE job_id = ?)',
	deleteDeliveries: 'DELETE FROM webhook_deliveries WHERE job_id = ?',
	deleteItems: 'DELETE FROM batch_items WHERE batch_id = ?',
	delete: 'DELETE FROM batches WHERE id = ?',
	enqueueWebhook: `INSERT INTO webhook_deliveries (job_id, event, url, state, next_at, created_at)
		SELECT id, 'batch.done', webhook_url, 'pending', ?, ? FROM batches WHERE id = ? AND webhook_url IS NOT NULL`,
} as const;

/** What removing a batch deletes, in order: its batch.done delivery (and attempts), its items, its row. */
export const BATCH_DELETES = ['deleteAttempts', 'deleteDeliveries', 'deleteItems', 'delete'] as const;

/** The parameters of BATCH_SQL.insert. */
export const batchInsertParams = (
	b: {id: string; owner: string | null; webhook: Webhook | null},
	now: number,
	key: {scope: string; bodyHash: string} | undefined,
): unknown[] => [
	b.id,
	b.owner,
	b.webhook ? JSON.stringify(b.webhook) : null,
	b.webhook?.url ?? null,
	key?.scope ?? null,
	key?.bodyHash ?? null,
	now,
];

/** A batch row, its job ids and its deliveries as a BatchRecord. */
export const batchFromRow = (r: BatchRow, jobIds: string[], deliveries: BatchRecord['webhookDeliveries']): BatchRecord => ({
	id: r.id,
	owner: r.owner,
	webhook: r.webhook ? (JSON.parse(r.webhook) as Webhook) : null,
	status: r.status,
	jobIds,
	createdAt: r.created_at,
	finishedAt: r.finished_at,
	webhookDeliveries: deliveries,
});

/** What an earlier batch with the same Idempotency-Key means for a new request with `bodyHash`. */
export const batchReservation = (earlier: BatchRow | undefined, bodyHash: string): 'new' | 'replay' | 'conflict' => {
	if (!earlier) return 'new';
	return earlier.body_hash === bodyHash ? 'replay' : 'conflict';
};

/** SQLite's and Postgres' tables of batches (job-store-migrations.ts and pg-migrations.ts), spelled per database. */
export const batchTablesSql = (t: {seq: string; int: string}): string => `
	CREATE TABLE batches (
		seq ${t.seq},
		id TEXT NOT NULL UNIQUE,
		owner TEXT,
		webhook TEXT,
		webhook_url TEXT,
		status TEXT NOT NULL CHECK (status IN ('running', 'done')),
		idempotency_scope TEXT UNIQUE,
		body_hash TEXT,
		created_at ${t.int} NOT NULL,
		finished_at ${t.int}
	);
	CREATE INDEX batches_running ON batches (status) WHERE status = 'running';
	CREATE TABLE batch_items (
		batch_id TEXT NOT NULL,
		item INTEGER NOT NULL,
		job_id TEXT NOT NULL,
		PRIMARY KEY (batch_id, item)
	);
`;
