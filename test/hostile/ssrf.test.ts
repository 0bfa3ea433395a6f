import {createServer, type Server} from 'node:net';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {renderStoryboard} from '../../src/pipeline/output';
import {createLocalRenderer} from '../../src/pipeline/render';
import {http, tinyStoryboard, waitForJob} from '../support/server-harness';
import {fakeResolver, printFigures, startHostileServer, type HostileServer} from './hostile-harness';

// Issue 13, items 1 and 11: every media field of a storyboard is fetched by the guarded
// downloader before the render, so a name that resolves to loopback never gets a connection
// (from us or from Chromium), and refusals say so without addresses or remote answers.
let server: HostileServer;
let trap: Server;
let trapPort = 0;
let connections = 0;
beforeAll(async () => {
	// What an attacker points at: a port on loopback that counts every connection made to it.
	trap = createServer((socket) => {
		connections++;
		socket.destroy();
	});
	await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
	trapPort = (trap.address() as {port: number}).port;
	// media.evil.test resolves to 127.0.0.1, as a hostile DNS name would (no system file touched).
	server = await startHostileServer({concurrency: 1, lookup: fakeResolver({'media.evil.test': '127.0.0.1', 'v6.evil.test': '::1'})});
});
afterAll(async () => {
	await server?.stop();
	await new Promise((resolve) => trap?.close(resolve));
});

const evil = (path: string, host = 'media.evil.test') => `https://${host}:${trapPort}/${path}`;

describe('hostile input: media SSRF', () => {
	it('fetches no media field from a name resolving to loopback, and the job says why', async () => {
		const sb = tinyStoryboard('SSRF every field', {scenes: 2}) as any;
		sb.theme = {logo: evil('logo.png'), fontFile: evil('brand.woff2')};
		sb.music = {src: evil('music.mp3'), durationMs: 5000};
		sb.scenes[0].narration = {text: 'Hi.', audio: evil('x.mp3')};
		sb.scenes[0].visual = {kind: 'procedural', icon: evil('icon.svg'), extraIcons: [evil('extra.svg', 'v6.evil.test')]};
		sb.scenes[0].shots = [{startMs: 500, visual: {kind: 'image', src: evil('shot.jpg')}}];
		sb.scenes[1].visual = {kind: 'video', src: evil('clip.mp4'), durationMs: 1000};
		const api = http(server.url);
		const created = await api.post('/v1/videos', {storyboard: sb, options: {quality: 'draft'}});
		expect(created.status, created.text).toBe(202);
		const job = await waitForJob(server.url, created.body.id, (j) => ['done', 'failed'].includes(j.status), 300_000, 250);
		expect(job.status, JSON.stringify(job.error)).toBe('done');
		const refused = job.warnings.filter((w: {code: string}) => w.code === 'MEDIA_URL_FAILED');
		const fields = refused.map((w: {message: string}) => /: ([\w.]+) = /.exec(w.message)?.[1]).sort();
		expect(fields).toEqual(
			[
				'music.src',
				'scenes.0.narration.audio',
				'scenes.0.shots.0.visual.src',
				'scenes.0.visual.extraIcons.0',
				'scenes.0.visual.icon',
				'scenes.1.visual.src',
				'theme.fontFile',
				'theme.logo',
			].sort(),
		);
		expect(refused.find((w: {message: string}) => w.message.includes('narration')).message).toMatch(
			/^could not fetch media for scene s1 \(refused: private address\)/,
		);
		const text = JSON.stringify({warnings: job.warnings, error: job.error});
		expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|::1|resolves to/);
		// The storyboard that was rendered names only local files.
		const rendered = await api.get(`/v1/videos/${job.id}/files/storyboard.json`);
		expect(rendered.text).not.toContain('evil.test');
		printFigures('ssrf', {mediaFields: 8, refused: refused.length, ssrfConnections: connections, jobStatus: job.status});
		expect(connections).toBe(0);
	}, 400_000);

	it('refuses private hosts at submit, in every spelling (literals, localhost., IPv4-compatible, NAT64), and plain http', async () => {
		const api = http(server.url);
		const spellings = [
			'https://localhost./a.mp3',
			'https://[::127.0.0.1]/a.mp3',
			'https://[64:ff9b::7f00:1]/a.mp3',
			'https://[::ffff:7f00:1]/a.mp3',
			'https://10.0.0.1/a.mp3',
			'http://example.com/a.mp3',
		];
		for (const url of spellings) {
			const sb = tinyStoryboard(`submit ${url}`) as any;
			sb.scenes[0].narration = {text: 'Hi.', audio: url};
			const res = await api.post('/v1/videos', {storyboard: sb});
			expect(res.status, url).toBe(422);
			expect(res.body.error.issues[0].path, url).toBe('storyboard.scenes.0.narration.audio');
		}
		expect(connections).toBe(0);
	});

	it('fetches https media of a storyboard rendered outside its own folder through the same guard (no connection, a warning naming the field)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'promptreel-hostile-elsewhere-'));
		const renderer = createLocalRenderer({cacheDir: dir});
		try {
			const sb = tinyStoryboard('Elsewhere') as any;
			sb.music = {src: evil('music.mp3'), durationMs: 5000};
			const warnings: string[] = [];
			const result = await renderStoryboard({
				storyboard: sb,
				outDir: join(dir, 'out'),
				mediaDir: dir,
				quality: 'draft',
				renderer,
				dataDir: dir,
				onWarning: (w) => warnings.push(w),
			});
			expect(warnings).toEqual([expect.stringMatching(/music\.src = https:\/\/media\.evil\.test/)]);
			expect(warnings.join('\n')).not.toContain('127.0.0.1');
			expect(result.storyboard.music).toBeNull();
		} finally {
			await renderer.close();
			rmSync(dir, {recursive: true, force: true});
		}
		expect(connections).toBe(0);
	}, 200_000);
});
