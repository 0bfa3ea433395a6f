import type Database from 'better-sqlite3';
import type {JobKind, JobRun} from './job-types';
import {RUNNING_STATUSES, type JobStatus} from './job-status';

// The SQL of the SQLite job store, apart from the logic that runs it (sqlite-job-store.ts).

const RUNNING_SQL = `(${RUNNING_STATUSES.map((s) => `'${s}'`).join(',')})`;

/** A row of `jobs`. */
export type JobRow = {
	seq: number;
	id: string;
	kind: JobKind;
	input: string;
	options: string;
	webhook: string | null;
	content_hash: string | null;
	template: string | null;
	priority: number;
	owner: string | null;
	status: JobStatus;
	stage: string | null;
	progress: number;
	warnings: string;
	error_code: string | null;
	error_message: string | null;
	files: string;
	output_dir: string | null;
	cached: number;
	attempts: number;
	max_attempts: number;
	timeout_ms: number;
	run_after: number;
	lease_owner: string | null;
	lease_expires_at: number | null;
	cancel_requested: number;
	created_at: number;
	updated_at: number;
	started_at: number | null;
	finished_at: number | null;
};

/** A row of `job_events`. */
export type EventRow = {
	job_id: string;
	seq: number;
	type: string;
	status: JobStatus;
	stage: string | null;
	progress: number;
	error_code: string | null;
	error_message: string | null;
	at: number;
};

export type JobStatements = ReturnType<typeof prepareJobStatements>;

/** Prepares every statement of the job store once per connection. */
export const prepareJobStatements = (db: Database.Database) => {
	return {
		insert: db.prepare(`
			INSERT INTO jobs (id, kind, input, options, webhook, content_hash, priority, owner, template, status, stage, progress, warnings, files, output_dir,
				cached, max_attempts, timeout_ms, run_after, created_at, updated_at, finished_at)
			VALUES (@id, @kind, @input, @options, @webhook, @content_hash, @priority, @owner, @template, @status, @stage, @progress, @warnings, @files,
				@output_dir, @cached, @max_attempts, @timeout_ms, @run_after, @now, @now, @finished_at)`),
		get: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?'),
		doneByHash: db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE content_hash = ? AND status = 'done' ORDER BY seq DESC LIMIT 5"),
		expired: db.prepare<[number], JobRow>(`SELECT * FROM jobs WHERE status IN ${RUNNING_SQL} AND lease_expires_at < ?`),
		// The next job to run: most urgent first, then oldest, skipping owners that already run
		// @cap jobs (0 = no cap). The same query runs on Postgres with `IS NOT DISTINCT FROM` for
		// `IS` and `FOR UPDATE SKIP LOCKED` (see JobStore.claim for what it must guarantee).
		nextQueued: db.prepare<{now: number; cap: number}, {id: string}>(`
			SELECT q.id FROM jobs q
			WHERE q.status = 'queued' AND q.run_after <= @now
				AND (@cap = 0 OR (SELECT COUNT(*) FROM jobs r WHERE r.owner IS q.owner AND r.status IN ${RUNNING_SQL}) < @cap)
			ORDER BY q.priority, q.seq LIMIT 1`),
		claim: db.prepare(`
			UPDATE jobs SET status = @status, stage = 'starting', progress = 0, attempts = attempts + 1, lease_owner = @worker,
				lease_expires_at = @expires, started_at = @now, updated_at = @now, error_code = NULL, error_message = NULL
			WHERE id = @id AND status = 'queued'`),
		runStart: db.prepare('INSERT INTO job_runs (job_id, attempt, worker, started_at) VALUES (?, ?, ?, ?)'),
		runEnd: db.prepare('UPDATE job_runs SET ended_at = ?, outcome = ? WHERE job_id = ? AND worker = ? AND ended_at IS NULL'),
		runEndAny: db.prepare('UPDATE job_runs SET ended_at = ?, outcome = ? WHERE job_id = ? AND ended_at IS NULL'),
		heartbeat: db.prepare(`
			UPDATE jobs SET lease_expires_at = @expires
			WHERE id = @id AND lease_owner = @worker AND status IN ${RUNNING_SQL}`),
		cancelFlag: db.prepare<[string], {cancel_requested: number}>('SELECT cancel_requested FROM jobs WHERE id = ?'),
		progress: db.prepare(`
			UPDATE jobs SET status = @status, stage = @stage, progress = @progress, warnings = @warnings, updated_at = @now
			WHERE id = @id AND lease_owner = @worker AND status IN ${RUNNING_SQL}`),
		finish: db.prepare(`
			UPDATE jobs SET status = @status, stage = @stage, progress = @progress, warnings = @warnings, files = @files, output_dir = @output_dir,
				error_code = @error_code, error_message = @error_message, lease_owner = NULL, lease_expires_at = NULL,
				finished_at = @now, updated_at = @now
			WHERE id = @id AND lease_owner = @worker AND status IN ${RUNNING_SQL}`),
		requeue: db.prepare(`
			UPDATE jobs SET status = 'queued', stage = @stage, progress = 0, warnings = @warnings, attempts = attempts - @refund,
				run_after = @run_after, lease_owner = NULL, lease_expires_at = NULL, updated_at = @now
			WHERE id = @id AND (@worker IS NULL OR lease_owner = @worker) AND status IN ${RUNNING_SQL}`),
		endExpired: db.prepare(`
			UPDATE jobs SET status = @status, stage = NULL, error_code = @error_code, error_message = @error_message,
				lease_owner = NULL, lease_expires_at = NULL, finished_at = @now, updated_at = @now
			WHERE id = @id AND status IN ${RUNNING_SQL}`),
		cancelQueued: db.prepare(`
			UPDATE jobs SET status = 'cancelled', stage = NULL, error_code = 'CANCELLED', error_message = @message,
				finished_at = @now, updated_at = @now
			WHERE id = @id AND status = 'queued'`),
		requestCancel: db.prepare(`UPDATE jobs SET cancel_requested = 1, updated_at = @now WHERE id = @id AND status IN ${RUNNING_SQL}`),
		delete: db.prepare('DELETE FROM jobs WHERE id = ?'),
		deleteRuns: db.prepare('DELETE FROM job_runs WHERE job_id = ?'),
		finishedBefore: db.prepare<[number], JobRow>(
			"SELECT * FROM jobs WHERE status IN ('done', 'failed', 'cancelled') AND finished_at < ? ORDER BY seq LIMIT 500",
		),
		counts: db.prepare<[], {status: string; n: number}>('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status'),
		// What metrics read at each scrape (JobStore.stats).
		statsJobs: db.prepare<[], {status: JobStatus; template: string | null; priority: number; n: number}>(
			'SELECT status, template, priority, COUNT(*) AS n FROM jobs GROUP BY status, template, priority',
		),
		statsOldestQueued: db.prepare<[], {at: number | null}>("SELECT MIN(created_at) AS at FROM jobs WHERE status = 'queued'"),
		statsRunningByOwner: db.prepare<[], {owner: string | null; n: number}>(
			`SELECT owner, COUNT(*) AS n FROM jobs WHERE status IN ${RUNNING_SQL} GROUP BY owner`,
		),
		statsDeliveries: db.prepare<[], {state: 'pending' | 'delivered' | 'failed'; n: number}>(
			'SELECT state, COUNT(*) AS n FROM webhook_deliveries GROUP BY state',
		),
		// One event per change of a job: ids are a per-job sequence, so a client resumes where it stopped.
		event: db.prepare(`
			INSERT INTO job_events (job_id, seq, type, status, stage, progress, error_code, error_message, at)
			SELECT id, COALESCE((SELECT MAX(seq) FROM job_events WHERE job_id = @id), 0) + 1,
				CASE WHEN status IN ('done', 'failed', 'cancelled') THEN status
					WHEN (SELECT e.status FROM job_events e WHERE e.job_id = @id ORDER BY e.seq DESC LIMIT 1) IS status THEN 'progress'
					ELSE 'status' END,
				status, stage, progress, error_code, error_message, @now
			FROM jobs WHERE id = @id`),
		enqueueWebhook: db.prepare(`
			INSERT INTO webhook_deliveries (job_id, event, url, state, next_at, created_at)
			SELECT id, 'video.' || status, json_extract(webhook, '$.url'), 'pending', @now, @now
			FROM jobs WHERE id = @id AND webhook IS NOT NULL AND status IN ('done', 'failed')`),
		eventsAfter: db.prepare<[string, number, number], EventRow>(
			'SELECT * FROM job_events WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?',
		),
		deleteEvents: db.prepare('DELETE FROM job_events WHERE job_id = ?'),
		deleteAttempts: db.prepare('DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE job_id = ?)'),
		deleteDeliveries: db.prepare('DELETE FROM webhook_deliveries WHERE job_id = ?'),
		runs: db.prepare<[string], JobRun>(
			'SELECT attempt, worker, started_at, ended_at, outcome FROM job_runs WHERE job_id = ? ORDER BY run_id',
		),
	};
};

/**
 * The page query of `list`: newest first, optionally only some statuses and only before a seq.
 * Asks for one row more than `limit` to tell if there is a next page.
 */
export const listJobsSql = (q: {
	statuses?: readonly JobStatus[] | undefined;
	limit: number;
	beforeSeq?: number | undefined;
}): {sql: string; params: (string | number)[]} => {
	const where: string[] = [];
	const params: (string | number)[] = [];
	if (q.statuses && q.statuses.length > 0) {
		where.push(`status IN (${q.statuses.map(() => '?').join(',')})`);
		params.push(...q.statuses);
	}
	if (q.beforeSeq !== undefined) {
		where.push('seq < ?');
		params.push(q.beforeSeq);
	}
	return {
		sql: `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
		params: [...params, q.limit + 1],
	};
};
