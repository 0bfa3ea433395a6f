import {RUNNING_STATUSES} from '../job-status';

// The SQL of the Postgres job store, apart from the logic that runs it (postgres-job-store.ts). It
// follows the SQLite statements (job-store-statements.ts) with Postgres spellings: `$n` parameters,
// `IS NOT DISTINCT FROM` for SQLite's `IS`, `->>` for json_extract, and row locks for claims.

const RUNNING_SQL = `(${RUNNING_STATUSES.map((s) => `'${s}'`).join(',')})`;

/** Columns of a new job, in the order of `insertParams` (job-row.ts) keys; `now` fills created_at and updated_at. */
export const INSERT_KEYS = [
	'id',
	'kind',
	'input',
	'options',
	'webhook',
	'content_hash',
	'priority',
	'owner',
	'template',
	'status',
	'stage',
	'progress',
	'warnings',
	'files',
	'output_dir',
	'cached',
	'max_attempts',
	'timeout_ms',
	'run_after',
	'now',
	'finished_at',
] as const;

export const PG_SQL = {
	// Values $1..$19 are the first INSERT_KEYS; $20 (now) fills created_at and updated_at, $21 finished_at.
	insert: `INSERT INTO jobs (${INSERT_KEYS.slice(0, -2).join(', ')}, created_at, updated_at, finished_at)
		VALUES (${INSERT_KEYS.slice(0, -2)
			.map((_, i) => `$${i + 1}`)
			.join(', ')}, $20, $20, $21)`,
	get: 'SELECT * FROM jobs WHERE id = $1',
	doneByHash: "SELECT * FROM jobs WHERE content_hash = $1 AND status = 'done' ORDER BY seq DESC LIMIT 5",
	// Expired leases, locked for the reaper; a row another server is reaping right now is skipped.
	expired: `SELECT * FROM jobs WHERE status IN ${RUNNING_SQL} AND lease_expires_at < $1 ORDER BY seq FOR UPDATE SKIP LOCKED`,
	// The next job to run (JobStore.claim): most urgent first, then oldest, skipping owners that
	// already run $2 jobs (0 = no cap) and rows another claim holds.
	nextQueued: `
		SELECT q.id, q.kind, q.attempts FROM jobs q
		WHERE q.status = 'queued' AND q.run_after <= $1
			AND ($2 = 0 OR (SELECT COUNT(*) FROM jobs r WHERE r.owner IS NOT DISTINCT FROM q.owner AND r.status IN ${RUNNING_SQL}) < $2)
		ORDER BY q.priority, q.seq LIMIT 1
		FOR UPDATE OF q SKIP LOCKED`,
	claim: `
		UPDATE jobs SET status = $2, stage = 'starting', progress = 0, attempts = attempts + 1, lease_owner = $3,
			lease_expires_at = $4, started_at = $5, updated_at = $5, error_code = NULL, error_message = NULL
		WHERE id = $1 AND status = 'queued'`,
	runStart: 'INSERT INTO job_runs (job_id, attempt, worker, started_at) VALUES ($1, $2, $3, $4)',
	runEnd: 'UPDATE job_runs SET ended_at = $1, outcome = $2 WHERE job_id = $3 AND worker = $4 AND ended_at IS NULL',
	runEndAny: 'UPDATE job_runs SET ended_at = $1, outcome = $2 WHERE job_id = $3 AND ended_at IS NULL',
	heartbeat: `
		UPDATE jobs SET lease_expires_at = $3 WHERE id = $1 AND lease_owner = $2 AND status IN ${RUNNING_SQL}
		RETURNING cancel_requested`,
	progress: `
		UPDATE jobs SET status = $3, stage = $4, progress = $5, warnings = $6, updated_at = $7
		WHERE id = $1 AND lease_owner = $2 AND status IN ${RUNNING_SQL}`,
	finish: `
		UPDATE jobs SET status = $3, stage = $4, progress = $5, warnings = $6, files = $7, output_dir = $8,
			error_code = $9, error_message = $10, lease_owner = NULL, lease_expires_at = NULL, finished_at = $11, updated_at = $11
		WHERE id = $1 AND lease_owner = $2 AND status IN ${RUNNING_SQL}`,
	// $2 null: the reaper (any holder).
	requeue: `
		UPDATE jobs SET status = 'queued', stage = $3, progress = 0, warnings = $4, attempts = attempts - $5,
			run_after = $6, lease_owner = NULL, lease_expires_at = NULL, updated_at = $7
		WHERE id = $1 AND ($2::text IS NULL OR lease_owner = $2) AND status IN ${RUNNING_SQL}`,
	endExpired: `
		UPDATE jobs SET status = $2, stage = NULL, error_code = $3, error_message = $4,
			lease_owner = NULL, lease_expires_at = NULL, finished_at = $5, updated_at = $5
		WHERE id = $1 AND status IN ${RUNNING_SQL}`,
	cancelQueued: `
		UPDATE jobs SET status = 'cancelled', stage = NULL, error_code = 'CANCELLED', error_message = $2, finished_at = $3, updated_at = $3
		WHERE id = $1 AND status = 'queued'`,
	requestCancel: `UPDATE jobs SET cancel_requested = 1, updated_at = $2 WHERE id = $1 AND status IN ${RUNNING_SQL}`,
	finishedBefore: "SELECT * FROM jobs WHERE status IN ('done', 'failed', 'cancelled') AND finished_at < $1 ORDER BY seq LIMIT 500",
	counts: 'SELECT status, COUNT(*) AS n FROM jobs GROUP BY status',
	statsJobs: 'SELECT status, template, priority, COUNT(*) AS n FROM jobs GROUP BY status, template, priority',
	statsOldestQueued: "SELECT MIN(created_at) AS at FROM jobs WHERE status = 'queued'",
	statsRunningByOwner: `SELECT owner, COUNT(*) AS n FROM jobs WHERE status IN ${RUNNING_SQL} GROUP BY owner`,
	statsDeliveries: 'SELECT state, COUNT(*) AS n FROM webhook_deliveries GROUP BY state',
	// One event per change of a job, ids a per-job sequence (SSE resumes from any server). Every
	// caller changed the job row first in the same transaction, so its row lock orders the events.
	event: `
		INSERT INTO job_events (job_id, seq, type, status, stage, progress, error_code, error_message, at)
		SELECT id, COALESCE((SELECT MAX(seq) FROM job_events WHERE job_id = $1), 0) + 1,
			CASE WHEN status IN ('done', 'failed', 'cancelled') THEN status
				WHEN (SELECT e.status FROM job_events e WHERE e.job_id = $1 ORDER BY e.seq DESC LIMIT 1) IS NOT DISTINCT FROM status THEN 'progress'
				ELSE 'status' END,
			status, stage, progress, error_code, error_message, $2
		FROM jobs WHERE id = $1`,
	enqueueWebhook: `
		INSERT INTO webhook_deliveries (job_id, event, url, state, next_at, created_at)
		SELECT id, 'video.' || status, (webhook::jsonb)->>'url', 'pending', $2, $2
		FROM jobs WHERE id = $1 AND webhook IS NOT NULL AND status IN ('done', 'failed')`,
	eventsAfter: 'SELECT * FROM job_events WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
	delete: [
		'DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE job_id = $1)',
		'DELETE FROM webhook_deliveries WHERE job_id = $1',
		'DELETE FROM job_events WHERE job_id = $1',
		'DELETE FROM job_runs WHERE job_id = $1',
		'DELETE FROM jobs WHERE id = $1',
	],
	runs: 'SELECT attempt, worker, started_at, ended_at, outcome FROM job_runs WHERE job_id = $1 ORDER BY run_id',
} as const;

/** SQLite's `?` placeholders (listJobsSql) as Postgres' `$n`. */
export const numberedParams = (sql: string): string => {
	let i = 0;
	return sql.replace(/\?/g, () => `$${++i}`);
};
