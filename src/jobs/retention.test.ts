import {existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateOptionsSchema} from '../pipeline/generate';
import type {JobStore} from './job-store';
import {openSqliteJobStore as openJobStore} from './sqlite-job-store';
import {sweepRetention} from './retention';
import {jobDir} from './run-job';

const DAY = 24 * 60 * 60 * 1000;
let dataDir: string;
let store: JobStore;

beforeEach(() => {
	dataDir = mkdtempSync(join(tmpdir(), 'promptreel-retention-'));
	store = openJobStore({file: join(dataDir, 'jobs.db')});
});
afterEach(async () => {
	await store.close();
	rmSync(dataDir, {recursive: true, force: true});
});

const add = async (id: string, at: number, finish: boolean) => {
	await store.insert(
		{
			id,
			kind: 'prompt',
			input: {prompt: 'x'},
			options: generateOptionsSchema.parse({}),
			webhook: null,
			contentHash: null,
			maxAttempts: 1,
			timeoutMs: 1000,
		},
		at,
	);
	mkdirSync(join(jobDir(dataDir, id), 'attempt-1'), {recursive: true});
	writeFileSync(join(jobDir(dataDir, id), 'attempt-1', 'video.mp4'), 'x');
	if (finish) {
		await store.claim({worker: 'w', now: at, leaseMs: 1000});
		await store.finish({
			id,
			worker: 'w',
			status: 'done',
			warnings: [],
			files: ['video.mp4'],
			outputDir: join(jobDir(dataDir, id), 'attempt-1'),
			now: at,
		});
	}
};

describe('sweepRetention', () => {
	it('removes finished jobs older than the retention with their files, orphan folders and stale cached renders; keeps the rest', async () => {
		const now = 100 * DAY;
		await add('vid_old', now - 10 * DAY, true);
		await add('vid_new', now - 1 * DAY, true);
		await add('vid_queued_long_ago', now - 30 * DAY, false);
		const orphan = join(dataDir, 'jobs', 'vid_orphan');
		mkdirSync(orphan, {recursive: true});
		utimesSync(orphan, (now - 2 * DAY) / 1000, (now - 2 * DAY) / 1000);
		const cached = join(dataDir, 'renders', 'abc');
		mkdirSync(cached, {recursive: true});
		utimesSync(cached, (now - 8 * DAY) / 1000, (now - 8 * DAY) / 1000);

		const result = await sweepRetention({store, dataDir, days: 7, now});
		expect(result).toEqual({jobs: 1, orphanDirs: 1, renderCacheEntries: 1, batches: 0});
		expect(await store.get('vid_old')).toBeNull();
		expect(existsSync(jobDir(dataDir, 'vid_old'))).toBe(false);
		expect((await store.get('vid_new'))?.status).toBe('done');
		expect(existsSync(jobDir(dataDir, 'vid_new'))).toBe(true);
		expect((await store.get('vid_queued_long_ago'))?.status).toBe('queued');
		expect(existsSync(orphan)).toBe(false);
		expect(existsSync(cached)).toBe(false);
	});

	it('keeps everything with 0 days', async () => {
		await add('vid_old', 0, true);
		expect(await sweepRetention({store, dataDir, days: 0, now: 1000 * DAY})).toEqual({
			jobs: 0,
			orphanDirs: 0,
			renderCacheEntries: 0,
			batches: 0,
		});
		expect(await store.get('vid_old')).not.toBeNull();
	});
});
