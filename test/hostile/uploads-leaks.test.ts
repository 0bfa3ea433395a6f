import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {request} from 'node:http';
import {join} from 'node:path';
import {deflateSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openSqliteJobStore} from '../../src/jobs/sqlite-job-store';
import {http, tinyStoryboard} from '../support/server-harness';
import {printFigures, startHostileServer, type HostileServer} from './hostile-harness';

// Issue 13, items 4, 5, 8 and 10 over real HTTP on loopback.
let open: HostileServer;
let keyed: HostileServer;
const KEY = 'hostile-test-key';
beforeAll(async () => {
	open = await startHostileServer({});
	keyed = await startHostileServer({env: {PROMPTREEL_API_KEYS: KEY}});
});
afterAll(async () => {
	await open?.stop();
	await keyed?.stop();
});

const upload = (base: string, bytes: Uint8Array) =>
	http(base).call('POST', '/v1/assets', {
		body: Buffer.from(bytes) as unknown as string,
		headers: {'content-type': 'application/octet-stream'},
	});

const crc32 = (b: Buffer) => {
	let c = ~0;
	for (const byte of b) {
		c ^= byte;
		for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
};
const chunk = (type: string, data: Buffer) => {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const out = Buffer.alloc(8 + data.length + 4);
	out.writeUInt32BE(data.length, 0);
	body.copy(out, 4);
	out.writeUInt32BE(crc32(body), 8 + data.length);
	return out;
};
/** A valid PNG header of any size with a tiny compressed body (a decompression bomb's header). */
const pngOf = (width: number, height: number) => {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	const rows = Math.min(height, 64);
	const raw = Buffer.alloc(rows * (1 + width * 3));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
};

describe('hostile input: uploads are decoded and measured at upload', () => {
	it('refuses a PHP file behind PNG magic, a 30000x30000 PNG and an MP4 cut short; takes whole files', async () => {
		const php = Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			Buffer.from('<?php system($_GET["c"]); ?>'.repeat(4)),
		]);
		const r1 = await upload(open.url, php);
		expect(r1.status).toBe(415);
		expect(r1.body.error.message).toMatch(/looks like image\/png but cannot be used/);

		const bomb = pngOf(30_000, 30_000);
		expect(bomb.length).toBeLessThan(1_000_000);
		const r2 = await upload(open.url, bomb);
		expect(r2.status).toBe(422);
		expect(r2.body.error).toMatchObject({code: 'MEDIA_TOO_LARGE', message: expect.stringMatching(/30000x30000/)});

		const dir = join(open.dataDir, 'media-src');
		execFileSync('mkdir', ['-p', dir]);
		const mp4 = join(dir, 'clip.mp4');
		execFileSync('ffmpeg', [
			'-hide_banner',
			'-loglevel',
			'error',
			'-y',
			'-f',
			'lavfi',
			'-i',
			'testsrc=size=160x90:rate=10:duration=3',
			'-c:v',
			'libx264',
			'-preset',
			'ultrafast',
			'-pix_fmt',
			'yuv420p',
			'-movflags',
			'+faststart',
			mp4,
		]);
		const whole = readFileSync(mp4);
		const r3 = await upload(open.url, whole.subarray(0, 3000));
		expect(r3.status).toBe(422);
		expect(r3.body.error.message).toMatch(/cut short: its header says 3\.0 s but it plays only 0\.\d s/);

		const ok = await upload(open.url, whole);
		expect(ok.status, ok.text).toBe(201);
		expect(ok.body).toMatchObject({kind: 'video', durationMs: 3000, width: 160, height: 90});
		const png = await upload(open.url, pngOf(64, 48));
		expect(png.status, png.text).toBe(201);
		expect(png.body).toMatchObject({kind: 'image', width: 64, height: 48});
		for (const r of [r1, r2, r3]) expect(r.text).not.toMatch(/\/tmp\/|ffprobe|Command failed|promptreel-hostile/);
		printFigures('uploads', {
			phpBehindPng: r1.status,
			png30000x30000: r2.status,
			mp4CutTo3KB: r3.status,
			wholeMp4: ok.status,
			smallPng: png.status,
		});
	}, 120_000);
});

describe('hostile input: no leaks', () => {
	it('keeps worker host:pid and job counts from callers without a key', async () => {
		const anon = await http(keyed.url).get('/v1/health');
		expect(anon.status).toBe(200);
		expect(anon.body).toEqual({status: 'ok', version: expect.any(String)});
		const withKey = await http(keyed.url).get('/v1/health', {authorization: `Bearer ${KEY}`});
		expect(withKey.body).toMatchObject({worker: {id: expect.any(String)}, jobs: expect.any(Object)});
	});

	it('builds links from the listening address, never from the Host header', async () => {
		const body = JSON.stringify({storyboard: tinyStoryboard('Host header'), options: {quality: 'draft'}});
		const res = await new Promise<{status: number; location: string; text: string}>((resolve, reject) => {
			const req = request(
				`${open.url}/v1/videos`,
				{
					method: 'POST',
					headers: {host: 'evil.example:666', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body)},
				},
				(r) => {
					let text = '';
					r.on('data', (d: Buffer) => (text += d.toString()));
					r.on('end', () => resolve({status: r.statusCode ?? 0, location: String(r.headers.location), text}));
				},
			);
			req.on('error', reject);
			req.end(body);
		});
		expect(res.status).toBe(202);
		expect(res.location.startsWith(`${open.url}/v1/videos/`)).toBe(true);
		expect(res.text).not.toContain('evil.example');
	});

	it('shows job errors without absolute paths, command lines or backtraces', async () => {
		// A failure as the pipeline reports it (ffprobe run by path on a file in the data dir),
		// written through the job store as a worker would.
		const store = openSqliteJobStore({file: join(open.dataDir, 'jobs.db')});
		const id = 'vid_' + 'a'.repeat(24);
		await store.insert(
			{
				id,
				kind: 'storyboard',
				input: {storyboard: tinyStoryboard('x') as never},
				options: {} as never,
				webhook: null,
				contentHash: null,
				maxAttempts: 1,
				timeoutMs: 60_000,
			},
			Date.now(),
		);
		// Other tests' jobs are queued too: claim until this one is ours.
		for (let claimed = null; claimed?.id !== id; )
			claimed = (await store.claim({worker: 'host.internal:4242:abc', now: Date.now(), leaseMs: 60_000})).job;
		const raw = `Cannot read media file ${open.dataDir}/jobs/${id}/attempt-1/media/a.mp4: Command failed: /opt/promptreel/node_modules/@remotion/compositor-linux-x64-gnu/ffprobe -v error -show_entries format=duration a.mp4\nthread 'main' panicked at src/main.rs:1:1\nstack backtrace:\n   0: rust_begin_unwind\n    at Object.<anonymous> (/opt/promptreel/dist/cli.mjs:1:1)`;
		await store.finish({
			id,
			worker: 'host.internal:4242:abc',
			status: 'failed',
			warnings: [{stage: 'rendering', code: 'X', message: `Attempt failed: ${raw}`}],
			error: {code: 'MEDIA_UNREADABLE', message: raw},
			now: Date.now(),
		});
		await store.close();
		const job = await http(open.url).get(`/v1/videos/${id}`);
		expect(job.body.error).toEqual({code: 'MEDIA_UNREADABLE', message: 'Cannot read media file a.mp4:'});
		const shown = JSON.stringify([job.body.error, job.body.warnings]);
		expect(shown).not.toMatch(/\/opt\/|\/tmp\/|ffprobe -v|backtrace|panicked|host\.internal|4242/);
	});

	it('refuses option values the server cannot honour at submit (voice, length, an empty prompt), with issues', async () => {
		const api = http(open.url);
		const voice = await api.post('/v1/videos', {prompt: 'Volcanoes.', options: {voice: '--help'}});
		expect(voice.status).toBe(422);
		expect(voice.body.error.issues).toEqual([
			{path: 'options.voice', message: expect.stringMatching(/Unknown voice "--help"\. Valid: auto, /)},
		]);
		for (const path of ['/v1/videos', '/v1/storyboards']) {
			const nul = await api.post(path, {prompt: '\u0000\u0000'});
			expect(nul.status, path).toBe(422);
			expect(nul.body.error.issues[0].path, path).toBe('prompt');
		}
		const long = tinyStoryboard('33 hours', {scenes: 200, durationMs: 600_000});
		const tooLong = await api.post('/v1/videos', {storyboard: long});
		expect(tooLong.status).toBe(422);
		expect(tooLong.body.error.issues).toEqual([
			{path: 'storyboard.scenes', message: expect.stringMatching(/add up to 120000 s.*at most 1800 s \(PROMPTREEL_MAX_VIDEO_SEC\)/)},
		]);
		const deep = await api.call('POST', '/v1/videos', {
			body: `{"prompt":"hi","x":${'['.repeat(4100)}${']'.repeat(4100)}}`,
			headers: {'content-type': 'application/json'},
		});
		expect(deep.status).toBe(400);
		expect(deep.body.error.code).toBe('JSON_TOO_DEEP');
	});

	it('limits failed authentications per address before any key is checked', async () => {
		const api = http(keyed.url);
		const statuses: number[] = [];
		for (let i = 0; i < 35; i++) statuses.push((await api.get('/v1/videos', {authorization: `Bearer guess-${i}`})).status);
		const limited = await api.get('/v1/videos', {authorization: `Bearer ${KEY}`});
		printFigures('failed-auth limit', {
			wrongKeys: 35,
			answered401: statuses.filter((s) => s === 401).length,
			answered429: statuses.filter((s) => s === 429).length,
		});
		expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
		expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
