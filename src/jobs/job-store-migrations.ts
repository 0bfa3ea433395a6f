import type Database from 'better-sqlite3';
import {batchTablesSql} from './batches/batch-sql';

/** The schema version this code writes (SQLite `user_version`). */
export const SCHEMA_VERSION = 4;

// One entry per version, applied in order to bring an older file up to date; never edit a
// released entry, add the next one.
export const MIGRATIONS: Record<number, string> = {
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
	// Priorities and fair share (README "Running it for a team"): a claim takes the most urgent
	// queued job (priority 0 high, 1 normal, 2 low), oldest first, whose owner (the fingerprint of
	// the API key that sent it) runs fewer jobs than PROMPTREEL_MAX_RUNNING_PER_KEY. The template
	// gets its own column so metrics count jobs by template without reading every input.
	3: `
		ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 1 CHECK (priority IN (0, 1, 2));
		ALTER TABLE jobs ADD COLUMN owner TEXT;
		ALTER TABLE jobs ADD COLUMN template TEXT;
		UPDATE jobs SET template = COALESCE(json_extract(input, '$.storyboard.template'), json_extract(options, '$.template'));
		CREATE INDEX jobs_claim_order ON jobs (status, priority, seq);
		CREATE INDEX jobs_by_owner ON jobs (owner, status);
	`,
	// Batches (README "Batches"): a row per batch linking the jobs of its items.
	4: batchTablesSql({seq: 'INTEGER PRIMARY KEY AUTOINCREMENT', int: 'INTEGER'}),
};

/**
 * Runs a step of opening the store again while another process holds a lock it needs: switching
 * to WAL and reading a schema that another process is changing can report "locked" without waiting
 * on busy_timeout when several processes open a new data dir at the same moment.
 */
export const retryWhileLocked = <T>(step: () => T): T => {
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

/**
 * Brings the jobs database up to SCHEMA_VERSION in one IMMEDIATE transaction, so of several
 * processes opening a new data dir at once exactly one creates the tables.
 */
export const migrateJobStore = (db: Database.Database): void => {
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
};
