import {describe, expect, it} from 'vitest';
import type {JobRecord} from '../../jobs';
import {waitForJob, type ProgressUpdate} from './wait-for-job';

const job = (status: JobRecord['status'], stage: string | null, progress: number) => ({id: 'vid_x', status, stage, progress}) as JobRecord;

describe('waitForJob', () => {
	it('reports one increasing 0..100 scale across stages, heartbeats while nothing moves, and ends at 100', async () => {
		const states = [
			job('queued', null, 0),
			job('queued', null, 0),
			job('queued', null, 0),
			job('rendering', 'bundling', 0.5),
			job('rendering', 'rendering', 0),
			job('rendering', 'rendering', 0.5),
			job('rendering', 'poster', 0.1),
			job('done', null, 1),
		];
		let i = 0;
		const seen: ProgressUpdate[] = [];
		const result = await waitForJob({
			getJob: async () => states[Math.min(i++, states.length - 1)]!,
			timeoutMs: 5000,
			pollMs: 1,
			heartbeatMs: 0,
			signal: new AbortController().signal,
			onProgress: async (p) => void seen.push(p),
		});
		expect(result).toMatchObject({timedOut: false, job: {status: 'done'}});
		for (let k = 1; k < seen.length; k++) expect(seen[k]!.progress).toBeGreaterThan(seen[k - 1]!.progress);
		expect(seen.filter((p) => p.message.startsWith('queued')).length).toBe(3);
		expect(seen.at(-1)).toEqual({progress: 100, total: 100, message: 'done'});
		expect(seen.find((p) => p.message === 'rendering 50%')!.progress).toBeCloseTo(45 + 54 * 0.5, 0);
	});

	it('stops at the time limit or when the request is cancelled; the job goes on', async () => {
		const slow = await waitForJob({
			getJob: async () => job('voicing', 'voicing', 0.2),
			timeoutMs: 30,
			pollMs: 5,
			signal: new AbortController().signal,
			onProgress: async () => undefined,
		});
		expect(slow).toMatchObject({timedOut: true, job: {status: 'voicing'}});
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 20);
		const started = Date.now();
		const cancelled = await waitForJob({
			getJob: async () => job('queued', null, 0),
			timeoutMs: 60_000,
			pollMs: 10_000,
			signal: controller.signal,
			onProgress: async () => undefined,
		});
		expect(cancelled.timedOut).toBe(true);
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
