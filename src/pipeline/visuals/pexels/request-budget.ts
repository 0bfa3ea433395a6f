import {randomBytes} from 'node:crypto';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {dirname} from 'node:path';

export type RequestBudgetOptions = {
	/** Most requests in any window. Pexels allows 200 an hour. */
	limit: number;
	/** Default one hour. */
	windowMs?: number;
	/** JSON file that keeps the count across runs and processes; in memory only without it. */
	file?: string;
	now?: () => number;
};

export type RequestBudget = {
	/** Counts one request, or returns how long to wait (ms) until one is allowed again. */
	take(): Promise<{ok: true; used: number} | {ok: false; retryInMs: number}>;
	used(): Promise<number>;
};

/**
 * A sliding-window request counter. Persisted as a list of request times so a second process
 * (or the next run) sees the same count; the read-modify-write is not locked, so two processes
 * racing may each count one request the other misses: close enough for a courtesy limit.
 */
export const createRequestBudget = (opts: RequestBudgetOptions): RequestBudget => {
	const windowMs = opts.windowMs ?? 3_600_000;
	const now = opts.now ?? Date.now;
	let memory: number[] = [];
	const load = async (): Promise<number[]> => {
		if (!opts.file) return memory;
		try {
			const json = JSON.parse(await readFile(opts.file, 'utf8')) as {requests?: unknown};
			return Array.isArray(json.requests) ? json.requests.filter((t): t is number => typeof t === 'number') : [];
		} catch {
			return [];
		}
	};
	const save = async (times: number[]) => {
		memory = times;
		if (!opts.file) return;
		await mkdir(dirname(opts.file), {recursive: true});
		const tmp = `${opts.file}.${randomBytes(4).toString('hex')}.tmp`;
		await writeFile(tmp, JSON.stringify({requests: times}));
		await rename(tmp, opts.file);
	};
	const recent = async () => {
		const t = now();
		return (await load()).filter((x) => x > t - windowMs && x <= t);
	};
	return {
		async take() {
			const times = await recent();
			if (times.length >= opts.limit) {
				return {ok: false, retryInMs: Math.max(0, Math.min(...times) + windowMs - now())};
			}
			times.push(now());
			await save(times);
			return {ok: true, used: times.length};
		},
		async used() {
			return (await recent()).length;
		},
	};
};
