import {mkdtempSync, rmSync} from 'node:fs';
import type {LookupFunction} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadConfig} from '../../src/app/config';
import {createLocalRenderer} from '../../src/pipeline/render';
import {startServer, type RunningServer} from '../../src/server/start-server';
import {shareTestBundle} from '../support/server-harness';

/** A small seeded PRNG (mulberry32): the same seed sends the same requests every run. */
export const seededRandom = (seed: number) => {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
		chance: (p: number) => next() < p,
	};
};
export type Random = ReturnType<typeof seededRandom>;

/** A name resolver mapping the given names to addresses (a name resolving to loopback, without touching system files). */
export const fakeResolver =
	(names: Record<string, string>): LookupFunction =>
	(hostname, options, callback) => {
		const address = names[hostname.toLowerCase()];
		const cb = callback as unknown as (e: NodeJS.ErrnoException | null, a: unknown, f?: number) => void;
		if (!address) return cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'}), '', 0);
		const family = address.includes(':') ? 6 : 4;
		if ((options as {all?: boolean}).all) return cb(null, [{address, family}]);
		return cb(null, address, family);
	};

export type HostileServer = RunningServer & {dataDir: string; stop: () => Promise<void>};

/** `promptreel serve` in this process on 127.0.0.1 with a fresh data dir (real HTTP, real SQLite). */
export const startHostileServer = async (o: {
	concurrency?: number;
	env?: Record<string, string>;
	lookup?: LookupFunction;
	log?: (message: string) => void;
}): Promise<HostileServer> => {
	const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-hostile-'));
	shareTestBundle(dataDir);
	const config = loadConfig(o.env ?? {});
	const server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...config.server, concurrency: o.concurrency ?? 0},
		lookup: o.lookup,
		log: o.log ?? (() => undefined),
	});
	return {
		...server,
		dataDir,
		async stop() {
			await server.close({graceMs: 0});
			rmSync(dataDir, {recursive: true, force: true});
		},
	};
};

/** Prints a figure line the lead can quote (vitest shows console output of passing tests). */
export const printFigures = (title: string, figures: Record<string, unknown>): void => {
	console.log(
		`[hostile] ${title}: ${Object.entries(figures)
			.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
			.join(' ')}`,
	);
};
