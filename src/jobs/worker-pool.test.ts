import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {PromptreelError} from '../pipeline/errors';
import {generateOptionsSchema} from '../pipeline/generate';
import type {JobStore} from './job-store';
import type {NewJob} from './job-types';
import {openSqliteJobStore as openJobStore} from './sqlite-job-store';
import type {JobRunner} from './run-job';
import {createWorkerPool, type WorkerPool} from './worker-pool';

let dir: string;
let store: JobStore;
let pools: WorkerPool[] = [];
let n = 0;

const job = (over: Partial<NewJob> = {}): NewJob => ({
	id: `vid_${String(++n).padStart(24, '0')}`,
	kind: 'prompt',
	input: {prompt: 'x'},
	options: generateOptionsSchema.parse({}),
	webhook: null,
	contentHash: null,
	maxAttempts: 3,
	timeoutMs: 30_000,
	...over,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await sleep(10);
	}
};

/** Runs until aborted; reports progress through the stages like the pipeline does. */
const slowRunner: JobRunner = (_job, ctx) =>
	new Promise((resolve, reject) => {
		ctx.onProgress({stage: 'planning', progress: 0});
		ctx.onProgress({stage: 'bundling', progress: 0.5});
		ctx.signal.addEventListener('abort', () => reject(new PromptreelError('CANCELLED', 'aborted')), {once: true});
	});

const pool = (run: JobRunner, over: Partial<Parameters<typeof createWorkerPool>[0]> = {}) => {
	const p = createWorkerPool({
		store,
		run,
		workerId: `w${pools.length + 1}`,
		concurrency: 1,
		leaseMs: 300,
		pollMs: 20,
		backoffMs: 10,
		...over,
	});
	pools.push(p);
	p.start();
	return p;
};

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'promptreel-pool-'));
	store = openJobStore({file: join(dir, 'jobs.db')});
});
afterEach(async () => {
	await Promise.all(pools.map((p) => p.stop({graceMs: 0})));
	pools = [];
	await store.close();
	rmSync(dir, {recursive: true, force: true});
});

describe('worker pool', () => {
	it('runs a job to done, persisting stage -> status and the result', async () => {
		const a = await store.insert(job(), Date.now());
		const seen: string[] = [];
		// Progress writes are asynchronous (the store is): wait until each stage change has landed.
		const landed = async (status: string, stage: string) => {
			await until(async () => {
				const j = await store.get(a.id);
				return j?.status === status && j.stage === stage;
			});
			const j = (await store.get(a.id))!;
			return status === j.stage ? j.status : `${j.status}/${j.stage}`;
		};
		pool(async (_j, ctx) => {
			ctx.onProgress({stage: 'planning', progress: 1});
			seen.push(await landed('planning', 'planning'));
			ctx.onProgress({stage: 'voicing', progress: 0.5});
			seen.push(await landed('voicing', 'voicing'));
			ctx.onWarning('Festival is missing: silent narration.');
			ctx.onProgress({stage: 'encoding', progress: 0.2});
			seen.push(await landed('rendering', 'encoding'));
			return {files: ['video.mp4'], outputDir: '/tmp/x', warnings: [{stage: 'voicing', code: 'VOICE_FALLBACK', message: 'm'}]};
		});
		await until(async () => (await store.get(a.id))?.status === 'done');
		expect(seen).toEqual(['planning', 'voicing', 'rendering/encoding']);
		expect(await store.get(a.id)).toMatchObject({files: ['video.mp4'], progress: 1, attempts: 1, warnings: [{code: 'VOICE_FALLBACK'}]});
	});

	it('retries a retryable error, fails a bad-input error at once with its reason', async () => {
		const a = await store.insert(job({maxAttempts: 2}), Date.now());
		const b = await store.insert(job(), Date.now());
		pool(async (j) => {
			if (j.id === a.id) throw new PromptreelError('RENDER_FAILED', 'The browser crashed.', {retryable: true});
			throw new PromptreelError('UNKNOWN_VOICE', 'Unknown voice "x".');
		});
		await until(async () => (await store.get(a.id))?.status === 'failed' && (await store.get(b.id))?.status === 'failed');
		expect(await store.get(a.id)).toMatchObject({attempts: 2, error: {code: 'RENDER_FAILED', message: 'The browser crashed.'}});
		expect((await store.get(a.id))?.warnings[0]?.message).toMatch(/Attempt 1 failed: The browser crashed\. Retrying/);
		expect(await store.get(b.id)).toMatchObject({attempts: 1, error: {code: 'UNKNOWN_VOICE'}});
	});

	it('cancels a running job through the store flag (another process) and directly (this one)', async () => {
		const a = await store.insert(job(), Date.now());
		const b = await store.insert(job(), Date.now());
		const p = pool(slowRunner);
		await until(async () => (await store.get(a.id))?.stage === 'bundling');
		await store.requestCancel(a.id, Date.now());
		await until(async () => (await store.get(a.id))?.status === 'cancelled');
		await until(async () => (await store.get(b.id))?.stage === 'bundling');
		await store.requestCancel(b.id, Date.now());
		p.cancel(b.id);
		await until(async () => (await store.get(b.id))?.status === 'cancelled', 200);
		expect((await store.get(a.id))?.error?.code).toBe('CANCELLED');
	});

	it('fails a job that runs past its timeout', async () => {
		const a = await store.insert(job({timeoutMs: 100}), Date.now());
		pool(slowRunner);
		await until(async () => (await store.get(a.id))?.status === 'failed');
		expect((await store.get(a.id))?.error).toMatchObject({code: 'JOB_TIMEOUT'});
		expect((await store.get(a.id))?.attempts).toBe(1);
	});

	it('on stop, finishes within the grace time or releases the job without counting the attempt', async () => {
		const a = await store.insert(job(), Date.now());
		const p = pool(slowRunner);
		await until(async () => (await store.get(a.id))?.stage === 'bundling');
		await p.stop({graceMs: 50});
		expect(await store.get(a.id)).toMatchObject({status: 'queued', attempts: 0, stage: 'released', leaseOwner: null});

		const b = await store.insert(job(), Date.now());
		const q = pool(async () => {
			await sleep(100);
			return {files: [], outputDir: '/x', warnings: []};
		});
		await until(async () => (await store.get(b.id))?.status === 'rendering' || (await store.get(b.id))?.status === 'planning');
		await q.stop({graceMs: 5000});
		expect((await store.get(b.id))?.status).toBe('done');
	});

	it('a worker whose event loop stalls past its lease loses the job to another worker and drops its result', async () => {
		const a = await store.insert(job(), Date.now());
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		pool(
			async () => {
				await gate;
				return {files: ['stale'], outputDir: '/stale', warnings: []};
			},
			{workerId: 'stalled'},
		);
		await until(async () => (await store.get(a.id))?.leaseOwner === 'stalled');
		// As seen by another worker after a long stall: the lease has expired, so it takes the job.
		expect((await store.claim({worker: 'other', now: Date.now() + 10_000, leaseMs: 60_000})).job?.id).toBe(a.id);
		await sleep(60);
		release();
		await sleep(50);
		expect(await store.get(a.id)).toMatchObject({leaseOwner: 'other', attempts: 2, status: 'planning', files: []});
		expect((await store.runs(a.id)).map((r) => r.worker)).toEqual(['stalled', 'other']);
	});
	it('a worker that polls after its own stall renews its runs before reaping: a live run is not taken again', async () => {
		// The clock jumps past the lease with no heartbeat in between (an event loop that stalled on a
		// busy machine); the first thing the worker does afterwards is look for work, which reaps.
		let clock = Date.now();
		const a = await store.insert(job(), clock);
		const p = pool(slowRunner, {workerId: 'busy', leaseMs: 30_000, pollMs: 60_000, now: () => clock});
		await until(async () => (await store.get(a.id))?.leaseOwner === 'busy');
		clock += 60_000;
		p.wake();
		await sleep(100);
		expect(await store.get(a.id)).toMatchObject({leaseOwner: 'busy', attempts: 1, status: 'rendering'});
		expect((await store.runs(a.id)).map((r) => r.outcome)).toEqual([null]);
		expect((await store.get(a.id))?.leaseExpiresAt).toBeGreaterThan(clock);
	});
});
