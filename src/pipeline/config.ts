import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import {z} from 'zod';
import {ValidationError} from './errors';

const optionalString = z
	.string()
	.optional()
	.transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A whole number from the environment; unset or empty means the default. */
const intVar = (fallback: number, min: number, max: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v === undefined || v.trim() === '' ? fallback : Number(v.trim())))
		.pipe(z.number(`Use a whole number from ${min} to ${max}.`).int(`Use a whole number from ${min} to ${max}.`).min(min).max(max));

const envSchema = z.object({
	PROMPTREEL_DATA_DIR: optionalString.describe('Where caches, jobs and bundles live (default ~/.promptreel).'),
	REMOTION_BROWSER_EXECUTABLE: optionalString.describe('Path of the Chrome/Chromium to render with.'),
	PROMPTREEL_RENDERER: z.enum(['local', 'lambda']).default('local').describe('Where videos are rendered.'),
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
});

export type PromptreelConfig = {
	dataDir: string;
	browserExecutable: string | undefined;
	renderer: 'local' | 'lambda';
	openai: {apiKey: string | undefined; baseUrl: string | undefined; plannerModel: string | undefined};
	pexels: {apiKey: string | undefined; baseUrl: string | undefined};
	server: {
		port: number;
		concurrency: number;
		retentionDays: number;
		maxAttempts: number;
		jobTimeoutMs: number;
		leaseMs: number;
		shutdownGraceMs: number;
		maxBodyBytes: number;
	};
};

/** Parses the environment once; a wrong value fails fast naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): PromptreelConfig => {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => ({path: i.path.join('.'), message: i.message}));
		throw new ValidationError(
			`Invalid environment: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
			issues,
		);
	}
	const e = parsed.data;
	return {
		dataDir: resolve(e.PROMPTREEL_DATA_DIR ?? join(homedir(), '.promptreel')),
		browserExecutable: e.REMOTION_BROWSER_EXECUTABLE,
		renderer: e.PROMPTREEL_RENDERER,
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
		},
	};
};
