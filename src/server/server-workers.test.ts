import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {http, spawnServer, tinyStoryboard, waitForJob, type SpawnedServer} from '../../test/support/server-harness';
import {openSqliteJobStore} from '../jobs';

// Two real server processes (each one worker, its own browser) on ONE data dir: SQLite leases
// decide who runs what; every job runs exactly once.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-workers-'));
const servers: SpawnedServer[] = [];

afterAll(async () => {
	for (const s of servers) await s.killHard().catch(() => undefined);
	rmSync(dataDir, {recursive: true, force: true});
});

describe('two worker processes on one data dir', () => {
	it('share the queue and never run the same job twice', async () => {
		// A lease long enough that a busy 2-core CI machine cannot make a live worker look dead.
		const env = {PROMPTREEL_LEASE_SEC: '10'};
		const [one, two] = await Promise.all([spawnServer({dataDir, env}), spawnServer({dataDir, env})]);
		servers.push(one!, two!);
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) {
			const via = i % 2 ? two! : one!;
			const res = await http(via.url).post('/v1/videos', {
				storyboard: tinyStoryboard(`Shared queue ${i}`, {durationMs: 1000, fps: 10}),
				options: {quality: 'draft'},
			});
			expect(res.status).toBe(202);
			ids.push(res.body.id);
		}
		for (const id of ids) {
			const job = await waitForJob(one!.url, id, (j) => j.status === 'done' || j.status === 'failed', 120_000, 200);
			expect(job).toMatchObject({status: 'done', attempts: 1, error: null});
		}

		const store = openSqliteJobStore({file: join(dataDir, 'jobs.db')});
		try {
			const runs = await Promise.all(ids.map((id) => store.runs(id)));
			for (const r of runs) expect(r.map((x) => x.outcome)).toEqual(['done']);
			const workers = new Set(runs.flat().map((r) => r.worker));
			expect(workers.size).toBe(2);
		} finally {
			await store.close();
		}
		// Both list the same jobs: one store.
		const listed = (await http(two!.url).get('/v1/videos?status=done&limit=100')).body.data.map((j: {id: string}) => j.id);
		expect(listed.sort()).toEqual([...ids].sort());
		expect(await Promise.all([one!.terminate(), two!.terminate()])).toEqual([0, 0]);
	});
});
