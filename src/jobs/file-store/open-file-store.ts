import type {S3Client} from '@aws-sdk/client-s3';
import {createS3Client, type AwsCredentialsSource} from '../../pipeline/render/lambda';
import type {FileStore} from './file-store';
import {createLocalFileStore} from './local-file-store';
import {createS3FileStore} from './s3-file-store';

/** PROMPTREEL_STORAGE_URL and its S3 connection, as the app's config parsed them (docs/scaling.md). */
export type StorageSettings = {
	bucket: string;
	prefix: string;
	region: string;
	/** An S3-compatible endpoint (AWS_ENDPOINT_URL_S3 and the like); null: AWS itself. */
	endpoint: string | null;
	/** null: the SDK's default chain (instance role, ~/.aws). */
	credentials: AwsCredentialsSource | null;
	/** PROMPTREEL_STORAGE_REDIRECT: seconds a presigned download URL lives; null: files stream through the server. */
	redirectSec: number | null;
	/** PROMPTREEL_STORAGE_LAMBDA_DIRECT: Lambda renders write outputs straight to their keys (default true). */
	lambdaDirect?: boolean;
};

/**
 * Keys a function elsewhere can write with: long-lived ones only (Remotion's s3OutputProvider
 * carries no session token), and never a profile (its keys stay on this machine).
 */
const staticKeysOf = (c: AwsCredentialsSource | null) =>
	c?.kind === 'keys' && !c.sessionToken ? {accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey} : null;

/** The file store of a process: the bucket when storage is configured, else the data dir. */
export const openFileStore = (o: {dataDir: string; storage?: StorageSettings | null}): FileStore => {
	const s = o.storage;
	if (!s) return createLocalFileStore({dataDir: o.dataDir});
	let client: Promise<S3Client> | null = null;
	return createS3FileStore({
		client: () => (client ??= createS3Client({region: s.region, credentials: s.credentials, endpoint: s.endpoint})),
		bucket: s.bucket,
		prefix: s.prefix,
		dataDir: o.dataDir,
		redirectSec: s.redirectSec,
		direct: s.lambdaDirect === false ? null : {region: s.region, endpoint: s.endpoint, credentials: staticKeysOf(s.credentials)},
	});
};
