import {createHash, randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CreateBucketCommand, type S3Client} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {S3RVER_KEYS, startS3rver, type S3rverHandle} from '../../../../test/lambda/s3rver-harness';
import {createS3Client} from './create-s3-client';
import {MEDIA_PREFIX} from './lambda-settings';
import {createS3MediaStore} from './s3-media-store';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('S3 media store against s3rver through the real @aws-sdk/client-s3', () => {
	let s3rver: S3rverHandle;
	let client: S3Client;
	let dir: string;
	beforeAll(async () => {
		s3rver = await startS3rver();
		client = await createS3Client({
			region: 'us-east-1',
			credentials: {kind: 'keys', ...S3RVER_KEYS, from: 'AWS_*'},
			endpoint: s3rver.endpoint,
		});
		await client.send(new CreateBucketCommand({Bucket: 'render-bucket'}));
		dir = mkdtempSync(join(tmpdir(), 'promptreel-s3-test-'));
	});
	afterAll(async () => {
		client?.destroy();
		await s3rver?.close();
		rmSync(dir, {recursive: true, force: true});
	});

	it('stores a 3 MB streamed upload intact, once, under its content hash', async () => {
		const bytes = randomBytes(3 * 1024 * 1024 + 17);
		const file = join(dir, 'narration.wav');
		writeFileSync(file, bytes);
		const store = createS3MediaStore({client, bucketName: 'render-bucket'});

		const first = await store.uploadMedia({file});
		expect(first).toEqual({key: `${MEDIA_PREFIX}${sha(bytes)}.wav`, sha256: sha(bytes), bytes: bytes.length, uploaded: true});

		// The same content under another name is not uploaded again.
		const copy = join(dir, 'copy.WAV');
		writeFileSync(copy, bytes);
		expect(await store.uploadMedia({file: copy})).toMatchObject({key: first.key, uploaded: false});

		const back = join(dir, 'back.wav');
		await store.download({key: first.key, file: back});
		expect(sha(readFileSync(back))).toBe(sha(bytes));
	});

	it('gives presigned URLs that fetch the bytes over HTTP without credentials, for the time asked', async () => {
		const bytes = randomBytes(200_000);
		const file = join(dir, 'photo.jpg');
		writeFileSync(file, bytes);
		const store = createS3MediaStore({client, bucketName: 'render-bucket'});
		const {key} = await store.uploadMedia({file});
		const url = await store.presign({key, expiresInSeconds: 240});
		expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('240');
		const res = await fetch(url);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/jpeg');
		expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(bytes));

		// The URL carries its credential: one the server does not know is refused. (s3rver checks
		// the key id of V4 signatures, not the signature itself.)
		const bad = new URL(url);
		bad.searchParams.set('X-Amz-Credential', (bad.searchParams.get('X-Amz-Credential') ?? '').replace('S3RVER', 'NOBODY'));
		expect((await fetch(bad)).status).toBe(403);
	});
});
