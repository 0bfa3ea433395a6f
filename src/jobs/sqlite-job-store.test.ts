import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {newJob as job} from '../../test/support/job-store-backends';
import {MIGRATIONS, SCHEMA_VERSION} from './job-store-migrations';
import type {JobStore} from './job-store';
import {openSqliteJobStore} from './sqlite-job-store';

// What only the SQLite store does: WAL and its file migrations. The behaviour every store shares is
// in job-store-contract.test.ts, run against SQLite and Postgres.
let dir: string;
let store: JobStore;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'promptreel-store-'));
	store = openSqliteJobStore({file: join(dir, 'jobs.db')});
});
afterEach(async () => {
	await store.close();
	rmSync(dir, {recursive: true, force: true});
});

describe('sqlite job store', () => {
	it('uses WAL, so readers in other processes do not wait for writers', async () => {
		await store.insert(job(), 1000);
		const check = new Database(join(dir, 'jobs.db'), {readonly: true});
		expect(check.pragma('journal_mode', {simple: true})).toBe('wal');
		check.close();
	});
});

describe('migration 3', () => {
	it('brings a version 2 file up to date: its jobs read as normal priority with no owner, and claim in order', async () => {
		const file = join(dir, 'old.db');
		const db = new Database(file);
		db.exec(MIGRATIONS[1]!);
		db.exec(MIGRATIONS[2]!);
		db.pragma('user_version = 2');
		db.prepare(
			`INSERT INTO jobs (id, kind, input, options, status, max_attempts, timeout_ms, run_after, created_at, updated_at)
			VALUES ('vid_old', 'prompt', '{"prompt":"x"}', '{}', 'queued', 1, 1000, 0, 0, 0)`,
		).run();
		db.close();
		const old = openSqliteJobStore({file});
		try {
			expect(await old.get('vid_old')).toMatchObject({priority: 'normal', owner: null, status: 'queued'});
			const high = (await old.insert(job({priority: 'high'}), 10)).id;
			expect((await old.claim({worker: 'w', now: 20, leaseMs: 1000})).job?.id).toBe(high);
			expect((await old.claim({worker: 'w', now: 20, leaseMs: 1000})).job?.id).toBe('vid_old');
		} finally {
			await old.close();
		}
		const check = new Database(file, {readonly: true});
		expect(check.pragma('user_version', {simple: true})).toBe(SCHEMA_VERSION);
		check.close();
	});
});
