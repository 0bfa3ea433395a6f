import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, type S3Client} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadConfig} from '../../src/app/config';
import {openFileStore, type StorageSettings} from '../../src/jobs/file-store';
import {sweepRetention} from '../../src/jobs/retention';
import {openSqliteJobStore} from '../../src/jobs/sqlite-job-store';
import {createFileRenderLedger, createLambdaRenderer, createS3Client} from '../../src/pipeline/render/lambda';
import {startServer, type RunningServer} from '../../src/server/start-server';
import {probe} from '../support/ffprobe';
import {http, shareTestBundle, waitForJob} from '../support/server-harness';
import {startLambdaWorld, type LambdaWorld} from './lambda-fixture';
import {S3RVER_KEYS, startS3rver, type S3rverHandle} from './s3rver-harness';

// The jobs service with its files in a bucket (PROMPTREEL_STORAGE_URL) rendering on Lambda
// (simulated functions, real S3 on s3rver, the real AWS SDK): the functions write video and
// poster straight to the job's keys, so the server never holds the video. The storage bucket is
// on a second S3-compatible server, as R2 or MinIO beside AWS: the functions reach it with its
// own keys (Remotion's s3OutputProvider) and the progress is read there too.
let world: LambdaWorld;
let storageS3: S3rverHandle;
let storageClient: S3Client;
let server: RunningServer;
let api: ReturnType<typeof http>;
let storage: StorageSettings;
const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-bucket-'));

/** One scene, 360p, 10 fps: the fewest frames a real render can have here. */
const storyboard = {
	title: 'Straight to the bucket',
	format: {aspect: '16:9', resolution: '360p', fps: 10},
	scenes: [
		{
			id: 's1',
			title: 'Straight to the bucket',
			narration: {text: ''},
			visual: {kind: 'procedural', style: 'gradient'},
			durationMs: 1000,
			transition: {type: 'none'},
		},
	],
	endCard: {enabled: false},
	captionStyle: {enabled: false},
	credits: [],
};

const keysIn = async (client: S3Client, bucket: string, prefix: string): Promise<string[]> => {
	const out = await client.send(new ListObjectsV2Command({Bucket: bucket, Prefix: prefix}));
	return (out.Contents ?? []).map((c) => c.Key ?? '').sort();
};

/** Every file under a folder, relative paths. */
const filesUnder = (dir: string): string[] =>
	readdirSync(dir, {recursive: true, withFileTypes: true})
		.filter((e) => e.isFile())
		.map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

beforeAll(async () => {
	[world, storageS3] = await Promise.all([startLambdaWorld(), startS3rver()]);
	storage = {
		bucket: 'videos',
		prefix: 'team',
		region: 'us-east-1',
		endpoint: storageS3.endpoint,
		credentials: {kind: 'keys', ...S3RVER_KEYS, from: 'AWS_*'},
		redirectSec: null,
	};
	storageClient = await createS3Client({region: storage.region, credentials: storage.credentials, endpoint: storage.endpoint});
	await storageClient.send(new CreateBucketCommand({Bucket: 'videos'}));
	shareTestBundle(dataDir);
	server = await startServer({
		renderer: createLambdaRenderer({
			settings: world.settings,
			gateway: world.gateway,
			ledger: createFileRenderLedger({dir: join(dataDir, 'lambda', 'renders')}),
			s3: world.s3,
		}),
		host: '127.0.0.1',
		port: 0,
		dataDir,
		server: {...loadConfig({}).server, concurrency: 1, storage},
		log: () => undefined,
	});
	api = http(server.url);
});
afterAll(async () => {
	await server?.close({graceMs: 0});
	storageClient?.destroy();
	await Promise.all([world?.close(), storageS3?.close()]);
	rmSync(dataDir, {recursive: true, force: true});
});

describe('Lambda renders straight into the storage bucket', () => {
	let id = '';
	let cachedId = '';

	it('a job ends with its video and poster under its keys in the bucket, none in the data dir; the files route serves them with Range', async () => {
		const res = await api.post('/v1/videos', {storyboard, options: {quality: 'draft'}});
		expect(res.status).toBe(202);
		id = res.body.id;
		const job = await waitForJob(server.url, id, (j) => j.status === 'done' || j.status === 'failed', 120_000, 100);
		expect(job.error).toBeNull();
		expect(Object.keys(job.files)).toEqual(expect.arrayContaining(['video.mp4', 'poster.jpg', 'report.json']));

		const attempt = `team/jobs/${id}/attempt-1`;
		expect(await keysIn(storageClient, 'videos', `team/jobs/${id}/`)).toEqual(
			['captions.srt', 'captions.vtt', 'credits.json', 'poster.jpg', 'report.json', 'storyboard.json', 'video.mp4'].map(
				(f) => `${attempt}/${f}`,
			),
		);
		// Written by the functions where we asked, not in the render bucket's renders/ to be fetched.
		expect((await keysIn(world.s3, 'remotionlambda-simulated', 'renders/')).filter((k) => /out\.(mp4|jpeg)$/.test(k))).toEqual([]);
		// Nothing of the job stayed on this server; no video was ever written here.
		expect(filesUnder(dataDir).filter((f) => f.startsWith('jobs/') || f.endsWith('.mp4') || f.endsWith('.jpg'))).toEqual([]);

		const video = await fetch(job.files['video.mp4']);
		expect(video.status).toBe(200);
		const bytes = Buffer.from(await video.arrayBuffer());
		const file = join(world.dir, 'served.mp4');
		writeFileSync(file, bytes);
		expect(probe(file).video).toMatchObject({codec: 'h264', width: 640, height: 360, frames: 10});
		const range = await fetch(job.files['video.mp4'], {headers: {Range: 'bytes=100-199'}});
		expect(range.status).toBe(206);
		expect(range.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
		expect(Buffer.from(await range.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
		const poster = await fetch(job.files['poster.jpg']);
		expect(poster.headers.get('content-type')).toBe('image/jpeg');
		expect(
			Buffer.from(await poster.arrayBuffer())
				.subarray(0, 2)
				.equals(Buffer.from([0xff, 0xd8])),
		).toBe(true);
		const report = (await api.get(`/v1/videos/${id}/files/report.json`)).body;
		expect(report.lambda).toMatchObject({functions: 1, resumed: false});
	});

	it("the same storyboard again is answered from the bucket (a copy there); DELETE removes a job's objects, the copy stays", async () => {
		const res = await api.post('/v1/videos', {storyboard, options: {quality: 'draft'}});
		expect(res.body.status).toBe('done');
		cachedId = res.body.id;
		expect(await keysIn(storageClient, 'videos', `team/jobs/${cachedId}/cached/video.mp4`)).toHaveLength(1);

		expect((await api.del(`/v1/videos/${id}`)).status).toBe(204);
		expect(await keysIn(storageClient, 'videos', `team/jobs/${id}/`)).toEqual([]);
		expect((await fetch(`${server.url}/v1/videos/${cachedId}/files/video.mp4`)).status).toBe(200);
	});

	it("retention removes an expired job's objects and bucket folders no job names", async () => {
		await storageClient.send(new PutObjectCommand({Bucket: 'videos', Key: 'team/jobs/vid_gone/attempt-1/video.mp4', Body: 'x'}));
		const store = openSqliteJobStore({file: join(dataDir, 'jobs.db')});
		try {
			const result = await sweepRetention({
				store,
				dataDir,
				days: 1,
				now: Date.now() + 2 * 24 * 60 * 60 * 1000,
				files: openFileStore({dataDir, storage}),
			});
			expect(result).toMatchObject({jobs: 1, orphanDirs: 1});
		} finally {
			await store.close();
		}
		expect(await keysIn(storageClient, 'videos', 'team/jobs/')).toEqual([]);
		expect((await api.get(`/v1/videos/${cachedId}`)).status).toBe(404);
	});
});
