import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from '../../test/support/run-cli';
import {http, startReceiver} from '../../test/support/server-harness';
import {loadConfig} from '../app/config';
import {verifyWebhookSignature, type JobRunner} from '../jobs';
import {PromptreelError} from '../pipeline/errors';
import {createLocalRenderer} from '../pipeline/render';
import {startServer, type RunningServer} from './start-server';

// Batches over real HTTP on 127.0.0.1 with jobs in a real SQLite file: POST /v1/batches, GET
// /v1/batches/{id}, the signed batch.done webhook, a restart, and `promptreel batch --server`.
// The point is the batch mechanics, so jobs run a fake runner (stages on a timer, a small file, no
// render): README "Batches".
const SECRET = 'batch-webhook-secret';
const dirs: string[] = [];
const servers: RunningServer[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fakeRunner =
	(dataDir: string): JobRunner =>
	async (job, ctx) => {
		for (const stage of ['planning', 'rendering'] as const) {
			ctx.onProgress({stage, progress: 0.5});
			await sleep(60);
		}
		const text = 'prompt' in job.input ? job.input.prompt : job.input.storyboard.title;
		if (text.includes('fail')) throw new PromptreelError('RENDER_FAILED', 'The fake renderer failed on purpose.');
		const outputDir = join(dataDir, 'jobs', job.id, 'out');
		mkdirSync(outputDir, {recursive: true});
		const {durationSec, aspect, templateOptions} = job.options;
		writeFileSync(join(outputDir, 'video.mp4'), `video of ${text} ${JSON.stringify({durationSec, aspect, templateOptions})}`);
		return {files: ['video.mp4'], outputDir, warnings: []};
	};

const start = async (dataDir = mkdtempSync(join(tmpdir(), 'promptreel-batch-'))) => {
	if (!dirs.includes(dataDir)) dirs.push(dataDir);
	const config = loadConfig({PROMPTREEL_WEBHOOK_SECRET: SECRET, PROMPTREEL_MAX_ATTEMPTS: '1'});
	const server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...config.server, concurrency: 2, allowPrivateUrls: true},
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

const waitFor = async <T>(what: string, check: () => Promise<T | null | undefined> | T | null | undefined, ms = 15_000): Promise<T> => {
	const end = Date.now() + ms;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await sleep(50);
	}
};

describe('POST /v1/batches', () => {
	it('reports every bad item at once with its path and stores nothing', async () => {
		const {api} = await start();
		const res = await api.post('/v1/batches', {
			items: [
				{prompt: 'Fine'},
				{prompt: ''},
				{prompt: 'x', storyboard: {title: 't'}},
				{prompt: 'ok', options: {qualty: 'draft', durationSec: -1}},
			],
		});
		expect(res.status).toBe(422);
		const paths = res.body.error.issues.map((i: {path: string}) => i.path);
		expect(paths).toEqual(expect.arrayContaining(['items.1.prompt', 'items.2.prompt', 'items.2.storyboard', 'items.3.options.qualty']));
		expect(paths).toContain('items.3.options.durationSec');
		// The service's checks of each item (template, voice) are reported per item too.
		const service = await api.post('/v1/batches', {
			items: [
				{prompt: 'a', options: {template: 'nope'}},
				{prompt: 'b', options: {voice: 'nobody'}},
			],
		});
		expect(service.status).toBe(422);
		expect(service.body.error.issues.map((i: {path: string}) => i.path)).toEqual(['items.0.options.template', 'items.1.options.voice']);
		expect((await api.get('/v1/health')).body.jobs).toEqual({});
	});

	it('runs every item as a job, POSTs one signed batch.done when all ended, and the batch survives a restart', async () => {
		const receiver = await startReceiver();
		try {
			const first = await start();
			const body = {
				items: [{prompt: 'Volcanoes'}, {prompt: 'This one will fail'}, {prompt: 'Tides', options: {priority: 'high'}}],
				webhook: {url: receiver.url, metadata: {campaign: 'spring'}},
			};
			const created = await first.api.call('POST', '/v1/batches', {json: body, headers: {'idempotency-key': 'batch-1'}});
			expect(created.status).toBe(202);
			expect(created.body).toMatchObject({status: 'running', total: 3, links: {self: `${first.server.url}/v1/batches/${created.body.id}`}});
			expect(created.headers.get('location')).toBe(created.body.links.self);
			const id = created.body.id as string;
			const replay = await first.api.call('POST', '/v1/batches', {json: body, headers: {'idempotency-key': 'batch-1'}});
			expect(replay).toMatchObject({status: 202, body: {id}});
			expect(replay.headers.get('idempotent-replayed')).toBe('true');
			const other = await first.api.call('POST', '/v1/batches', {json: {items: [{prompt: 'x'}]}, headers: {'idempotency-key': 'batch-1'}});
			expect(other.status).toBe(409);

			const hook = await waitFor('batch.done', () => receiver.received.find((r) => r.headers['promptreel-event'] === 'batch.done'));
			expect(receiver.received.filter((r) => r.headers['promptreel-event'] === 'batch.done')).toHaveLength(1);
			expect(verifyWebhookSignature({secret: SECRET, body: hook.body, header: String(hook.headers['promptreel-signature'])})).toBe(true);
			const event = JSON.parse(hook.body);
			expect(event).toMatchObject({
				type: 'batch.done',
				metadata: {campaign: 'spring'},
				batch: {id, status: 'done', counts: {done: 2, failed: 1}},
			});
			expect(event.batch.items.map((i: {status: string}) => i.status)).toEqual(['done', 'failed', 'done']);
			expect(event.batch.items[1].error).toMatchObject({code: 'RENDER_FAILED'});
			expect(event.batch.items[0].files['video.mp4']).toBe(`${first.server.url}/v1/videos/${event.batch.items[0].id}/files/video.mp4`);

			// Another server on the same data dir answers for the batch after the first one stopped.
			await first.server.close({graceMs: 0});
			const second = await start(first.dataDir);
			const after = await second.api.get(`/v1/batches/${id}`);
			expect(after.status).toBe(200);
			expect(after.body).toMatchObject({id, status: 'done', total: 3, webhook: {deliveries: [{event: 'batch.done', state: 'delivered'}]}});
			expect(after.body.items.map((i: {id: string}) => i.id)).toEqual(event.batch.items.map((i: {id: string}) => i.id));
			const video = await second.api.get(after.body.items[2].links.self.replace(second.server.url, ''));
			expect(video.body).toMatchObject({status: 'done', priority: 'high'});
			expect((await second.api.get('/v1/batches/bat_000000000000000000000000')).status).toBe(404);
		} finally {
			await receiver.close();
		}
	});

	it('appears in the OpenAPI document', async () => {
		const {api} = await start();
		const doc = (await api.get('/v1/openapi.json')).body;
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/batches', '/v1/batches/{id}']));
		expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Batch', 'BatchItem', 'CreateBatchRequest']));
	});
});

describe('MCP create_batch and get_batch', () => {
	it('take the same items, report every bad one, and answer the batch with its items', async () => {
		const {server} = await start();
		const client = new Client({name: 'batch-test', version: '1'});
		await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
		try {
			const bad = await client.callTool({name: 'create_batch', arguments: {items: [{prompt: 'fine'}, {options: {quality: 'draft'}}]}});
			expect(bad.isError).toBe(true);
			expect(JSON.stringify(bad.content)).toContain('items.1');
			const made = await client.callTool({name: 'create_batch', arguments: {items: [{prompt: 'One'}, {prompt: 'Two'}]}});
			expect(made.isError, JSON.stringify(made.content)).toBeFalsy();
			const id = (made.structuredContent as {id: string}).id;
			const done = await waitFor('the batch to end', async () => {
				const got = await client.callTool({name: 'get_batch', arguments: {id}});
				const view = got.structuredContent as {status: string; counts: Record<string, number>; items: {files: Record<string, string>}[]};
				return view.status === 'done' ? view : null;
			});
			expect(done.counts).toEqual({done: 2});
			expect(done.items[0]!.files['video.mp4']).toMatch(new RegExp(`^${server.url}/v1/videos/vid_[0-9a-f]{24}/files/video.mp4$`));
		} finally {
			await client.close();
		}
	});
});

describe('promptreel batch --server', () => {
	it('submits a CSV over HTTP, writes a folder per item and the summary, and names the failed line (exit 1)', async () => {
		const {server} = await start();
		const cwd = mkdtempSync(join(tmpdir(), 'promptreel-batch-cli-'));
		dirs.push(cwd);
		writeFileSync(
			join(cwd, 'list.csv'),
			'prompt,durationSec,aspect,templateOptions.titlePlacement\nHow volcanoes form,20,9:16,top\n"Tides, and why this will fail",,,\n',
		);
		const r = await runCli(['batch', 'list.csv', '--server', server.url, '--out', 'out', '--poll-ms', '100'], {cwd, timeoutMs: 60_000});
		expect(r.status, r.stderr).toBe(1);
		expect(r.stderr).toMatch(/Not done: line 3 \(RENDER_FAILED: The fake renderer failed on purpose.\)/);
		expect(r.stderr).toMatch(/2\/2 ended: 1 done, 1 failed/);
		expect(r.stdout).toMatch(/^line\s+status\s+video\s+folder\s+error\n2\s+done\s+vid_/);
		const summary = JSON.parse(readFileSync(join(cwd, 'out/summary.json'), 'utf8'));
		expect(summary.items.map((i: {line: number; status: string; folder: string}) => [i.line, i.status, i.folder])).toEqual([
			[2, 'done', '2-how-volcanoes-form'],
			[3, 'failed', '3-tides-and-why-this-will-fail'],
		]);
		// The CSV's cells reached the job as typed options (a number, an aspect, a template option).
		expect(readFileSync(join(cwd, 'out/2-how-volcanoes-form/video.mp4'), 'utf8')).toBe(
			'video of How volcanoes form {"durationSec":20,"aspect":"9:16","templateOptions":{"titlePlacement":"top"}}',
		);
		expect(readFileSync(join(cwd, 'out/3-tides-and-why-this-will-fail/error.txt'), 'utf8')).toMatch(/RENDER_FAILED/);
		expect(readFileSync(join(cwd, 'out/summary.csv'), 'utf8').split('\n')[0]).toBe('line,status,video_id,folder,error');
		// Nothing ran in the CLI's process: no jobs log of its own.
		expect(existsSync(join(cwd, 'out/batch.log'))).toBe(false);
	});
});
