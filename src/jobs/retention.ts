import {readdir, rm, stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {FileStore} from './file-store';
import type {JobStore} from './job-store';
import {jobDir} from './run-job';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A job folder without a job row is left alone this long: its job may be being created right now. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;

export type RetentionResult = {jobs: number; orphanDirs: number; renderCacheEntries: number; batches: number};

/**
 * Removes finished jobs (and their files, in the bucket too) older than `days`, finished batches
 * as old, render-cache entries not used for as long, and job folders (in the data dir and in the
 * bucket) whose job no longer exists. `days` 0 keeps everything.
 */
export const sweepRetention = async (o: {
	store: JobStore;
	dataDir: string;
	days: number;
	now: number;
	/** Where job files are kept besides the data dir (the shared bucket); its copies go too. */
	files?: FileStore;
}): Promise<RetentionResult> => {
	const result: RetentionResult = {jobs: 0, orphanDirs: 0, renderCacheEntries: 0, batches: 0};
	if (o.days <= 0) return result;
	const before = o.now - o.days * DAY_MS;

	for (let batch = await o.store.finishedBefore(before); batch.length > 0; batch = await o.store.finishedBefore(before)) {
		for (const job of batch) {
			if (await o.store.delete(job.id)) result.jobs++;
			await rm(jobDir(o.dataDir, job.id), {recursive: true, force: true});
			await o.files?.removePrefix(`jobs/${job.id}`);
		}
	}

	const jobsRoot = join(o.dataDir, 'jobs');
	for (const id of await readdir(jobsRoot).catch(() => [] as string[])) {
		if (await o.store.get(id)) continue;
		const info = await stat(join(jobsRoot, id)).catch(() => null);
		if (info && info.mtimeMs < o.now - ORPHAN_GRACE_MS) {
			await rm(join(jobsRoot, id), {recursive: true, force: true});
			result.orphanDirs++;
		}
	}

	// A job deleted while another server (or a Lambda render) was still writing its files leaves
	// them in the bucket with no row naming them.
	if (o.files?.kind === 's3') {
		for (const dir of await o.files.listDirs('jobs')) {
			if (dir.mtimeMs >= o.now - ORPHAN_GRACE_MS || (await o.store.get(dir.name))) continue;
			await o.files.removePrefix(`jobs/${dir.name}`);
			result.orphanDirs++;
		}
	}

	for (let n = await o.store.batches.removeFinishedBefore(before); n > 0; n = await o.store.batches.removeFinishedBefore(before)) {
		result.batches += n;
	}

	const renders = join(o.dataDir, 'renders');
	for (const key of await readdir(renders).catch(() => [] as string[])) {
		const info = await stat(join(renders, key)).catch(() => null);
		if (info && info.mtimeMs < before) {
			await rm(join(renders, key), {recursive: true, force: true});
			result.renderCacheEntries++;
		}
	}
	return result;
};
