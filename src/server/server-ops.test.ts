import {mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startReceiver} from '../../test/support/server-harness';
import {loadConfig} from '../app/config';
import type {JobRunner} from '../jobs';
import {PromptreelError} from '../pipeline/errors';
import {createLocalRenderer} from '../pipeline/render';
import {createLogger} from './logging';
import {createReadiness} from './ready';
import {startServer, type RunningServer} from './start-server';

// Operating the service over real HTTP on 127.0.0.1 with a real SQLite file: metrics, JSON logs
// with request and job ids, readiness. Jobs run through an injected runner that passes the
// pipeline's stages in a few ms and writes a report.json like a render does (no browser).
const KEY = 'ops-test-key-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-ops-'));
const lines: string[] = [];
let server: RunningServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runner: JobRunner = async (job, ctx) => {
	const prompt = 'prompt' in job.input ? job.input.prompt : '';
	for (const stage of ['planning', 'voicing', 'fetching', 'bundling', 'rendering']) {
		ctx.onProgress({stage, progress: 0});
		await sleep(5);
		if (prompt.includes('broken') && stage === 'voicing') throw new PromptreelError('MEDIA_UNREADABLE', 'The test voice cannot be read.');
	}
	const outputDir = join(dataDir, 'out', job.id);
	mkdirSync(outputDir, {recursive: true});
	const report = {
		video: {durationMs: 2000, fps: 30, frames: 60},
		renderTimingsMs: {render: 2000},
		cacheHit: false,
		completion: {voiced: ['s1', 's2'], voiceCacheHits: ['s1']},
	};
	writeFileSync(join(outputDir, 'report.json'), JSON.stringify(report));
	return {files: [], outputDir, warnings: []};
};

const call = (path: string, init: RequestInit & {key?: boolean} = {}) =>
	fetch(`${server.url}${path}`, {
		...init,
		headers: {...(init.key === false ? {} : {authorization: `Bearer ${KEY}`}), 'content-type': 'application/json', ...init.headers},
	});

const submit = async (body: unknown, headers: Record<string, string> = {}) => {
	const res = await call('/v1/videos', {method: 'POST', body: JSON.stringify(body), headers});
	expect(res.status).toBe(202);
	return {id: ((await res.json()) as {id: string}).id, requestId: res.headers.get('x-request-id')};
};

const waitEnded = async (id: string) => {
	const end = Date.now() + 15_000;
	for (;;) {
		const job = (await (await call(`/v1/videos/${id}`)).json()) as {status: string; webhook: {deliveries: {state: string}[]} | null};
		const webhookSettled = !job.webhook || job.webhook.deliveries.some((d) => d.state === 'delivered');
		if (['done', 'failed'].includes(job.status) && webhookSettled) return job;
		if (Date.now() > end) throw new Error(`job ${id} did not end: ${JSON.stringify(job)}`);
		await sleep(20);
	}
};

type Sample = {name: string; labels: Record<string, string>; value: number};
/** The Prometheus text format, parsed: one sample per line that is not a comment. */
const parseMetrics = (text: string): Sample[] =>
	text
		.split('\n')
		.filter((l) => l && !l.startsWith('#'))
		.map((line) => {
			const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
			if (!m) throw new Error(`not a sample line: ${line}`);
			const labels: Record<string, string> = {};
			for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
			return {name: m[1]!, labels, value: Number(m[3])};
		});
const sum = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
	samples
		.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
		.reduce((total, s) => total + s.value, 0);

beforeAll(async () => {
	receiver = await startReceiver();
	const config = loadConfig({PROMPTREEL_API_KEYS: KEY, PROMPTREEL_ALLOW_PRIVATE_URLS: '1', PROMPTREEL_METRICS_PORT: '1'});
	server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		runner,
		host: '127.0.0.1',
		port: 0,
		dataDir,
		// Port 0: any free port for the metrics too.
		server: {...config.server, concurrency: 2, metricsPort: 0},
		logger: createLogger({level: 'debug', format: 'json', destination: {write: (line: string) => void lines.push(line)}}),
		webhookPollMs: 20,
	});
});
afterAll(async () => {
	await server?.close({graceMs: 0});
	await receiver?.close();
	rmSync(dataDir, {recursive: true, force: true});
});

describe('operating the service', () => {
	let ids: {ok: string; high: string; broken: string; hooked: string};
	let givenRequestId: string | null;

	it('runs a few jobs; GET /metrics over HTTP counts them (behind the key, and on the metrics port without one)', async () => {
		const ok = await submit({prompt: 'How volcanoes form'}, {'x-request-id': 'req-from-caller-1'});
		givenRequestId = ok.requestId;
		const high = await submit({prompt: 'Urgent news', options: {priority: 'high', template: 'headline'}});
		const broken = await submit({prompt: 'A broken voice'});
		const hooked = await submit({prompt: 'Webhooks', webhook: {url: receiver.url, metadata: {n: 1}}});
		ids = {ok: ok.id, high: high.id, broken: broken.id, hooked: hooked.id};
		for (const id of Object.values(ids)) await waitEnded(id);

		expect((await call('/metrics', {key: false})).status).toBe(401);
		const res = await call('/metrics');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		// The report.json of the last job is read after it ends: scrape until it is counted.
		let samples = parseMetrics(await res.text());
		for (let i = 0; i < 50 && sum(samples, 'promptreel_render_fps_count') < 3; i++) {
			await sleep(20);
			samples = parseMetrics(await (await call('/metrics')).text());
		}

		expect(sum(samples, 'promptreel_jobs', {status: 'done'})).toBe(3);
		expect(sum(samples, 'promptreel_jobs', {status: 'failed'})).toBe(1);
		expect(sum(samples, 'promptreel_jobs', {status: 'done', template: 'headline', priority: 'high'})).toBe(1);
		expect(sum(samples, 'promptreel_jobs_submitted_total')).toBe(4);
		expect(sum(samples, 'promptreel_jobs_submitted_total', {priority: 'high'})).toBe(1);
		expect(sum(samples, 'promptreel_job_attempts_total', {outcome: 'done'})).toBe(3);
		expect(sum(samples, 'promptreel_job_attempts_total', {outcome: 'failed'})).toBe(1);
		expect(sum(samples, 'promptreel_job_duration_seconds_count')).toBe(4);
		expect(sum(samples, 'promptreel_job_queue_wait_seconds_count')).toBe(4);
		// Every job passed planning; the broken one failed in voicing, so only 3 reached rendering.
		expect(sum(samples, 'promptreel_stage_duration_seconds_count', {stage: 'planning'})).toBe(4);
		expect(sum(samples, 'promptreel_stage_duration_seconds_count', {stage: 'rendering'})).toBe(3);
		expect(sum(samples, 'promptreel_queue_depth')).toBe(0);
		expect(sum(samples, 'promptreel_queue_oldest_age_seconds')).toBe(0);
		expect(sum(samples, 'promptreel_running_jobs')).toBe(0);
		// From each done job's report.json: 60 frames in 2 s, 2 scenes voiced (1 from the cache).
		expect(sum(samples, 'promptreel_render_fps_count')).toBe(3);
		expect(sum(samples, 'promptreel_render_fps_sum')).toBeCloseTo(90);
		expect(sum(samples, 'promptreel_cache_requests_total', {cache: 'voice', result: 'hit'})).toBe(3);
		expect(sum(samples, 'promptreel_cache_requests_total', {cache: 'render', result: 'miss'})).toBe(3);
		expect(sum(samples, 'promptreel_webhook_attempts_total', {outcome: 'delivered'})).toBe(1);
		expect(sum(samples, 'promptreel_webhook_deliveries', {state: 'delivered'})).toBe(1);
		expect(receiver.received).toHaveLength(1);
		expect(sum(samples, 'promptreel_http_requests_total', {method: 'POST', route: '/v1/videos', status: '202'})).toBe(4);
		expect(sum(samples, 'promptreel_http_requests_total', {route: '/metrics', status: '401'})).toBe(1);
		expect(sum(samples, 'promptreel_http_request_duration_seconds_count', {route: '/v1/videos/:id'})).toBeGreaterThan(0);
		expect(sum(samples, 'promptreel_process_resident_memory_bytes')).toBeGreaterThan(0);

		// The metrics port answers without a key, from the same registry.
		expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
		const scraped = parseMetrics(await (await fetch(server.metricsUrl!)).text());
		expect(sum(scraped, 'promptreel_jobs', {status: 'done'})).toBe(3);
		expect((await fetch(server.metricsUrl!.replace('/metrics', '/v1/videos'))).status).toBe(404);
	});

	it('the job view shows priority and key; logs are JSON lines carrying the job id through the whole job, and no secret', async () => {
		const view = (await (await call(`/v1/videos/${ids.high}`)).json()) as {priority: string; key: string};
		expect(view.priority).toBe('high');
		expect(view.key).toMatch(/^key_[0-9a-f]{12}$/);

		const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
		for (const e of entries) {
			expect(typeof e.level).toBe('string');
			expect(Date.parse(String(e.time))).not.toBeNaN();
			expect(typeof e.msg).toBe('string');
		}
		const ofJob = entries.filter((e) => e.jobId === ids.ok);
		const messages = ofJob.map((e) => String(e.msg));
		// Submitted (the request's line), started, every stage with its duration, done.
		expect(ofJob[0]).toMatchObject({requestId: 'req-from-caller-1', method: 'POST', route: '/v1/videos', status: 202});
		expect(messages.some((m) => /attempt 1 of \d started/.test(m))).toBe(true);
		const stages = ofJob.filter((e) => typeof e.stage === 'string' && typeof e.durationMs === 'number').map((e) => e.stage);
		expect(stages).toEqual(expect.arrayContaining(['planning', 'voicing', 'fetching', 'bundling', 'rendering']));
		const done = ofJob.find((e) => e.outcome === 'done')!;
		expect(done).toMatchObject({level: 'info', jobId: ids.ok, attempt: 1, priority: 'normal'});
		expect(done.durationMs).toBeGreaterThan(0);
		const failed = entries.find((e) => e.jobId === ids.broken && e.outcome === 'failed')!;
		expect(failed).toMatchObject({level: 'warn', error: 'MEDIA_UNREADABLE'});

		// The caller's request id is echoed; a request without one gets a fresh id.
		expect(givenRequestId).toBe('req-from-caller-1');
		const fresh = await call('/v1/templates');
		expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const insane = await call('/v1/templates', {headers: {'x-request-id': 'x'.repeat(300)}});
		expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

		// The API key never reaches the log, even when a caller sends a wrong one.
		await call('/v1/videos', {headers: {authorization: `Bearer ${KEY}-wrong`}});
		const all = lines.join('');
		expect(all).not.toContain(KEY);
		// Fields named like secrets are censored.
		const censored: string[] = [];
		createLogger({format: 'json', destination: {write: (l: string) => void censored.push(l)}}).info(
			{apiKey: 'sk-1', webhook: {secret: 'whsec'}},
			'x',
		);
		expect(censored.join('')).not.toMatch(/sk-1|whsec/);
	});
});

describe('readiness', () => {
	it('/v1/ready is open and 200 when every check passes; 503 naming dataDir when the data dir cannot take files', async () => {
		const ready = await call('/v1/ready', {key: false});
		expect(ready.status).toBe(200);
		const body = (await ready.json()) as {status: string; checks: {name: string; ok: boolean}[]};
		expect(body.status).toBe('ready');
		expect(body.checks.map((c) => [c.name, c.ok])).toEqual([
			['store', true],
			['browser', true],
			['dataDir', true],
			['disk', true],
		]);
		// The data dir is replaced by a file (root writes through chmod, not through this): the
		// open store still answers, the data dir takes no file.
		const moved = `${dataDir}-moved`;
		renameSync(dataDir, moved);
		writeFileSync(dataDir, 'not a folder');
		try {
			const res = await call('/v1/ready', {key: false});
			expect(res.status).toBe(503);
			const failing = (await res.json()) as {status: string; failing: string[]; error: {code: string; message: string}};
			expect(failing.status).toBe('not ready');
			expect(failing.failing).toEqual(['dataDir']);
			expect(failing.error.code).toBe('NOT_READY');
			expect(failing.error.message).toMatch(/dataDir: cannot write in the data dir \((EEXIST|ENOTDIR)\)/);
			expect(failing.error.message).not.toContain(dataDir);
			// Liveness is not readiness.
			expect((await call('/v1/health', {key: false})).status).toBe(200);
		} finally {
			rmSync(dataDir);
			renameSync(moved, dataDir);
		}
		expect((await call('/v1/ready', {key: false})).status).toBe(200);
		const doc = (await (await call('/v1/openapi.json', {key: false})).json()) as {paths: Record<string, unknown>};
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/ready', '/metrics']));
	});

	it('fails the browser and disk checks by name: no browser, or less free disk than the threshold', async () => {
		const report = await createReadiness({
			store: server.store,
			dataDir,
			browser: {executable: join(dataDir, 'no-such-chrome')},
			minFreeBytes: Number.MAX_SAFE_INTEGER,
		}).check();
		expect(report.ready).toBe(false);
		expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['browser', 'disk']);
		expect(report.checks.find((c) => c.name === 'disk')?.message).toMatch(/GB free, below .* \(PROMPTREEL_MIN_FREE_DISK_MB\)/);
		const lambda = await createReadiness({store: server.store, dataDir, browser: null, minFreeBytes: 0}).check();
		expect(lambda.ready).toBe(true);
	});
});
