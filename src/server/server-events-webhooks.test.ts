import {createLocalRenderer} from '../pipeline/render';
import {createHmac, timingSafeEqual} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {http, readSse, startReceiver, tinyStoryboard, waitForJob} from '../../test/support/server-harness';
import {loadConfig} from '../app/config';
import {PromptreelError} from '../pipeline/errors';
import type {JobRunner} from '../jobs';
import {startServer, type RunningServer} from './start-server';

// Live progress and webhooks over real HTTP on 127.0.0.1, jobs in a real SQLite file, with a fake
// runner (stages and progress on a timer, no render) so this file takes seconds.
const SECRET = 'test-webhook-secret';
const dirs: string[] = [];
const servers: RunningServer[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fakeRunner =
	(dataDir: string): JobRunner =>
	async (job, ctx) => {
		const prompt = 'prompt' in job.input ? job.input.prompt : '';
		for (const [stage, steps] of [
			['planning', 2],
			['voicing', 2],
			['rendering', 4],
			['encoding', 1],
		] as const) {
			for (let i = 0; i <= steps; i++) {
				ctx.signal.throwIfAborted();
				ctx.onProgress({stage, progress: i / steps});
				await sleep(prompt.includes('slow') ? 120 : 40);
			}
		}
		if (prompt.includes('fail')) throw new PromptreelError('RENDER_FAILED', 'The fake renderer failed on purpose.');
		const outputDir = join(dataDir, 'jobs', job.id, 'out');
		mkdirSync(outputDir, {recursive: true});
		writeFileSync(join(outputDir, 'video.mp4'), 'not really a video');
		return {files: ['video.mp4'], outputDir, warnings: []};
	};

const start = async (o: {dataDir?: string; allowPrivateUrls?: boolean; concurrency?: number} = {}) => {
	const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'promptreel-live-'));
	if (!dirs.includes(dataDir)) dirs.push(dataDir);
	const config = loadConfig({PROMPTREEL_WEBHOOK_SECRET: SECRET});
	const server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {
			...config.server,
			concurrency: o.concurrency ?? 1,
			allowPrivateUrls: o.allowPrivateUrls ?? true,
			webhookBackoff: {type: 'exponential', delayMs: 150, maxAttempts: 8},
		},
		runner: fakeRunner(dataDir),
		webhookPollMs: 40,
		log: () => undefined,
	});
	servers.push(server);
	return {server, dataDir, api: http(server.url)};
};

afterAll(async () => {
	for (const s of servers) await s.close({graceMs: 0});
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

/** The README's verification snippet, as a receiver would write it. */
const verify = (secret: string, header: string, rawBody: string, toleranceSec = 300): boolean => {
	const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
	const t = Number(parts.t);
	if (!parts.v1 || !Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSec) return false;
	const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
	return parts.v1.length === expected.length && timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
};

describe('GET /v1/videos/:id/events (SSE)', () => {
	it('sends status and progress in order with increasing ids, resumes after a reconnect with Last-Event-ID (also on another server), closes on done', async () => {
		const {server, api, dataDir} = await start();
		const created = await api.post('/v1/videos', {prompt: 'A slow job to follow'});
		expect(created.status).toBe(202);
		const id = created.body.id;
		expect(created.body.links.events).toBe(`${server.url}/v1/videos/${id}/events`);

		const first = await readSse(`${server.url}/v1/videos/${id}/events`, {stopAfter: 3});
		expect(first.status).toBe(200);
		expect(first.events).toHaveLength(3);
		expect(first.events[0]).toMatchObject({id: '1', event: 'status', data: {id, status: 'queued'}});
		const lastSeen = first.events[2]!.id!;

		// The client drops and comes back where it stopped.
		const rest = await readSse(`${server.url}/v1/videos/${id}/events`, {headers: {'Last-Event-ID': lastSeen}});
		const all = [...first.events, ...rest.events];
		const ids = all.map((e) => Number(e.id));
		expect(ids).toEqual(ids.map((_, i) => i + 1));
		expect(all.at(-1)).toMatchObject({event: 'done', data: {status: 'done', progress: 1}});
		const statuses = all.filter((e) => e.event === 'status').map((e) => e.data.status);
		expect(statuses).toEqual(['queued', 'planning', 'voicing', 'rendering']);
		const progress = all.filter((e) => e.data.status === 'rendering').map((e) => e.data.progress);
		expect(progress.length).toBeGreaterThan(1);

		// Event ids live in SQLite: another server on the data dir resumes the same sequence.
		const other = await start({dataDir, concurrency: 0});
		const replay = await readSse(`${other.server.url}/v1/videos/${id}/events?lastEventId=${ids.length - 2}`);
		expect(replay.events.map((e) => Number(e.id))).toEqual([ids.length - 1, ids.length]);
		const after = await readSse(`${other.server.url}/v1/videos/${id}/events`, {
			headers: {'Last-Event-ID': String(ids.length)},
			timeoutMs: 5000,
		});
		expect(after.events).toEqual([]);
		await other.server.close();

		expect((await readSse(`${server.url}/v1/videos/vid_000000000000000000000000/events`)).status).toBe(404);
	});
});

describe('webhooks', () => {
	it('POSTs video.done and video.failed, signed, with the caller metadata; deliveries show in the job', async () => {
		const receiver = await startReceiver();
		const {api, server} = await start();
		const ok = await api.post('/v1/videos', {prompt: 'Done soon', webhook: {url: receiver.url, metadata: {order: 42, user: 'ada'}}});
		const bad = await api.post('/v1/videos', {prompt: 'This one will fail', webhook: {url: receiver.url}});
		const done = await waitForJob(server.url, ok.body.id, (j) => j.webhook?.deliveries[0]?.state === 'delivered', 20_000);
		const failed = await waitForJob(server.url, bad.body.id, (j) => j.webhook?.deliveries[0]?.state === 'delivered', 20_000);

		expect(done.webhook).toMatchObject({
			url: receiver.url,
			metadata: {order: 42, user: 'ada'},
			deliveries: [{event: 'video.done', state: 'delivered', nextAttemptAt: null}],
		});
		expect(done.webhook.deliveries[0].attempts).toMatchObject([{status: 200, error: null}]);
		expect(failed.status).toBe('failed');

		const hooks = receiver.received.map((r) => ({...r, json: JSON.parse(r.body)}));
		const doneHook = hooks.find((h) => h.json.video.id === ok.body.id)!;
		const failHook = hooks.find((h) => h.json.video.id === bad.body.id)!;
		expect(doneHook.json).toMatchObject({type: 'video.done', video: {id: ok.body.id, status: 'done'}, metadata: {order: 42, user: 'ada'}});
		expect(doneHook.json.video.files['video.mp4']).toBe(`${server.url}/v1/videos/${ok.body.id}/files/video.mp4`);
		expect(failHook.json).toMatchObject({type: 'video.failed', video: {status: 'failed', error: {code: 'RENDER_FAILED'}}, metadata: null});
		for (const h of [doneHook, failHook]) {
			const header = String(h.headers['promptreel-signature']);
			expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
			expect(verify(SECRET, header, h.body)).toBe(true);
			expect(verify('another-secret', header, h.body)).toBe(false);
			expect(verify(SECRET, header, h.body.replace('"video', ' "video'))).toBe(false);
			expect(h.headers['content-type']).toBe('application/json');
		}
		await receiver.close();
	});

	it('retries a failing receiver with exponential backoff, and the retries survive a restart', async () => {
		let answer = 500;
		const receiver = await startReceiver(() => answer);
		const a = await start();
		const job = await a.api.post('/v1/videos', {prompt: 'Retry my webhook', webhook: {url: receiver.url, metadata: {n: 1}}});
		await waitForJob(a.server.url, job.body.id, (j) => (j.webhook?.deliveries[0]?.attempts.length ?? 0) >= 2, 20_000, 30);
		await a.server.close();
		const failuresBefore = receiver.received.length;
		expect(failuresBefore).toBeGreaterThanOrEqual(2);

		// Down for a while: nothing is sent while no server runs; then a new process on the data dir picks the delivery up.
		answer = 200;
		await sleep(300);
		expect(receiver.received.length).toBe(failuresBefore);
		const b = await start({dataDir: a.dataDir, concurrency: 0});
		const after = await waitForJob(b.server.url, job.body.id, (j) => j.webhook?.deliveries[0]?.state === 'delivered', 20_000, 30);
		const attempts = after.webhook.deliveries[0].attempts;
		expect(attempts.length).toBe(failuresBefore + 1);
		expect(attempts.slice(0, -1).every((x: {status: number; error: string}) => x.status === 500 && x.error === 'HTTP 500')).toBe(true);
		expect(attempts.at(-1)).toMatchObject({status: 200, error: null});
		// Exponential: each wait at least doubles the first delay's order (150, 300, 600 ms ...).
		const times = receiver.received.slice(0, failuresBefore).map((r) => r.at);
		expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(140);
		// Every attempt sends the same body (frozen at the first), each freshly signed.
		expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
		for (const r of receiver.received) expect(verify(SECRET, String(r.headers['promptreel-signature']), r.body)).toBe(true);
		await receiver.close();
	});

	it('refuses webhook URLs on loopback or private addresses without PROMPTREEL_ALLOW_PRIVATE_URLS', async () => {
		const {api} = await start({allowPrivateUrls: false, concurrency: 0});
		for (const url of [
			'http://127.0.0.1:9/hook',
			'http://[::1]:9/',
			'http://[::ffff:127.0.0.1]:9/',
			'http://10.1.2.3/',
			'http://169.254.169.254/latest',
			'http://localhost:9/',
		]) {
			const res = await api.post('/v1/videos', {prompt: 'x', webhook: {url}});
			expect(res.status, url).toBe(422);
			expect(res.body.error.issues[0].path).toBe('webhook.url');
		}
		expect((await api.post('/v1/videos', {prompt: 'x', webhook: {url: 'https://hooks.example.com/promptreel'}})).status).toBe(202);
		// Media URLs too (names resolving to private addresses are refused when the download connects).
		const sb = tinyStoryboard('Private media') as any;
		sb.scenes[0].visual = {kind: 'image', src: 'https://[::ffff:10.0.0.1]/secret.png'};
		const media = await api.post('/v1/videos', {storyboard: sb});
		expect(media.status).toBe(422);
		expect(media.body.error.issues[0].path).toBe('storyboard.scenes.0.visual.src');
	});
});

describe('Idempotency-Key on POST /v1/videos', () => {
	it('answers a repeat with the same job, a different body with 409', async () => {
		const {api} = await start({concurrency: 0});
		const send = (body: unknown, key: string) => api.call('POST', '/v1/videos', {json: body, headers: {'Idempotency-Key': key}});
		const first = await send({prompt: 'Idempotent video'}, 'key-1');
		expect(first.status).toBe(202);
		const again = await send({prompt: 'Idempotent video'}, 'key-1');
		expect(again.status).toBe(202);
		expect(again.body.id).toBe(first.body.id);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		const conflict = await send({prompt: 'Another video'}, 'key-1');
		expect(conflict.status).toBe(409);
		expect(conflict.body.error.message).toMatch(/Idempotency-Key/);
		const other = await send({prompt: 'Idempotent video'}, 'key-2');
		expect(other.body.id).not.toBe(first.body.id);
		const plain = await api.post('/v1/videos', {prompt: 'Idempotent video'});
		expect(plain.body.id).not.toBe(first.body.id);
	});
});
