import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {newJob} from '../../../test/support/job-store-backends';
import {startPostgresServer, type PostgresServer} from '../../../test/support/postgres-server';
import {openJobStore} from '../open-job-store';
import {PG_SCHEMA_VERSION} from './pg-migrations';
import {openPostgresJobStore} from './postgres-job-store';

// What only the Postgres store does; its behaviour as a JobStore is in job-store-contract.test.ts.
let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgresServer();
});
afterAll(() => server.stop());

describe('postgres job store', () => {
	it('five servers opening a new database at once migrate it exactly once', async () => {
		const url = await server.createDatabase('migrate_once');
		const stores = Array.from({length: 5}, () => openPostgresJobStore({url, poolSize: 2}));
		try {
			await Promise.all(stores.map((s) => s.ready));
			const ids = await Promise.all(stores.map(async (s) => (await s.insert(newJob(), 1)).id));
			expect(await stores[0]!.counts()).toEqual({queued: ids.length});
		} finally {
			for (const s of stores) await s.close();
		}
		const c = new pg.Client({connectionString: url});
		await c.connect();
		try {
			expect((await c.query('SELECT version FROM promptreel_schema ORDER BY version')).rows).toEqual(
				Array.from({length: PG_SCHEMA_VERSION}, (_, i) => ({version: i + 1})),
			);
		} finally {
			await c.end();
		}
	});

	it('a database that cannot be reached fails the first call with the driver error, not the process', async () => {
		const store = openPostgresJobStore({url: 'postgres://postgres@127.0.0.1:1/nope', poolSize: 1});
		await expect(store.counts()).rejects.toThrow(/ECONNREFUSED/);
		await store.close();
	});

	it('openJobStore picks Postgres when the settings name a database, and writes nothing to the data dir', async () => {
		const url = await server.createDatabase('wired');
		const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-pgwire-'));
		try {
			const store = openJobStore({dataDir, database: {url, poolSize: 2}});
			const other = openPostgresJobStore({url, poolSize: 1});
			try {
				const id = (await store.insert(newJob(), 1)).id;
				expect((await other.get(id))?.status).toBe('queued');
			} finally {
				await store.close();
				await other.close();
			}
			expect(existsSync(join(dataDir, 'jobs.db'))).toBe(false);
		} finally {
			rmSync(dataDir, {recursive: true, force: true});
		}
	});
});
