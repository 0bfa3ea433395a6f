import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import {z} from 'zod';
import {PromptreelError} from '../pipeline/errors';
import type {JobsSettings} from '../jobs/jobs-settings';
import type {HttpSettings} from '../server/http-settings';

const optionalString = z
	.string()
	.optional()
	.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A yes/no flag from the environment: 1, true, yes, on (any case) mean yes; unset or empty no. */
const flagVar = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim().toLowerCase())
	.pipe(z.enum(['', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'], 'Use 1/true/yes/on or 0/false/no/off.'))
	.transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** A whole number from the environment; unset or empty means the default. */
const intVar = (fallback: number, min: number, max: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v === undefined || v.trim() === '' ? fallback : Number(v.trim())))
		.pipe(z.number(`Use a whole number from ${min} to ${max}.`).int(`Use a whole number from ${min} to ${max}.`).min(min).max(max));

/** Renderers a user may name; src/app/create-renderer.ts says which of them this build can run. */
export const RENDERER_IDS = ['local', 'web', 'lambda'] as const;
export type RendererId = (typeof RENDERER_IDS)[number];

/** Every environment variable promptreel reads, with its default and description: the one source of `--help` and the docs. */
export const envSchema = z.object({
	PROMPTREEL_DATA_DIR: optionalString.describe('Where caches, jobs and bundles live (default ~/.promptreel).'),
	REMOTION_BROWSER_EXECUTABLE: optionalString.describe('Path of the Chrome/Chromium to render with.'),
	PROMPTREEL_RENDERER: z.enum(RENDERER_IDS, `Use one of: ${RENDERER_IDS.join(', ')}.`).default('local').describe('Where videos are rendered: local (frame capture on this machine), web (in-page @remotion/web-renderer for templates that pass its fidelity gate, capture otherwise), lambda (Remotion Lambda, not available yet).'),
	REMOTION_LICENSE_KEY: optionalString.describe('Remotion company licence key, passed to the web renderer (see the README, Licensing).'),
	OPENAI_API_KEY: optionalString.describe('Key for the OpenAI (or compatible) planner and voice.'),
	OPENAI_BASE_URL: optionalString.describe('Base URL of an OpenAI-compatible server (e.g. Ollama).'),
	PROMPTREEL_PLANNER_MODEL: optionalString.describe('Chat model used by the LLM planner.'),
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
	PROMPTREEL_ALLOW_OPEN: flagVar.describe('Let a server without API keys listen on a non-loopback address (1/true).'),
	PROMPTREEL_WEBHOOK_SECRET: optionalString.describe('HMAC secret of the Promptreel-Signature webhook header (default: one generated in the data dir).'),
	PROMPTREEL_ALLOW_PRIVATE_URLS: flagVar.describe('Let webhooks and media URLs reach loopback and private addresses (tests, trusted networks).'),
	PROMPTREEL_PUBLIC_URL: optionalString.describe('Base URL of the server as callers see it (links in webhooks); default the listening address.'),
	PROMPTREEL_RATE_LIMIT_PER_MIN: intVar(600, 0, 1_000_000).describe('Requests per minute per API key (0 = no limit).'),
	PROMPTREEL_RATE_LIMIT_BURST: intVar(60, 1, 1_000_000).describe('Requests a key may send at once before the per-minute rate applies.'),
	PROMPTREEL_MAX_VIDEO_SEC: intVar(1800, 1, 86_400).describe('Longest video a job may ask for, in seconds: a storyboard whose scenes add up to more, or a longer durationSec, is refused at submit (422).'),
	PROMPTREEL_MAX_UPLOAD_BYTES: intVar(100_000_000, 1024, 10_000_000_000).describe('Largest upload to POST /v1/assets (413 above).'),
	PROMPTREEL_WEBHOOK_MAX_ATTEMPTS: intVar(8, 1, 50).describe('Deliveries of one webhook event before it is given up.'),
	PROMPTREEL_WEBHOOK_BACKOFF_MS: intVar(5000, 10, 86_400_000).describe('First retry delay of a webhook; doubles every attempt.'),
});

export type PromptreelConfig = {
	dataDir: string;
	browserExecutable: string | undefined;
	renderer: RendererId;
	remotionLicenseKey: string | undefined;
	openai: {apiKey: string | undefined; baseUrl: string | undefined; plannerModel: string | undefined};
	pexels: {apiKey: string | undefined; baseUrl: string | undefined};
	/** The server part: the jobs layer's settings and the HTTP front's. */
	server: JobsSettings & HttpSettings;
};

/** A wrong environment variable: exit 2 naming the variable, its value and the fix. */
export class ConfigError extends PromptreelError {
	override name = 'ConfigError';
	readonly issues: {path: string; message: string}[];
	constructor(issues: {path: string; message: string}[]) {
		super('INVALID_CONFIG', `Invalid environment: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {details: issues});
		this.issues = issues;
	}
}

/** Parses the environment once; a wrong value fails fast naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): PromptreelConfig => {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map((i) => {
				const name = i.path.join('.');
				return {path: name, message: `${JSON.stringify(env[name] ?? '')} is not valid. ${i.message}`};
			}),
		);
	}
	const e = parsed.data;
	return {
		dataDir: resolve(e.PROMPTREEL_DATA_DIR ?? join(homedir(), '.promptreel')),
		browserExecutable: e.REMOTION_BROWSER_EXECUTABLE,
		renderer: e.PROMPTREEL_RENDERER,
		remotionLicenseKey: e.REMOTION_LICENSE_KEY,
		openai: {apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, plannerModel: e.PROMPTREEL_PLANNER_MODEL},
		pexels: {apiKey: e.PEXELS_API_KEY, baseUrl: e.PEXELS_BASE_URL},
		server: {
			port: e.PORT,
			concurrency: e.PROMPTREEL_CONCURRENCY,
			retentionDays: e.PROMPTREEL_RETENTION_DAYS,
			maxAttempts: e.PROMPTREEL_MAX_ATTEMPTS,
			jobTimeoutMs: e.PROMPTREEL_JOB_TIMEOUT_SEC * 1000,
			leaseMs: e.PROMPTREEL_LEASE_SEC * 1000,
			shutdownGraceMs: e.PROMPTREEL_SHUTDOWN_GRACE_SEC * 1000,
			maxBodyBytes: e.PROMPTREEL_MAX_BODY_BYTES,
			apiKeys: (e.PROMPTREEL_API_KEYS ?? '').split(',').map((k) => k.trim()).filter((k) => k.length > 0),
			allowOpen: e.PROMPTREEL_ALLOW_OPEN,
			webhookSecret: e.PROMPTREEL_WEBHOOK_SECRET,
			allowPrivateUrls: e.PROMPTREEL_ALLOW_PRIVATE_URLS,
			publicUrl: e.PROMPTREEL_PUBLIC_URL?.replace(/\/+$/, ''),
			rateLimit: {perMinute: e.PROMPTREEL_RATE_LIMIT_PER_MIN, burst: e.PROMPTREEL_RATE_LIMIT_BURST},
			maxUploadBytes: e.PROMPTREEL_MAX_UPLOAD_BYTES,
			maxVideoMs: e.PROMPTREEL_MAX_VIDEO_SEC * 1000,
			webhookBackoff: {type: 'exponential', delayMs: e.PROMPTREEL_WEBHOOK_BACKOFF_MS, maxAttempts: e.PROMPTREEL_WEBHOOK_MAX_ATTEMPTS},
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
