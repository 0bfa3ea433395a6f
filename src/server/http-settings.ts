/** Settings of the HTTP front, parsed from the environment by the app's config schema (src/app/config.ts). */
export type HttpSettings = {
	port: number;
	maxBodyBytes: number;
	/** Bearer keys; empty = no auth (loopback only unless allowOpen). */
	apiKeys: string[];
	allowOpen: boolean;
	rateLimit: {perMinute: number; burst: number};
	maxUploadBytes: number;
};
