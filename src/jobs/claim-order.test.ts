import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateOptionsSchema} from '../pipeline/generate';
import {MIGRATIONS, SCHEMA_VERSION} from './job-store-migrations';
import type {JobStore} from './job-store';
import type {NewJob} from './job-types';
import type {JobRunner} from './run-job';
import {openSqliteJobStore} from './sqlite-job-store';
import {createWorkerPool} from './worker-pool';

// Priorities and fair share, on a real SQLite file: the order claims take jobs in.
let dir: string;
let store: JobStore;
let n = 0;
const job = (over: Partial<NewJob> = {}): NewJob => ({
	id: `vid_${String(++n).padStart(24, '0')}`,
	kind: 'storyboard',
	input: {prompt: 'x'},
	options: generateOptionsSchema.parse({}),
	webhook: null,
	contentHash: null,
	maxAttempts: 1,
	timeoutMs: 60_000,
	...over,
});

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'promptreel-claim-'));
	store = openSqliteJobStore({file: join(dir, 'jobs.db')});
});
afterEach(async () => {
	await store.close();
	rmSync(dir, {recursive: true, force: true});
});

const claimId = async (worker: string, now: number, cap?: number) =>
	(await store.claim({worker, now, leaseMs: 60_000, maxRunningPerOwner: cap})).job?.id ?? null;

describe('claim order', () => {
	it('a high job submitted after 5 low ones is claimed next; then normal before low, oldest first', async () => {
		const lows = [];
		for (let i = 0; i < 5; i++) lows.push((await store.insert(job({priority: 'low'}), 100 + i)).id);
		const high = (await store.insert(job({priority: 'high'}), 200)).id;
		const normal = (await store.insert(job(), 300)).id;
		expect((await store.get(high))?.priority).toBe('high');
		expect((await store.get(normal))?.priority).toBe('normal');
		const order = [];
		for (let i = 0; i < 7; i++) order.push(await claimId(`w${i}`, 1000));
		expect(order).toEqual([high, normal, ...lows]);
		expect(await claimId('w8', 1000)).toBeNull();
	});

	it("fair share: key A's 10 jobs do not delay key B's one job beyond the cap", async () => {
		const a = [];
		for (let i = 0; i < 10; i++) a.push((await store.insert(job({owner: 'key_a'}), 100 + i)).id);
		const b = (await store.insert(job({owner: 'key_b'}), 200)).id;
		// Cap 2: A gets two workers, B's job (submitted last) is next, then A waits for a slot.
		expect([await claimId('w1', 1000, 2), await claimId('w2', 1000, 2), await claimId('w3', 1000, 2)]).toEqual([a[0], a[1], b]);
		expect(await claimId('w4', 1000, 2)).toBeNull();
		await store.finish({id: a[0]!, worker: 'w1', status: 'done', warnings: [], now: 1100});
		expect(await claimId('w1', 1100, 2)).toBe(a[2]);
		// Without a cap the oldest runs first, whoever sent it.
		expect(await claimId('w5', 1100)).toBe(a[3]);
	});

	it('the cap counts running jobs across workers; jobs without an owner share one allowance', async () => {
		for (let i = 0; i < 3; i++) await store.insert(job(), 100 + i);
		expect(await claimId('w1', 1000, 2)).not.toBeNull();
		expect(await claimId('w2', 1000, 2)).not.toBeNull();
		expect(await claimId('w3', 1000, 2)).toBeNull();
	});

	it('through the worker pool: with 3 workers and a cap of 2, B starts while A still has 8 waiting', async () => {
		for (let i = 0; i < 10; i++) await store.insert(job({owner: 'key_a'}), 100 + i);
		const b = (await store.insert(job({owner: 'key_b', priority: 'low'}), 200)).id;
		const started: string[] = [];
		const hold: (() => void)[] = [];
		const run: JobRunner = (j) =>
			new Promise((resolve) => {
				started.push(j.owner ?? 'none');
				hold.push(() => resolve({files: [], outputDir: dir, warnings: []}));
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
