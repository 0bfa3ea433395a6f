import {createLocalRenderer} from '../pipeline/render';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {probe} from '../../test/support/ffprobe';
import {http, isRenderingFrames, shareTestBundle, tinyStoryboard, waitForJob} from '../../test/support/server-harness';
import {loadConfig} from '../app/config';
import {startServer, type RunningServer} from './start-server';

// Real renders (slow, few, small): a server in this process with one worker and the real
// renderer, called over real HTTP on 127.0.0.1, jobs in a real SQLite file.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-render-'));
let server: RunningServer;
let api: ReturnType<typeof http>;

beforeAll(async () => {
	shareTestBundle(dataDir);
	const config = loadConfig({});
	server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...config.server, concurrency: 1},
		log: () => undefined,
	});
	api = http(server.url);
});
afterAll(async () => {
	await server?.close({graceMs: 0});
	rmSync(dataDir, {recursive: true, force: true});
});

describe('HTTP service with real renders', () => {
	it('cancels a job mid-render; the shared browser keeps serving the next job', async () => {
		const res = await api.post('/v1/videos', {
			storyboard: tinyStoryboard('Cancelled mid-render', {durationMs: 4000}),
			options: {quality: 'draft'},
		});
		expect(res.status).toBe(202);
		const running = await waitForJob(server.url, res.body.id, isRenderingFrames, 90_000, 50);
		expect(running.progress).toBeLessThan(1);
		const cancel = await api.post(`/v1/videos/${res.body.id}/cancel`);
		expect(cancel.status).toBe(200);
		const job = await waitForJob(server.url, res.body.id, (j) => j.status !== 'rendering', 15_000, 50);
		expect(job).toMatchObject({status: 'cancelled', error: {code: 'CANCELLED'}, files: {}});
		expect((await api.get(`/v1/videos/${res.body.id}/files/video.mp4`)).status).toBe(404);
	});

	it('renders a submitted storyboard to done; the video downloads with Range, HEAD and ETag', async () => {
		const res = await api.post('/v1/videos', {storyboard: tinyStoryboard('Downloaded'), options: {quality: 'draft'}});
		expect(res.status).toBe(202);
		const seen = new Set<string>();
		const job = await waitForJob(
			server.url,
			res.body.id,
			(j) => {
				seen.add(j.status);
				return j.status === 'done' || j.status === 'failed';
			},
			90_000,
			50,
		);
		expect(job.error).toBeNull();
		expect(job.status).toBe('done');
		expect(seen.has('rendering')).toBe(true);
		expect(Object.keys(job.files).sort()).toEqual([
			'captions.srt',
			'captions.vtt',
			'credits.json',
			'poster.jpg',
			'report.json',
			'storyboard.json',
			'video.mp4',
		]);

		const videoUrl: string = job.files['video.mp4'];
		const full = await fetch(videoUrl);
		expect(full.status).toBe(200);
		expect(full.headers.get('content-type')).toBe('video/mp4');
		expect(full.headers.get('accept-ranges')).toBe('bytes');
		const bytes = Buffer.from(await full.arrayBuffer());
		expect(Number(full.headers.get('content-length'))).toBe(bytes.length);
		const file = join(dataDir, 'downloaded.mp4');
		writeFileSync(file, bytes);
		const info = probe(file);
		expect(info.video).toMatchObject({codec: 'h264', width: 640, height: 360});
		expect(info.video.frames).toBe(45);

		const part = await fetch(videoUrl, {headers: {Range: 'bytes=0-1023'}});
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 0-1023/${bytes.length}`);
		expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(0, 1024))).toBe(true);
		const tail = await fetch(videoUrl, {headers: {Range: 'bytes=-100'}});
		expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 100))).toBe(true);
		expect((await fetch(videoUrl, {headers: {Range: `bytes=${bytes.length}-`}})).status).toBe(416);

		const head = await fetch(videoUrl, {method: 'HEAD'});
		expect(head.status).toBe(200);
		expect(head.headers.get('content-length')).toBe(String(bytes.length));
		const etag = head.headers.get('etag')!;
		expect((await fetch(videoUrl, {headers: {'If-None-Match': etag}})).status).toBe(304);

		const poster = await fetch(job.files['poster.jpg']);
		expect(poster.headers.get('content-type')).toBe('image/jpeg');
		const vtt = await (await fetch(job.files['captions.vtt'])).text();
		expect(vtt.startsWith('WEBVTT')).toBe(true);
		const storyboard = await (await fetch(job.files['storyboard.json'])).json();
		expect(storyboard.title).toBe('Downloaded');
	});

	it('answers an identical storyboard + options from the cache at once (content hash), a different quality renders', async () => {
		const again = await api.post('/v1/videos', {storyboard: tinyStoryboard('Downloaded'), options: {quality: 'draft'}});
		expect(again.status).toBe(202);
		expect(again.body).toMatchObject({status: 'done', cached: true, attempts: 0});
		expect(again.body.warnings[0].code).toBe('CACHED');
		const video = await fetch(again.body.files['video.mp4']);
		expect(video.status).toBe(200);
		expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);

		const other = await api.post('/v1/videos', {storyboard: tinyStoryboard('Downloaded'), options: {quality: 'standard'}});
		expect(other.body).toMatchObject({status: 'queued', cached: false});
		await api.del(`/v1/videos/${other.body.id}`);
	});
});
