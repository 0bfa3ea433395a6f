import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import {z} from 'zod';
import {ConfigError} from './config-error';
import {readSettings, type Settings} from './read-settings';
import {LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel} from '../server/logging/create-logger';
import type {JobsSettings} from '../jobs/jobs-settings';
import {parseStorageUrl, type StorageSettings} from '../jobs/file-store';
import type {HttpSettings} from '../server/http-settings';
import type {AwsCredentialsSource} from '../pipeline/render/lambda';

const optionalString = z
	.string()
	.optional()
	.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A yes/no flag from the environment: 1, true, yes, on (any case) mean yes; unset or empty no. */
/** A yes/no setting; unset or empty means `fallback`. */
const flagOf = (fallback: boolean) =>
	z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim().toLowerCase())
		.pipe(z.enum(['', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'], 'Use 1/true/yes/on or 0/false/no/off.'))
		.transform((v) => (v === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));
const flagVar = flagOf(false);

/** A whole number from the environment; unset or empty means the default. */
const intVar = (fallback: number, min: number, max: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v === undefined || v.trim() === '' ? fallback : Number(v.trim())))
		.pipe(z.number(`Use a whole number from ${min} to ${max}.`).int(`Use a whole number from ${min} to ${max}.`).min(min).max(max));

export {ConfigError} from './config-error';

/** A port from the environment; unset or empty means none. */
const optionalPortVar = z
	.string()
	.optional()
	.transform((v) => (v === undefined || v.trim() === '' ? undefined : Number(v.trim())))
	.pipe(z.number('Use a port number from 1 to 65535.').int('Use a port number from 1 to 65535.').min(1).max(65535).optional());

/** Renderers a user may name; src/app/create-renderer.ts says which of them this build can run. */
export const RENDERER_IDS = ['local', 'web', 'lambda'] as const;
export type RendererId = (typeof RENDERER_IDS)[number];

/** Every environment variable promptreel reads, with its default and description: the one source of `--help` and the docs. */
export const envSchema = z.object({
	PROMPTREEL_CONFIG: optionalString.describe(
		'Path of the settings file (default ./promptreel.config.json); the environment and ./.env override it.',
	),
	PROMPTREEL_DATA_DIR: optionalString.describe('Where caches, jobs and bundles live (default ~/.promptreel).'),
	PROMPTREEL_DATABASE_URL: optionalString
		.pipe(
			z
				.string()
				.regex(
					/^postgres(ql)?:\/\/\S+$/,
					'Use a postgres://user:password@host:5432/database URL, or leave it unset to keep jobs in SQLite in the data dir.',
				)
				.optional(),
		)
		.describe(
			'Postgres job store shared by several servers, postgres://user:password@host:5432/database (unset = SQLite in the data dir).',
		),
	PROMPTREEL_DATABASE_POOL_SIZE: intVar(10, 1, 500).describe('Connections each process opens to PROMPTREEL_DATABASE_URL at most.'),
	PROMPTREEL_STORAGE_URL: optionalString
		.superRefine((v, ctx) => {
			if (v === undefined) return;
			try {
				parseStorageUrl(v);
			} catch (error) {
				ctx.addIssue({code: 'custom', message: (error as Error).message});
			}
		})
		.describe(
			'Outputs and uploads in an S3 (or S3-compatible) bucket shared by several servers, s3://bucket/prefix; endpoint, region and keys from the AWS_* variables (unset = the data dir). docs/scaling.md.',
		),
	PROMPTREEL_STORAGE_REDIRECT: flagVar.describe(
		'GET /v1/videos/{id}/files/... answers 302 to a presigned URL of the bucket instead of streaming the file through the server (1/true).',
	),
	PROMPTREEL_STORAGE_REDIRECT_SEC: intVar(900, 1, 604_800).describe(
		'How long a presigned download URL of PROMPTREEL_STORAGE_REDIRECT works, in seconds.',
	),
	PROMPTREEL_STORAGE_LAMBDA_DIRECT: flagOf(true).describe(
		'With PROMPTREEL_RENDERER=lambda, the functions write video and poster straight to the job\'s key in PROMPTREEL_STORAGE_URL (default on; 0: they are downloaded and uploaded by the server). docs/lambda.md "Outputs".',
	),
	AWS_ENDPOINT_URL_S3: optionalString.describe(
		'An S3-compatible endpoint (MinIO, R2, s3rver) for PROMPTREEL_STORAGE_URL; default AWS_ENDPOINT_URL, then PROMPTREEL_LAMBDA_S3_ENDPOINT, then AWS.',
	),
	AWS_ENDPOINT_URL: optionalString.describe('An endpoint for every AWS service (used for storage when AWS_ENDPOINT_URL_S3 is unset).'),
	REMOTION_BROWSER_EXECUTABLE: optionalString.describe('Path of the Chrome/Chromium to render with.'),
	PROMPTREEL_RENDERER: z
		.enum(RENDERER_IDS, `Use one of: ${RENDERER_IDS.join(', ')}.`)
		.default('web')
		.describe(
			'Where videos are rendered: web (the default: in the page with @remotion/web-renderer for templates that pass its fidelity gate, frame capture for the others; docs/web-fidelity.md), local (frame capture on this machine for every template), lambda (Remotion Lambda: see docs/lambda.md and `promptreel lambda --help`).',
		),
	PROMPTREEL_RENDER_IN_PROCESS: flagVar.describe(
		"serve and mcp render in child processes (one per running render, each keeping its browser), so a crashing render cannot take the server down; 1 renders in the server's own process.",
	),
	PROMPTREEL_RENDER_CHUNK_SEC: intVar(0, 0, 600).describe(
		'Render in chunks of this many seconds, each cached, so re-rendering an edited storyboard renders only the chunks the edit reaches (by frame capture, whichever of local and web is chosen; 5 suits most videos). 0 = one pass: a first render is faster.',
	),
	PROMPTREEL_TEMPLATES_DIR: optionalString.describe(
		'A folder of your own template folders, outside the project (docs/templates.md, "Templates outside the project"): listed, validated and rendered like the built-in ones, in Studio too.',
	),
	REMOTION_LICENSE_KEY: optionalString.describe(
		'Remotion company licence key, passed to the web renderer and with Lambda renders (see the README, Licensing).',
	),
	OPENAI_API_KEY: optionalString.describe('Key for the OpenAI (or compatible) planner and voice.'),
	OPENAI_BASE_URL: optionalString.describe('Base URL of an OpenAI-compatible server (e.g. Ollama).'),
	PROMPTREEL_PLANNER_MODEL: optionalString.describe('Chat model used by the LLM planner.'),
	PROMPTREEL_TTS_BASE_URL: optionalString
		.pipe(
			z
				.string()
				.regex(/^https?:\/\/\S+$/, 'Use the http(s) base URL of the speech server, e.g. http://localhost:8880/v1 (Kokoro-FastAPI).')
				.optional(),
		)
		.describe(
			'Your own OpenAI-compatible speech server (Kokoro-FastAPI, LocalAI), e.g. http://localhost:8880/v1: its voice ("local") reads the languages of PROMPTREEL_TTS_LANGUAGES (README.md, Voices).',
		),
	PROMPTREEL_TTS_MODEL: z
		.string()
		.trim()
		.min(1)
		.default('kokoro')
		.describe('Speech model of PROMPTREEL_TTS_BASE_URL (Kokoro-FastAPI: kokoro).'),
	PROMPTREEL_TTS_VOICE: z
		.string()
		.trim()
		.min(1)
		.default('af_heart')
		.describe('Voice of PROMPTREEL_TTS_BASE_URL (Kokoro: af_heart, bf_emma, ef_dora, ff_siwis, zf_xiaobei...).'),
	PROMPTREEL_TTS_LANGUAGES: z
		.string()
		.trim()
		.regex(/^[a-z]{2,3}(\s*,\s*[a-z]{2,3})*$/, 'Use language subtags separated by commas, e.g. en or en,fr.')
		.default('en')
		.describe('Languages PROMPTREEL_TTS_VOICE speaks, comma-separated (e.g. en or en,fr); other languages keep the offline voices.'),
	PEXELS_API_KEY: optionalString.describe('Key for Pexels stock photos and videos.'),
	PEXELS_BASE_URL: optionalString.describe('Base URL of the Pexels API (tests point it at a fake).'),
	PORT: intVar(8787, 0, 65535).describe('Port of `promptreel serve` (0 = any free port).'),
	PROMPTREEL_CONCURRENCY: intVar(1, 0, 16).describe('Jobs rendered at once by one server (0 = accept jobs, render none).'),
	PROMPTREEL_RETENTION_DAYS: intVar(7, 0, 3650).describe('Finished jobs and their files are removed after this many days (0 = keep).'),
	PROMPTREEL_MAX_ATTEMPTS: intVar(3, 1, 20).describe('Attempts of a job whose worker crashed or hit a retryable error.'),
	PROMPTREEL_JOB_TIMEOUT_SEC: intVar(1800, 1, 86400).describe('A job running longer than this fails with JOB_TIMEOUT.'),
	PROMPTREEL_LEASE_SEC: intVar(30, 1, 3600).describe('A worker that sends no heartbeat for this long loses its job to another worker.'),
	PROMPTREEL_SHUTDOWN_GRACE_SEC: intVar(20, 0, 3600).describe('On SIGTERM, running jobs get this long to finish before they are released.'),
	PROMPTREEL_MAX_BODY_BYTES: intVar(5_000_000, 1024, 1_000_000_000).describe('Largest HTTP request body accepted (413 above).'),
	PROMPTREEL_API_KEYS: optionalString.describe('Comma-separated Bearer API keys of the HTTP service; none = open, on loopback only.'),
	PROMPTREEL_API_KEY: optionalString.describe('The key the CLI sends to a server it talks to (`promptreel batch --server URL`).'),
	PROMPTREEL_ALLOW_OPEN: flagVar.describe('Let a server without API keys listen on a non-loopback address (1/true).'),
	PROMPTREEL_WEBHOOK_SECRET: optionalString.describe(
		'HMAC secret of the Promptreel-Signature webhook header (default: one generated in the data dir).',
	),
	PROMPTREEL_ALLOW_PRIVATE_URLS: flagVar.describe(
		'Let webhooks and media URLs reach loopback and private addresses (tests, trusted networks).',
	),
	PROMPTREEL_PUBLIC_URL: optionalString.describe(
		'Base URL of the server as callers see it (links in webhooks); default the listening address.',
	),
	PROMPTREEL_RATE_LIMIT_PER_MIN: intVar(600, 0, 1_000_000).describe('Requests per minute per API key (0 = no limit).'),
	PROMPTREEL_RATE_LIMIT_BURST: intVar(60, 1, 1_000_000).describe('Requests a key may send at once before the per-minute rate applies.'),
	PROMPTREEL_MAX_UPLOAD_BYTES: intVar(100_000_000, 1024, 10_000_000_000).describe('Largest upload to POST /v1/assets (413 above).'),
	PROMPTREEL_WEBHOOK_MAX_ATTEMPTS: intVar(8, 1, 50).describe('Deliveries of one webhook event before it is given up.'),
	PROMPTREEL_WEBHOOK_BACKOFF_MS: intVar(5000, 10, 86_400_000).describe('First retry delay of a webhook; doubles every attempt.'),
	PROMPTREEL_MAX_VIDEO_SEC: intVar(1800, 1, 86_400).describe('Longest video a job may ask for, in seconds (longer requests get 422).'),
	PROMPTREEL_MAX_RUNNING_PER_KEY: intVar(0, 0, 1000).describe(
		'Jobs of one API key running at once across every worker, so one batch cannot starve other keys (0 = no cap).',
	),
	PROMPTREEL_METRICS_PORT: optionalPortVar.describe(
		'Also serve GET /metrics on this port without API keys, for a scraper inside the network (unset = only on the API port, behind the keys).',
	),
	PROMPTREEL_METRICS_HOST: optionalString.describe('Address the metrics port listens on (default: the address of the server).'),
	PROMPTREEL_MIN_FREE_DISK_MB: intVar(1024, 0, 100_000_000).describe(
		'GET /v1/ready answers 503 when the data dir has less free disk than this.',
	),
	PROMPTREEL_LOG_LEVEL: z
		.enum(LOG_LEVELS, `Use one of: ${LOG_LEVELS.join(', ')}.`)
		.default('info')
		.describe('Least severe log line written: trace, debug (every stage of every job), info, warn, error, fatal or silent.'),
	PROMPTREEL_LOG_FORMAT: z
		.enum(LOG_FORMATS, `Use one of: ${LOG_FORMATS.join(', ')}.`)
		.default('auto')
		.describe('Logs of serve and mcp: json (one object per line), pretty (readable lines) or auto (pretty on a terminal).'),
	// Remotion Lambda (docs/lambda.md). The AWS_* and REMOTION_AWS_* names are the ones Remotion reads itself.
	REMOTION_AWS_ACCESS_KEY_ID: optionalString.describe('AWS access key id for Lambda (preferred over AWS_ACCESS_KEY_ID).'),
	REMOTION_AWS_SECRET_ACCESS_KEY: optionalString.describe('AWS secret access key for Lambda (never printed).'),
	REMOTION_AWS_SESSION_TOKEN: optionalString.describe('Session token of temporary AWS credentials.'),
	REMOTION_AWS_PROFILE: optionalString.describe('AWS profile (~/.aws) for Lambda, instead of keys.'),
	REMOTION_AWS_REGION: optionalString.describe('AWS region of the Lambda function and bucket (default: AWS_REGION, then us-east-1).'),
	AWS_ACCESS_KEY_ID: optionalString.describe('AWS access key id (used when REMOTION_AWS_ACCESS_KEY_ID is unset).'),
	AWS_SECRET_ACCESS_KEY: optionalString.describe('AWS secret access key (never printed).'),
	AWS_SESSION_TOKEN: optionalString.describe('Session token of temporary AWS credentials.'),
	AWS_PROFILE: optionalString.describe('AWS profile (~/.aws), instead of keys.'),
	AWS_REGION: optionalString.describe('AWS region (used when REMOTION_AWS_REGION is unset).'),
	PROMPTREEL_LAMBDA_BUCKET: optionalString.describe('Render bucket (default: the remotionlambda-* bucket of the region).'),
	PROMPTREEL_LAMBDA_FUNCTION: optionalString.describe('Function name (default: the one deployed for the memory, disk and timeout below).'),
	PROMPTREEL_LAMBDA_MEMORY_MB: intVar(2048, 512, 10240).describe("Memory of the Lambda function in MB (Remotion's default)."),
	PROMPTREEL_LAMBDA_DISK_MB: intVar(2048, 512, 10240).describe('Ephemeral disk of the Lambda function in MB.'),
	PROMPTREEL_LAMBDA_TIMEOUT_SEC: intVar(120, 15, 900).describe(
		'Timeout of the Lambda function in seconds; presigned media URLs live twice as long.',
	),
	PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA: intVar(0, 0, 100_000).describe(
		"Frames each function renders (>= 5; 0 = Remotion's default for the video length).",
	),
	PROMPTREEL_LAMBDA_MAX_RETRIES: intVar(2, 0, 10).describe(
		'Retries of a Lambda render or call that failed transiently (throttling, a flaky function).',
	),
	PROMPTREEL_LAMBDA_POLL_MS: intVar(1000, 10, 60_000).describe('How often the progress of a Lambda render is read.'),
	PROMPTREEL_LAMBDA_S3_ENDPOINT: optionalString.describe('An S3-compatible endpoint for our own S3 calls (tests: s3rver on loopback).'),
	PROMPTREEL_LAMBDA_GATEWAY: z
		.enum(['aws', 'simulated'], 'Use aws or simulated.')
		.default('aws')
		.describe('aws; or simulated (TESTS ONLY: functions simulated on this machine against PROMPTREEL_LAMBDA_S3_ENDPOINT).'),
});

/** The Lambda variables, listed by `promptreel lambda --help` rather than the main help. */
export const isLambdaVar = (name: string): boolean => /^(AWS_|REMOTION_AWS_|PROMPTREEL_LAMBDA_)/.test(name);

export type PromptreelConfig = {
	dataDir: string;
	browserExecutable: string | undefined;
	renderer: RendererId;
	/** PROMPTREEL_TEMPLATES_DIR: your own templates, outside the project. */
	templatesDir: string | undefined;
	/** PROMPTREEL_RENDER_IN_PROCESS: servers render in their own process instead of child processes. */
	renderInProcess: boolean;
	/** PROMPTREEL_RENDER_CHUNK_SEC: chunked, cached renders; null = one pass. */
	renderChunkSec: number | null;
	remotionLicenseKey: string | undefined;
	openai: {apiKey: string | undefined; baseUrl: string | undefined; plannerModel: string | undefined};
	pexels: {apiKey: string | undefined; baseUrl: string | undefined};
	/** Your own OpenAI-compatible speech server (PROMPTREEL_TTS_*), or null. */
	tts: {baseUrl: string; model: string; voice: string; languages: string[]} | null;
	/** Bearer key of the CLI as a client of a server (PROMPTREEL_API_KEY, `promptreel batch --server`). */
	clientApiKey: string | undefined;
	/** The server part: the jobs layer's settings and the HTTP front's. */
	server: JobsSettings & HttpSettings;
	/** Logs of the server and the MCP server (src/server/logging). */
	log: {level: LogLevel; format: LogFormat};
	/** Remotion Lambda, as the environment gave it; src/app/lambda-from-config.ts checks it when Lambda is used. */
	lambda: LambdaEnv;
};

export type LambdaEnv = {
	region: string;
	/** Which variable named the region, for messages. */
	regionFrom: 'REMOTION_AWS_REGION' | 'AWS_REGION' | 'default';
	credentials: AwsCredentialsSource | null;
	bucketName: string | null;
	functionName: string | null;
	memorySizeInMb: number;
	diskSizeInMb: number;
	timeoutInSeconds: number;
	framesPerLambda: number | null;
	maxRetries: number;
	pollIntervalMs: number;
	s3Endpoint: string | null;
	gateway: 'aws' | 'simulated';
};

/** Credentials in Remotion's order: REMOTION_AWS_* first, then AWS_*; a profile or a key pair. */
const credentialsOf = (e: z.infer<typeof envSchema>): AwsCredentialsSource | null => {
	if (e.REMOTION_AWS_PROFILE) return {kind: 'profile', profile: e.REMOTION_AWS_PROFILE, from: 'REMOTION_AWS_PROFILE'};
	if (e.REMOTION_AWS_ACCESS_KEY_ID && e.REMOTION_AWS_SECRET_ACCESS_KEY) {
		return {
			kind: 'keys',
			accessKeyId: e.REMOTION_AWS_ACCESS_KEY_ID,
			secretAccessKey: e.REMOTION_AWS_SECRET_ACCESS_KEY,
			sessionToken: e.REMOTION_AWS_SESSION_TOKEN,
			from: 'REMOTION_AWS_*',
		};
	}
	if (e.AWS_PROFILE) return {kind: 'profile', profile: e.AWS_PROFILE, from: 'AWS_PROFILE'};
	if (e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY) {
		return {
			kind: 'keys',
			accessKeyId: e.AWS_ACCESS_KEY_ID,
			secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
			sessionToken: e.AWS_SESSION_TOKEN,
			from: 'AWS_*',
		};
	}
	return null;
};

/** The S3 file store from PROMPTREEL_STORAGE_URL (checked by the schema), or null for the data dir. */
const storageOf = (e: z.infer<typeof envSchema>): StorageSettings | null =>
	e.PROMPTREEL_STORAGE_URL
		? {
				...parseStorageUrl(e.PROMPTREEL_STORAGE_URL),
				region: e.REMOTION_AWS_REGION ?? e.AWS_REGION ?? 'us-east-1',
				endpoint: e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL ?? e.PROMPTREEL_LAMBDA_S3_ENDPOINT ?? null,
				credentials: credentialsOf(e),
				redirectSec: e.PROMPTREEL_STORAGE_REDIRECT ? e.PROMPTREEL_STORAGE_REDIRECT_SEC : null,
				lambdaDirect: e.PROMPTREEL_STORAGE_LAMBDA_DIRECT,
			}
		: null;

/**
 * The settings as given: the environment, `.env` and promptreel.config.json in the working
 * directory (read-settings.ts), the environment winning.
 */
export const readEffectiveSettings = (o: {env?: NodeJS.ProcessEnv; cwd?: string} = {}): Settings =>
	readSettings({...o, names: Object.keys(envSchema.shape)});

/**
 * Parses the settings once; a wrong value fails fast naming the variable (and the file it came
 * from). `env` given: only those variables (tests); absent: the environment, `.env` and the
 * settings file (readEffectiveSettings).
 */
export const loadConfig = (env?: NodeJS.ProcessEnv): PromptreelConfig => {
	const settings = env ? null : readEffectiveSettings();
	const values: NodeJS.ProcessEnv = env ?? settings!.values;
	const parsed = envSchema.safeParse(values);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map((i) => {
				const name = i.path.join('.');
				const source = settings?.sources[name];
				const from = source && source !== 'environment' && source !== 'default' ? ` (from ${source})` : '';
				return {path: `${name}${from}`, message: `${JSON.stringify(values[name] ?? '')} is not valid. ${i.message}`};
			}),
		);
	}
	const e = parsed.data;
	return {
		dataDir: resolve(e.PROMPTREEL_DATA_DIR ?? join(homedir(), '.promptreel')),
		browserExecutable: e.REMOTION_BROWSER_EXECUTABLE,
		renderer: e.PROMPTREEL_RENDERER,
		templatesDir: e.PROMPTREEL_TEMPLATES_DIR,
		renderInProcess: e.PROMPTREEL_RENDER_IN_PROCESS,
		renderChunkSec: e.PROMPTREEL_RENDER_CHUNK_SEC > 0 ? e.PROMPTREEL_RENDER_CHUNK_SEC : null,
		remotionLicenseKey: e.REMOTION_LICENSE_KEY,
		openai: {apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, plannerModel: e.PROMPTREEL_PLANNER_MODEL},
		tts: e.PROMPTREEL_TTS_BASE_URL
			? {
					baseUrl: e.PROMPTREEL_TTS_BASE_URL,
					model: e.PROMPTREEL_TTS_MODEL,
					voice: e.PROMPTREEL_TTS_VOICE,
					languages: e.PROMPTREEL_TTS_LANGUAGES.split(',').map((l) => l.trim()),
				}
			: null,
		pexels: {apiKey: e.PEXELS_API_KEY, baseUrl: e.PEXELS_BASE_URL},
		clientApiKey: e.PROMPTREEL_API_KEY,
		server: {
			port: e.PORT,
			concurrency: e.PROMPTREEL_CONCURRENCY,
			retentionDays: e.PROMPTREEL_RETENTION_DAYS,
			maxAttempts: e.PROMPTREEL_MAX_ATTEMPTS,
			jobTimeoutMs: e.PROMPTREEL_JOB_TIMEOUT_SEC * 1000,
			leaseMs: e.PROMPTREEL_LEASE_SEC * 1000,
			shutdownGraceMs: e.PROMPTREEL_SHUTDOWN_GRACE_SEC * 1000,
			maxBodyBytes: e.PROMPTREEL_MAX_BODY_BYTES,
			apiKeys: (e.PROMPTREEL_API_KEYS ?? '')
				.split(',')
				.map((k) => k.trim())
				.filter((k) => k.length > 0),
			allowOpen: e.PROMPTREEL_ALLOW_OPEN,
			webhookSecret: e.PROMPTREEL_WEBHOOK_SECRET,
			allowPrivateUrls: e.PROMPTREEL_ALLOW_PRIVATE_URLS,
			publicUrl: e.PROMPTREEL_PUBLIC_URL?.replace(/\/+$/, ''),
			rateLimit: {perMinute: e.PROMPTREEL_RATE_LIMIT_PER_MIN, burst: e.PROMPTREEL_RATE_LIMIT_BURST},
			maxUploadBytes: e.PROMPTREEL_MAX_UPLOAD_BYTES,
			maxVideoMs: e.PROMPTREEL_MAX_VIDEO_SEC * 1000,
			maxRunningPerKey: e.PROMPTREEL_MAX_RUNNING_PER_KEY,
			database: e.PROMPTREEL_DATABASE_URL ? {url: e.PROMPTREEL_DATABASE_URL, poolSize: e.PROMPTREEL_DATABASE_POOL_SIZE} : null,
			storage: storageOf(e),
			metricsPort: e.PROMPTREEL_METRICS_PORT ?? null,
			metricsHost: e.PROMPTREEL_METRICS_HOST,
			minFreeDiskBytes: e.PROMPTREEL_MIN_FREE_DISK_MB * 1024 * 1024,
			webhookBackoff: {type: 'exponential', delayMs: e.PROMPTREEL_WEBHOOK_BACKOFF_MS, maxAttempts: e.PROMPTREEL_WEBHOOK_MAX_ATTEMPTS},
		},
		log: {level: e.PROMPTREEL_LOG_LEVEL, format: e.PROMPTREEL_LOG_FORMAT},
		lambda: {
			region: e.REMOTION_AWS_REGION ?? e.AWS_REGION ?? 'us-east-1',
			regionFrom: e.REMOTION_AWS_REGION ? 'REMOTION_AWS_REGION' : e.AWS_REGION ? 'AWS_REGION' : 'default',
			credentials: credentialsOf(e),
			bucketName: e.PROMPTREEL_LAMBDA_BUCKET ?? null,
			functionName: e.PROMPTREEL_LAMBDA_FUNCTION ?? null,
			memorySizeInMb: e.PROMPTREEL_LAMBDA_MEMORY_MB,
			diskSizeInMb: e.PROMPTREEL_LAMBDA_DISK_MB,
			timeoutInSeconds: e.PROMPTREEL_LAMBDA_TIMEOUT_SEC,
			framesPerLambda: e.PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA === 0 ? null : e.PROMPTREEL_LAMBDA_FRAMES_PER_LAMBDA,
			maxRetries: e.PROMPTREEL_LAMBDA_MAX_RETRIES,
			pollIntervalMs: e.PROMPTREEL_LAMBDA_POLL_MS,
			s3Endpoint: e.PROMPTREEL_LAMBDA_S3_ENDPOINT ?? null,
			gateway: e.PROMPTREEL_LAMBDA_GATEWAY,
		},
	};
};

/** Lines "NAME  description (default: value)" for `--help`, generated from the schema; `only` filters by name. */
export const envHelp = (only?: (name: string) => boolean): string => {
	const defaults = envSchema.parse({}) as Record<string, unknown>;
	const names = Object.keys(envSchema.shape).filter((n) => only?.(n) ?? true);
	const width = Math.max(...names.map((n) => n.length));
	return names
		.map((name) => {
			const description = (envSchema.shape as Record<string, z.ZodType>)[name]?.description ?? '';
			const value = defaults[name];
			const shown = value === undefined || value === false ? '' : ` (default: ${String(value)})`;
			return `  ${name.padEnd(width)}  ${description}${shown}`;
		})
		.join('\n');
};
