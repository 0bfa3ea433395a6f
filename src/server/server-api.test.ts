import {createLocalRenderer} from '../pipeline/render';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {http, tinyStoryboard} from '../../test/support/server-harness';
import {loadConfig} from '../app/config';
import {startServer, type RunningServer} from './start-server';

// The API over real HTTP on 127.0.0.1 with a real SQLite file, and no worker (concurrency 0):
// jobs stay queued, so nothing here renders.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-api-'));
let server: RunningServer;
let api: ReturnType<typeof http>;

beforeAll(async () => {
	const config = loadConfig({});
	server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...config.server, concurrency: 0, maxBodyBytes: 100_000},
		log: () => undefined,
	});
	api = http(server.url);
});
afterAll(async () => {
	await server?.close();
	rmSync(dataDir, {recursive: true, force: true});
});

const submit = (title: string) => api.post('/v1/videos', {storyboard: tinyStoryboard(title), options: {quality: 'draft'}});

describe('HTTP API: service endpoints', () => {
	it('reports health, templates with their JSON Schema, and an OpenAPI document from the same zod schemas', async () => {
		const health = await api.get('/v1/health');
		expect(health.status).toBe(200);
		expect(health.body).toMatchObject({status: 'ok', worker: {concurrency: 0}, renderer: 'local'});

		const templates = await api.get('/v1/templates');
		expect(templates.status).toBe(200);
		const explainer = templates.body.data.find((t: {id: string}) => t.id === 'explainer');
		expect(explainer.samples).toEqual(expect.arrayContaining(['landscape']));
		expect(Object.keys(explainer.schema.properties)).toEqual(expect.arrayContaining(['scenes', 'format', 'captionStyle']));

		const doc = await api.get('/v1/openapi.json');
		expect(doc.status).toBe(200);
		expect(doc.body.openapi).toBe('3.1.0');
		expect(Object.keys(doc.body.paths)).toEqual(
			expect.arrayContaining([
				'/v1/videos',
				'/v1/videos/{id}',
				'/v1/videos/{id}/files/{name}',
				'/v1/videos/{id}/cancel',
				'/v1/storyboards',
				'/v1/templates',
				'/v1/health',
			]),
		);
		expect(doc.body.components.schemas.Storyboard.properties.scenes.description).toMatch(/scene/i);
		expect(doc.body.components.schemas.Video.properties.status.enum).toContain('rendering');
	});

	it('accepts a storyboard with 202, a Location and the job shape of the README HTTP section', async () => {
		const res = await submit('Accepted');
		expect(res.status).toBe(202);
		expect(res.headers.get('location')).toBe(`${server.url}/v1/videos/${res.body.id}`);
		expect(res.body).toMatchObject({
			status: 'queued',
			stage: null,
			progress: 0,
			warnings: [],
			error: null,
			files: {},
			links: {self: res.headers.get('location')},
		});
		for (const key of ['id', 'status', 'stage', 'progress', 'warnings', 'error', 'createdAt', 'updatedAt', 'files'])
			expect(res.body).toHaveProperty(key);
		const got = await api.get(`/v1/videos/${res.body.id}`);
		expect(got.status).toBe(200);
		expect(got.body).toEqual(res.body);
	});

	it('plans a storyboard without rendering; the plan can be submitted as is', async () => {
		const plan = await api.post('/v1/storyboards', {
			prompt: 'Volcanoes form where magma rises through the crust. Eruptions build mountains over time.',
		});
		expect(plan.status).toBe(200);
		expect(plan.body.storyboard.scenes.length).toBeGreaterThan(0);
		const res = await api.post('/v1/videos', {storyboard: plan.body.storyboard});
		expect(res.status).toBe(202);
		const prompt = await api.post('/v1/videos', {prompt: 'How volcanoes form', options: {aspect: '9:16'}});
		expect(prompt.status).toBe(202);
		expect(prompt.body.kind).toBe('prompt');
	});
});

describe('HTTP API: list, paging, cancel, delete', () => {
	it('pages newest first with a cursor and filters by status', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) ids.push((await submit(`Paging ${i}`)).body.id);
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const page: {status: number; body: {data: {id: string}[]; nextCursor: string | null}} = await api.get(
				`/v1/videos?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			expect(page.status).toBe(200);
			expect(page.body.data.length).toBeLessThanOrEqual(2);
			seen.push(...page.body.data.map((j) => j.id));
			cursor = page.body.nextCursor;
			pages++;
		} while (cursor && pages < 20);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.slice(0, 5)).toEqual([...ids].reverse());

		await api.post(`/v1/videos/${ids[2]}/cancel`);
		const cancelled = await api.get('/v1/videos?status=cancelled');
		expect(cancelled.body.data.map((j: {id: string}) => j.id)).toEqual([ids[2]]);
		const both = await api.get('/v1/videos?status=cancelled,queued&limit=100');
		expect(both.body.data.length).toBe(seen.length);
	});

	it('cancels a queued job at once (idempotent), refuses to cancel a finished one (409), deletes (204 then 404)', async () => {
		const id = (await submit('Cancel me')).body.id;
		const cancelled = await api.post(`/v1/videos/${id}/cancel`);
		expect(cancelled.status).toBe(200);
		expect(cancelled.body).toMatchObject({status: 'cancelled', error: {code: 'CANCELLED'}});
		expect((await api.post(`/v1/videos/${id}/cancel`)).status).toBe(200);

		// A job finished by some worker (simulated through the store: this server renders nothing).
		const done = (await submit('Finished')).body.id;
		let claimed = (await server.store.claim({worker: 'test', now: Date.now(), leaseMs: 60_000})).job;
		while (claimed && claimed.id !== done) {
			await server.store.requeue({
				id: claimed.id,
				worker: 'test',
				now: Date.now(),
				runAfter: Date.now() + 3_600_000,
				warnings: [],
				refund: true,
				reason: 'skip',
			});
			claimed = (await server.store.claim({worker: 'test', now: Date.now(), leaseMs: 60_000})).job;
		}
		await server.store.finish({
			id: done,
			worker: 'test',
			status: 'done',
			warnings: [],
			files: ['video.mp4'],
			outputDir: join(dataDir, 'nowhere'),
			now: Date.now(),
		});
		const conflict = await api.post(`/v1/videos/${done}/cancel`);
		expect(conflict.status).toBe(409);
		expect(conflict.body.error.code).toBe('CONFLICT');

		expect((await api.del(`/v1/videos/${id}`)).status).toBe(204);
		expect((await api.get(`/v1/videos/${id}`)).status).toBe(404);
		expect((await api.del(`/v1/videos/${id}`)).status).toBe(404);
	});
});

describe('HTTP API: the error table', () => {
	const expectError = (res: {status: number; body: any}, status: number, code: string) => {
		expect(res.status).toBe(status);
		expect(res.body.error.code).toBe(code);
		expect(typeof res.body.error.message).toBe('string');
	};

	it('malformed JSON -> 400', async () => {
		const res = await api.call('POST', '/v1/videos', {body: '{"prompt": "x",', headers: {'content-type': 'application/json'}});
		expectError(res, 400, 'MALFORMED_JSON');
	});

	it('schema violations -> 422 with every zod path', async () => {
		const sb = tinyStoryboard('Bad') as any;
		sb.scenes[0].durationMs = -5;
		sb.format.aspect = '4:3';
		sb.scenes[0].visual = {kind: 'hologram'};
		const res = await api.post('/v1/videos', {storyboard: sb, options: {quality: 'ultra'}, webhook: {url: 'ftp://x'}});
		expectError(res, 422, 'INVALID_INPUT');
		expect(res.body.error.issues.map((i: {path: string}) => i.path)).toEqual(
			expect.arrayContaining([
				'storyboard.format.aspect',
				'storyboard.scenes.0.durationMs',
				'storyboard.scenes.0.visual.kind',
				'options.quality',
				'webhook.url',
			]),
		);
	});

	it('both or neither of prompt and storyboard -> 422 naming them', async () => {
		const both = await api.post('/v1/videos', {prompt: 'x', storyboard: tinyStoryboard('Both')});
		expectError(both, 422, 'INVALID_INPUT');
		expect(both.body.error.issues.map((i: {path: string}) => i.path)).toEqual(['prompt', 'storyboard']);
		const neither = await api.post('/v1/videos', {options: {quality: 'draft'}});
		expectError(neither, 422, 'INVALID_INPUT');
		expect(neither.body.error.message).toMatch(/prompt.*storyboard/);
		expectError(await api.post('/v1/videos', {prompt: '   '}), 422, 'INVALID_INPUT');
	});

	it('a storyboard naming local paths -> 422 naming each path', async () => {
		const sb = tinyStoryboard('Local') as any;
		sb.scenes[0].visual = {kind: 'image', src: 'samples/mandelbrot.jpg'};
		sb.scenes[0].narration = {text: 'hi', audio: 'http://example.com/a.mp3'};
		const res = await api.post('/v1/videos', {storyboard: sb});
		expectError(res, 422, 'INVALID_INPUT');
		expect(res.body.error.issues.map((i: {path: string}) => i.path)).toEqual([
			'storyboard.scenes.0.visual.src',
			'storyboard.scenes.0.narration.audio',
		]);
		expect(res.body.error.message).toContain('samples/mandelbrot.jpg');
		const absolute = await api.post('/v1/videos', {
			storyboard: {...sb, scenes: [{...sb.scenes[0], visual: {kind: 'image', src: '/etc/passwd'}}]},
		});
		expectError(absolute, 422, 'INVALID_INPUT');
		expect(absolute.body.error.issues[0].path).toBe('storyboard.scenes.0.visual.src');
	});

	it('options naming local files (music, voice-over) -> 422', async () => {
		const res = await api.post('/v1/videos', {prompt: 'x', options: {music: '/etc/passwd', voiceover: '/root/voice.wav'}});
		expectError(res, 422, 'INVALID_INPUT');
		expect(res.body.error.issues.map((i: {path: string}) => i.path)).toEqual(['options.music', 'options.voiceover']);
		expect((await api.post('/v1/videos', {prompt: 'x', options: {music: 'none'}})).status).toBe(202);
	});

	it('an unknown template -> 422 naming the valid ones', async () => {
		const res = await api.post('/v1/videos', {storyboard: {...tinyStoryboard('T'), template: 'nope'}});
		expectError(res, 422, 'INVALID_INPUT');
		expect(res.body.error.issues[0]).toMatchObject({path: 'storyboard.template'});
		expect(res.body.error.message).toContain('explainer');
		expectError(await api.post('/v1/storyboards', {prompt: 'x', options: {template: 'nope'}}), 422, 'INVALID_INPUT');
	});

	it("unknown job -> 404; file names outside the job's list -> 404, encoded or not", async () => {
		expectError(await api.get('/v1/videos/vid_000000000000000000000000'), 404, 'NOT_FOUND');
		expectError(await api.get('/v1/videos/..%2F..%2Fjobs.db'), 404, 'NOT_FOUND');
		expectError(await api.post('/v1/videos/nope/cancel'), 404, 'NOT_FOUND');
		const id = (await submit('Files')).body.id;
		for (const name of [
			'jobs.db',
			'..%2F..%2Fjobs.db',
			'%2e%2e%2f%2e%2e%2fjobs.db',
			'..%5C..%5Cjobs.db',
			'attempt-1',
			'video.mp4%00',
			'video.mp4',
		]) {
			const res = await api.get(`/v1/videos/${id}/files/${name}`);
			expect(res.status, name).toBe(404);
		}
		const raw = await fetch(`${server.url}/v1/videos/${id}/files/../../../jobs.db`);
		expect(raw.status).toBe(404);
		expect(await raw.text()).not.toContain('SQLite');
	});

	it('body over the limit -> 413; not JSON -> 415; bad list query -> 422; unknown route -> 404', async () => {
		const big = await api.post('/v1/videos', {prompt: 'x'.repeat(150_000)});
		expectError(big, 413, 'PAYLOAD_TOO_LARGE');
		const text = await api.call('POST', '/v1/videos', {body: 'prompt=x', headers: {'content-type': 'text/plain'}});
		expectError(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
		const status = await api.get('/v1/videos?status=running');
		expectError(status, 422, 'INVALID_INPUT');
		expect(status.body.error.issues[0].path).toBe('status');
		expectError(await api.get('/v1/videos?limit=0'), 422, 'INVALID_INPUT');
		expectError(await api.get('/v1/videos?cursor=bm9wZQ'), 422, 'INVALID_INPUT');
		expectError(await api.get('/v2/anything'), 404, 'NOT_FOUND');
	});
});
