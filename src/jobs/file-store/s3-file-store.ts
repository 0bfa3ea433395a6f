import {createReadStream, createWriteStream} from 'node:fs';
import {mkdir, rename, rm, stat} from 'node:fs/promises';
import {dirname, join, relative, sep} from 'node:path';
import type {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type {S3Client} from '@aws-sdk/client-s3';
import {isS3NotFound} from '../../pipeline/render/lambda';
import type {FileStore} from './file-store';

export type S3FileStoreOptions = {
	/** The shared client (createS3Client: path-style and checksums WHEN_REQUIRED against an endpoint). */
	client: () => Promise<S3Client>;
	bucket: string;
	/** Key prefix in the bucket, without slashes at either end ('' = the bucket's root). */
	prefix: string;
	/** This server's data dir: renders are written there first, then uploaded. */
	dataDir: string;
	/** Lifetime of presigned download URLs in seconds; null: files are streamed through the server. */
	redirectSec: number | null;
};

/**
 * Outputs and uploads in an S3 bucket shared by every server (docs/scaling.md). A finished
 * attempt is uploaded from the data dir and its local folder removed; reads are ranged GETs, or
 * presigned URLs the client follows.
 */
export const createS3FileStore = (o: S3FileStoreOptions): FileStore => {
	const full = (key: string) => (o.prefix ? `${o.prefix}/${key}` : key);
	// The SDK is loaded once, on first use (it takes about a second to load).
	const sdk = () => import('@aws-sdk/client-s3');
	const putFile: FileStore['putFile'] = async ({key, file, contentType}) => {
		const [{PutObjectCommand}, client, info] = await Promise.all([sdk(), o.client(), stat(file)]);
		await client.send(
			new PutObjectCommand({
				Bucket: o.bucket,
				Key: full(key),
				Body: createReadStream(file),
				ContentLength: info.size,
				...(contentType ? {ContentType: contentType} : {}),
			}),
		);
	};
	const keyOfDir = (localDir: string) => relative(o.dataDir, localDir).split(sep).join('/');
	return {
		kind: 's3',
		async saveDir({localDir, files}) {
			const dir = keyOfDir(localDir);
			for (const name of files) await putFile({key: `${dir}/${name}`, file: join(localDir, name)});
			// Served from the bucket from now on: the local copy would only fill this server's disk.
			await rm(localDir, {recursive: true, force: true});
			return dir;
		},
		keyOf: (outputDir, name) => `${outputDir}/${name}`,
		dirOf: (prefix) => prefix,
		putFile,
		async stat(key) {
			const [{HeadObjectCommand}, client] = await Promise.all([sdk(), o.client()]);
			try {
				const head = await client.send(new HeadObjectCommand({Bucket: o.bucket, Key: full(key)}));
				return {size: head.ContentLength ?? 0, mtimeMs: head.LastModified?.getTime() ?? 0};
			} catch (error) {
				if (isS3NotFound(error)) return null;
				throw error;
			}
		},
		async read(key, range) {
			const [{GetObjectCommand}, client] = await Promise.all([sdk(), o.client()]);
			const res = await client.send(
				new GetObjectCommand({Bucket: o.bucket, Key: full(key), ...(range ? {Range: `bytes=${range.start}-${range.end}`} : {})}),
			);
			if (!res.Body) throw new Error(`S3 answered no body for ${full(key)}.`);
			return res.Body.transformToWebStream() as ReadableStream<Uint8Array>;
		},
		async download(key, file) {
			const [{GetObjectCommand}, client] = await Promise.all([sdk(), o.client()]);
			let body: Readable;
			try {
				const res = await client.send(new GetObjectCommand({Bucket: o.bucket, Key: full(key)}));
				body = res.Body as Readable;
			} catch (error) {
				if (isS3NotFound(error)) return false;
				throw error;
			}
			// Written beside the target and renamed: a reader never sees half a file.
			await mkdir(dirname(file), {recursive: true});
			const part = `${file}.${process.pid}.part`;
			try {
				await pipeline(body, createWriteStream(part));
				await rename(part, file);
			} finally {
				await rm(part, {force: true});
			}
			return true;
		},
		async copy(from, to) {
			const [{CopyObjectCommand}, client] = await Promise.all([sdk(), o.client()]);
			await client.send(new CopyObjectCommand({Bucket: o.bucket, Key: full(to), CopySource: encodeURI(`${o.bucket}/${full(from)}`)}));
		},
		async removePrefix(prefix) {
			const [{ListObjectsV2Command, DeleteObjectCommand}, client] = await Promise.all([sdk(), o.client()]);
			// One DELETE per object: a job has a handful of files, and the batch call needs a
			// Content-MD5 that S3-compatible servers check differently.
			for (let token: string | undefined, more = true; more; ) {
				const page = await client.send(new ListObjectsV2Command({Bucket: o.bucket, Prefix: `${full(prefix)}/`, ContinuationToken: token}));
				for (const item of page.Contents ?? []) {
					if (item.Key) await client.send(new DeleteObjectCommand({Bucket: o.bucket, Key: item.Key}));
				}
				token = page.NextContinuationToken;
				more = page.IsTruncated === true && token !== undefined;
			}
		},
		async redirectUrl({key, fileName, contentType}) {
			if (o.redirectSec === null) return null;
			const [{GetObjectCommand}, {getSignedUrl}, client] = await Promise.all([sdk(), import('@aws-sdk/s3-request-presigner'), o.client()]);
			const command = new GetObjectCommand({
				Bucket: o.bucket,
				Key: full(key),
				ResponseContentType: contentType,
				ResponseContentDisposition: `inline; filename="${fileName}"`,
			});
			return getSignedUrl(client, command, {expiresIn: o.redirectSec});
		},
	};
};
