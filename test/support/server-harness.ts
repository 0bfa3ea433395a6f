import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {processTree} from '../../src/cli/process-tree-memory';
import {CLI, TEST_DATA_DIR} from './test-env';

/**
 * A tiny storyboard that renders in a few seconds at draft quality: procedural visuals, no audio,
 * no end card, no transitions. `title` makes it distinct (and so not answered from the cache).
 */
export const tinyStoryboard = (title: string, o: {scenes?: number; durationMs?: number; fps?: number} = {}) => ({
	title,
	format: {aspect: '16:9', resolution: '1080p', fps: o.fps ?? 30},
	scenes: Array.from({length: o.scenes ?? 1}, (_, i) => ({
		id: `s${i + 1}`,
		title: `${title} ${i + 1}`,
		narration: {text: ''},
		visual: {kind: 'procedural', style: i % 2 ? 'grid' : 'gradient'},
		durationMs: o.durationMs ?? 1500,
		transition: {type: 'none'},
	})),
	endCard: {enabled: false},
	captionStyle: {enabled: false},
	credits: [],
});

/** Reuses the bundle that vitest's globalSetup built, so servers on fresh data dirs do not re-bundle. */
export const shareTestBundle = (dataDir: string): void => {
	const target = join(TEST_DATA_DIR, 'bundles');
	if (existsSync(target) && !existsSync(join(dataDir, 'bundles'))) symlinkSync(target, join(dataDir, 'bundles'), 'dir');
};

export type HttpResult<T = any> = {status: number; headers: Headers; body: T; text: string};

/** A small HTTP client over fetch; bodies are parsed as JSON when they are JSON. */
export const http = (base: string) => {
	const call = async (
		method: string,
		path: string,
		init: {json?: unknown; body?: string; headers?: Record<string, string>} = {},
	): Promise<HttpResult> => {
		const headers: Record<string, string> = {...init.headers};
		let body = init.body;
		if (init.json !== undefined) {
			body = JSON.stringify(init.json);
			headers['content-type'] ??= 'application/json';
		}
		const res = await fetch(`${base}${path}`, {method, headers, body});
		const text = method === 'HEAD' ? '' : await res.text();
		let parsed: unknown = text;
		if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
		return {status: res.status, headers: res.headers, body: parsed, text};
	};
	return {
		call,
		get: (path: string, headers?: Record<string, string>) => call('GET', path, {headers}),
		post: (path: string, json?: unknown) => call('POST', path, json === undefined ? {} : {json}),
		del: (path: string) => call('DELETE', path),
	};
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a job until `done(job)` holds; fails with the last state seen. */
export const waitForJob = async (
	base: string,
	id: string,
	done: (job: any) => boolean,
	timeoutMs = 60_000,
	everyMs = 100,
): Promise<any> => {
	const end = Date.now() + timeoutMs;
	let last: unknown = null;
	while (Date.now() < end) {
		// A busy server may drop a keep-alive connection as it is reused: poll again.
		const res = await fetch(`${base}/v1/videos/${id}`).catch(() => null);
		if (!res) {
			await sleep(everyMs);
			continue;
		}
		last = await res.json();
		if (done(last)) return last;
		await sleep(everyMs);
	}
	throw new Error(`Job ${id} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
};

export const isRenderingFrames = (job: any) => job.status === 'rendering' && job.stage === 'rendering' && job.progress > 0;

export type SpawnedServer = {
	url: string;
	pid: number;
	child: ChildProcess;
	log: () => string;
	exited: Promise<number | null>;
	/** kill -9 of the server's process group and of its children's groups (Chromium runs detached). */
	killHard: () => Promise<void>;
	terminate: () => Promise<number | null>;
};

const childGroups = (pid: number): number[] => {
	const groups = new Set<number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[1]) === pid) groups.add(Number(fields[2]));
		} catch {
			// The process ended meanwhile.
		}
	}
	return [...groups];
};

/** Live (not zombie) processes in a process group, as "pid command". */
export const liveInGroup = (pgid: number): string[] => {
	const live: string[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid && fields[0] !== 'Z') {
				live.push(`${entry} ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(0, 160)}`);
			}
		} catch {
			// The process ended meanwhile.
		}
	}
	return live;
};

/**
 * Starts `promptreel serve --port 0` as a detached process group (so a test can kill -9 all of
 * it, as a crash would) and resolves once it prints its ready line.
 */
export const spawnServer = async (o: {
	dataDir: string;
	env?: Record<string, string>;
}): Promise<SpawnedServer & {groups: () => number[]}> => {
	shareTestBundle(o.dataDir);
	const child = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', o.dataDir], {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, PROMPTREEL_LEASE_SEC: '2', ...o.env},
	});
	let out = '';
	child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
	child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${out}`)), 30_000);
		const check = () => {
			const m = /listening on (http:\/\/[^\s]+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]!);
			}
		};
		child.stdout!.on('data', check);
		void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${out}`)));
	});
	const pid = child.pid!;
	let seenGroups: number[] = [pid];
	const groups = () => {
		seenGroups = [...new Set([pid, ...seenGroups, ...childGroups(pid)])];
		return seenGroups;
	};
	return {
		url,
		pid,
		child,
		log: () => out,
		exited,
		groups,
		async killHard() {
			for (const g of groups()) {
				try {
					process.kill(-g, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}
			await exited;
		},
		async terminate() {
			process.kill(pid, 'SIGTERM');
			return exited;
		},
	};
};

/** Waits until no live process is left in these process groups (at most `ms`); returns what is left. */
export const settleGroups = async (groups: number[], ms = 5000): Promise<string[]> => {
	const end = Date.now() + ms;
	for (;;) {
		const left = groups.flatMap(liveInGroup);
		if (left.length === 0 || Date.now() > end) return left;
		await sleep(100);
	}
};

export type SseEvent = {id: string | null; event: string; data: any};

/**
 * Reads a Server-Sent Events stream over real HTTP until the server closes it, or until `stopAfter`
 * events (then disconnects, as a dropped client would).
 */
export const readSse = async (
	url: string,
	o: {headers?: Record<string, string>; stopAfter?: number; timeoutMs?: number} = {},
): Promise<{status: number; events: SseEvent[]}> => {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), o.timeoutMs ?? 30_000);
	const events: SseEvent[] = [];
	try {
		const res = await fetch(url, {headers: {accept: 'text/event-stream', ...o.headers}, signal: controller.signal});
		if (!res.ok || !res.body) return {status: res.status, events};
		const decoder = new TextDecoder();
		let buffer = '';
		const reader = res.body.getReader();
		for (;;) {
			const {done, value} = await reader.read();
			if (done) break;
			buffer += decoder.decode(value, {stream: true});
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const fields: Record<string, string> = {};
				for (const line of block.split('\n')) {
					if (!line || line.startsWith(':')) continue;
					const i = line.indexOf(':');
					const key = i < 0 ? line : line.slice(0, i);
					fields[key] = (fields[key] ? `${fields[key]}\n` : '') + (i < 0 ? '' : line.slice(i + 1).replace(/^ /, ''));
				}
				if (fields.data === undefined) continue;
				events.push({id: fields.id ?? null, event: fields.event ?? 'message', data: JSON.parse(fields.data)});
				if (o.stopAfter !== undefined && events.length >= o.stopAfter) {
					controller.abort();
					return {status: res.status, events};
				}
			}
		}
		return {status: res.status, events};
	} catch (error) {
		if (controller.signal.aborted && o.stopAfter !== undefined && events.length >= o.stopAfter) return {status: 200, events};
		throw error;
	} finally {
		clearTimeout(timer);
	}
};

export type ReceivedHook = {headers: Record<string, string | string[] | undefined>; body: string; at: number};

/** A webhook receiver on 127.0.0.1: records every request and answers `status()` (200 by default). */
export const startReceiver = async (status: () => number = () => 200) => {
	const {createServer} = await import('node:http');
	const received: ReceivedHook[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now()});
			const code = status();
			res.writeHead(code, code >= 300 && code < 400 ? {location: 'http://127.0.0.1:1/elsewhere'} : {});
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as {port: number}).port;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		port,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
};

/** The `promptreel render-worker` processes under a server (it renders in them: src/pipeline/render/child). */
export const renderWorkerPids = (serverPid: number): number[] =>
	processTree(serverPid).filter((pid) => {
		try {
			return pid !== serverPid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('render-worker');
		} catch {
			return false; // Gone meanwhile.
		}
	});
