/**
 * Every error code promptreel can answer with, and what it means to each front: the CLI's exit code,
 * the HTTP status, and whether a job runner may try again. The one table of docs/architecture.md
 * ("Errors"): add a code here first, then throw it as a `PromptreelError`.
 */
type Entry = {
	/** 2 = the caller's input is wrong (the message names the field and the fix); 1 = a failure. */
	exitCode: 1 | 2;
	httpStatus: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 416 | 422 | 429 | 500 | 502 | 503 | 504;
	/** Another attempt of the same job may succeed (a flaky network, a crashed browser). */
	retryable: boolean;
	/** One line for docs and `promptreel --help`. */
	summary: string;
};

const badInput = (httpStatus: Entry['httpStatus'], summary: string): Entry => ({exitCode: 2, httpStatus, retryable: false, summary});
const failure = (httpStatus: Entry['httpStatus'], retryable: boolean, summary: string): Entry => ({
	exitCode: 1,
	httpStatus,
	retryable,
	summary,
});

export const ERROR_CATALOGUE = {
	// The caller's input.
	INVALID_INPUT: badInput(422, 'A storyboard, request body or option does not match its schema (issues name every path).'),
	INVALID_OPTION: badInput(422, 'A command-line or request option has a value that is not allowed.'),
	INVALID_CONFIG: badInput(422, 'A setting (environment, .env or promptreel.config.json) has a value or name that is not allowed.'),
	MALFORMED_JSON: badInput(400, 'The body or file is not valid JSON.'),
	MALFORMED_MULTIPART: badInput(400, 'An upload is not valid multipart/form-data.'),
	FILE_NOT_FOUND: badInput(404, 'A file named on the command line cannot be read.'),
	UNKNOWN_TEMPLATE: badInput(422, 'No template has this id (the message lists the valid ones).'),
	UNKNOWN_VOICE: badInput(422, 'No voice has this id (the message lists the valid ones).'),
	UNKNOWN_MUSIC: badInput(422, 'No bundled music has this id and no such audio file exists.'),
	MISSING_MEDIA: badInput(422, 'A storyboard names a local media file that does not exist.'),
	MEDIA_UNREADABLE: badInput(422, 'A media file cannot be decoded.'),
	MEDIA_TOO_LARGE: badInput(422, 'An image or video has more pixels than the server renders (scale it down).'),
	MEDIA_DIR_INVALID: badInput(422, 'The --media folder is missing or holds no usable media.'),
	INVALID_VOICEOVER: badInput(422, 'The --voiceover file or folder cannot be used.'),
	EMPTY_PROMPT: badInput(422, 'The prompt has no words.'),
	PROMPT_TOO_LONG: badInput(413, 'The prompt is longer than the planner accepts.'),
	INVALID_LANGUAGE: badInput(422, 'The language code is not a valid BCP 47 code.'),
	UNSUPPORTED_LANGUAGE: badInput(422, 'The script is in a language promptreel cannot voice and caption.'),
	OUTPUT_EXISTS: badInput(409, 'The output folder holds files of another run (use --force or another --out).'),
	TEMPLATE_EXISTS: badInput(409, '`promptreel templates new` was given the id of a template that exists (choose another id).'),
	TEMPLATE_INVALID: badInput(
		422,
		'A template folder of PROMPTREEL_TEMPLATES_DIR does not compile or does not export a template (the message names the folder and why).',
	),
	JSON_TOO_DEEP: badInput(400, 'The JSON body nests arrays or objects deeper than the server accepts.'),
	RENDERER_UNAVAILABLE: badInput(422, 'The configured renderer cannot be used here (not available or not set up).'),
	LAMBDA_NOT_CONFIGURED: badInput(
		422,
		'Rendering on Lambda needs credentials, a region, a bucket, a function or a site that is missing (the message names the variable or says to run `promptreel lambda setup`).',
	),
	LAMBDA_CREDENTIALS_INVALID: badInput(
		422,
		'AWS refused the credentials in the identity (STS) call: the key, secret, session token or profile is wrong or expired.',
	),
	LAMBDA_PERMISSION_DENIED: badInput(
		422,
		'The AWS user or role lacks a permission Remotion Lambda needs (see `promptreel lambda policies`).',
	),
	NOT_FOUND: badInput(404, 'No such job, asset or file.'),
	CONFLICT: badInput(409, 'The request conflicts with the state of the job (e.g. cancelling a finished job).'),
	UNAUTHORIZED: badInput(401, 'A missing or wrong API key.'),
	RATE_LIMITED: {...badInput(429, 'Too many requests for this key; retry after the Retry-After header.'), retryable: true},
	PAYLOAD_TOO_LARGE: badInput(413, 'The body or upload is larger than the server accepts.'),
	UNSUPPORTED_MEDIA_TYPE: badInput(415, 'The body or upload has a type the server does not take.'),
	RANGE_NOT_SATISFIABLE: badInput(416, 'The Range header asks for bytes outside the file.'),
	// Failures of ours or of a service we call.
	MEDIA_DOWNLOAD_FAILED: failure(502, true, 'A media URL could not be fetched (refused, too large, timed out or not media).'),
	PLANNER_FAILED: failure(502, true, 'The planner model failed or kept answering with an invalid plan.'),
	INVALID_PLAN: failure(502, true, 'The planner answered with a storyboard that does not validate.'),
	PEXELS_FAILED: failure(502, true, 'The Pexels API failed.'),
	VOICE_UNAVAILABLE: failure(503, false, 'The voice engine or its voice data is not installed here.'),
	VOICE_FAILED: failure(500, true, 'The voice engine ran but failed.'),
	BROWSER_NOT_FOUND: failure(503, false, 'No Chrome or Chromium to render with.'),
	FFMPEG_NOT_FOUND: failure(503, false, "Debian's ffmpeg (for analysis filters) is not installed."),
	FIDELITY_CHECK_FAILED: failure(500, false, 'Frames of two renders could not be compared.'),
	RENDER_FAILED: failure(500, true, 'The render failed.'),
	LAMBDA_THROTTLED: failure(503, true, 'AWS throttled the account (Lambda concurrency or request rate); retried, then given up.'),
	LAMBDA_FUNCTION_ERROR: failure(
		502,
		false,
		'A Remotion Lambda function failed while rendering (the message has its error and CloudWatch link).',
	),
	LAMBDA_TIMEOUT: failure(504, false, 'A Lambda render ran longer than the function timeout.'),
	CANCELLED: failure(409, false, 'The job or render was cancelled.'),
	JOB_TIMEOUT: failure(504, false, 'The job ran longer than PROMPTREEL_JOB_TIMEOUT_SEC.'),
	WORKER_LOST: failure(500, true, "The job's worker stopped sending heartbeats."),
	UNAVAILABLE: failure(503, true, 'The server cannot take this request now (store or uploads unavailable).'),
	NOT_READY: failure(503, true, 'A readiness check failed: /v1/ready names it (store, browser, data dir or disk space).'),
	INTERNAL: failure(500, false, 'A bug: the message is in the log.'),
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The catalogue entry of a code; unknown codes (from an older database row) count as INTERNAL. */
export const errorEntry = (code: string): Entry => (ERROR_CATALOGUE as Record<string, Entry>)[code] ?? ERROR_CATALOGUE.INTERNAL;
