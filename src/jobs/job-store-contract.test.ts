import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {newJob as job, postgresBackend, sqliteBackend} from '../../test/support/job-store-backends';
import type {JobStore} from './job-store';
import type {JobRunner} from './run-job';
import {createWorkerPool} from './worker-pool';

type Progress = Parameters<JobStore['updateProgress']>[0];

// What every JobStore must do (job-store.ts), run against SQLite (a real file) and Postgres (a real
// server started by the test, test/support/postgres-server.ts).
describe.each([sqliteBackend(), postgresBackend()])('job store contract: $name', (backend) => {
	let store: JobStore;
	const extra: JobStore[] = [];
	/** Another store on the same database, as another process or server. */
	const another = (): JobStore => {
		const s = backend.open();
		extra.push(s);
		return s;
	};

	beforeAll(() => backend.setup());
	afterAll(() => backend.teardown());
	beforeEach(async () => {
		await backend.fresh();
		store = backend.open();
	});
	afterEach(async () => {
		for (const s of extra.splice(0)) await s.close();
		await store.close();
	});

	const claimId = async (worker: string, now: number, cap?: number) =>
		(await store.claim({worker, now, leaseMs: 60_000, maxRunningPerOwner: cap})).job?.id ?? null;

	it('survives reopening', async () => {
		const a = await store.insert(job(), 1000);
		await store.close();
		store = backend.open();
		expect(await store.get(a.id)).toMatchObject({id: a.id, status: 'queued', priority: 'normal', owner: null, createdAt: 1000});
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
		const progress: Omit<Progress, 'worker'> = {id: a.id, status: 'voicing', stage: 'voicing', progress: 0.5, warnings: [], now: 10};
		expect(await store.updateProgress({...progress, worker: 'w2'})).toBe(false);
		expect(await store.updateProgress({...progress, worker: 'w1'})).toBe(true);
		expect(await store.heartbeat({id: a.id, worker: 'w1', now: 900, leaseMs: 1000})).toEqual({ok: true, cancelRequested: false});
		expect((await store.get(a.id))?.leaseExpiresAt).toBe(1900);
		expect(await store.reapExpired(1500)).toEqual([]);
		expect((await store.requestCancel(a.id, 1600))?.outcome).toBe('requested');
		expect(await store.heartbeat({id: a.id, worker: 'w1', now: 1700, leaseMs: 1000})).toEqual({ok: true, cancelRequested: true});
		expect(await store.heartbeat({id: a.id, worker: 'w2', now: 1700, leaseMs: 1000})).toEqual({ok: false, cancelRequested: false});
	});

	it('requeues a job whose worker died, then fails it visibly when no attempts are left', async () => {
		const a = await store.insert(job({maxAttempts: 2}), 0);
		await store.claim({worker: 'dead-1', now: 0, leaseMs: 100});
		const next = await store.claim({worker: 'w2', now: 500, leaseMs: 100});
		expect(next.reaped).toEqual([{id: a.id, outcome: 'requeued', attempts: 1}]);
		expect(next.job).toMatchObject({id: a.id, attempts: 2, leaseOwner: 'w2'});
		expect(next.job?.warnings[0]).toMatchObject({code: 'WORKER_LOST'});
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
		expect(await store.requeue({id: a.id, worker: 'w9', now: 30, runAfter: 30, warnings: [], refund: false, reason: 'x'})).toBe(false);
		await store.requeue({id: a.id, worker: 'w2', now: 30, runAfter: 5000, warnings: [], refund: false, reason: 'retry'});
		expect((await store.claim({worker: 'w3', now: 4000, leaseMs: 1000})).job).toBeNull();
		expect((await store.claim({worker: 'w3', now: 5000, leaseMs: 1000})).job?.attempts).toBe(2);
		expect((await store.runs(a.id)).map((r) => r.outcome)).toEqual(['released', 'retry', null]);
	});

	it('cancels queued jobs at once and refuses finished ones', async () => {
		const a = await store.insert(job(), 0);
		expect((await store.requestCancel(a.id, 1))?.outcome).toBe('cancelled');
		expect((await store.requestCancel(a.id, 2))?.outcome).toBe('already-cancelled');
		const b = await store.insert(job(), 0);
		await store.claim({worker: 'w', now: 0, leaseMs: 100});
		await store.finish({id: b.id, worker: 'w', status: 'done', warnings: [], files: ['video.mp4'], outputDir: '/x', now: 5});
		expect(await store.get(b.id)).toMatchObject({status: 'done', files: ['video.mp4'], outputDir: '/x', progress: 1, finishedAt: 5});
		expect((await store.requestCancel(b.id, 6))?.outcome).toBe('finished');
		expect(await store.requestCancel('vid_nope', 6)).toBeNull();
	});

	it('several stores on one database claiming at once never claim a job twice', async () => {
		const all = [store, another(), another()];
		const ids: string[] = [];
		for (let i = 0; i < 30; i++) ids.push((await store.insert(job(), i)).id);
		const claimed: string[] = [];
		for (let round = 0; round < 12; round++) {
			const got = await Promise.all(all.map((s, k) => s.claim({worker: `w${k}`, now: 1000, leaseMs: 60_000})));
			for (const g of got) if (g.job) claimed.push(g.job.id);
		}
		expect(claimed.sort()).toEqual([...ids].sort());
		for (const id of ids) expect(await store.runs(id)).toHaveLength(1);
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

	it('claim order: a high job submitted after 5 low ones is claimed next; then normal before low, oldest first', async () => {
		const lows = [];
		for (let i = 0; i < 5; i++) lows.push((await store.insert(job({priority: 'low'}), 100 + i)).id);
		const high = (await store.insert(job({priority: 'high'}), 200)).id;
		const normal = (await store.insert(job(), 300)).id;
		expect((await store.get(high))?.priority).toBe('high');
		const order = [];
		for (let i = 0; i < 7; i++) order.push(await claimId(`w${i}`, 1000));
		expect(order).toEqual([high, normal, ...lows]);
		expect(await claimId('w8', 1000)).toBeNull();
	});

	it("fair share: key A's 10 jobs do not delay key B's one job beyond the cap", async () => {
		const a = [];
		for (let i = 0; i < 10; i++) a.push((await store.insert(job({owner: 'key_a'}), 100 + i)).id);
		const b = (await store.insert(job({owner: 'key_b'}), 200)).id;
		expect([await claimId('w1', 1000, 2), await claimId('w2', 1000, 2), await claimId('w3', 1000, 2)]).toEqual([a[0], a[1], b]);
		expect(await claimId('w4', 1000, 2)).toBeNull();
		await store.finish({id: a[0]!, worker: 'w1', status: 'done', warnings: [], now: 1100});
		expect(await claimId('w1', 1100, 2)).toBe(a[2]);
		expect(await claimId('w5', 1100)).toBe(a[3]);
	});

	it('the cap holds for claims made at once by several stores; jobs without an owner share one allowance', async () => {
		for (let i = 0; i < 6; i++) await store.insert(job(), 100 + i);
		const all = [store, another(), another(), another()];
		const got = await Promise.all(all.map((s, k) => s.claim({worker: `w${k}`, now: 1000, leaseMs: 60_000, maxRunningPerOwner: 2})));
		expect(got.filter((g) => g.job).length).toBe(2);
		expect((await store.counts()).queued).toBe(4);
	});

	it('through the worker pool: with 3 workers and a cap of 2, B starts while A still has 8 waiting', async () => {
		for (let i = 0; i < 10; i++) await store.insert(job({owner: 'key_a', maxAttempts: 1}), 100 + i);
		const b = (await store.insert(job({owner: 'key_b', priority: 'low'}), 200)).id;
		const started: string[] = [];
		const hold: (() => void)[] = [];
		const run: JobRunner = (j) =>
			new Promise((resolve) => {
				started.push(j.owner ?? 'none');
				hold.push(() => resolve({files: [], outputDir: '/tmp', warnings: []}));
			});
		const pool = createWorkerPool({store, run, workerId: 'pool', concurrency: 3, leaseMs: 5000, pollMs: 20, maxRunningPerOwner: 2});
		pool.start();
		try {
			const end = Date.now() + 5000;
			while (started.length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
			expect(started).toEqual(['key_a', 'key_a', 'key_b']);
			expect(pool.running()).toContain(b);
			expect((await store.counts()).queued).toBe(8);
		} finally {
			for (const release of hold) release();
			await pool.stop({graceMs: 2000});
		}
	});

	it('appends an event per change, numbered per job, for SSE resumption', async () => {
		const a = await store.insert(job(), 0);
		await store.claim({worker: 'w', now: 1, leaseMs: 1000});
		const step: Omit<Progress, 'status' | 'progress'> = {id: a.id, worker: 'w', stage: 'voicing', warnings: [], now: 2};
		await store.updateProgress({...step, status: 'voicing', progress: 0.2});
		await store.updateProgress({...step, status: 'voicing', progress: 0.4, now: 3});
		await store.finish({id: a.id, worker: 'w', status: 'done', warnings: [], now: 4});
		const events = await store.eventsAfter(a.id, 0);
		expect(events.map((e) => [e.id, e.type, e.status])).toEqual([
			[1, 'status', 'queued'],
			[2, 'status', 'planning'],
			[3, 'status', 'voicing'],
			[4, 'progress', 'voicing'],
			[5, 'done', 'done'],
		]);
		expect(events[3]).toMatchObject({progress: 0.4, stage: 'voicing', at: 3, error: null});
		expect((await store.eventsAfter(a.id, 3)).map((e) => e.id)).toEqual([4, 5]);
		expect((await store.eventsAfter(a.id, 0, 2)).map((e) => e.id)).toEqual([1, 2]);
	});

	it('queues one webhook delivery when a job ends; one sender leases it; attempts are recorded', async () => {
		const a = await store.insert(job({webhook: {url: 'http://127.0.0.1:9/hook'}}), 0);
		await store.claim({worker: 'w', now: 0, leaseMs: 1000});
		await store.finish({id: a.id, worker: 'w', status: 'failed', warnings: [], error: {code: 'X', message: 'broke'}, now: 10});
		const other = another();
		const [mine, theirs] = await Promise.all([
			store.webhooks.claimDue({owner: 's1', now: 20, leaseMs: 1000, limit: 10}),
			other.webhooks.claimDue({owner: 's2', now: 20, leaseMs: 1000, limit: 10}),
		]);
		const leased = [...mine, ...theirs];
		expect(leased).toHaveLength(1);
		expect(leased[0]).toMatchObject({jobId: a.id, event: 'video.failed', url: 'http://127.0.0.1:9/hook', state: 'pending', attempts: []});
		const id = leased[0]!.id;
		const owner = mine.length ? 's1' : 's2';
		expect(await store.webhooks.freezeBody(id, '{"a":1}')).toBe('{"a":1}');
		expect(await store.webhooks.freezeBody(id, '{"b":2}')).toBe('{"a":1}');
		expect(await store.webhooks.begin({id, owner, at: 30})).toBe(1);
		await store.webhooks.record({id, owner, at: 31, attempt: 1, status: 500, error: 'HTTP 500', state: 'pending', nextAt: 100});
		expect(await store.webhooks.claimDue({owner: 's3', now: 50, leaseMs: 1000, limit: 10})).toEqual([]);
		const again = await other.webhooks.claimDue({owner: 's2', now: 100, leaseMs: 1000, limit: 10});
		expect(again.map((d) => d.id)).toEqual([id]);
		await other.webhooks.record({id, owner: 's2', at: 101, status: 204, error: null, state: 'delivered', nextAt: 101});
		const [delivery] = (await store.get(a.id))!.webhookDeliveries;
		expect(delivery).toMatchObject({state: 'delivered', body: '{"a":1}'});
		expect(delivery!.attempts).toEqual([
			{attempt: 1, at: 30, status: 500, error: 'HTTP 500'},
			{attempt: 2, at: 101, status: 204, error: null},
		]);
		expect((await store.stats()).webhookDeliveries).toEqual([{state: 'delivered', n: 1}]);
		expect(await store.webhooks.begin({id: 999_999, owner, at: 1})).toBe(0);
	});

	it('a released delivery lease can be taken by another sender at once', async () => {
		const a = await store.insert(job({webhook: {url: 'http://127.0.0.1:9/h'}}), 0);
		await store.claim({worker: 'w', now: 0, leaseMs: 1000});
		await store.finish({id: a.id, worker: 'w', status: 'done', warnings: [], now: 1});
		expect(await store.webhooks.claimDue({owner: 's1', now: 2, leaseMs: 60_000, limit: 5})).toHaveLength(1);
		expect(await store.webhooks.claimDue({owner: 's2', now: 3, leaseMs: 60_000, limit: 5})).toHaveLength(0);
		await store.webhooks.release('s1');
		expect((await store.webhooks.ofJob(a.id)).map((d) => d.event)).toEqual(['video.done']);
		expect(await store.webhooks.claimDue({owner: 's2', now: 4, leaseMs: 60_000, limit: 5})).toHaveLength(1);
	});

	it('idempotency keys: created, replayed, conflicting, and forgotten with their job', async () => {
		const key = {scope: 'k:abc', bodyHash: 'h1'};
		const first = await store.insertWithKey(job(), 0, key);
		expect(first.state).toBe('created');
		const id = first.state === 'created' ? first.job.id : '';
		expect(await store.insertWithKey(job(), 1, key)).toMatchObject({state: 'replay', job: {id}});
		expect(await store.insertWithKey(job(), 2, {...key, bodyHash: 'h2'})).toEqual({state: 'conflict'});
		expect(await store.idempotencyKeys.find({...key, now: 3})).toEqual({state: 'replay', jobId: id});
		await store.delete(id);
		expect(await store.idempotencyKeys.find({...key, now: 4})).toEqual({state: 'new'});
		await store.insertWithKey(job(), 5, key);
		await store.idempotencyKeys.remove(key.scope);
		expect(await store.idempotencyKeys.find({...key, now: 6})).toEqual({state: 'new'});
		// Two stores given one key at once: one job.
		const other = another();
		const both = await Promise.all([
			store.insertWithKey(job(), 7, {scope: 'k:x', bodyHash: 'h'}),
			other.insertWithKey(job(), 7, {scope: 'k:x', bodyHash: 'h'}),
		]);
		expect(both.map((r) => r.state).sort()).toEqual(['created', 'replay']);
	});

	it('assets: the first record of a content wins; unknown and malformed ids are null', async () => {
		const asset = {
			id: 'ast_0123456789abcdef01234567',
			kind: 'image' as const,
			contentType: 'image/png',
			fileName: 'ast_0123456789abcdef01234567.png',
			bytes: 1234,
			sha256: 'f'.repeat(64),
			originalName: 'a.png',
			durationMs: null,
			width: 64,
			height: 32,
			createdAt: 5,
		};
		expect(await store.assets.insert(asset)).toEqual(asset);
		expect(await store.assets.insert({...asset, originalName: 'b.png', createdAt: 9})).toEqual(asset);
		expect(await store.assets.get(asset.id)).toEqual(asset);
		expect(await store.assets.get('ast_ffffffffffffffffffffffff')).toBeNull();
		expect(await store.assets.get("x' OR 1=1")).toBeNull();
	});

	it('retention: finished jobs before a time, oldest first; delete removes the job with its events and deliveries', async () => {
		const old = await store.insert(job({webhook: {url: 'http://127.0.0.1:9/h'}}), 0);
		await store.claim({worker: 'w', now: 0, leaseMs: 1000});
		await store.finish({id: old.id, worker: 'w', status: 'done', warnings: [], now: 10});
		const cached = await store.insert(job({contentHash: 'hash1', done: {files: ['video.mp4'], outputDir: '/c', warnings: []}}), 20);
		await store.insert(job(), 30);
		expect(cached).toMatchObject({status: 'done', cached: true, stage: 'cached'});
		expect((await store.doneWithHash('hash1')).map((j) => j.id)).toEqual([cached.id]);
		expect((await store.finishedBefore(15)).map((j) => j.id)).toEqual([old.id]);
		expect((await store.finishedBefore(1000)).map((j) => j.id)).toEqual([old.id, cached.id]);
		expect((await store.delete(old.id))?.id).toBe(old.id);
		expect(await store.get(old.id)).toBeNull();
		expect(await store.eventsAfter(old.id, 0)).toEqual([]);
		expect(await store.webhooks.ofJob(old.id)).toEqual([]);
		expect(await store.runs(old.id)).toEqual([]);
		expect(await store.delete(old.id)).toBeNull();
	});

	it('batches: items are jobs stored with the batch; it ends once, with one batch.done delivery, when all its jobs ended', async () => {
		const jobs = [job(), job(), job()];
		const made = await store.batches.insert({
			batch: {id: 'bat_1', owner: 'k1', webhook: {url: 'http://127.0.0.1:9/b', metadata: {run: 7}}},
			jobs,
			now: 10,
		});
		expect(made).toMatchObject({state: 'created', batch: {id: 'bat_1', status: 'running', owner: 'k1', createdAt: 10, finishedAt: null}});
		const reopened = another();
		expect((await reopened.batches.get('bat_1'))?.jobIds).toEqual(jobs.map((j) => j.id));
		expect(await reopened.batches.get('bat_nope')).toBeNull();
		expect((await store.get(jobs[1]!.id))?.status).toBe('queued');
		expect(await store.batches.settle(20)).toEqual([]);
		for (let i = 0; i < 2; i++) {
			const claimed = (await store.claim({worker: 'w', now: 30, leaseMs: 1000})).job!;
			await store.finish({id: claimed.id, worker: 'w', status: i ? 'failed' : 'done', warnings: [], now: 40});
		}
		expect(await store.batches.settle(50)).toEqual([]);
		await store.requestCancel(jobs[2]!.id, 60);
		// Two stores settling at once: the batch ends once and queues one delivery.
		const settled = await Promise.all([store.batches.settle(70), reopened.batches.settle(70)]);
		expect(settled.flat()).toEqual(['bat_1']);
		const done = (await store.batches.get('bat_1'))!;
		expect(done).toMatchObject({status: 'done', finishedAt: 70, webhook: {url: 'http://127.0.0.1:9/b', metadata: {run: 7}}});
		expect(done.webhookDeliveries.map((d) => [d.jobId, d.event, d.state])).toEqual([['bat_1', 'batch.done', 'pending']]);
		const [leased] = await store.webhooks.claimDue({owner: 's', now: 80, leaseMs: 1000, limit: 5});
		expect(leased).toMatchObject({jobId: 'bat_1', event: 'batch.done', url: 'http://127.0.0.1:9/b'});
		expect(await store.batches.settle(90)).toEqual([]);
		// Retention: a batch that ended before the cutoff goes with its items and its delivery.
		expect(await store.batches.removeFinishedBefore(70)).toBe(0);
		expect(await store.batches.removeFinishedBefore(71)).toBe(1);
		expect(await reopened.batches.get('bat_1')).toBeNull();
		expect(await store.webhooks.ofJob('bat_1')).toEqual([]);
		expect(await store.batches.removeFinishedBefore(71)).toBe(0);
	});

	it('batches: all or nothing; an Idempotency-Key replays the batch, or conflicts with another body', async () => {
		const dup = job();
		await store.insert(dup, 0);
		await expect(store.batches.insert({batch: {id: 'bat_x', owner: null, webhook: null}, jobs: [job(), dup], now: 1})).rejects.toThrow();
		expect(await store.batches.get('bat_x')).toBeNull();
		expect(await store.counts()).toEqual({queued: 1});
		const key = {scope: 'open:k1', bodyHash: 'h1', since: 0};
		const first = await store.batches.insert({batch: {id: 'bat_a', owner: null, webhook: null}, jobs: [job()], now: 5, key});
		expect(first).toMatchObject({state: 'created', batch: {id: 'bat_a'}});
		const again = await another().batches.insert({batch: {id: 'bat_b', owner: null, webhook: null}, jobs: [job()], now: 6, key});
		expect(again).toMatchObject({state: 'replay', batch: {id: 'bat_a'}});
		expect(
			await store.batches.insert({batch: {id: 'bat_c', owner: null, webhook: null}, jobs: [job()], now: 7, key: {...key, bodyHash: 'h2'}}),
		).toEqual({
			state: 'conflict',
		});
		// Past the window the key names nothing.
		const later = await store.batches.insert({
			batch: {id: 'bat_d', owner: null, webhook: null},
			jobs: [job()],
			now: 9,
			key: {...key, since: 8},
		});
		expect(later).toMatchObject({state: 'created', batch: {id: 'bat_d', jobIds: [expect.any(String)]}});
		expect(await store.counts()).toEqual({queued: 3});
	});

	it('stats: jobs by status, template and priority; the oldest queued; running per owner', async () => {
		await store.insert(job({owner: 'k1', priority: 'high'}), 50);
		await store.insert(job({owner: 'k1'}), 60);
		await store.insert(job({owner: 'k2'}), 70);
		await store.claim({worker: 'w', now: 100, leaseMs: 1000});
		const stats = await store.stats();
		expect(stats.oldestQueuedAt).toBe(60);
		expect(stats.runningByOwner).toEqual([{owner: 'k1', n: 1}]);
		const byKey = stats.jobs.map((r) => `${r.status}/${r.priority}/${r.n}`).sort();
		expect(byKey).toEqual(['planning/high/1', 'queued/normal/2']);
		expect(stats.webhookDeliveries).toEqual([]);
	});
});
