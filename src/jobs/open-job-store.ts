import {join} from 'node:path';
import type {JobStore} from './job-store';
import type {JobsSettings} from './jobs-settings';
import {openPostgresJobStore} from './postgres';
import {openSqliteJobStore} from './sqlite-job-store';

/**
 * The job store a process uses: Postgres when PROMPTREEL_DATABASE_URL is set (several servers share
 * it, docs/architecture.md), else the SQLite file `jobs.db` in the data dir.
 */
export const openJobStore = (o: {dataDir: string; database?: JobsSettings['database']; onError?: (error: Error) => void}): JobStore =>
	o.database
		? openPostgresJobStore({url: o.database.url, poolSize: o.database.poolSize, onError: o.onError})
		: openSqliteJobStore({file: join(o.dataDir, 'jobs.db')});
