import type {Pool} from 'pg';
import {batchTablesSql} from '../batches/batch-sql';

/** The schema version this code writes on Postgres (table promptreel_schema). */
export const PG_SCHEMA_VERSION = 2;

/** Key of the session advisory lock that migrations run under (any constant unique to promptreel). */
const MIGRATION_LOCK = 7_204_118_301;

// One entry per version, applied in order; never edit a released entry, add the next one. Version 1
// is the SQLite schema at its version 3 (job-store-migrations.ts): the same tables and columns, so
// both stores read rows the same way (job-row.ts). JSON stays in TEXT columns for that reason; times
// are ms since the epoch in BIGINT (parsed to numbers by the pool, see open-pg-pool.ts).
export const PG_MIGRATIONS: Record<number, string> = {
	1: `
		CREATE TABLE jobs (
			seq BIGSERIAL PRIMARY KEY,
			id TEXT NOT NULL UNIQUE,
			kind TEXT NOT NULL CHECK (kind IN ('prompt', 'storyboard')),
			input TEXT NOT NULL,
			options TEXT NOT NULL,
			webhook TEXT,
			content_hash TEXT,
			priority SMALLINT NOT NULL DEFAULT 1 CHECK (priority IN (0, 1, 2)),
			owner TEXT,
			template TEXT,
			status TEXT NOT NULL,
			stage TEXT,
			progress DOUBLE PRECISION NOT NULL DEFAULT 0,
			warnings TEXT NOT NULL DEFAULT '[]',
			error_code TEXT,
			error_message TEXT,
			files TEXT NOT NULL DEFAULT '[]',
			output_dir TEXT,
			cached SMALLINT NOT NULL DEFAULT 0,
			attempts INTEGER NOT NULL DEFAULT 0,
			max_attempts INTEGER NOT NULL,
			timeout_ms BIGINT NOT NULL,
			run_after BIGINT NOT NULL,
			lease_owner TEXT,
			lease_expires_at BIGINT,
			cancel_requested SMALLINT NOT NULL DEFAULT 0,
			created_at BIGINT NOT NULL,
			updated_at BIGINT NOT NULL,
			started_at BIGINT,
			finished_at BIGINT
		);
		CREATE INDEX jobs_by_status ON jobs (status, seq);
		CREATE INDEX jobs_by_hash ON jobs (content_hash) WHERE content_hash IS NOT NULL;
		CREATE INDEX jobs_claim_order ON jobs (status, priority, seq);
		CREATE INDEX jobs_by_owner ON jobs (owner, status);
		CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;
		CREATE TABLE job_runs (
			run_id BIGSERIAL PRIMARY KEY,
			job_id TEXT NOT NULL,
			attempt INTEGER NOT NULL,
			worker TEXT NOT NULL,
			started_at BIGINT NOT NULL,
			ended_at BIGINT,
			outcome TEXT
		);
		CREATE INDEX job_runs_by_job ON job_runs (job_id);
		CREATE TABLE job_events (
			job_id TEXT NOT NULL,
			seq INTEGER NOT NULL,
			type TEXT NOT NULL,
			status TEXT NOT NULL,
			stage TEXT,
			progress DOUBLE PRECISION NOT NULL,
			error_code TEXT,
			error_message TEXT,
			at BIGINT NOT NULL,
			PRIMARY KEY (job_id, seq)
		);
		CREATE TABLE webhook_deliveries (
			id BIGSERIAL PRIMARY KEY,
			job_id TEXT NOT NULL,
			event TEXT NOT NULL,
			url TEXT NOT NULL,
			body TEXT,
			state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
			attempts INTEGER NOT NULL DEFAULT 0,
			next_at BIGINT NOT NULL,
			lease_owner TEXT,
			lease_expires_at BIGINT,
			created_at BIGINT NOT NULL
		);
		CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_at);
		CREATE INDEX webhook_deliveries_by_job ON webhook_deliveries (job_id);
		CREATE TABLE webhook_attempts (
			delivery_id BIGINT NOT NULL,
			attempt INTEGER NOT NULL,
			at BIGINT NOT NULL,
			status INTEGER,
			error TEXT,
			PRIMARY KEY (delivery_id, attempt)
		);
		CREATE TABLE idempotency_keys (
			scope TEXT PRIMARY KEY,
			body_hash TEXT NOT NULL,
			job_id TEXT,
			created_at BIGINT NOT NULL
		);
		CREATE TABLE assets (
			id TEXT PRIMARY KEY,
			kind TEXT NOT NULL,
			content_type TEXT NOT NULL,
			file_name TEXT NOT NULL,
			bytes BIGINT NOT NULL,
			sha256 TEXT NOT NULL,
			original_name TEXT,
			duration_ms BIGINT,
			width INTEGER,
			height INTEGER,
			created_at BIGINT NOT NULL
		);
	`,
	// Batches, as SQLite's version 4.
	2: batchTablesSql({seq: 'BIGSERIAL PRIMARY KEY', int: 'BIGINT'}),
};

/**
 * Brings the database up to PG_SCHEMA_VERSION. Every server opening the store calls it; the session
 * advisory lock lets exactly one of several servers starting at once create the tables while the
 * others wait and then find them there. Resolves to the version found before migrating.
 */
export const migratePostgres = async (pool: Pool): Promise<number> => {
	const c = await pool.connect();
	try {
		await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		try {
			await c.query('CREATE TABLE IF NOT EXISTS promptreel_schema (version INTEGER NOT NULL)');
			const found = (await c.query<{version: number}>('SELECT MAX(version) AS version FROM promptreel_schema')).rows[0]?.version ?? 0;
			for (let v = found + 1; v <= PG_SCHEMA_VERSION; v++) {
				await c.query('BEGIN');
				try {
					await c.query(PG_MIGRATIONS[v]!);
					await c.query('INSERT INTO promptreel_schema (version) VALUES ($1)', [v]);
					await c.query('COMMIT');
				} catch (error) {
					await c.query('ROLLBACK');
					throw error;
				}
			}
			return found;
		} finally {
			await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
		}
	} finally {
		c.release();
	}
};
