// `npm run bench:server`: the HTTP service under bounded load on loopback, against a real
// `promptreel serve` process (one worker), with the SQLite job store and, when a Postgres server
// can be started here (Debian's postgresql, as the tests do), with the Postgres one. Prints figures
// and appends a dated row per store to bench/server-results.md. Never fails on time: figures are noisy on shared machines; compare the
// ratios measured in one run.
import {appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {spawn} from 'node:child_process';
import {startPostgresServer, type PostgresServer} from '../test/support/postgres-server';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin/promptreel.mjs');
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 5000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const BURST = Number(process.env.BENCH_BURST ?? 100);
/** The paced load: each connection polls once per this many ms (16 x 10/s, how a dashboard of jobs polls). */
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 100);

const storyboard = (title: string, scenes = 1, durationMs = 1500) => ({
	title,
	scenes: Array.from({length: scenes}, (_, i) => ({
		id: `s${i}`,
		title,
		narration: {text: ''},
		visual: {kind: 'procedural', style: 'gradient'},
		durationMs,
		transition: {type: 'none'},
	})),
	endCard: {enabled: false},
	credits: [],
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * `connections` loops each sending one request at a time for `ms`: requests/s and latency
 * percentiles. Without `pollMs` each loop sends as fast as it is answered (saturation: its p99 is
 * mostly throughput); with it, each sends on a fixed schedule, one request per `pollMs`, and a
 * request's latency counts from its scheduled time, so a stalled server is not hidden by the
 * requests it delayed (no coordinated omission).
 */
const load = async (url: string, ms: number, connections: number, pollMs?: number) => {
	const latencies: number[] = [];
	let errors = 0;
	const end = performance.now() + ms;
	const started = performance.now();
	await Promise.all(
		Array.from({length: connections}, async (_, i) => {
			// Paced connections start spread over one period, not all at once.
			let due = started + (pollMs ? (i * pollMs) / connections : 0);
			while (performance.now() < end) {
				if (pollMs) await sleep(Math.max(0, due - performance.now()));
				const t = pollMs ? due : performance.now();
				const res = await fetch(url).catch(() => null);
				if (res?.ok) await res.arrayBuffer();
				else errors++;
				latencies.push(performance.now() - t);
				if (pollMs) due += pollMs;
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return {
		requests: latencies.length,
		rps: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		errors,
	};
};

type Figures = {
	idle: Awaited<ReturnType<typeof load>>;
	busy: Awaited<ReturnType<typeof load>>;
	pacedIdle: Awaited<ReturnType<typeof load>>;
	pacedBusy: Awaited<ReturnType<typeof load>>;
	stillRendering: boolean;
	accepted: number;
	burstMs: number;
	acceptLatencies: number[];
};

/** One server on a fresh data dir: idle and busy status reads, then a burst of submissions. */
const benchServer = async (o: {env: Record<string, string>; args: string[]}): Promise<Figures> => {
	const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-server-bench-'));
	// Reuse a bundle made by the tests or an earlier bench when there is one.
	for (const candidate of [
		join(ROOT, '.cache/test-data/bundles'),
		join(process.env.PROMPTREEL_DATA_DIR ?? join(process.env.HOME ?? '', '.promptreel'), 'bundles'),
	]) {
		if (existsSync(candidate)) {
			symlinkSync(candidate, join(dataDir, 'bundles'), 'dir');
			break;
		}
	}
	const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...o.args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, PROMPTREEL_SHUTDOWN_GRACE_SEC: '0', PROMPTREEL_CONCURRENCY: '1', ...o.env},
	});
	let out = '';
	child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
	child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
	try {
		const base = await new Promise<string>((res, rej) => {
			const timer = setTimeout(() => rej(new Error(`server did not start:\n${out}`)), 30_000);
			child.stdout.on('data', () => {
				const m = /listening on (\S+)/.exec(out);
				if (m) {
					clearTimeout(timer);
					res(m[1]!);
				}
			});
		});
		const post = (body: unknown) =>
			fetch(`${base}/v1/videos`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});

		// A job to poll while idle: cancelled at once, so nothing renders yet.
		const idleJob = (await (await post({storyboard: storyboard('idle probe'), options: {quality: 'draft'}})).json()) as {id: string};
		await fetch(`${base}/v1/videos/${idleJob.id}/cancel`, {method: 'POST'});
		await load(`${base}/v1/videos/${idleJob.id}`, 1000, CONNECTIONS); // warm-up
		const idle = await load(`${base}/v1/videos/${idleJob.id}`, LOAD_MS, CONNECTIONS);
		const pacedIdle = await load(`${base}/v1/videos/${idleJob.id}`, LOAD_MS, CONNECTIONS, POLL_MS);

		// One render running (long enough to outlast the measurement).
		const render = (await (await post({storyboard: storyboard('bench render', 8, 5000), options: {quality: 'draft'}})).json()) as {
			id: string;
		};
		for (let i = 0; i < 600; i++) {
			// A busy server may drop a keep-alive connection as it is reused: poll again.
			const res = await fetch(`${base}/v1/videos/${render.id}`).catch(() => null);
			if (!res) continue;
			const job = (await res.json()) as {status: string; stage: string; progress: number};
			if (job.stage === 'rendering' && job.progress > 0) break;
			if (job.status === 'failed') throw new Error(`bench render failed: ${JSON.stringify(job)}`);
			await sleep(100);
		}
		const busy = await load(`${base}/v1/videos/${render.id}`, LOAD_MS, CONNECTIONS);
		const pacedBusy = await load(`${base}/v1/videos/${render.id}`, LOAD_MS, CONNECTIONS, POLL_MS);
		const stillRendering = ((await (await fetch(`${base}/v1/videos/${render.id}`)).json()) as {status: string}).status === 'rendering';

		// A burst of submissions (distinct storyboards, so none is answered from the cache).
		const burstStarted = performance.now();
		const accepts = await Promise.all(
			Array.from({length: BURST}, async (_, i) => {
				const t = performance.now();
				const res = await post({storyboard: storyboard(`burst ${i}`), options: {quality: 'draft'}});
				await res.arrayBuffer();
				return {status: res.status, ms: performance.now() - t};
			}),
		);
		const burstMs = performance.now() - burstStarted;
		const accepted = accepts.filter((a) => a.status === 202).length;
		const acceptLatencies = accepts.map((a) => a.ms).sort((a, b) => a - b);

		return {idle, busy, pacedIdle, pacedBusy, stillRendering, accepted, burstMs, acceptLatencies};
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
		rmSync(dataDir, {recursive: true, force: true});
	}
};

const f = (n: number, d = 1) => n.toFixed(d);

const report = (store: string, r: Figures): string =>
	[
		`${store}: status endpoint, ${CONNECTIONS} connections x ${LOAD_MS / 1000} s on loopback:`,
		`  idle:            ${f(r.idle.rps, 0)} req/s, p50 ${f(r.idle.p50)} ms, p99 ${f(r.idle.p99)} ms, errors ${r.idle.errors}`,
		`  one render busy: ${f(r.busy.rps, 0)} req/s, p50 ${f(r.busy.p50)} ms, p99 ${f(r.busy.p99)} ms, errors ${r.busy.errors}${r.stillRendering ? '' : ' (the render ended during the measurement)'}`,
		`  busy/idle req/s ratio: ${f(r.busy.rps / r.idle.rps, 2)}`,
		`  busy/idle p99 ratio: ${f(r.busy.p99 / r.idle.p99, 2)} (target <= 1.3)`,
		`  paced, each connection polling every ${POLL_MS} ms (${f((CONNECTIONS * 1000) / POLL_MS, 0)} req/s offered):`,
		`    idle:            p50 ${f(r.pacedIdle.p50)} ms, p99 ${f(r.pacedIdle.p99)} ms, errors ${r.pacedIdle.errors}`,
		`    one render busy: p50 ${f(r.pacedBusy.p50)} ms, p99 ${f(r.pacedBusy.p99)} ms, errors ${r.pacedBusy.errors}`,
		`    busy/idle p99 ratio: ${f(r.pacedBusy.p99 / r.pacedIdle.p99, 2)} (target <= 1.3)`,
		`  burst of ${BURST} submissions: ${r.accepted} accepted (202) in ${f(r.burstMs, 0)} ms; per request p50 ${f(percentile(r.acceptLatencies, 50))} ms, p99 ${f(percentile(r.acceptLatencies, 99))} ms`,
		'',
	].join('\n');

const appendRow = (store: string, r: Figures) => {
	const results = join(ROOT, 'bench/server-results.md');
	if (!existsSync(results))
		appendFileSync(
			results,
			'# Server benchmark\n\nAppended by `npm run bench:server`: the status endpoint of a real `promptreel serve` under bounded load on loopback, idle and with one render running, and a burst of submissions, per job store. Compare ratios within one run.\n',
		);
	// The table with the p99 ratio (the measure).
	const header =
		'| date | store | connections | idle p99 ms | busy p99 ms | p99 busy/idle | idle req/s | busy req/s | paced req/s | paced idle p99 ms | paced busy p99 ms | paced p99 busy/idle | burst | accepted | burst ms |';
	if (!readFileSync(results, 'utf8').includes(header))
		appendFileSync(
			results,
			`\n## Status p99 idle and during a render, saturating and paced (from 2026-12-05)\n\n${header}\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n`,
		);
	const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
	appendFileSync(
		results,
		`| ${date} | ${store} | ${CONNECTIONS} | ${f(r.idle.p99)} | ${f(r.busy.p99)} | ${f(r.busy.p99 / r.idle.p99, 2)} | ${f(r.idle.rps, 0)} | ${f(r.busy.rps, 0)} | ${f((CONNECTIONS * 1000) / POLL_MS, 0)} | ${f(r.pacedIdle.p99)} | ${f(r.pacedBusy.p99)} | ${f(r.pacedBusy.p99 / r.pacedIdle.p99, 2)} | ${BURST} | ${r.accepted} | ${f(r.burstMs, 0)} |\n`,
	);
};

const main = async () => {
	const sqlite = await benchServer({env: {}, args: []});
	process.stdout.write(report('SQLite', sqlite));
	appendRow('sqlite', sqlite);

	let pg: PostgresServer | null = null;
	try {
		pg = await startPostgresServer();
	} catch (error) {
		process.stdout.write(`Postgres: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})\n`);
		return;
	}
	try {
		// One machine: --single-host keeps outputs in the data dir (docs/scaling.md); the store is what differs.
		const postgres = await benchServer({env: {PROMPTREEL_DATABASE_URL: await pg.createDatabase('bench')}, args: ['--single-host']});
		process.stdout.write(report('Postgres', postgres));
		appendRow('postgres', postgres);
		process.stdout.write(
			`Postgres/SQLite: idle req/s ${f(postgres.idle.rps / sqlite.idle.rps, 2)}, busy req/s ${f(postgres.busy.rps / sqlite.busy.rps, 2)}, burst time ${f(postgres.burstMs / sqlite.burstMs, 2)}\n`,
		);
	} finally {
		pg.stop();
	}
};

await main();
