import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {probe} from './support/ffprobe';
import {
	http,
	isRenderingFrames,
	renderWorkerPids,
	spawnServer,
	tinyStoryboard,
	waitForJob,
	type SpawnedServer,
} from './support/server-harness';

// `promptreel serve` renders in a child process (src/pipeline/render/child): the render worker is
// a child of the server, answers while it renders, and when the worker is killed with SIGKILL
// mid-render the server lives on and the job runs again in a fresh worker.
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-render-worker-'));
let server: SpawnedServer;

beforeAll(async () => {
	// A lease long enough that a loaded machine never loses it: the retry seen is the crash's.
	server = await spawnServer({dataDir, env: {PROMPTREEL_SHUTDOWN_GRACE_SEC: '0', PROMPTREEL_LEASE_SEC: '30'}});
}, 60_000);
afterAll(async () => {
	await server?.killHard().catch(() => undefined);
	rmSync(dataDir, {recursive: true, force: true});
});

describe('renders out of the server process', () => {
	it('a render worker killed mid-render: the server answers on, the job runs again and succeeds', async () => {
		const api = http(server.url);
		const storyboard = {...tinyStoryboard('Worker crash', {durationMs: 3000}), format: {aspect: '1:1', resolution: '360p', fps: 30}};
		const created = await api.call('POST', '/v1/videos', {json: {storyboard, options: {quality: 'draft'}}});
		expect(created.status).toBe(202);
		const id = created.body.id as string;
		await waitForJob(server.url, id, isRenderingFrames, 120_000, 50);

		const [worker, ...others] = renderWorkerPids(server.pid);
		expect(worker, 'a render-worker child of the server').toBeDefined();
		expect(others).toEqual([]);
		process.kill(worker!, 'SIGKILL');

		// The server never stopped: it answers at once, and the job goes on.
		expect((await api.get('/v1/health')).status).toBe(200);
		expect(server.child.exitCode).toBeNull();
		const done = await waitForJob(server.url, id, (j) => j.status === 'done' || j.status === 'failed', 180_000, 200);
		expect(done.status, JSON.stringify(done)).toBe('done');
		expect(done.attempts).toBe(2);
		expect(JSON.stringify(done.warnings)).toContain('The render process was killed (SIGKILL)');
		const video = await fetch(`${server.url}/v1/videos/${id}/files/video.mp4`);
		expect(video.status).toBe(200);
		const file = join(dataDir, 'downloaded.mp4');
		await import('node:fs/promises').then((fs) => video.arrayBuffer().then((b) => fs.writeFile(file, Buffer.from(b))));
		expect(probe(file).video).toMatchObject({codec: 'h264', width: 360, height: 360, frames: 90});

		// A fresh worker took the retry; the killed one is gone.
		const after = renderWorkerPids(server.pid);
		expect(after).toHaveLength(1);
		expect(after[0]).not.toBe(worker);
	}, 400_000);
});
