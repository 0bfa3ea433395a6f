import {createHash, timingSafeEqual} from 'node:crypto';
import type {MiddlewareHandler} from 'hono';
import {ApiError} from './http-errors';

declare module 'hono' {
	interface ContextVariableMap {
		/** Who is calling: a short fingerprint of the API key (never the key), or "open" without keys. */
		apiKeyId: string;
	}
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** A short, non-reversible name of a key, for logs, rate limits and idempotency scopes. */
export const keyFingerprint = (key: string): string => `key_${digest(key).toString('hex').slice(0, 12)}`;

/**
 * Bearer API-key auth (PROMPTREEL_API_KEYS). Every key is compared, in constant time over SHA-256
 * digests (equal lengths, nothing leaks from where a comparison stops). With no keys configured
 * every request passes as "open": such a server listens on loopback only (see startServer).
 * Answers 401 in our error shape with `WWW-Authenticate: Bearer`.
 */
export const requireApiKey = (config: {apiKeys: readonly string[]}): MiddlewareHandler => {
	const keys = config.apiKeys.map(digest);
	const fingerprints = config.apiKeys.map(keyFingerprint);
	return async (c, next) => {
		if (keys.length === 0) {
			c.set('apiKeyId', 'open');
			return next();
		}
		const header = c.req.header('Authorization') ?? '';
		const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
		let found = -1;
		if (match) {
			const given = digest(match[1]!);
			keys.forEach((k, i) => {
				if (timingSafeEqual(k, given)) found = i;
			});
		}
		if (found < 0) {
			throw new ApiError(
				'UNAUTHORIZED',
				match ? 'The API key is not valid.' : 'Send an API key: "Authorization: Bearer <key>" (one of PROMPTREEL_API_KEYS).',
				undefined,
				{'WWW-Authenticate': 'Bearer realm="promptreel"'},
			);
		}
		c.set('apiKeyId', fingerprints[found]!);
		return next();
	};
};
