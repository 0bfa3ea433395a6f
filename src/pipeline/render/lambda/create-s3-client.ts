import type {S3Client} from '@aws-sdk/client-s3';
import type {AwsCredentialsSource} from './lambda-settings';

/**
 * The S3 client of our own calls (media uploads, presigned URLs, outputs). With an endpoint (an
 * S3-compatible server such as s3rver in the tests) it uses path-style URLs and sends checksums
 * only when an operation requires them: with the SDK's default checksums s3rver stored a 3 MB
 * streamed upload corrupted (docs/lambda.md, "Testing without AWS").
 */
export const createS3Client = async (o: {
	region: string;
	/** null: the SDK's default chain (environment, ~/.aws, an instance role). */
	credentials: AwsCredentialsSource | null;
	endpoint?: string | null;
}): Promise<S3Client> => {
	// Loaded on first use: the AWS SDK takes about a second to load and most commands never need it.
	const {S3Client} = await import('@aws-sdk/client-s3');
	const credentials =
		o.credentials?.kind === 'keys'
			? {accessKeyId: o.credentials.accessKeyId, secretAccessKey: o.credentials.secretAccessKey, sessionToken: o.credentials.sessionToken}
			: undefined;
	return new S3Client({
		region: o.region,
		...(credentials ? {credentials} : {profile: o.credentials?.kind === 'profile' ? o.credentials.profile : undefined}),
		...(o.endpoint
			? {
					endpoint: o.endpoint,
					forcePathStyle: true,
					requestChecksumCalculation: 'WHEN_REQUIRED',
					responseChecksumValidation: 'WHEN_REQUIRED',
				}
			: {}),
	});
};
