import {execFile} from 'node:child_process';
import {constants} from 'node:fs';
import {access, mkdir, statfs, unlink, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {JobStore} from '../../jobs';

export type ReadyCheckName = 'store' | 'browser' | 'dataDir' | 'disk';
export type ReadyCheck = {name: ReadyCheckName; ok: boolean; message: string; ms: number};
export type ReadyReport = {ready: boolean; checks: ReadyCheck[]};

export type ReadinessOptions = {
	store: Pick<JobStore, 'counts'>;
	/** Where jobs write their files. */
	dataDir: string;
	/** The browser renders start (`executable` null: none found); null when the renderer needs none (Lambda). */
	browser: {executable: string | null} | null;
	/** Free space the data dir's disk must keep (PROMPTREEL_MIN_FREE_DISK_MB). */
	minFreeBytes: number;
	/** How long a browser check's answer is reused: success 10 min, failure 30 s by default. */
	browserOkMs?: number;
	browserFailMs?: number;
	/** Longest a check may take before it counts as failed. Default 5 s. */
	timeoutMs?: number;
};

const codeOf = (error: unknown) =>
	(error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
	new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
		p.then(
			(v) => {
				clearTimeout(timer);
				resolve(v);
			},
			(e: unknown) => {
				clearTimeout(timer);
				reject(e);
			},
		);
	});

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

/**
 * Readiness (GET /v1/ready): the job store answers, the browser starts, the data dir takes a file
 * and its disk has room. Liveness stays /v1/health. The browser check runs the executable with
 * `--version` (cheap: no page is opened) and is cached. Messages name no paths: the route is open.
 */
export const createReadiness = (o: ReadinessOptions) => {
	const timeoutMs = o.timeoutMs ?? 5000;
	let browserAnswer: {check: Omit<ReadyCheck, 'ms'>; until: number} | null = null;

	const checkBrowser = async (): Promise<Omit<ReadyCheck, 'ms'>> => {
		if (!o.browser) return {name: 'browser', ok: true, message: 'not needed: the renderer starts no browser here'};
		if (browserAnswer && browserAnswer.until > Date.now()) return browserAnswer.check;
		const executable = o.browser.executable;
		let check: Omit<ReadyCheck, 'ms'>;
		if (!executable) {
			check = {name: 'browser', ok: false, message: 'no Chrome or Chromium found: set REMOTION_BROWSER_EXECUTABLE or install chromium'};
		} else {
			check = await access(executable, constants.X_OK).then(
				() =>
					new Promise<Omit<ReadyCheck, 'ms'>>((resolve) => {
						execFile(executable, ['--version'], {timeout: timeoutMs}, (error, stdout) => {
							resolve(
								error
									? {name: 'browser', ok: false, message: `the browser did not answer --version (${codeOf(error)})`}
									: {name: 'browser', ok: true, message: stdout.trim().split('\n')[0]?.slice(0, 120) ?? 'ok'},
							);
						});
					}),
				(error: unknown) => ({name: 'browser', ok: false, message: `the browser executable cannot be run (${codeOf(error)})`}),
			);
		}
		browserAnswer = {check, until: Date.now() + (check.ok ? (o.browserOkMs ?? 600_000) : (o.browserFailMs ?? 30_000))};
		return check;
	};

	const checkStore = async (): Promise<Omit<ReadyCheck, 'ms'>> => {
		await withTimeout(o.store.counts(), timeoutMs, 'the job store');
		return {name: 'store', ok: true, message: 'the job store answers'};
	};

	const checkDataDir = async (): Promise<Omit<ReadyCheck, 'ms'>> => {
		const probe = join(o.dataDir, `.ready-${process.pid}`);
		await mkdir(o.dataDir, {recursive: true});
		await writeFile(probe, 'ready\n');
		await unlink(probe);
		return {name: 'dataDir', ok: true, message: 'the data dir takes files'};
	};

	const checkDisk = async (): Promise<Omit<ReadyCheck, 'ms'>> => {
		const s = await statfs(o.dataDir);
		const free = s.bavail * s.bsize;
		return free >= o.minFreeBytes
			? {name: 'disk', ok: true, message: `${gb(free)} free`}
			: {name: 'disk', ok: false, message: `${gb(free)} free, below ${gb(o.minFreeBytes)} (PROMPTREEL_MIN_FREE_DISK_MB)`};
	};

	const run = async (name: ReadyCheckName, check: () => Promise<Omit<ReadyCheck, 'ms'>>): Promise<ReadyCheck> => {
		const started = performance.now();
		const result = await withTimeout(check(), timeoutMs, name).catch(
			(error: unknown): Omit<ReadyCheck, 'ms'> => ({
				name,
				ok: false,
				message: name === 'dataDir' ? `cannot write in the data dir (${codeOf(error)})` : `failed (${codeOf(error)})`,
			}),
		);
		return {...result, ms: Math.round(performance.now() - started)};
	};

	return {
		/** Runs every check at once. */
		async check(): Promise<ReadyReport> {
			const checks = await Promise.all([
				run('store', checkStore),
				run('browser', checkBrowser),
				run('dataDir', checkDataDir),
				run('disk', checkDisk),
			]);
			return {ready: checks.every((c) => c.ok), checks};
		},
	};
};

export type Readiness = ReturnType<typeof createReadiness>;
