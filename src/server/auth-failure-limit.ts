import {getConnInfo} from '@hono/node-server/conninfo';
import type {Context} from 'hono';
import {PromptreelError} from '../pipeline/errors';
import {ApiError} from './http-errors';

export type AuthFailureLimitOptions = {
	/** Wrong or missing keys an address may send per window before it gets 429. Default 30. */
	maxFailures?: number;
	/** Default 60 s. */
	windowMs?: number;
	now?: () => number;
};

/** The caller's address (the socket's, not a header a client can write); "unknown" without a socket (app.request in tests). */
const addressOf = (c: Context): string => {
	try {
		return getConnInfo(c).remote.address ?? 'unknown';
	} catch {
		return 'unknown';
	}
};

/**
 * Counts failed authentications (401) per client address and answers 429 with Retry-After once an
 * address has failed `maxFailures` times in a window, before its key is even looked at: guessing
 * keys is limited, while the per-key rate limit only applies once a key is valid. Wraps the auth
 * middleware; in memory, per process.
 */
export const authFailureLimit = (o: AuthFailureLimitOptions = {}): ((c: Context, next: () => Promise<unknown>) => Promise<void>) => {
	const maxFailures = o.maxFailures ?? 30;
	const windowMs = o.windowMs ?? 60_000;
	const now = o.now ?? Date.now;
	const windows = new Map<string, {start: number; failures: number}>();
	const current = (address: string, t: number) => {
		const w = windows.get(address);
		if (w && t - w.start < windowMs) return w;
		// Old windows carry nothing: forget them so the map stays small.
		if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k);
		const fresh = {start: t, failures: 0};
		windows.set(address, fresh);
		return fresh;
	};
	return async (c, next) => {
		const address = addressOf(c);
		const t = now();
		const w = current(address, t);
		if (w.failures >= maxFailures) {
			const retryAfterSec = Math.max(1, Math.ceil((w.start + windowMs - t) / 1000));
			throw new ApiError(
				'RATE_LIMITED',
				`Too many failed authentications from this address: at most ${maxFailures} per ${Math.round(windowMs / 1000)} s. Retry after ${retryAfterSec} s with a valid key.`,
				undefined,
				{'Retry-After': String(retryAfterSec)},
			);
		}
		try {
			await next();
		} catch (error) {
			if (error instanceof PromptreelError && error.code === 'UNAUTHORIZED') w.failures++;
			throw error;
		}
	};
};
