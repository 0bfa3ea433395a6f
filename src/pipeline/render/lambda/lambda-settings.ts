/** AWS credentials as the environment gave them; never printed (see describeCredentials). */
export type AwsCredentialsSource =
	| {kind: 'keys'; accessKeyId: string; secretAccessKey: string; sessionToken?: string; from: 'REMOTION_AWS_*' | 'AWS_*'}
	| {kind: 'profile'; profile: string; from: 'REMOTION_AWS_PROFILE' | 'AWS_PROFILE'};

/**
 * Everything the Lambda renderer and the `lambda` commands need, defaults resolved (by the app's
 * config, src/app/config.ts). docs/lambda.md explains each.
 */
export type LambdaSettings = {
	region: string;
	credentials: AwsCredentialsSource;
	/** The render bucket; null: the one Remotion's getOrCreateBucket finds in the region. */
	bucketName: string | null;
	/** null: the name speculateFunctionName() gives for memory, disk and timeout. */
	functionName: string | null;
	memorySizeInMb: number;
	diskSizeInMb: number;
	timeoutInSeconds: number;
	/** null: Remotion's default for the video's length (see estimateLambdaRender). */
	framesPerLambda: number | null;
	/** Renders whose start fails transiently (throttling, a flaky function) are tried this many more times. */
	maxRetries: number;
	/** An S3-compatible endpoint for our own S3 calls (media, outputs); null: AWS. */
	s3Endpoint: string | null;
	/** How often a render's progress is read. */
	pollIntervalMs: number;
};

/** Where the credentials came from, safe to print: the variable names and the key id's last 4 characters at most. */
export const describeCredentials = (c: AwsCredentialsSource): string =>
	c.kind === 'profile' ? `profile "${c.profile}" (${c.from})` : `access key …${c.accessKeyId.slice(-4)} (${c.from})`;

/** Prefix of our objects in the render bucket; Remotion's own live under sites/ and renders/. */
export const MEDIA_PREFIX = 'promptreel/media/';

/** A site is named by the bundle's source hash, so a code change deploys a new one. */
export const siteNameFor = (sourceHash: string): string => `promptreel-${sourceHash}`;
