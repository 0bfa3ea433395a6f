import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {generateOptionsSchema} from '../../src/pipeline/generate';
import type {JobStore} from '../../src/jobs/job-store';
import type {NewJob} from '../../src/jobs/job-types';
import {openPostgresJobStore} from '../../src/jobs/postgres';
import {openSqliteJobStore} from '../../src/jobs/sqlite-job-store';
import {startPostgresServer, type PostgresServer} from './postgres-server';

/**
 * A job store implementation under the contract tests: `setup` once per file (Postgres starts its
 * server), `fresh` per test (an empty database), `open` connects another store to the same database
 * (as another process or server would).
 */
export type JobStoreBackend = {
	name: 'sqlite' | 'postgres';
	setup(): Promise<void>;
	teardown(): Promise<void>;
	fresh(): Promise<void>;
	open(): JobStore;
};

export const sqliteBackend = (): JobStoreBackend => {
	let dir = '';
	return {
		name: 'sqlite',
		async setup() {
			dir = mkdtempSync(join(tmpdir(), 'promptreel-store-'));
		},
		async teardown() {
			rmSync(dir, {recursive: true, force: true});
		},
		async fresh() {
			if (dir) rmSync(dir, {recursive: true, force: true});
			dir = mkdtempSync(join(tmpdir(), 'promptreel-store-'));
		},
		open: () => openSqliteJobStore({file: join(dir, 'jobs.db')}),
	};
};

export const postgresBackend = (): JobStoreBackend => {
	let server: PostgresServer | null = null;
	let url = '';
	let n = 0;
	return {
		name: 'postgres',
		async setup() {
			server = await startPostgresServer();
		},
		async teardown() {
			server?.stop();
		},
		async fresh() {
			url = await server!.createDatabase(`t${++n}`);
		},
		open: () => openPostgresJobStore({url, poolSize: 4}),
	};
};

let seq = 0;
/** A new job (a prompt job of one try unless `over` says otherwise). */
export const newJob = (over: Partial<NewJob> = {}): NewJob => ({
	id: `vid_${String(++seq).padStart(24, '0')}`,
	kind: 'prompt',
	input: {prompt: 'How volcanoes form'},
	options: generateOptionsSchema.parse({}),
	webhook: null,
	contentHash: null,
	maxAttempts: 2,
	timeoutMs: 60_000,
	...over,
});
