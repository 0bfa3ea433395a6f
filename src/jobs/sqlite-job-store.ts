import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import Database from 'better-sqlite3';
import type {Storyboard} from '../compositions/storyboard';
import type {GenerateOptions} from '../pipeline/generate';
import type {JobWarning} from './api-schemas';
import {RUNNING_STATUSES, type JobStatus, type RunningStatus} from './job-status';
import {openWebhookDeliveries, type WebhookDelivery} from './webhook-deliveries';

export type JobKind = 'prompt' | 'storyboard';
export type JobInput = {prompt: string} | {storyboard: Storyboard};
export type JobError = {code: string; message: string};
export type Webhook = {url: string; metadata?: Record<string, unknown> | undefined};

/** A job as stored. Times are ms since the epoch. */
export type JobRecord = {
	seq: number;
	id: string;
	kind: JobKind;
	input: JobInput;
	options: GenerateOptions;
	webhook: Webhook | null;
	contentHash: string | null;
	status: JobStatus;
	stage: string | null;
	progress: number;
	warnings: JobWarning[];
	error: JobError | null;
	files: string[];
	outputDir: string | null;
	cached: boolean;
	attempts: number;
	maxAttempts: number;
	timeoutMs: number;
	runAfter: number;
	leaseOwner: string | null;
	leaseExpiresAt: number | null;
	cancelRequested: boolean;
	createdAt: number;
	updatedAt: number;
	startedAt: number | null;
	finishedAt: number | null;
	/** Deliveries of the job's webhook events (filled by get and list). */
	webhookDeliveries: WebhookDelivery[];
};

export type NewJob = Pick<JobRecord, 'id' | 'kind' | 'input' | 'options' | 'webhook' | 'contentHash' | 'maxAttempts' | 'timeoutMs'> & {
	/** A job answered from the cache is created done, with its files. */
	done?: {files: string[]; outputDir: string; warnings: JobWarning[]};
};

/** What happened to a job whose worker stopped sending heartbeats. */
export type ReapedJob = {id: string; outcome: 'requeued' | 'failed' | 'cancelled'; attempts: number};

export type CancelOutcome = 'cancelled' | 'requested' | 'already-cancelled' | 'finished';

const SCHEMA_VERSION = 2;
const RUNNING_SQL = `(${RUNNING_STATUSES.map((s) => `'${s}'`).join(',')})`;

const MIGRATIONS: Record<number, string> = {
	1: `
		CREATE TABLE jobs (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			id TEXT NOT NULL UNIQUE,
			kind TEXT NOT NULL CHECK (kind IN ('prompt', 'storyboard')),
			input TEXT NOT NULL,
			options TEXT NOT NULL,
			webhook TEXT,
			content_hash TEXT,
			status TEXT NOT NULL,
			stage TEXT,
			progress REAL NOT NULL DEFAULT 0,
			warnings TEXT NOT NULL DEFAULT '[]',
			error_code TEXT,
			error_message TEXT,
			files TEXT NOT NULL DEFAULT '[]',
			output_dir TEXT,
			cached INTEGER NOT NULL DEFAULT 0,
			attempts INTEGER NOT NULL DEFAULT 0,
			max_attempts INTEGER NOT NULL,
			timeout_ms INTEGER NOT NULL,
			run_after INTEGER NOT NULL,
			lease_owner TEXT,
			lease_expires_at INTEGER,
			cancel_requested INTEGER NOT NULL DEFAULT 0,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL,
			started_at INTEGER,
			finished_at INTEGER
		);
		CREATE INDEX jobs_by_status ON jobs (status, seq);
		CREATE INDEX jobs_by_hash ON jobs (content_hash) WHERE content_hash IS NOT NULL;
		CREATE TABLE job_runs (
			run_id INTEGER PRIMARY KEY AUTOINCREMENT,
			job_id TEXT NOT NULL,
			attempt INTEGER NOT NULL,
			worker TEXT NOT NULL,
			started_at INTEGER NOT NULL,
			ended_at INTEGER,
			outcome TEXT
		);
		CREATE INDEX job_runs_by_job ON job_runs (job_id);
	`,
	2: `
		CREATE TABLE job_events (
			job_id TEXT NOT NULL,
			seq INTEGER NOT NULL,
			type TEXT NOT NULL,
			status TEXT NOT NULL,
			stage TEXT,
			progress REAL NOT NULL,
			error_code TEXT,
			error_message TEXT,
			at INTEGER NOT NULL,
			PRIMARY KEY (job_id, seq)
		) WITHOUT ROWID;
		CREATE TABLE webhook_deliveries (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			job_id TEXT NOT NULL,
			event TEXT NOT NULL,
			url TEXT NOT NULL,
			body TEXT,
			state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
			attempts INTEGER NOT NULL DEFAULT 0,
			next_at INTEGER NOT NULL,
			lease_owner TEXT,
			lease_expires_at INTEGER,
			created_at INTEGER NOT NULL
		);
		CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_at);
		CREATE INDEX webhook_deliveries_by_job ON webhook_deliveries (job_id);
		CREATE TABLE webhook_attempts (
			delivery_id INTEGER NOT NULL,
			attempt INTEGER NOT NULL,
			at INTEGER NOT NULL,
			status INTEGER,
			error TEXT,
			PRIMARY KEY (delivery_id, attempt)
		);
		CREATE TABLE idempotency_keys (
			scope TEXT PRIMARY KEY,
			body_hash TEXT NOT NULL,
			job_id TEXT,
			created_at INTEGER NOT NULL
		);
		CREATE TABLE assets (
			id TEXT PRIMARY KEY,
			kind TEXT NOT NULL,
			content_type TEXT NOT NULL,
			file_name TEXT NOT NULL,
			bytes INTEGER NOT NULL,
			sha256 TEXT NOT NULL,
			original_name TEXT,
			duration_ms INTEGER,
			width INTEGER,
			height INTEGER,
			created_at INTEGER NOT NULL
		);
	`,
};

type Row = {
	seq: number;
	id: string;
	kind: JobKind;
	input: string;
	options: string;
	webhook: string | null;
	content_hash: string | null;
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

const fromRow = (r: Row): JobRecord => ({
	seq: r.seq,
	id: r.id,
	kind: r.kind,
	input: JSON.parse(r.input) as JobInput,
	options: JSON.parse(r.options) as GenerateOptions,
	webhook: r.webhook ? (JSON.parse(r.webhook) as Webhook) : null,
	contentHash: r.content_hash,
	status: r.status,
	stage: r.stage,
	progress: r.progress,
	warnings: JSON.parse(r.warnings) as JobWarning[],
	error: r.error_code ? {code: r.error_code, message: r.error_message ?? ''} : null,
	files: JSON.parse(r.files) as string[],
	outputDir: r.output_dir,
	cached: r.cached === 1,
	attempts: r.attempts,
	maxAttempts: r.max_attempts,
	timeoutMs: r.timeout_ms,
	runAfter: r.run_after,
	leaseOwner: r.lease_owner,
	leaseExpiresAt: r.lease_expires_at,
	cancelRequested: r.cancel_requested === 1,
	createdAt: r.created_at,
	updatedAt: r.updated_at,
	startedAt: r.started_at,
	finishedAt: r.finished_at,
	webhookDeliveries: [],
});

type EventRow = {
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

/** One change of a job, as stored (and sent over SSE). */
export type JobEvent = {
	id: number;
	type: 'status' | 'progress' | 'done' | 'failed' | 'cancelled';
	status: JobStatus;
	stage: string | null;
	progress: number;
	error: JobError | null;
	at: number;
};

const fromEventRow = (r: EventRow): JobEvent => ({
	id: r.seq,
	type: r.type as JobEvent['type'],
	status: r.status,
	stage: r.stage,
	progress: r.progress,
	error: r.error_code ? {code: r.error_code, message: r.error_message ?? ''} : null,
	at: r.at,
});

/** The status a claimed job starts in. */
const firstStatus = (kind: JobKind): RunningStatus => (kind === 'prompt' ? 'planning' : 'rendering');

export type JobStore = ReturnType<typeof openJobStore>;

/**
 * Jobs in one SQLite file shared by every process on the data dir (servers, MCP servers).
 * Writes that decide who runs a job happen in IMMEDIATE transactions, so two processes never
 * both claim it; every write of a running job is conditioned on the caller still holding the
 * lease, so a worker that lost its lease can no longer change the job.
 */
/**
 * Runs a step of opening the store again while another process holds a lock it needs: switching
 * to WAL and reading a schema that another process is changing can report "locked" without waiting
 * on busy_timeout when several processes open a new data dir at the same moment.
 */
const retryWhileLocked = <T>(step: () => T): T => {
	const deadline = Date.now() + 15_000;
	for (;;) {
		try {
			return step();
		} catch (error) {
			if (!(error instanceof Error && /locked|busy/i.test(error.message)) || Date.now() > deadline) throw error;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
		}
	}
};

export const openJobStore = (o: {file: string}) => {
	mkdirSync(dirname(o.file), {recursive: true});
	// The busy timeout comes first: several processes may open a new data dir at the same moment,
	// and switching to WAL needs a moment of exclusive access.
	const db = new Database(o.file, {timeout: 10_000});
	db.pragma('busy_timeout = 10000');
	retryWhileLocked(() => db.pragma('journal_mode = WAL'));
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');

	retryWhileLocked(() =>
		db
			.transaction(() => {
				const version = db.pragma('user_version', {simple: true}) as number;
				for (let v = version + 1; v <= SCHEMA_VERSION; v++) {
					const sql = MIGRATIONS[v];
					if (sql) db.exec(sql);
				}
				if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
			})
			.immediate(),
	);

	const stmt = {
		insert: db.prepare(`
			INSERT INTO jobs (id, kind, input, options, webhook, content_hash, status, stage, progress, warnings, files, output_dir, cached,
				max_attempts, timeout_ms, run_after, created_at, updated_at, finished_at)
			VALUES (@id, @kind, @input, @options, @webhook, @content_hash, @status, @stage, @progress, @warnings, @files, @output_dir, @cached,
				@max_attempts, @timeout_ms, @run_after, @now, @now, @finished_at)`),
		get: db.prepare<[string], Row>('SELECT * FROM jobs WHERE id = ?'),
		doneByHash: db.prepare<[string], Row>(
			"SELECT * FROM jobs WHERE content_hash = ? AND status = 'done' ORDER BY seq DESC LIMIT 5",
		),
		expired: db.prepare<[number], Row>(`SELECT * FROM jobs WHERE status IN ${RUNNING_SQL} AND lease_expires_at < ?`),
		nextQueued: db.prepare<[number], {id: string}>(
			"SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ? ORDER BY seq LIMIT 1",
		),
		claim: db.prepare(`
			UPDATE jobs SET status = @status, stage = 'starting', progress = 0, attempts = attempts + 1, lease_owner = @worker,
				lease_expires_at = @expires, started_at = @now, updated_at = @now, error_code = NULL, error_message = NULL
			WHERE id = @id AND status = 'queued'`),
		runStart: db.prepare('INSERT INTO job_runs (job_id, attempt, worker, started_at) VALUES (?, ?, ?, ?)'),
		runEnd: db.prepare(
			'UPDATE job_runs SET ended_at = ?, outcome = ? WHERE job_id = ? AND worker = ? AND ended_at IS NULL',
		),
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
		requestCancel: db.prepare(
			`UPDATE jobs SET cancel_requested = 1, updated_at = @now WHERE id = @id AND status IN ${RUNNING_SQL}`,
		),
		delete: db.prepare('DELETE FROM jobs WHERE id = ?'),
		deleteRuns: db.prepare('DELETE FROM job_runs WHERE job_id = ?'),
		finishedBefore: db.prepare<[number], Row>(
			"SELECT * FROM jobs WHERE status IN ('done', 'failed', 'cancelled') AND finished_at < ? ORDER BY seq LIMIT 500",
		),
		counts: db.prepare<[], {status: string; n: number}>('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status'),
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
		eventsAfter: db.prepare<[string, number, number], EventRow>('SELECT * FROM job_events WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
		deleteEvents: db.prepare('DELETE FROM job_events WHERE job_id = ?'),
		deleteAttempts: db.prepare('DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE job_id = ?)'),
		deleteDeliveries: db.prepare('DELETE FROM webhook_deliveries WHERE job_id = ?'),
		runs: db.prepare<[string], {attempt: number; worker: string; started_at: number; ended_at: number | null; outcome: string | null}>(
			'SELECT attempt, worker, started_at, ended_at, outcome FROM job_runs WHERE job_id = ? ORDER BY run_id',
		),
	};

	/** Records the job's new state as an event; a job that just ended done or failed queues its webhook. */
	const changed = (id: string, now: number, ended = false): void => {
		stmt.event.run({id, now});
		if (ended) stmt.enqueueWebhook.run({id, now});
	};

	const webhooks = openWebhookDeliveries(db);
	const load = (row: Row): JobRecord => {
		const job = fromRow(row);
		return row.webhook ? {...job, webhookDeliveries: webhooks.ofJob(row.id)} : job;
	};

	const get = (id: string): JobRecord | null => {
		const row = stmt.get.get(id);
		return row ? load(row) : null;
	};

	/** Ends the runs of workers that stopped sending heartbeats: retry, fail, or finish a cancel. */
	const reapExpiredTx = (now: number): ReapedJob[] => {
		const reaped: ReapedJob[] = [];
		for (const row of stmt.expired.all(now)) {
			const job = fromRow(row);
			const lost = `The worker running attempt ${job.attempts} (${job.leaseOwner ?? 'unknown'}) stopped sending heartbeats (crashed or was killed).`;
			if (job.cancelRequested) {
				stmt.endExpired.run({id: job.id, status: 'cancelled', error_code: 'CANCELLED', error_message: 'Cancelled by request.', now});
				changed(job.id, now);
				reaped.push({id: job.id, outcome: 'cancelled', attempts: job.attempts});
			} else if (job.attempts >= job.maxAttempts) {
				stmt.endExpired.run({
					id: job.id,
					status: 'failed',
					error_code: 'WORKER_LOST',
					error_message: `${lost} No attempts left (${job.attempts} of ${job.maxAttempts}).`,
					now,
				});
				changed(job.id, now, true);
				reaped.push({id: job.id, outcome: 'failed', attempts: job.attempts});
			} else {
				const warnings: JobWarning[] = [...job.warnings, {stage: job.stage ?? job.status, code: 'WORKER_LOST', message: `${lost} Retrying.`}];
				stmt.requeue.run({id: job.id, worker: null, stage: 'requeued', warnings: JSON.stringify(warnings), refund: 0, run_after: now, now});
				changed(job.id, now);
				reaped.push({id: job.id, outcome: 'requeued', attempts: job.attempts});
			}
			stmt.runEndAny.run(now, 'lost', job.id);
		}
		return reaped;
	};

	const reapTx = db.transaction(reapExpiredTx);
	const claimTx = db.transaction((worker: string, now: number, leaseMs: number) => {
		const reaped = reapExpiredTx(now);
		const next = stmt.nextQueued.get(now);
		if (!next) return {job: null, reaped};
		const current = get(next.id);
		if (!current) return {job: null, reaped};
		const claimed = stmt.claim.run({id: next.id, status: firstStatus(current.kind), worker, expires: now + leaseMs, now}).changes;
		if (claimed !== 1) return {job: null, reaped};
		stmt.runStart.run(next.id, current.attempts + 1, worker, now);
		changed(next.id, now);
		return {job: get(next.id), reaped};
	});

	return {
		file: o.file,

		insert(job: NewJob, now: number): JobRecord {
			return db.transaction(() => {
			stmt.insert.run({
				id: job.id,
				kind: job.kind,
				input: JSON.stringify(job.input),
				options: JSON.stringify(job.options),
				webhook: job.webhook ? JSON.stringify(job.webhook) : null,
				content_hash: job.contentHash,
				status: job.done ? 'done' : 'queued',
				stage: job.done ? 'cached' : null,
				progress: job.done ? 1 : 0,
				warnings: JSON.stringify(job.done?.warnings ?? []),
				files: JSON.stringify(job.done?.files ?? []),
				output_dir: job.done?.outputDir ?? null,
				cached: job.done ? 1 : 0,
				max_attempts: job.maxAttempts,
				timeout_ms: job.timeoutMs,
				run_after: now,
				now,
				finished_at: job.done ? now : null,
			});
			changed(job.id, now, Boolean(job.done));
			return get(job.id)!;
			}).immediate();
		},

		get,

		/** Newest first; `beforeSeq` pages backwards. Returns one more than asked to tell if there is a next page. */
		list(q: {statuses?: readonly JobStatus[] | undefined; limit: number; beforeSeq?: number | undefined}): {jobs: JobRecord[]; more: boolean} {
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
			const sql = `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
			const rows = db.prepare<(string | number)[], Row>(sql).all(...params, q.limit + 1);
			return {jobs: rows.slice(0, q.limit).map(load), more: rows.length > q.limit};
		},

		/** Recent done jobs with this content hash, newest first. */
		doneWithHash: (hash: string): JobRecord[] => stmt.doneByHash.all(hash).map(fromRow),

		/** Reaps expired leases, then takes the oldest runnable queued job for `worker`, or null. */
		claim: (o: {worker: string; now: number; leaseMs: number}): {job: JobRecord | null; reaped: ReapedJob[]} =>
			claimTx.immediate(o.worker, o.now, o.leaseMs),

		reapExpired: (now: number): ReapedJob[] => reapTx.immediate(now),

		/** Extends the lease; `ok: false` means the worker lost the job (expired and taken, deleted or finished). */
		heartbeat(o: {id: string; worker: string; now: number; leaseMs: number}): {ok: boolean; cancelRequested: boolean} {
			const ok = stmt.heartbeat.run({id: o.id, worker: o.worker, expires: o.now + o.leaseMs}).changes === 1;
			const flag = ok ? stmt.cancelFlag.get(o.id) : undefined;
			return {ok, cancelRequested: flag?.cancel_requested === 1};
		},

		updateProgress(o: {id: string; worker: string; status: RunningStatus; stage: string; progress: number; warnings: JobWarning[]; now: number}): boolean {
			return db.transaction(() => {
				const ok =
					stmt.progress.run({id: o.id, worker: o.worker, status: o.status, stage: o.stage, progress: o.progress, warnings: JSON.stringify(o.warnings), now: o.now})
						.changes === 1;
				if (ok) changed(o.id, o.now);
				return ok;
			}).immediate();
		},

		/** done, failed or cancelled by the worker holding the lease. */
		finish(o: {
			id: string;
			worker: string;
			status: 'done' | 'failed' | 'cancelled';
			warnings: JobWarning[];
			files?: string[];
			outputDir?: string | null;
			error?: JobError | null;
			now: number;
		}): boolean {
			return db.transaction(() => {
				const n = stmt.finish.run({
					id: o.id,
					worker: o.worker,
					status: o.status,
					stage: o.status === 'done' ? 'done' : null,
					progress: o.status === 'done' ? 1 : 0,
					warnings: JSON.stringify(o.warnings),
					files: JSON.stringify(o.files ?? []),
					output_dir: o.outputDir ?? null,
					error_code: o.error?.code ?? null,
					error_message: o.error?.message ?? null,
					now: o.now,
				}).changes;
				if (n === 1) {
					stmt.runEnd.run(o.now, o.status, o.id, o.worker);
					changed(o.id, o.now, o.status !== 'cancelled');
				}
				return n === 1;
			}).immediate();
		},

		/**
		 * Gives a job back to the queue: after a retryable error (counts as an attempt) or on
		 * shutdown (`refund`: the attempt does not count).
		 */
		requeue(o: {id: string; worker: string; now: number; runAfter: number; warnings: JobWarning[]; refund: boolean; reason: string}): boolean {
			return db.transaction(() => {
				const n = stmt.requeue.run({
					id: o.id,
					worker: o.worker,
					stage: o.refund ? 'released' : 'retrying',
					warnings: JSON.stringify(o.warnings),
					refund: o.refund ? 1 : 0,
					run_after: o.runAfter,
					now: o.now,
				}).changes;
				if (n === 1) {
					stmt.runEnd.run(o.now, o.reason, o.id, o.worker);
					changed(o.id, o.now);
				}
				return n === 1;
			}).immediate();
		},

		/** Cancels a queued job at once; flags a running one for its worker. */
		requestCancel(id: string, now: number): {job: JobRecord; outcome: CancelOutcome} | null {
			return db.transaction(() => {
				const job = get(id);
				if (!job) return null;
				if (job.status === 'queued') {
					stmt.cancelQueued.run({id, message: 'Cancelled by request before it started.', now});
					changed(id, now);
					return {job: get(id)!, outcome: 'cancelled' as const};
				}
				if (job.status === 'cancelled') return {job, outcome: 'already-cancelled' as const};
				if (job.status === 'done' || job.status === 'failed') return {job, outcome: 'finished' as const};
				stmt.requestCancel.run({id, now});
				return {job: get(id)!, outcome: 'requested' as const};
			}).immediate();
		},

		/** Removes the job and its run log; returns what was removed. */
		delete(id: string): JobRecord | null {
			return db.transaction(() => {
				const job = get(id);
				if (!job) return null;
				stmt.delete.run(id);
				stmt.deleteRuns.run(id);
				stmt.deleteEvents.run(id);
				stmt.deleteAttempts.run(id);
				stmt.deleteDeliveries.run(id);
				return job;
			}).immediate();
		},

		/** Finished jobs older than `before` (a batch). */
		finishedBefore: (before: number): JobRecord[] => stmt.finishedBefore.all(before).map(fromRow),

		counts(): Record<string, number> {
			return Object.fromEntries(stmt.counts.all().map((r) => [r.status, r.n]));
		},

		/** Events of a job after `afterSeq`, oldest first (at most `limit`). */
		eventsAfter: (id: string, afterSeq: number, limit = 100): JobEvent[] => stmt.eventsAfter.all(id, afterSeq, limit).map(fromEventRow),

		/** Webhook deliveries (queued here when a job ends done or failed). */
		webhooks,

		/** The database, for the stores that share it (webhooks, idempotency keys, assets). */
		db,

		/** Every run of a job (attempt, worker, outcome): for diagnostics and tests. */
		runs: (id: string) => stmt.runs.all(id),

		close(): void {
			if (db.open) db.close();
		},
	};
};
