import {describe, expect, it} from 'vitest';
import {defaultFramesPerLambda, estimateLambdaRender} from './estimate-lambda-render';
import {isTransientLambdaError, lambdaError} from './lambda-errors';

describe('estimateLambdaRender', () => {
	it("follows Remotion's default framesPerLambda and its price table", async () => {
		expect(defaultFramesPerLambda(60)).toBe(20);
		expect(defaultFramesPerLambda(1800)).toBe(22);
		expect(defaultFramesPerLambda(18000)).toBe(120);
		const e = await estimateLambdaRender({
			frames: 1800,
			width: 1920,
			height: 1080,
			region: 'us-east-1',
			memorySizeInMb: 2048,
			diskSizeInMb: 2048,
			framesPerLambda: null,
		});
		expect(e).toMatchObject({framesPerLambda: 22, lambdasInvoked: 82, framesPerLambdaSource: 'remotion default'});
		// Doubling the memory doubles the price of the same billed time.
		const big = await estimateLambdaRender({
			frames: 1800,
			width: 1920,
			height: 1080,
			region: 'us-east-1',
			memorySizeInMb: 4096,
			diskSizeInMb: 2048,
			framesPerLambda: null,
		});
		expect(big.usd / e.usd).toBeGreaterThan(1.8);
		const fixed = await estimateLambdaRender({
			frames: 1800,
			width: 1920,
			height: 1080,
			region: 'us-east-1',
			memorySizeInMb: 2048,
			diskSizeInMb: 2048,
			framesPerLambda: 100,
		});
		expect(fixed).toMatchObject({lambdasInvoked: 18, framesPerLambdaSource: 'PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA'});
	});
});

describe('lambdaError', () => {
	const named = (name: string, message: string) => Object.assign(new Error(message), {name});
	it('names what to fix for each kind of AWS failure', () => {
		expect(lambdaError(named('InvalidClientTokenId', 'The security token included in the request is invalid.'), 'x')).toMatchObject({
			code: 'LAMBDA_CREDENTIALS_INVALID',
			badInput: true,
		});
		expect(lambdaError(named('AccessDeniedException', 'User is not authorized to perform: lambda:InvokeFunction'), 'x').message).toMatch(
			/promptreel lambda policies user/,
		);
		expect(lambdaError(named('TooManyRequestsException', 'Rate Exceeded.'), 'x')).toMatchObject({
			code: 'LAMBDA_THROTTLED',
			retryable: true,
		});
		expect(lambdaError(named('Error', 'Task timed out after 120.00 seconds'), 'x', {timeoutInSeconds: 120})).toMatchObject({
			code: 'LAMBDA_TIMEOUT',
		});
		expect(lambdaError(named('Error', 'Cannot read properties of undefined'), 'x')).toMatchObject({
			code: 'LAMBDA_FUNCTION_ERROR',
			retryable: false,
		});
		expect(isTransientLambdaError(named('Error', 'Compositor exited with code 1'))).toBe(true);
		expect(isTransientLambdaError(named('Error', 'Cannot read properties of undefined'))).toBe(false);
	});
});
