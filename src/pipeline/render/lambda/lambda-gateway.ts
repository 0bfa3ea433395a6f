/**
 * The Lambda calls promptreel makes, as one small interface: the real one goes through
 * @remotion/lambda(-client) and STS (remotion-lambda-gateway.ts); the simulated one renders the
 * deployed site on this machine (simulated-lambda-gateway.ts). Everything else (media uploads,
 * presigned URLs, outputs) is S3 and is ours for real in both (s3-media-store.ts).
 */

export type LambdaIdentity = {account: string; arn: string};

export type LambdaFunction = {
	functionName: string;
	memorySizeInMb: number;
	diskSizeInMb: number;
	timeoutInSeconds: number;
	version: string | null;
};

export type LambdaSite = {id: string; serveUrl: string; lastModified: number | null};

/** A function's error as the progress reports it. */
export type LambdaRenderError = {
	message: string;
	name: string;
	isFatal: boolean;
	willRetry: boolean;
	chunk: number | null;
	explanation: string | null;
};

/** The part of Remotion's render progress we read. */
export type LambdaProgress = {
	done: boolean;
	/** 0-1 over the whole render (invoking, rendering, combining). */
	overallProgress: number;
	framesRendered: number;
	/** Frames combined into the output so far: > 0 once encoding has begun. */
	combinedFrames: number;
	lambdasInvoked: number;
	costUsd: number;
	outBucket: string | null;
	outKey: string | null;
	/** The output's size once it is written. */
	outputSizeInBytes: number | null;
	fatalErrorEncountered: boolean;
	errors: LambdaRenderError[];
	/** Epoch ms after which the main function times out. */
	timeoutTimestamp: number;
};

/**
 * Where the functions write the output instead of the render bucket (Remotion's `outName` object,
 * docs/lambda.md "Outputs"): another bucket of the region, or one of an S3-compatible service.
 */
export type LambdaOutName = {
	bucketName: string;
	key: string;
	/** An S3-compatible service (Remotion's `s3OutputProvider`); null: S3 of the render's region. */
	provider: LambdaOutProvider | null;
};

export type LambdaOutProvider = {endpoint: string; region: string; accessKeyId: string; secretAccessKey: string};

export type LambdaRenderRequest = {
	functionName: string;
	bucketName: string;
	serveUrl: string;
	composition: string;
	inputProps: Record<string, unknown>;
	scale: number;
	crf: number;
	jpegQuality: number;
	framesPerLambda: number | null;
	/** Our own retries are bounded here; Remotion retries a failed chunk this many times. */
	maxRetries: number;
	/** Remotion company licence key (REMOTION_LICENSE_KEY), reported with each render. */
	licenseKey: string | null;
	/** Where the output goes; null: `renders/<id>/` of the render bucket. */
	outName: LambdaOutName | null;
};

export type LambdaStillRequest = Omit<LambdaRenderRequest, 'crf' | 'framesPerLambda'> & {frame: number};

export interface LambdaGateway {
	/** Who the credentials belong to (STS GetCallerIdentity): wrong ones fail here, before any upload. */
	identity(): Promise<LambdaIdentity>;
	/** The render bucket of the region, or null when none exists yet. */
	findBucket(): Promise<string | null>;
	getOrCreateBucket(): Promise<{bucketName: string; alreadyExisted: boolean}>;
	/** Functions of the region that this Remotion version can call. */
	listFunctions(): Promise<LambdaFunction[]>;
	/** Idempotent: an existing function of the same settings is reused. */
	deployFunction(o: {
		memorySizeInMb: number;
		diskSizeInMb: number;
		timeoutInSeconds: number;
	}): Promise<{functionName: string; alreadyExisted: boolean}>;
	listSites(o: {bucketName: string}): Promise<LambdaSite[]>;
	deploySite(o: {bucketName: string; siteName: string; bundleDir: string}): Promise<{serveUrl: string; siteName: string}>;
	/** Starts a render; resolves once it is running, with its id. */
	renderMedia(o: LambdaRenderRequest): Promise<{renderId: string; bucketName: string}>;
	/** `outProvider`: the S3-compatible service the render writes to (Remotion reads the output's state there). */
	getProgress(o: {
		functionName: string;
		bucketName: string;
		renderId: string;
		outProvider?: LambdaOutProvider | null;
	}): Promise<LambdaProgress>;
	/** Asks the functions to stop (renders started with enableCancellation). */
	cancel(o: {bucketName: string; renderId: string}): Promise<void>;
	/** Renders one frame; resolves when it is in the bucket. */
	renderStill(o: LambdaStillRequest): Promise<{bucketName: string; outKey: string; renderId: string; costUsd: number; sizeInBytes: number}>;
	/** Frees what the gateway holds on this machine (the simulated one's browser). */
	close?(): Promise<void>;
}
