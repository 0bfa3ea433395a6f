import {createReadStream, createWriteStream} from 'node:fs';
import {mkdir, rename, rm, stat} from 'node:fs/promises';
import {dirname, join, relative, sep} from 'node:path';
import type {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type {S3Client} from '@aws-sdk/client-s3';
import type {OutputObject, StoredObject} from '../../pipeline/render';
import {isS3NotFound} from '../../pipeline/render/lambda';
import type {FileStore} from './file-store';

const PUT_ATTEMPTS = 3;

/** A failure worth trying again: the connection failed (no HTTP answer), or the bucket answered 5xx. */
const isTransient = (error: unknown): boolean => {
	const status = (error as {$metadata?: {httpStatusCode?: number}} | null)?.$metadata?.httpStatusCode;
	return status === undefined || status >= 500;
};

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
	/**
	 * How a renderer in the cloud reaches the bucket to write outputs straight into it
	 * (PROMPTREEL_STORAGE_LAMBDA_DIRECT); null: renders are uploaded from the data dir.
	 */
	direct: Pick<OutputObject, 'region' | 'endpoint' | 'credentials'> | null;
};

/**
 * Outputs and uploads in an S3 bucket shared by every server (docs/scaling.md). A finished
 * attempt is uploaded from the data dir and its local folder removed, except the files a Lambda
 * render wrote straight to their keys (outputObject); reads are ranged GETs, or presigned URLs
 * the client follows.
 */
export const createS3FileStore = (o: S3FileStoreOptions): FileStore => {
	const full = (key: string) => (o.prefix ? `${o.prefix}/${key}` : key);
	// The SDK is loaded once, on first use (it takes about a second to load).
	const sdk = () => import('@aws-sdk/client-s3');
	const putFile: FileStore['putFile'] = async ({key, file, contentType}) => {
		const [{PutObjectCommand}, client, info] = await Promise.all([sdk(), o.client(), stat(file)]);
		// The SDK does not retry a request whose body is a stream (it cannot read it twice), so a
		// connection dropped mid-upload (a keep-alive socket the bucket closed as it was reused:
		// "socket hang up", seen in CI) failed the upload. Each attempt opens the file again.
		for (let attempt = 1; ; attempt++) {
			try {
				await client.send(
					new PutObjectCommand({
						Bucket: o.bucket,
						Key: full(key),
						Body: createReadStream(file),
						ContentLength: info.size,
						...(contentType ? {ContentType: contentType} : {}),
					}),
				);
				return;
			} catch (error) {
				if (attempt >= PUT_ATTEMPTS || !isTransient(error)) throw error;
				await new Promise((r) => setTimeout(r, 100 * 3 ** (attempt - 1)));
			}
		}
	};
	const keyOfDir = (localDir: string) => relative(o.dataDir, localDir).split(sep).join('/');
	const head = async (key: string) => {
		const [{HeadObjectCommand}, client] = await Promise.all([sdk(), o.client()]);
		try {
			const out = await client.send(new HeadObjectCommand({Bucket: o.bucket, Key: full(key)}));
			return {size: out.ContentLength ?? 0, mtimeMs: out.LastModified?.getTime() ?? 0};
		} catch (error) {
			if (isS3NotFound(error)) return null;
			throw error;
		}
	};
	const copy = async (from: string, to: string) => {
		const [{CopyObjectCommand}, client] = await Promise.all([sdk(), o.client()]);
		await client.send(new CopyObjectCommand({Bucket: o.bucket, Key: full(to), CopySource: encodeURI(`${o.bucket}/${full(from)}`)}));
	};
	/**
	 * Takes a file a renderer wrote into the bucket as this attempt's: checked to be there (and of
	 * the size it was said to have). A render resumed from an earlier attempt wrote under that
	 * attempt's key: copied to this one inside the bucket.
	 */
	const adopt = async (object: StoredObject, key: string) => {
		const prefix = o.prefix ? `${o.prefix}/` : '';
		if (object.bucketName !== o.bucket || !object.key.startsWith(prefix))
			throw new Error(`A renderer wrote ${object.key} to bucket ${object.bucketName}, outside ${o.bucket}/${prefix}.`);
		const from = object.key.slice(prefix.length);
		if (from !== key) await copy(from, key);
		const info = await head(key);
		if (!info || (object.size !== null && info.size !== object.size))
			throw new Error(`The renderer's ${key} is ${info ? `${info.size} bytes, not ${object.size}` : 'not in the bucket'}.`);
	};
	return {
		kind: 's3',
		async saveDir({localDir, files, stored = {}}) {
			const dir = keyOfDir(localDir);
			for (const name of files) {
				const object = stored[name];
				if (object) await adopt(object, `${dir}/${name}`);
				else await putFile({key: `${dir}/${name}`, file: join(localDir, name)});
			}
			// Served from the bucket from now on: the local copy would only fill this server's disk.
			await rm(localDir, {recursive: true, force: true});
			return dir;
		},
		outputObject: (localDir, name) => o.direct && {bucketName: o.bucket, key: full(`${keyOfDir(localDir)}/${name}`), ...o.direct},
		async listDirs(prefix) {
			const [{ListObjectsV2Command}, client] = await Promise.all([sdk(), o.client()]);
			const under = `${full(prefix)}/`;
			const newest = new Map<string, number>();
			for (let token: string | undefined, more = true; more; ) {
				const page = await client.send(new ListObjectsV2Command({Bucket: o.bucket, Prefix: under, ContinuationToken: token}));
				for (const item of page.Contents ?? []) {
					const name = (item.Key ?? '').slice(under.length).split('/')[0];
					if (!name) continue;
					newest.set(name, Math.max(newest.get(name) ?? 0, item.LastModified?.getTime() ?? 0));
				}
				token = page.NextContinuationToken;
				more = page.IsTruncated === true && token !== undefined;
			}
			return [...newest].map(([name, mtimeMs]) => ({name, mtimeMs}));
		},
		keyOf: (outputDir, name) => `${outputDir}/${name}`,
		dirOf: (prefix) => prefix,
		putFile,
		stat: head,
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
		copy,
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
