import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {mkdir, rename, rm, stat} from 'node:fs/promises';
import {dirname, extname} from 'node:path';
import type {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type {S3Client} from '@aws-sdk/client-s3';
import {contentTypeOf} from '../../media/content-type-of';
import {isS3NotFound} from './is-s3-not-found';
import {MEDIA_PREFIX} from './lambda-settings';

const sha256File = async (file: string): Promise<string> => {
	const hash = createHash('sha256');
	await pipeline(createReadStream(file), hash);
	return hash.digest('hex');
};

export type UploadedMedia = {key: string; sha256: string; bytes: number; uploaded: boolean};

export type S3MediaStore = {
	bucketName: string;
	/** Uploads a file under `promptreel/media/<sha256><ext>` unless that key is already there. */
	uploadMedia(o: {file: string}): Promise<UploadedMedia>;
	/** Uploads a file to a given key (sites of the simulated gateway, outputs). */
	putFile(o: {file: string; key: string}): Promise<void>;
	exists(key: string): Promise<boolean>;
	/** A GET URL of an object that works without credentials for `expiresInSeconds`. */
	presign(o: {key: string; expiresInSeconds: number; bucketName?: string}): Promise<string>;
	/** Downloads an object to a file (written beside it and renamed: never half a file). */
	download(o: {key: string; file: string; bucketName?: string}): Promise<{bytes: number}>;
};

/**
 * Our objects in the render bucket, through the real S3 client: content-addressed media (each
 * file once, whatever its name), presigned URLs the functions fetch, and outputs brought home.
 */
export const createS3MediaStore = (o: {client: S3Client; bucketName: string}): S3MediaStore => {
	const {client, bucketName} = o;
	// Loaded on first use (see create-s3-client.ts).
	const sdk = () => import('@aws-sdk/client-s3');
	const exists = async (key: string, bucket = bucketName): Promise<boolean> => {
		const {HeadObjectCommand} = await sdk();
		try {
			await client.send(new HeadObjectCommand({Bucket: bucket, Key: key}));
			return true;
		} catch (error) {
			if (isS3NotFound(error)) return false;
			throw error;
		}
	};
	const putFile = async ({file, key}: {file: string; key: string}): Promise<void> => {
		const [{size}, {PutObjectCommand}] = await Promise.all([stat(file), sdk()]);
		await client.send(
			new PutObjectCommand({
				Bucket: bucketName,
				Key: key,
				Body: createReadStream(file),
				ContentLength: size,
				ContentType: contentTypeOf(file),
			}),
		);
	};
	return {
		bucketName,
		exists: (key) => exists(key),
		putFile,
		async uploadMedia({file}) {
			const [sha256, info] = await Promise.all([sha256File(file), stat(file)]);
			const key = `${MEDIA_PREFIX}${sha256}${extname(file).toLowerCase()}`;
			if (await exists(key)) return {key, sha256, bytes: info.size, uploaded: false};
			await putFile({file, key});
			return {key, sha256, bytes: info.size, uploaded: true};
		},
		async presign({key, expiresInSeconds, bucketName: bucket}) {
			const [{GetObjectCommand}, {getSignedUrl}] = await Promise.all([sdk(), import('@aws-sdk/s3-request-presigner')]);
			return getSignedUrl(client, new GetObjectCommand({Bucket: bucket ?? bucketName, Key: key}), {expiresIn: expiresInSeconds});
		},
		async download({key, file, bucketName: bucket}) {
			const {GetObjectCommand} = await sdk();
			const response = await client.send(new GetObjectCommand({Bucket: bucket ?? bucketName, Key: key}));
			if (!response.Body) throw new Error(`s3://${bucket ?? bucketName}/${key} has no body`);
			await mkdir(dirname(file), {recursive: true});
			const temp = `${file}.part-${process.pid}`;
			try {
				await pipeline(response.Body as Readable, createWriteStream(temp));
				await rename(temp, file);
			} finally {
				await rm(temp, {force: true}).catch(() => undefined);
			}
			return {bytes: (await stat(file)).size};
		},
	};
};
