import {createLocalRenderer} from '../pipeline/render';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {probe} from '../../test/support/ffprobe';
import {http, shareTestBundle, tinyStoryboard, waitForJob} from '../../test/support/server-harness';
import {loadConfig} from '../app/config';
import {startServer, type RunningServer} from './start-server';

// Upload then render (one real, tiny render): a PNG made with ffmpeg is uploaded to POST /v1/assets
// and used as a scene image through its asset: ref.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-assets-'));
const work = mkdtempSync(join(tmpdir(), 'promptreel-assets-in-'));
let server: RunningServer;
let api: ReturnType<typeof http>;
let png: Buffer;

beforeAll(async () => {
	shareTestBundle(dataDir);
	execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=0xff2020:s=320x180', '-frames:v', '1', join(work, 'red.png')]);
	png = readFileSync(join(work, 'red.png'));
	server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...loadConfig({}).server, concurrency: 1, maxUploadBytes: 200_000},
		log: () => undefined,
	});
	api = http(server.url);
});
afterAll(async () => {
	await server?.close({graceMs: 0});
	rmSync(dataDir, {recursive: true, force: true});
	rmSync(work, {recursive: true, force: true});
});

const upload = (body: BodyInit, headers: Record<string, string> = {}) => fetch(`${server.url}/v1/assets`, {method: 'POST', body, headers});

describe('POST /v1/assets', () => {
	it('recognises the content by its magic bytes, not the header; one asset per content; limits size', async () => {
		const raw = await upload(new Uint8Array(png), {'content-type': 'application/octet-stream'});
		expect(raw.status).toBe(201);
		const asset = await raw.json();
		expect(asset).toMatchObject({kind: 'image', contentType: 'image/png', bytes: png.length, ref: `asset:${asset.id}`});
		expect(asset.id).toMatch(/^ast_[0-9a-f]{24}$/);

		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(png)], {type: 'video/mp4'}), 'red.png');
		const multipart = await upload(form);
		expect(multipart.status).toBe(201);
		expect(await multipart.json()).toMatchObject({id: asset.id, kind: 'image'});
		expect((await api.get(`/v1/assets/${asset.id}`)).body).toMatchObject({id: asset.id, contentType: 'image/png'});

		const lie = await upload('<html><script>alert(1)</script></html>', {'content-type': 'image/png'});
		expect(lie.status).toBe(415);
		expect((await lie.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
		const big = await upload(new Uint8Array(300_000), {'content-type': 'image/png'});
		expect(big.status).toBe(413);
		expect((await upload(new Uint8Array(0), {'content-type': 'image/png'})).status).toBe(422);
	});

	it('an unknown or mismatched asset ref is 422 naming the field', async () => {
		const sb = tinyStoryboard('Unknown asset') as any;
		sb.scenes[0].visual = {kind: 'image', src: 'asset:ast_000000000000000000000000'};
		const res = await api.post('/v1/videos', {storyboard: sb});
		expect(res.status).toBe(422);
		expect(res.body.error.issues[0]).toMatchObject({
			path: 'storyboard.scenes.0.visual.src',
			message: expect.stringMatching(/POST \/v1\/assets/),
		});
		const audio = tinyStoryboard('Wrong kind') as any;
		const asset = await (await upload(new Uint8Array(png))).json();
		audio.scenes[0].visual = {kind: 'video', src: asset.ref, durationMs: 1000};
		expect((await api.post('/v1/videos', {storyboard: audio})).body.error.issues[0].message).toMatch(/is image/);
		// A local path that merely looks like an asset of no upload is still refused.
		const path = tinyStoryboard('Fake path') as any;
		path.scenes[0].visual = {kind: 'image', src: 'assets/ast_111111111111111111111111.png'};
		expect((await api.post('/v1/videos', {storyboard: path})).status).toBe(422);
	});

	it('renders a storyboard whose image is the uploaded PNG; the job folder holds the file', async () => {
		const asset = await (await upload(new Uint8Array(png), {'content-type': 'image/png'})).json();
		const sb = tinyStoryboard('Uploaded image') as any;
		sb.scenes[0].visual = {kind: 'image', src: asset.ref, motion: 'none'};
		const res = await api.post('/v1/videos', {storyboard: sb, options: {quality: 'draft'}});
		expect(res.status).toBe(202);
		const job = await waitForJob(server.url, res.body.id, (j) => ['done', 'failed'].includes(j.status), 90_000, 100);
		expect(job.status, JSON.stringify(job.error)).toBe('done');
		const storyboard = await (await fetch(job.files['storyboard.json'])).json();
		expect(storyboard.scenes[0].visual.src).toBe(`assets/${asset.id}.png`);
		const file = join(work, 'out.mp4');
		const bytes = Buffer.from(await (await fetch(job.files['video.mp4'])).arrayBuffer());
		(await import('node:fs')).writeFileSync(file, bytes);
		const info = await probe(file);
		expect(info.video).toMatchObject({width: 640, height: 360});
		// Below the title's scrim, a middle frame is the red image (the uploaded file, not a fallback background).
		const pixel = execFileSync('ffmpeg', [
			'-v',
			'error',
			'-ss',
			'0.7',
			'-i',
			file,
			'-frames:v',
			'1',
			'-vf',
			'format=rgb24,crop=2:2:24:300',
			'-f',
			'rawvideo',
			'-pix_fmt',
			'rgb24',
			'-',
		]);
		expect(pixel[0]).toBeGreaterThan(200);
		expect(pixel[1]).toBeLessThan(80);
		expect(pixel[2]).toBeLessThan(80);
	});
});
