import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {
	http,
	isRenderingFrames,
	settleGroups,
	spawnServer,
	tinyStoryboard,
	waitForJob,
	type SpawnedServer,
} from '../../test/support/server-harness';
import {openSqliteJobStore} from '../jobs';

// Real `promptreel serve` processes, started detached and killed as a whole process group, on one
// data dir with a 2 s lease: jobs survive SIGTERM, kill -9 and restarts.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-crash-'));
const servers: SpawnedServer[] = [];
const start = async (env: Record<string, string> = {}) => {
	const server = await spawnServer({dataDir, env: {PROMPTREEL_SHUTDOWN_GRACE_SEC: '0', ...env}});
	servers.push(server);
	return server;
};
const readJob = async (id: string) => {
	const store = openSqliteJobStore({file: join(dataDir, 'jobs.db')});
	try {
		return {job: (await store.get(id))!, runs: await store.runs(id)};
	} finally {
		await store.close();
	}
};

afterAll(async () => {
	for (const s of servers) await s.killHard().catch(() => undefined);
	rmSync(dataDir, {recursive: true, force: true});
});

describe('durable jobs across SIGTERM, kill -9 and restarts (real server processes)', () => {
	let x = '';
	let y = '';

	it('SIGTERM mid-render releases the job to the queue (attempt not counted) and exits 0', async () => {
		const a = await start();
		const res = await http(a.url).post('/v1/videos', {
			storyboard: tinyStoryboard('Survives crashes', {durationMs: 3000}),
			options: {quality: 'draft'},
		});
		expect(res.status).toBe(202);
		x = res.body.id;
		await waitForJob(a.url, x, isRenderingFrames, 90_000, 50);
		const groups = a.groups();
		expect(await a.terminate()).toBe(0);
		expect(a.log()).toMatch(/released on shutdown/);
		const {job} = await readJob(x);
		expect(job).toMatchObject({status: 'queued', attempts: 0, stage: 'released', leaseOwner: null});
		expect(await settleGroups(groups)).toEqual([]);
	});

	it('kill -9 of the process group mid-render: after the lease expires a restarted server takes the job again and completes it', async () => {
		const b = await start();
		await waitForJob(b.url, x, isRenderingFrames, 90_000, 50);
		const groups = b.groups();
		await b.killHard();
		expect(await settleGroups(groups)).toEqual([]);
		expect((await readJob(x)).job).toMatchObject({status: 'rendering', attempts: 1});

		// A new server; this one gives new jobs a single attempt (used by the next test).
		const c = await start({PROMPTREEL_MAX_ATTEMPTS: '1'});
		const done = await waitForJob(c.url, x, (j) => j.status === 'done' || j.status === 'failed', 90_000, 100);
		expect(done).toMatchObject({status: 'done', attempts: 2, error: null});
		expect(done.warnings.map((w: {code: string}) => w.code)).toContain('WORKER_LOST');
		const range = await fetch(done.files['video.mp4'], {headers: {Range: 'bytes=0-99'}});
		expect(range.status).toBe(206);
		expect((await range.arrayBuffer()).byteLength).toBe(100);
		const runs = (await readJob(x)).runs;
		expect(runs.map((r) => r.outcome)).toEqual(['released', 'lost', 'done']);
		expect(new Set(runs.map((r) => r.worker)).size).toBe(3);

		const res = await http(c.url).post('/v1/videos', {
			storyboard: tinyStoryboard('Out of attempts', {durationMs: 3000}),
			options: {quality: 'draft'},
		});
		y = res.body.id;
		expect(res.body.maxAttempts).toBe(1);
		await waitForJob(c.url, y, isRenderingFrames, 90_000, 50);
		await c.killHard();
	});

	it('a job that crashed with no attempts left is failed visibly with its reason, never stuck running', async () => {
		// A server that renders nothing still reaps expired leases.
		const d = await start({PROMPTREEL_CONCURRENCY: '0'});
		const failed = await waitForJob(d.url, y, (j) => j.status !== 'rendering', 20_000, 100);
		expect(failed).toMatchObject({status: 'failed', attempts: 1, error: {code: 'WORKER_LOST'}});
		expect(failed.error.message).toMatch(/stopped sending heartbeats.*No attempts left \(1 of 1\)/);
		expect((await http(d.url).get(`/v1/videos/${x}`)).body.status).toBe('done');
		expect(await d.terminate()).toBe(0);
	});
});
