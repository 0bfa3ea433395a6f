import type {StorageSettings} from './file-store';

/**
 * Settings of the jobs layer (workers, leases, retention, webhooks), parsed from the environment by
 * the app's config schema (src/app/config.ts), where each has its variable, default and description.
 */
export type JobsSettings = {
	concurrency: number;
	retentionDays: number;
	maxAttempts: number;
	jobTimeoutMs: number;
	leaseMs: number;
	shutdownGraceMs: number;
	webhookSecret: string | undefined;
	/** Webhooks and media URLs may reach loopback and private addresses (tests, trusted networks). */
	allowPrivateUrls: boolean;
	/** Base URL of the server as callers see it (links in webhooks); undefined = the listening address. */
	publicUrl: string | undefined;
	/** Longest video a job may ask for (PROMPTREEL_MAX_VIDEO_SEC), checked at submit. Default 30 min. */
	maxVideoMs?: number;
	/** Jobs of one API key running at once across every worker (PROMPTREEL_MAX_RUNNING_PER_KEY); 0 or absent: no cap. */
	maxRunningPerKey?: number;
	/** The Postgres job store (PROMPTREEL_DATABASE_URL, PROMPTREEL_DATABASE_POOL_SIZE); null or absent: SQLite in the data dir. */
	database?: {url: string; poolSize: number} | null;
	/** The S3 file store (PROMPTREEL_STORAGE_URL, docs/scaling.md); null or absent: the data dir. */
	storage?: StorageSettings | null;
	webhookBackoff: {type: 'exponential'; delayMs: number; maxAttempts: number};
};
