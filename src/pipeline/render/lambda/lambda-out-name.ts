import type {OutputObject} from '../renderer';
import type {LambdaOutName} from './lambda-gateway';
import type {LambdaSettings} from './lambda-settings';

/**
 * How the functions can write an output object they were offered (docs/lambda.md "Outputs"): a
 * bucket of their own service (S3 of the render's region, or the same S3-compatible endpoint)
 * through their role; another S3-compatible service, or S3 of another region, through Remotion's
 * s3OutputProvider with static keys. null: out of reach (no keys to hand them), so the output is
 * written to the render bucket and downloaded.
 */
export const lambdaOutNameFor = (
	out: OutputObject | null | undefined,
	s: Pick<LambdaSettings, 'region' | 's3Endpoint'>,
): LambdaOutName | null => {
	if (!out) return null;
	const endpoint = out.endpoint ?? null;
	const sameService = endpoint === (s.s3Endpoint ?? null) && (endpoint !== null || out.region === s.region);
	if (sameService) return {bucketName: out.bucketName, key: out.key, provider: null};
	if (!out.credentials) return null;
	return {
		bucketName: out.bucketName,
		key: out.key,
		provider: {endpoint: endpoint ?? `https://s3.${out.region}.amazonaws.com`, region: out.region, ...out.credentials},
	};
};
