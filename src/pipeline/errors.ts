/**
 * Errors of the pipeline. Each has a stable `code`; `badInput` errors are the caller's to fix
 * (CLI exit 2, HTTP 4xx), the rest are failures (exit 1, HTTP 5xx). `retryable` tells a job
 * runner whether another attempt may succeed.
 */
export class PromptreelError extends Error {
	override name = 'PromptreelError';
	readonly code: string;
	readonly badInput: boolean;
	readonly retryable: boolean;
	readonly details: unknown;

	constructor(
		code: string,
		message: string,
		options: {badInput?: boolean; retryable?: boolean; details?: unknown; cause?: unknown} = {},
	) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.code = code;
		this.badInput = options.badInput ?? false;
		this.retryable = options.retryable ?? false;
		this.details = options.details;
	}
}

export type IssueDetail = {path: string; message: string};

/** Input that does not match a schema; `issues` name every path. */
export class ValidationError extends PromptreelError {
	override name = 'ValidationError';
	readonly issues: IssueDetail[];
	constructor(message: string, issues: IssueDetail[]) {
		super('INVALID_INPUT', message, {badInput: true, details: issues});
		this.issues = issues;
	}
}

export class UnknownTemplateError extends PromptreelError {
	override name = 'UnknownTemplateError';
	constructor(id: string, valid: readonly string[]) {
		super('UNKNOWN_TEMPLATE', `Unknown template "${id}". Valid templates: ${valid.join(', ')}.`, {badInput: true});
	}
}

export class MissingMediaError extends PromptreelError {
	override name = 'MissingMediaError';
	constructor(where: string, path: string, resolved: string) {
		super('MISSING_MEDIA', `${where}: media file "${path}" not found (looked at ${resolved}).`, {badInput: true});
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
		super('RENDER_FAILED', message, {retryable: true, cause});
	}
}
