import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';

/** A render started on Lambda and not yet brought home. */
export type LedgerEntry = {
	renderId: string;
	bucketName: string;
	functionName: string;
	region: string;
	startedAt: number;
	/** The object the render writes its output to, when not the render bucket (never its keys). */
	out?: {bucketName: string; key: string; endpoint: string | null} | null;
};

/**
 * Where the Lambda renderer remembers the renders it started, by a key derived from what is
 * rendered (site, storyboard, media hashes, quality). A job that lost its worker runs again with
 * the same key and resumes polling the render id it finds instead of starting a second render.
 * This is the hook for the jobs layer: the default lives in the data dir that every process of
 * a deployment shares (like the job store); a store of its own can be passed instead.
 */
export type LambdaRenderLedger = {
	find(key: string): Promise<LedgerEntry | null>;
	save(key: string, entry: LedgerEntry): Promise<void>;
	forget(key: string): Promise<void>;
};

/** The ledger as one JSON file per key under `dir` (written to a temp file and renamed). */
export const createFileRenderLedger = (o: {dir: string}): LambdaRenderLedger => {
	const fileOf = (key: string) => join(o.dir, `${key.replace(/[^a-zA-Z0-9_-]/g, '_')}.json`);
	return {
		async find(key) {
			const text = await readFile(fileOf(key), 'utf8').catch(() => null);
			if (!text) return null;
			try {
				return JSON.parse(text) as LedgerEntry;
			} catch {
				return null;
			}
		},
		async save(key, entry) {
			await mkdir(o.dir, {recursive: true});
			const temp = `${fileOf(key)}.${process.pid}.tmp`;
			await writeFile(temp, JSON.stringify(entry));
			await rename(temp, fileOf(key));
		},
		forget: (key) => rm(fileOf(key), {force: true}),
	};
};
