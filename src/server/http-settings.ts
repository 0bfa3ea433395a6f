/** Settings of the HTTP front, parsed from the environment by the app's config schema (src/app/config.ts). */
export type HttpSettings = {
	port: number;
	maxBodyBytes: number;
	/** Bearer keys; empty = no auth (loopback only unless allowOpen). */
	apiKeys: string[];
	allowOpen: boolean;
	rateLimit: {perMinute: number; burst: number};
	maxUploadBytes: number;
	/** GET /metrics also on this port, without keys (PROMPTREEL_METRICS_PORT); null: only on the API port. */
	metricsPort?: number | null;
	/** Address of that port (PROMPTREEL_METRICS_HOST); default the API's host. */
	metricsHost?: string | undefined;
	/** /v1/ready fails below this much free disk in the data dir (PROMPTREEL_MIN_FREE_DISK_MB). Default 1 GB. */
	minFreeDiskBytes?: number;
};
