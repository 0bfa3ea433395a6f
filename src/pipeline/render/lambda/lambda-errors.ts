import {PromptreelError} from '../../errors';
import type {LambdaRenderError} from './lambda-gateway';

const THROTTLED =
	/TooManyRequests|Rate ?Exceeded|Throttl|ConcurrentInvocationLimitExceeded|ReservedFunctionConcurrentInvocationLimitExceeded|SlowDown/i;
const DENIED = /AccessDenied|not authorized to perform|UnauthorizedOperation|Forbidden/i;
const BAD_CREDENTIALS =
	/InvalidClientTokenId|SignatureDoesNotMatch|InvalidAccessKeyId|ExpiredToken|UnrecognizedClient|security token included in the request is (invalid|expired)|Could not load credentials|CredentialsProviderError/i;
const TIMED_OUT = /timed out|TimeoutError|Task timed out/i;
// Failures another try usually clears (Remotion's isFlakyError has more of them, for chunks).
const FLAKY =
	/Compositor exited|Compositor panicked|ECONNRESET|socket hang up|We encountered an internal error|RequestTimeout|ETIMEDOUT|EAI_AGAIN|503 Service Unavailable|ServiceUnavailable/i;

const textOf = (error: unknown): string => {
	const e = error as {name?: string; message?: string; Code?: string};
	return `${e?.name ?? ''} ${e?.Code ?? ''} ${e?.message ?? String(error)}`;
};

/** A throttled account or a flaky function: the same call may succeed a moment later. */
export const isTransientLambdaError = (error: unknown): boolean => THROTTLED.test(textOf(error)) || FLAKY.test(textOf(error));

/**
 * Any error of an AWS call as a PromptreelError naming what to fix: credentials, permissions,
 * throttling, a timeout, or the function's own error. `what` says which call failed.
 */
export const lambdaError = (error: unknown, what: string, o: {timeoutInSeconds?: number} = {}): PromptreelError => {
	if (error instanceof PromptreelError) return error;
	const text = textOf(error);
	const message = (error as Error)?.message ?? String(error);
	if (BAD_CREDENTIALS.test(text)) {
		return new PromptreelError(
			'LAMBDA_CREDENTIALS_INVALID',
			`${what}: AWS refused the credentials (${message}). Check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or REMOTION_AWS_*, or the profile) and AWS_SESSION_TOKEN for temporary keys.`,
			{cause: error},
		);
	}
	if (DENIED.test(text)) {
		return new PromptreelError(
			'LAMBDA_PERMISSION_DENIED',
			`${what}: permission denied (${message}). Attach the policy of \`promptreel lambda policies user\` to the AWS user and create the role of \`promptreel lambda policies role\` (docs/lambda.md).`,
			{cause: error},
		);
	}
	if (THROTTLED.test(text)) {
		return new PromptreelError(
			'LAMBDA_THROTTLED',
			`${what}: AWS throttled the account (${message}). Render fewer videos at once, raise framesPerLambda (PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA) so fewer functions run, or ask AWS for a higher Lambda concurrency quota.`,
			{cause: error},
		);
	}
	if (TIMED_OUT.test(text)) {
		const limit = o.timeoutInSeconds ? ` (${o.timeoutInSeconds} s)` : '';
		return new PromptreelError(
			'LAMBDA_TIMEOUT',
			`${what}: the render ran longer than the function timeout${limit} (${message}). Deploy a function with a longer timeout (\`promptreel lambda setup --timeout 240\`, PROMPTREEL_LAMBDA_TIMEOUT_SEC) or lower PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA.`,
			{cause: error},
		);
	}
	return new PromptreelError('LAMBDA_FUNCTION_ERROR', `${what}: ${message}`, {cause: error, retryable: FLAKY.test(text)});
};

/** The fatal error of a render's progress as a PromptreelError (the first fatal one names it). */
export const renderFailure = (errors: LambdaRenderError[], o: {renderId: string; timeoutInSeconds: number}): PromptreelError => {
	const first = errors.find((e) => e.isFatal) ?? errors[errors.length - 1];
	const cause = Object.assign(new Error(first?.message ?? 'unknown error'), {name: first?.name ?? 'Error'});
	const explained = first?.explanation ? `${first.message} ${first.explanation}` : (first?.message ?? 'no error reported');
	return lambdaError(Object.assign(cause, {message: explained}), `Lambda render ${o.renderId} failed`, {
		timeoutInSeconds: o.timeoutInSeconds,
	});
};
