/** Bucket names as S3 allows them: 3-63 lowercase letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads PROMPTREEL_STORAGE_URL, `s3://bucket/optional/prefix`: the bucket and the key prefix
 * without slashes at either end. Throws an Error whose message says what is wrong and the fix.
 */
export const parseStorageUrl = (url: string): {bucket: string; prefix: string} => {
	const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url.trim());
	if (!match)
		throw new Error(
			'Use s3://bucket or s3://bucket/prefix (an S3 or S3-compatible bucket), or leave it unset to keep files in the data dir.',
		);
	const bucket = match[1]!;
	if (!BUCKET.test(bucket)) throw new Error(`"${bucket}" is not a bucket name: use 3-63 lowercase letters, digits, dots and hyphens.`);
	const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
	if (prefix.split('/').some((part) => part === '..' || part === '.'))
		throw new Error(`The prefix "${prefix}" may not contain . or .. segments.`);
	return {bucket, prefix};
};
