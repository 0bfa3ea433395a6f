import {errorEntry, type ErrorCode} from './error-catalogue';

/**
 * The one error type that leaves a layer. Its `code` is an entry of the error catalogue, which says
 * whether it is the caller's input to fix (`badInput`: CLI exit 2, HTTP 4xx) or a failure (exit 1,
 * HTTP 5xx), its HTTP status, and whether a job runner may try again (`retryable`).
 */
export class PromptreelError extends Error {
	override name = 'PromptreelError';
	readonly code: ErrorCode;
	readonly badInput: boolean;
	readonly retryable: boolean;
	readonly httpStatus: number;
	readonly details: unknown;

	constructor(
		code: ErrorCode,
		message: string,
		/** `retryable` overrides the catalogue when one code covers transient and permanent cases (HTTP 503 vs 401). */
		options: {retryable?: boolean; details?: unknown; cause?: unknown} = {},
	) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		const entry = errorEntry(code);
		this.code = code;
		this.badInput = entry.exitCode === 2;
		this.retryable = options.retryable ?? entry.retryable;
		this.httpStatus = entry.httpStatus;
		this.details = options.details;
	}
}

export type IssueDetail = {path: string; message: string};

/** Input that does not match a schema; `issues` name every path. */
export class ValidationError extends PromptreelError {
	override name = 'ValidationError';
	readonly issues: IssueDetail[];
	constructor(message: string, issues: IssueDetail[]) {
		super('INVALID_INPUT', message, {details: issues});
		this.issues = issues;
	}
}

export class UnknownTemplateError extends PromptreelError {
	override name = 'UnknownTemplateError';
	constructor(id: string, valid: readonly string[]) {
		super('UNKNOWN_TEMPLATE', `Unknown template "${id}". Valid templates: ${valid.join(', ')}.`);
	}
}

export class MissingMediaError extends PromptreelError {
	override name = 'MissingMediaError';
	constructor(where: string, path: string, resolved: string) {
		super('MISSING_MEDIA', `${where}: media file "${path}" not found (looked at ${resolved}).`);
	}
}

export class BrowserNotFoundError extends PromptreelError {
	override name = 'BrowserNotFoundError';
	constructor(detail: string) {
		super(
			'BROWSER_NOT_FOUND',
			`No Chrome/Chromium found to render with (${detail}). Install one: "apt-get install -y chromium" on Debian/Ubuntu, or set REMOTION_BROWSER_EXECUTABLE to its path.`,
		);
	}
}

export class RenderCancelledError extends PromptreelError {
	override name = 'RenderCancelledError';
	constructor() {
		super('CANCELLED', 'The render was cancelled.');
	}
}

export class RenderFailedError extends PromptreelError {
	override name = 'RenderFailedError';
	constructor(message: string, cause: unknown) {
		super('RENDER_FAILED', message, {cause});
	}
}
