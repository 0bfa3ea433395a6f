import type {AwsRegion} from '@remotion/lambda-client';

/**
 * Local render speed this estimate starts from: `promptreel bench` rendered the explainer at 720p
 * at 12.54 frames per second on 2 cores, 80 ms a frame; other sizes scale with the number of
 * pixels (docs/lambda.md, "Costs").
 */
export const MEASURED_FPS_720P = 12.54;
/** Start-up of each function (browser launch, site load) and the final combine, per function. */
export const FUNCTION_OVERHEAD_MS = 1500;
/** Remotion's lower bound of frames per function. */
export const MIN_FRAMES_PER_LAMBDA = 5;

/**
 * Remotion's default framesPerLambda for a video of `frameCount` frames: 75 functions at 0 min up
 * to 150 at 10 min (30 fps), at least 20 frames each, evenly spread (docs/lambda.md, "Costs").
 */
export const defaultFramesPerLambda = (frameCount: number): number => {
	const concurrency = 75 + (Math.min(frameCount, 18000) / 18000) * 75;
	const framesPerFunction = Math.max(frameCount / concurrency, 20);
	const functionsNeeded = Math.ceil(frameCount / framesPerFunction);
	return Math.ceil(frameCount / functionsNeeded);
};

export type LambdaEstimate = {
	frames: number;
	width: number;
	height: number;
	framesPerLambda: number;
	framesPerLambdaSource: 'remotion default' | 'PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA';
	lambdasInvoked: number;
	perFrameMs: number;
	/** Billed time of all functions together. */
	billedMs: number;
	/** Wall time if every function runs at once. */
	wallMs: number;
	usd: number;
	region: string;
	memorySizeInMb: number;
	diskSizeInMb: number;
};

/** The price and number of functions of a render before anything runs (Remotion's estimatePrice, no AWS call). */
export const estimateLambdaRender = async (o: {
	frames: number;
	width: number;
	height: number;
	region: string;
	memorySizeInMb: number;
	diskSizeInMb: number;
	framesPerLambda: number | null;
}): Promise<LambdaEstimate> => {
	const {estimatePrice} = await import('@remotion/lambda-client');
	const framesPerLambda = Math.max(MIN_FRAMES_PER_LAMBDA, o.framesPerLambda ?? defaultFramesPerLambda(o.frames));
	const lambdasInvoked = Math.ceil(o.frames / framesPerLambda);
	const perFrameMs = (1000 / MEASURED_FPS_720P) * ((o.width * o.height) / (1280 * 720));
	const billedMs = Math.round(o.frames * perFrameMs + lambdasInvoked * FUNCTION_OVERHEAD_MS);
	const usd = estimatePrice({
		region: o.region as AwsRegion,
		memorySizeInMb: o.memorySizeInMb,
		diskSizeInMb: o.diskSizeInMb,
		lambdasInvoked,
		durationInMilliseconds: billedMs,
	});
	return {
		frames: o.frames,
		width: o.width,
		height: o.height,
		framesPerLambda,
		framesPerLambdaSource: o.framesPerLambda ? 'PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA' : 'remotion default',
		lambdasInvoked,
		perFrameMs,
		billedMs,
		wallMs: Math.round(framesPerLambda * perFrameMs + FUNCTION_OVERHEAD_MS * 2),
		usd,
		region: o.region,
		memorySizeInMb: o.memorySizeInMb,
		diskSizeInMb: o.diskSizeInMb,
	};
};
