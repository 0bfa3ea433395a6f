import type {Context} from 'hono';
import {HTTPException} from 'hono/http-exception';
import type {ContentfulStatusCode} from 'hono/utils/http-status';
import type {z} from 'zod';
import {publicMessage} from '../jobs';
import {PromptreelError, ValidationError, type ErrorCode, type IssueDetail} from '../pipeline/errors';
import {requestIssuesOf} from './request-issues';

export type ErrorBody = {error: {code: string; message: string; issues?: IssueDetail[]}};

/**
 * An error only the HTTP layer raises (malformed JSON, body too large, missing key): a
 * `PromptreelError` whose status comes from the error catalogue like every other.
 */
export class ApiError extends PromptreelError {
	override name = 'ApiError';
	constructor(
		code: ErrorCode,
		message: string,
		readonly issues?: IssueDetail[],
		/** Sent with the error response (Retry-After, WWW-Authenticate). */
		readonly headers?: Record<string, string>,
	) {
		super(code, message);
	}
}

const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
	400: 'MALFORMED_JSON',
	413: 'PAYLOAD_TOO_LARGE',
	415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The one place errors become HTTP statuses and our error shape. */
export const errorToResponse = (error: unknown): {status: ContentfulStatusCode; body: ErrorBody; headers?: Record<string, string>} => {
	if (error instanceof ApiError) {
		return {
			status: error.httpStatus as ContentfulStatusCode,
			body: {error: {code: error.code, message: error.message, ...(error.issues ? {issues: error.issues} : {})}},
			...(error.headers ? {headers: error.headers} : {}),
		};
	}
	if (error instanceof ValidationError) {
		return {status: 422, body: {error: {code: error.code, message: error.message, issues: error.issues}}};
	}
	if (error instanceof PromptreelError) {
		// A pipeline error may name files of this machine or a command line: callers get the short form.
		return {status: error.httpStatus as ContentfulStatusCode, body: {error: {code: error.code, message: publicMessage(error.message)}}};
	}
	if (error instanceof HTTPException) {
		const status = error.status as ContentfulStatusCode;
		const code = HTTP_EXCEPTION_CODES[status] ?? `HTTP_${status}`;
		const message =
			status === 400
				? `The request body is not valid JSON (${error.message}).`
				: status === 415
					? 'Send the body as JSON with "Content-Type: application/json".'
					: error.message;
		return {status, body: {error: {code, message}}};
	}
	return {status: 500, body: {error: {code: 'INTERNAL', message: 'Internal error (see the server log).'}}};
};

/** Zod issues of a request part as `{path, message}`, with paths such as `storyboard.scenes.0.durationMs`. */
export const requestIssues = (error: z.ZodError, target: string): IssueDetail[] => requestIssuesOf(error, target);

/** @hono/zod-openapi's defaultHook: our error shape, 422 with every path. */
export const validationHook = (result: {success: boolean; target: string; error?: z.ZodError}, c: Context) => {
	if (result.success || !result.error) return undefined;
	const issues = requestIssues(result.error, result.target);
	const where = result.target === 'json' ? 'body' : result.target === 'param' ? 'path' : result.target;
	return c.json<ErrorBody>(
		{
			error: {
				code: 'INVALID_INPUT',
				message: `Invalid request ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
				issues,
			},
		},
		422,
	);
};
