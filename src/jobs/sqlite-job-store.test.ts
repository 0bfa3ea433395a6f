import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateOptionsSchema} from '../pipeline/generate';
import type {JobStore} from './job-store';
import type {NewJob} from './job-types';
import {openSqliteJobStore as openJobStore} from './sqlite-job-store';

let dir: string;
let store: JobStore;
let n = 0;
const job = (over: Partial<NewJob> = {}): NewJob => ({
	id: `vid_${String(++n).padStart(24, '0')}`,
	kind: 'prompt',
	input: {prompt: 'How volcanoes form'},
	options: generateOptionsSchema.parse({}),
	webhook: null,
	contentHash: null,
	maxAttempts: 2,
	timeoutMs: 60_000,
	...over,
});

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'promptreel-store-'));
	store = openJobStore({file: join(dir, 'jobs.db')});
});
afterEach(async () => {
	await store.close();
	rmSync(dir, {recursive: true, force: true});
});

describe('job store', () => {
	it('uses WAL and survives reopening', async () => {
		const a = await store.insert(job(), 1000);
		await store.close();
		store = openJobStore({file: join(dir, 'jobs.db')});
		expect((await store.get(a.id))?.status).toBe('queued');
	});

	it('claims the oldest queued job once, with a lease and an attempt count', async () => {
		const a = await store.insert(job(), 1000);
		const b = await store.insert(job({kind: 'storyboard'}), 1001);
		const first = (await store.claim({worker: 'w1', now: 2000, leaseMs: 500})).job!;
		expect(first.id).toBe(a.id);
		expect(first).toMatchObject({status: 'planning', attempts: 1, leaseOwner: 'w1', leaseExpiresAt: 2500});
		const second = (await store.claim({worker: 'w2', now: 2000, leaseMs: 500})).job!;
		expect(second.id).toBe(b.id);
		expect(second.status).toBe('rendering');
		expect((await store.claim({worker: 'w3', now: 2000, leaseMs: 500})).job).toBeNull();
	});

	it('only the lease holder can write; a heartbeat extends the lease and reports a cancel request', async () => {
		const a = await store.insert(job(), 0);
		await store.claim({worker: 'w1', now: 0, leaseMs: 1000});
		expect(
			await store.updateProgress({id: a.id, worker: 'w2', status: 'voicing', stage: 'voicing', progress: 0.5, warnings: [], now: 10}),
		).toBe(false);
		expect(
			await store.updateProgress({id: a.id, worker: 'w1', status: 'voicing', stage: 'voicing', progress: 0.5, warnings: [], now: 10}),
		).toBe(true);
		expect(await store.heartbeat({id: a.id, worker: 'w1', now: 900, leaseMs: 1000})).toEqual({ok: true, cancelRequested: false});
		expect((await store.get(a.id))?.leaseExpiresAt).toBe(1900);
		// Not expired at 1500 thanks to the heartbeat.
		expect(await store.reapExpired(1500)).toEqual([]);
		expect((await store.requestCancel(a.id, 1600))?.outcome).toBe('requested');
		expect(await store.heartbeat({id: a.id, worker: 'w1', now: 1700, leaseMs: 1000})).toEqual({ok: true, cancelRequested: true});
	});

	it('requeues a job whose worker died, then fails it visibly when no attempts are left', async () => {
		const a = await store.insert(job({maxAttempts: 2}), 0);
		await store.claim({worker: 'dead-1', now: 0, leaseMs: 100});
		const next = await store.claim({worker: 'w2', now: 500, leaseMs: 100});
		expect(next.reaped).toEqual([{id: a.id, outcome: 'requeued', attempts: 1}]);
		expect(next.job).toMatchObject({id: a.id, attempts: 2, leaseOwner: 'w2'});
		expect(next.job?.warnings[0]).toMatchObject({code: 'WORKER_LOST'});
		// The old worker wakes up: it can no longer touch the job.
		expect((await store.heartbeat({id: a.id, worker: 'dead-1', now: 510, leaseMs: 100})).ok).toBe(false);
		expect(await store.finish({id: a.id, worker: 'dead-1', status: 'done', warnings: [], now: 510})).toBe(false);

		expect(await store.reapExpired(1000)).toEqual([{id: a.id, outcome: 'failed', attempts: 2}]);
		const failed = (await store.get(a.id))!;
		expect(failed.status).toBe('failed');
		expect(failed.error?.code).toBe('WORKER_LOST');
		expect(failed.error?.message).toMatch(/stopped sending heartbeats.*No attempts left \(2 of 2\)/);
		expect((await store.runs(a.id)).map((r) => [r.attempt, r.worker, r.outcome])).toEqual([
			[1, 'dead-1', 'lost'],
			[2, 'w2', 'lost'],
		]);
	});

	it("a cancel requested of a dead worker's job ends cancelled, not retried", async () => {
		const a = await store.insert(job(), 0);
		await store.claim({worker: 'dead', now: 0, leaseMs: 100});
		await store.requestCancel(a.id, 50);
		expect(await store.reapExpired(200)).toEqual([{id: a.id, outcome: 'cancelled', attempts: 1}]);
		expect((await store.get(a.id))?.status).toBe('cancelled');
	});

	it('a release on shutdown does not count as an attempt; a retry waits for run_after', async () => {
		const a = await store.insert(job(), 0);
		await store.claim({worker: 'w1', now: 0, leaseMs: 1000});
		expect(await store.requeue({id: a.id, worker: 'w1', now: 10, runAfter: 10, warnings: [], refund: true, reason: 'released'})).toBe(true);
		expect(await store.get(a.id)).toMatchObject({status: 'queued', attempts: 0, stage: 'released', leaseOwner: null});
		await store.claim({worker: 'w2', now: 20, leaseMs: 1000});
		await store.requeue({id: a.id, worker: 'w2', now: 30, runAfter: 5000, warnings: [], refund: false, reason: 'retry'});
		expect((await store.claim({worker: 'w3', now: 4000, leaseMs: 1000})).job).toBeNull();
		expect((await store.claim({worker: 'w3', now: 5000, leaseMs: 1000})).job?.attempts).toBe(2);
	});

	it('cancels queued jobs at once and refuses finished ones', async () => {
		const a = await store.insert(job(), 0);
		expect((await store.requestCancel(a.id, 1))?.outcome).toBe('cancelled');
		expect((await store.requestCancel(a.id, 2))?.outcome).toBe('already-cancelled');
		const b = await store.insert(job(), 0);
		await store.claim({worker: 'w', now: 0, leaseMs: 100});
		await store.finish({id: b.id, worker: 'w', status: 'done', warnings: [], files: ['video.mp4'], outputDir: '/x', now: 5});
		expect((await store.requestCancel(b.id, 6))?.outcome).toBe('finished');
		expect(await store.requestCancel('vid_nope', 6)).toBeNull();
	});

	it('several connections on one file (as several processes) never claim a job twice', async () => {
		const others = [openJobStore({file: join(dir, 'jobs.db')}), openJobStore({file: join(dir, 'jobs.db')})];
		try {
			const ids: string[] = [];
			for (let i = 0; i < 60; i++) ids.push((await store.insert(job(), i)).id);
			const claimed: string[] = [];
			const all = [store, ...others];
			for (let round = 0; round < 40; round++) {
				for (const [k, s] of all.entries()) {
					const got = (await s.claim({worker: `w${k}`, now: 1000, leaseMs: 60_000})).job;
					if (got) claimed.push(got.id);
				}
			}
			expect(claimed.sort()).toEqual([...ids].sort());
			for (const id of ids) expect(await store.runs(id)).toHaveLength(1);
		} finally {
			for (const o of others) await o.close();
		}
	});

	it('pages newest first with a status filter', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 7; i++) ids.push((await store.insert(job(), i)).id);
		await store.requestCancel(ids[1]!, 10);
		const page1 = await store.list({limit: 3});
		expect(page1.jobs.map((j) => j.id)).toEqual([ids[6], ids[5], ids[4]]);
		expect(page1.more).toBe(true);
		const page3 = await store.list({limit: 3, beforeSeq: (await store.list({limit: 3, beforeSeq: page1.jobs[2]!.seq})).jobs[2]!.seq});
		expect(page3).toMatchObject({more: false});
		expect(page3.jobs.map((j) => j.id)).toEqual([ids[0]]);
		expect((await store.list({limit: 10, statuses: ['cancelled']})).jobs.map((j) => j.id)).toEqual([ids[1]]);
		expect(await store.counts()).toEqual({queued: 6, cancelled: 1});
	});
});
