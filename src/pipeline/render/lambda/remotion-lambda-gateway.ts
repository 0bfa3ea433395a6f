import type {AwsRegion} from '@remotion/lambda-client';
import type {LambdaGateway, LambdaOutName, LambdaOutProvider, LambdaProgress} from './lambda-gateway';
import type {AwsCredentialsSource} from './lambda-settings';

// Loaded on first use: the AWS SDK is large and most commands never touch Lambda.
const lambdaClient = () => import('@remotion/lambda-client');
const lambdaAdmin = () => import('@remotion/lambda');

const toProgress = (p: Awaited<ReturnType<Awaited<ReturnType<typeof lambdaClient>>['getRenderProgress']>>): LambdaProgress => ({
	done: p.done,
	overallProgress: p.overallProgress,
	framesRendered: p.framesRendered,
	combinedFrames: p.combinedFrames,
	lambdasInvoked: p.lambdasInvoked,
	costUsd: p.costs.accruedSoFar,
	outBucket: p.outBucket,
	outKey: p.outKey,
	outputSizeInBytes: p.outputSizeInBytes,
	fatalErrorEncountered: p.fatalErrorEncountered,
	errors: p.errors.map((e) => ({
		message: e.message,
		name: e.name,
		isFatal: e.isFatal,
		willRetry: e.willRetry,
		chunk: e.chunk,
		explanation: e.explanation,
	})),
	timeoutTimestamp: p.timeoutTimestamp,
});

const toS3OutputProvider = (p: LambdaOutProvider) => ({
	endpoint: p.endpoint,
	region: p.region,
	accessKeyId: p.accessKeyId,
	secretAccessKey: p.secretAccessKey,
	forcePathStyle: true,
});

/**
 * Remotion's `outName` for an output of ours, and the privacy that goes with it: buckets made
 * today refuse ACLs (object ownership "bucket owner enforced"), so another bucket gets none.
 */
const outputOf = (out: LambdaOutName | null) =>
	out
		? {
				privacy: 'no-acl' as const,
				outName: {bucketName: out.bucketName, key: out.key, ...(out.provider ? {s3OutputProvider: toS3OutputProvider(out.provider)} : {})},
			}
		: {privacy: 'private' as const};

/**
 * The gateway to AWS through @remotion/lambda (deploys) and @remotion/lambda-client (renders,
 * progress, cancel), plus STS for the identity check. Remotion's functions read the credentials
 * from the same environment variables as our config (docs/lambda.md, "Credentials").
 */
export const createRemotionLambdaGateway = (o: {region: string; credentials: AwsCredentialsSource}): LambdaGateway => {
	const region = o.region as AwsRegion;
	return {
		async identity() {
			const {STSClient, GetCallerIdentityCommand} = await import('@aws-sdk/client-sts');
			const c = o.credentials;
			const client = new STSClient({
				region,
				...(c.kind === 'keys'
					? {credentials: {accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken}}
					: {profile: c.profile}),
			});
			try {
				const out = await client.send(new GetCallerIdentityCommand({}));
				return {account: out.Account ?? '', arn: out.Arn ?? ''};
			} finally {
				client.destroy();
			}
		},
		async findBucket() {
			const {getSites} = await lambdaClient();
			const {buckets} = await getSites({region});
			return buckets[0]?.name ?? null;
		},
		async getOrCreateBucket() {
			const {getOrCreateBucket} = await lambdaAdmin();
			return getOrCreateBucket({region});
		},
		async listFunctions() {
			const {getFunctions} = await lambdaClient();
			return getFunctions({region, compatibleOnly: true});
		},
		async deployFunction(f) {
			const {deployFunction} = await lambdaAdmin();
			return deployFunction({region, ...f, createCloudWatchLogGroup: true});
		},
		async listSites({bucketName}) {
			const {getSites} = await lambdaClient();
			const {sites} = await getSites({region, forceBucketName: bucketName});
			return sites.map((s) => ({id: s.id, serveUrl: s.serveUrl, lastModified: s.lastModified}));
		},
		async deploySite({bucketName, siteName, bundleDir}) {
			const {deploySiteFromBundle} = await lambdaAdmin();
			const out = await deploySiteFromBundle({bucketName, region, bundleDir, siteName});
			return {serveUrl: out.serveUrl, siteName: out.siteName};
		},
		async renderMedia(r) {
			const {renderMediaOnLambda} = await lambdaClient();
			const out = await renderMediaOnLambda({
				region,
				functionName: r.functionName,
				forceBucketName: r.bucketName,
				serveUrl: r.serveUrl,
				composition: r.composition,
				inputProps: r.inputProps,
				codec: 'h264',
				imageFormat: 'jpeg',
				jpegQuality: r.jpegQuality,
				crf: r.crf,
				scale: r.scale,
				framesPerLambda: r.framesPerLambda ?? undefined,
				maxRetries: r.maxRetries,
				...outputOf(r.outName),
				enableCancellation: true,
				licenseKey: r.licenseKey,
			});
			return {renderId: out.renderId, bucketName: out.bucketName};
		},
		async getProgress({outProvider, ...p}) {
			const {getRenderProgress} = await lambdaClient();
			return toProgress(
				await getRenderProgress({region, ...p, ...(outProvider ? {s3OutputProvider: toS3OutputProvider(outProvider)} : {})}),
			);
		},
		async cancel(c) {
			const {cancelRenderOnLambda} = await lambdaClient();
			await cancelRenderOnLambda({region, ...c});
		},
		async renderStill(r) {
			const {renderStillOnLambda} = await lambdaClient();
			const out = await renderStillOnLambda({
				region,
				functionName: r.functionName,
				forceBucketName: r.bucketName,
				serveUrl: r.serveUrl,
				composition: r.composition,
				inputProps: r.inputProps,
				imageFormat: 'jpeg',
				jpegQuality: r.jpegQuality,
				scale: r.scale,
				frame: r.frame,
				maxRetries: r.maxRetries,
				...outputOf(r.outName),
				licenseKey: r.licenseKey,
			});
			return {
				bucketName: r.outName?.bucketName ?? out.bucketName,
				outKey: out.outKey,
				renderId: out.renderId,
				costUsd: out.estimatedPrice.accruedSoFar,
				sizeInBytes: out.sizeInBytes,
			};
		},
	};
};
