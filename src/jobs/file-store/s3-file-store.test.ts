import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, request} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CreateBucketCommand, PutObjectCommand} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {S3RVER_KEYS, startS3rver, type S3rverHandle} from '../../../test/lambda/s3rver-harness';
import {createS3Client} from '../../pipeline/render/lambda';
import {fileResponse} from '../../server/file-response';
import {openSqliteJobStore} from '../sqlite-job-store';
import type {FileStore} from './file-store';
import {createLocalFileStore} from './local-file-store';
import {openFileStore, type StorageSettings} from './open-file-store';
import {shareAssets} from './share-assets';

// The S3 file store against a real S3-compatible server (s3rver) on loopback, through the real
// AWS SDK with the client every S3 call of ours uses (checksums WHEN_REQUIRED: docs/lambda.md).
let s3: S3rverHandle;
const root = mkdtempSync(join(tmpdir(), 'promptreel-files-'));
const video = randomBytes(300_000);
const storeFor = (dataDir: string, redirectSec: number | null, over: Partial<StorageSettings> = {}): FileStore =>
	openFileStore({
		dataDir,
		storage: {
			bucket: 'videos',
			prefix: 'team/prod',
			region: 'us-east-1',
			endpoint: s3.endpoint,
			credentials: {kind: 'keys', ...S3RVER_KEYS, from: 'AWS_*'},
			redirectSec,
			...over,
		},
	});
const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).arrayBuffer().then((b) => Buffer.from(b));

beforeAll(async () => {
	s3 = await startS3rver();
	const client = await createS3Client({
		region: 'us-east-1',
		credentials: {kind: 'keys', ...S3RVER_KEYS, from: 'AWS_*'},
		endpoint: s3.endpoint,
	});
	await client.send(new CreateBucketCommand({Bucket: 'videos'}));
	client.destroy();
});
afterAll(async () => {
	await s3?.close();
	rmSync(root, {recursive: true, force: true});
});

describe('S3 file store (s3rver on loopback, real AWS SDK)', () => {
	const serverA = join(root, 'a');
	const serverB = join(root, 'b');

	it('uploads a finished attempt, removes the local copy, and serves sizes, ranges, copies and deletes from the bucket', async () => {
		const a = storeFor(serverA, null);
		const attempt = join(serverA, 'jobs', 'vid_1', 'attempt-1');
		mkdirSync(attempt, {recursive: true});
		writeFileSync(join(attempt, 'video.mp4'), video);
		writeFileSync(join(attempt, 'report.json'), '{"ok":true}');
		const dir = await a.saveDir({localDir: attempt, files: ['video.mp4', 'report.json']});
		expect(dir).toBe('jobs/vid_1/attempt-1');
		expect(existsSync(attempt)).toBe(false);
		// Stored under the prefix, where s3rver keeps it on disk.
		expect(existsSync(join(s3.dir, 'videos', 'team', 'prod', 'jobs', 'vid_1', 'attempt-1', 'video.mp4._S3rver_object'))).toBe(true);

		// Another server (another data dir) reads what the first wrote.
		const b = storeFor(serverB, null);
		const key = b.keyOf(dir, 'video.mp4');
		expect(await b.stat(key)).toMatchObject({size: video.length});
		expect(await b.stat(b.keyOf(dir, 'poster.jpg'))).toBeNull();
		expect((await text(await b.read(key))).equals(video)).toBe(true);
		expect((await text(await b.read(key, {start: 1000, end: 1999}))).equals(video.subarray(1000, 2000))).toBe(true);
		expect(await b.redirectUrl({key, fileName: 'video.mp4', contentType: 'video/mp4'})).toBeNull();

		await b.copy(key, 'jobs/vid_2/cached/video.mp4');
		expect(await b.download('jobs/vid_2/cached/video.mp4', join(serverB, 'copy.mp4'))).toBe(true);
		expect(readFileSync(join(serverB, 'copy.mp4')).equals(video)).toBe(true);
		expect(await b.download('jobs/vid_9/none.mp4', join(serverB, 'none.mp4'))).toBe(false);

		await b.removePrefix('jobs/vid_1');
		expect(await b.stat(key)).toBeNull();
		expect(await b.stat('jobs/vid_2/cached/video.mp4')).not.toBeNull();
	});

	it("offers a renderer the keys of an attempt, and takes the files it wrote there (checked; copied from an earlier attempt's key)", async () => {
		const a = storeFor(serverA, null);
		const attempt = join(serverA, 'jobs', 'vid_3', 'attempt-2');
		mkdirSync(attempt, {recursive: true});
		writeFileSync(join(attempt, 'report.json'), '{}');
		const key = (n: number, name: string) => `team/prod/jobs/vid_3/attempt-${n}/${name}`;
		expect(a.outputObject(attempt, 'video.mp4')).toEqual({
			bucketName: 'videos',
			key: key(2, 'video.mp4'),
			region: 'us-east-1',
			endpoint: s3.endpoint,
			credentials: S3RVER_KEYS,
		});
		// Keys a function cannot use (temporary ones), a store told not to, and the data dir offer nothing.
		const temporary = {kind: 'keys' as const, ...S3RVER_KEYS, sessionToken: 't', from: 'AWS_*' as const};
		expect(storeFor(serverA, null, {credentials: temporary}).outputObject(attempt, 'video.mp4')?.credentials).toBeNull();
		expect(storeFor(serverA, null, {lambdaDirect: false}).outputObject(attempt, 'video.mp4')).toBeNull();
		expect(createLocalFileStore({dataDir: serverA}).outputObject(attempt, 'video.mp4')).toBeNull();

		const client = await createS3Client({
			region: 'us-east-1',
			credentials: {kind: 'keys', ...S3RVER_KEYS, from: 'AWS_*'},
			endpoint: s3.endpoint,
		});
		try {
			// A render resumed from attempt 1 (its worker lost) wrote there; the poster went to attempt 2's key.
			await client.send(new PutObjectCommand({Bucket: 'videos', Key: key(1, 'video.mp4'), Body: video}));
			await client.send(new PutObjectCommand({Bucket: 'videos', Key: key(2, 'poster.jpg'), Body: 'jpeg'}));
		} finally {
			client.destroy();
		}
		const stored = (videoKey: string, size: number | null, bucketName = 'videos') => ({
			'video.mp4': {bucketName, key: videoKey, size},
			'poster.jpg': {bucketName: 'videos', key: key(2, 'poster.jpg'), size: null},
		});
		const save = (s: ReturnType<typeof stored>) =>
			a.saveDir({localDir: attempt, files: ['video.mp4', 'poster.jpg', 'report.json'], stored: s});
		await expect(save(stored(key(1, 'video.mp4'), 5))).rejects.toThrow(/video\.mp4 is 300000 bytes, not 5/);
		await expect(save(stored(key(1, 'nothing.mp4'), null))).rejects.toThrow(/NoSuchKey|not in the bucket|does not exist/i);
		await expect(save(stored(key(1, 'video.mp4'), null, 'elsewhere'))).rejects.toThrow(/outside videos\/team\/prod/);
		expect(await save(stored(key(1, 'video.mp4'), video.length))).toBe('jobs/vid_3/attempt-2');
		expect(await a.stat('jobs/vid_3/attempt-2/video.mp4')).toMatchObject({size: video.length});
		expect(await a.stat('jobs/vid_3/attempt-2/poster.jpg')).toMatchObject({size: 4});
		expect(await a.stat('jobs/vid_3/attempt-2/report.json')).toMatchObject({size: 2});
		expect((await a.listDirs('jobs')).find((d) => d.name === 'vid_3')?.mtimeMs).toBeGreaterThan(0);
		// The data dir store was never offered objects, so is never handed any.
		await expect(
			createLocalFileStore({dataDir: serverA}).saveDir({
				localDir: attempt,
				files: ['video.mp4'],
				stored: stored(key(1, 'video.mp4'), null),
			}),
		).rejects.toThrow(/handed files written elsewhere: video\.mp4, poster\.jpg/);
	});

	it('uploads again when the connection drops mid-upload (the SDK does not retry a streamed body)', async () => {
		// A proxy in front of s3rver that drops the first PUT's connection, as a bucket closing a
		// reused keep-alive socket does ("socket hang up": a 500 on POST /v1/assets, seen once in CI).
		const seen = {puts: 0, dropsLeft: 1};
		const target = new URL(s3.endpoint);
		const proxy = createServer((req, res) => {
			if (req.method === 'PUT') {
				seen.puts++;
				if (seen.dropsLeft-- > 0) {
					req.socket.destroy();
					return;
				}
			}
			const upstream = request({host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers}, (r) => {
				res.writeHead(r.statusCode ?? 502, r.headers);
				r.pipe(res);
			});
			upstream.on('error', () => res.destroy());
			req.pipe(upstream);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			const store = storeFor(join(root, 'dropped'), null, {endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`});
			const file = join(root, 'dropped.bin');
			writeFileSync(file, video);
			await store.putFile({key: 'uploads/dropped.bin', file, contentType: 'application/octet-stream'});
			expect(seen.puts).toBe(2);
			expect((await text(await store.read('uploads/dropped.bin'))).equals(video)).toBe(true);
		} finally {
			proxy.close();
		}
	});

	it('answers Range requests of the files route from the bucket: 206 with Content-Range, 416 outside the file', async () => {
		const b = storeFor(serverB, null);
		const key = 'jobs/vid_2/cached/video.mp4';
		const info = (await b.stat(key))!;
		const respond = (range: string) =>
			fileResponse({
				method: 'GET',
				open: (span) => b.read(key, span),
				size: info.size,
				mtimeMs: info.mtimeMs,
				contentType: 'video/mp4',
				fileName: 'video.mp4',
				headers: {range},
			});
		const partial = respond('bytes=100-199');
		expect(partial.status).toBe(206);
		expect(partial.headers.get('content-range')).toBe(`bytes 100-199/${video.length}`);
		expect(Buffer.from(await partial.arrayBuffer()).equals(video.subarray(100, 200))).toBe(true);
		const tail = respond('bytes=-50');
		expect(Buffer.from(await tail.arrayBuffer()).equals(video.subarray(video.length - 50))).toBe(true);
		expect(respond(`bytes=${video.length}-`).status).toBe(416);
	});

	it('with a redirect lifetime, answers a presigned URL that downloads the file with its type and name', async () => {
		const b = storeFor(serverB, 60);
		const url = await b.redirectUrl({key: 'jobs/vid_2/cached/video.mp4', fileName: 'video.mp4', contentType: 'video/mp4'});
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/videos\/team\/prod\/jobs\/vid_2\/cached\/video\.mp4\?.*X-Amz-Signature=/);
		expect(url).toMatch(/X-Amz-Expires=60/);
		const res = await fetch(url!, {headers: {Range: 'bytes=0-9'}});
		expect(res.status).toBe(206);
		expect(Buffer.from(await res.arrayBuffer()).equals(video.subarray(0, 10))).toBe(true);
		const whole = await fetch(url!);
		expect(whole.headers.get('content-type')).toBe('video/mp4');
		expect(whole.headers.get('content-disposition')).toBe('inline; filename="video.mp4"');
		expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);
	});

	it('shares uploads: an asset stored on one server is fetched into the data dir of another when looked up', async () => {
		const db = openSqliteJobStore({file: join(root, 'jobs.db')});
		try {
			const a = shareAssets({assets: db.assets, files: storeFor(serverA, null), dataDir: serverA});
			const b = shareAssets({assets: db.assets, files: storeFor(serverB, null), dataDir: serverB});
			mkdirSync(join(serverA, 'assets'), {recursive: true});
			const png = randomBytes(2000);
			writeFileSync(join(serverA, 'assets', 'ast_0123456789abcdef01234567.png'), png);
			const record = {
				id: 'ast_0123456789abcdef01234567',
				kind: 'image' as const,
				contentType: 'image/png',
				fileName: 'ast_0123456789abcdef01234567.png',
				bytes: png.length,
				sha256: 'x'.repeat(64),
				originalName: null,
				durationMs: null,
				width: null,
				height: null,
				createdAt: 1,
			};
			await a.insert(record);
			expect(existsSync(join(serverB, 'assets', record.fileName))).toBe(false);
			expect(await b.get(record.id)).toMatchObject({id: record.id});
			expect(readFileSync(join(serverB, 'assets', record.fileName)).equals(png)).toBe(true);
			expect(await b.get('ast_ffffffffffffffffffffffff')).toBeNull();
		} finally {
			await db.close();
		}
	});
});
