import type {MiddlewareHandler} from 'hono';
import {ApiError} from './http-errors';

export type RateLimitOptions = {
	/** Sustained requests per minute per caller; 0 turns the limit off. */
	perMinute: number;
	/** Requests a caller may send at once (the bucket's size). */
	burst: number;
	now?: () => number;
};

/** A token bucket per caller, in memory: each server process limits on its own. */
export const createTokenBuckets = (o: RateLimitOptions) => {
	const now = o.now ?? Date.now;
	const perMs = o.perMinute / 60_000;
	const buckets = new Map<string, {tokens: number; at: number}>();
	return {
		/** Takes a token; when none is left, says how many seconds until one is. */
		take(caller: string): {ok: true} | {ok: false; retryAfterSec: number} {
			const t = now();
			const b = buckets.get(caller) ?? {tokens: o.burst, at: t};
			b.tokens = Math.min(o.burst, b.tokens + (t - b.at) * perMs);
			b.at = t;
			buckets.set(caller, b);
			if (b.tokens >= 1) {
				b.tokens -= 1;
				return {ok: true};
			}
			// Full buckets carry no information: forget them so the map stays small.
			if (buckets.size > 10_000) for (const [k, v] of buckets) if (v.tokens + (t - v.at) * perMs >= o.burst) buckets.delete(k);
			return {ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000))};
		},
	};
};

/**
 * Per-key rate limit (after requireApiKey, which names the caller): 429 in our error shape with
 * `Retry-After` in seconds. Without keys nothing is limited.
 */
export const rateLimit = (o: RateLimitOptions): MiddlewareHandler => {
	if (o.perMinute <= 0) return async (_c, next) => next();
	const buckets = createTokenBuckets(o);
	return async (c, next) => {
		// Without keys the server is a local one (loopback, or --allow-open on a trusted network):
		// there is no caller to tell apart, so nothing is limited.
		const key = c.get('apiKeyId');
		if (!key || key === 'open') return next();
		const taken = buckets.take(key);
		if (!taken.ok) {
			throw new ApiError(
				'RATE_LIMITED',
				`Too many requests: at most ${o.perMinute} per minute (bursts of ${o.burst}) per API key. Retry after ${taken.retryAfterSec} s.`,
				undefined,
				{'Retry-After': String(taken.retryAfterSec)},
			);
		}
		return next();
	};
};
