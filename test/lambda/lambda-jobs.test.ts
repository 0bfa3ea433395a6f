import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadConfig} from '../../src/app/config';
import {createFileRenderLedger, createLambdaRenderer} from '../../src/pipeline/render/lambda';
import {startServer, type RunningServer} from '../../src/server/start-server';
import {probe} from '../support/ffprobe';
import {http, shareTestBundle, waitForJob} from '../support/server-harness';
import {lambdaStoryboard, startLambdaWorld, writeLambdaMedia, type LambdaWorld} from './lambda-fixture';

// POST /v1/videos through the real jobs service with the Lambda renderer: uploaded assets reach the
// simulated functions through S3 and presigned URLs; the job's files are the ones a local render makes.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-lambda-jobs-'));
let world: LambdaWorld;
let server: RunningServer;
let api: ReturnType<typeof http>;

beforeAll(async () => {
	shareTestBundle(dataDir);
	world = await startLambdaWorld();
	writeLambdaMedia(world.dir);
	const renderer = createLambdaRenderer({
		settings: world.settings,
		gateway: world.gateway,
		ledger: createFileRenderLedger({dir: join(dataDir, 'lambda', 'renders')}),
		s3: world.s3,
	});
	server = await startServer({
		renderer,
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...loadConfig({}).server, concurrency: 1},
		log: () => undefined,
	});
	api = http(server.url);
});
afterAll(async () => {
	await server?.close({graceMs: 0});
	await world?.close();
	rmSync(dataDir, {recursive: true, force: true});
});

const upload = async (file: string, type: string) =>
	(await (
		await fetch(`${server.url}/v1/assets`, {method: 'POST', body: new Uint8Array(readFileSync(file)), headers: {'content-type': type}})
	).json()) as {ref: string};

describe('jobs service with PROMPTREEL_RENDERER=lambda (simulated functions)', () => {
	it('renders a submitted storyboard on Lambda: files, report with the render id, progress events', async () => {
		const photo = await upload(join(world.dir, 'media/photo.jpg'), 'image/jpeg');
		const tone = await upload(join(world.dir, 'media/tone.wav'), 'audio/wav');
		const sb = lambdaStoryboard('Lambda job') as any;
		sb.scenes[0].visual.src = photo.ref;
		sb.scenes[0].narration.audio = tone.ref;
		const res = await api.post('/v1/videos', {storyboard: sb, options: {quality: 'draft'}});
		expect(res.status, res.text).toBe(202);
		const job = await waitForJob(server.url, res.body.id, (j) => ['done', 'failed'].includes(j.status), 280_000, 200);
		expect(job.status, JSON.stringify(job.error)).toBe('done');

		const file = join(world.dir, 'job.mp4');
		writeFileSync(file, Buffer.from(await (await fetch(job.files['video.mp4'])).arrayBuffer()));
		const info = probe(file);
		expect(info.video).toMatchObject({codec: 'h264', width: 640, height: 360, frames: 60});
		expect(info.audio).not.toBeNull();
		const report = await (await fetch(job.files['report.json'])).json();
		expect(report.providers.rendering).toBe('lambda');
		expect(report.job.id).toBe(job.id);
		expect(report.lambda).toMatchObject({renderId: expect.any(String), functions: 3, resumed: false});

		// The SSE history: rendering progress between the status changes.
		const events = await (await fetch(`${server.url}/v1/videos/${job.id}/events`)).text();
		const stages = [...events.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as {stage: string | null; progress: number});
		expect(stages.some((e) => e.stage === 'rendering' && e.progress > 0 && e.progress < 1)).toBe(true);
		expect(events).toMatch(/event: done/);
	}, 300_000);
});
