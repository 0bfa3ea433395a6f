import {setTimeout as sleep} from 'node:timers/promises';
import type {z} from 'zod';
import {PromptreelError} from '../../errors';
import {pexelsPhotoSearchSchema, pexelsVideoSearchSchema, type PexelsPhoto, type PexelsVideo} from './pexels-api-schema';
import type {RequestBudget} from './request-budget';

export const PEXELS_BASE_URL = 'https://api.pexels.com';
/** Pexels' documented limit: 200 requests an hour (20,000 a month). */
export const PEXELS_HOURLY_LIMIT = 200;

export type PexelsOrientation = 'landscape' | 'portrait' | 'square';

export type PexelsClientOptions = {
	apiKey: string;
	/** The API's origin. Default https://api.pexels.com (a trailing /v1 is accepted). */
	baseUrl?: string;
	/** Each request. Default 15 s. */
	timeoutMs?: number;
	/** The longest total wait for 429s (Retry-After / X-Ratelimit-Reset) in this client's life. Default 30 s. */
	rateLimitWaitBudgetMs?: number;
	/** Counts requests against Pexels' hourly limit. */
	budget: RequestBudget;
	/** Pause before the one retry of a 5xx or network error. Default 500 ms. */
	retryDelayMs?: number;
	fetch?: typeof fetch;
};

export type SearchOptions = {orientation?: PexelsOrientation; perPage?: number; signal?: AbortSignal};

export type PexelsErrorKind = 'unauthorized' | 'rate-limited' | 'budget' | 'server' | 'network' | 'timeout' | 'bad-response' | 'client';

/** A Pexels request failed. Keeps the status and the rate-limit headers the official client drops. */
export class PexelsError extends PromptreelError {
	override name = 'PexelsError';
	readonly kind: PexelsErrorKind;
	readonly status: number | null;
	readonly rateLimit: {limit: number | null; remaining: number | null; resetAt: number | null};
	constructor(kind: PexelsErrorKind, message: string, o: {status?: number | null; headers?: Headers; cause?: unknown} = {}) {
		super('PEXELS_FAILED', message, {retryable: kind !== 'unauthorized' && kind !== 'client', cause: o.cause});
		this.kind = kind;
		this.status = o.status ?? null;
		const num = (name: string) => {
			const v = o.headers?.get(name);
			return v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
		};
		this.rateLimit = {limit: num('x-ratelimit-limit'), remaining: num('x-ratelimit-remaining'), resetAt: num('x-ratelimit-reset')};
	}
	/** No further request is worth making in this run (bad key, limits reached). */
	get fatal(): boolean {
		return this.kind === 'unauthorized' || this.kind === 'rate-limited' || this.kind === 'budget';
	}
}

/** How long a 429 asks us to wait, from Retry-After (seconds or a date) or X-Ratelimit-Reset (unix seconds). */
export const retryDelayMs = (headers: Headers, now = Date.now()): number | null => {
	const retryAfter = headers.get('retry-after');
	if (retryAfter) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (Number.isFinite(date)) return Math.max(0, date - now);
	}
	const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
	if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
	return null;
};

export type PexelsClient = {
	searchPhotos(query: string, o?: SearchOptions): Promise<PexelsPhoto[]>;
	searchVideos(query: string, o?: SearchOptions): Promise<PexelsVideo[]>;
	/** Requests made by this client (not counting the persisted budget of earlier runs). */
	readonly requests: number;
};

/**
 * The documented Pexels REST API over fetch: GET /v1/search and GET /videos/search with the key
 * in `Authorization`. Every request has a timeout and counts against the hourly budget; a 429 is
 * waited out (its headers say how long) while the wait budget lasts; a 5xx or network error is
 * retried once; responses are parsed with zod. Errors are PexelsError with status and headers.
 */
export const createPexelsClient = (opts: PexelsClientOptions): PexelsClient => {
	const base = (opts.baseUrl ?? PEXELS_BASE_URL).replace(/\/+$/, '').replace(/\/v1$/, '');
	const timeoutMs = opts.timeoutMs ?? 15_000;
	const doFetch = opts.fetch ?? fetch;
	let waitBudgetMs = opts.rateLimitWaitBudgetMs ?? 30_000;
	let requests = 0;

	const request = async <S extends z.ZodType>(
		path: string,
		params: Record<string, string | number | undefined>,
		schema: S,
		signal?: AbortSignal,
	): Promise<z.infer<S>> => {
		const url = new URL(`${base}${path}`);
		// URLSearchParams encodes the query: "salt & pepper" stays one query.
		for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
		let retried = false;
		for (;;) {
			signal?.throwIfAborted();
			const slot = await opts.budget.take();
			if (!slot.ok) {
				throw new PexelsError(
					'budget',
					`promptreel's limit of ${PEXELS_HOURLY_LIMIT} Pexels requests an hour is reached; the next one is allowed in ${Math.ceil(slot.retryInMs / 60_000)} min.`,
				);
			}
			requests++;
			const timeout = AbortSignal.timeout(timeoutMs);
			let res: Response;
			try {
				res = await doFetch(url, {
					headers: {Authorization: opts.apiKey, Accept: 'application/json'},
					signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
				});
			} catch (error) {
				if (signal?.aborted) throw signal.reason;
				const kind = timeout.aborted ? 'timeout' : 'network';
				const why = timeout.aborted
					? `timed out after ${Math.round(timeoutMs / 1000)} s`
					: `${(error as Error).message}${(error as {cause?: {code?: string}}).cause?.code ? ` (${(error as {cause: {code: string}}).cause.code})` : ''}`;
				if (!retried) {
					retried = true;
					await sleep(opts.retryDelayMs ?? 500, undefined, {signal});
					continue;
				}
				throw new PexelsError(kind, `Pexels ${path} ${why}.`, {cause: error});
			}
			if (res.status === 429) {
				await res.body?.cancel().catch(() => undefined);
				const wait = retryDelayMs(res.headers);
				if (wait !== null && wait <= waitBudgetMs) {
					waitBudgetMs -= wait;
					await sleep(wait, undefined, {signal});
					continue;
				}
				throw new PexelsError(
					'rate-limited',
					`Pexels rate limit reached (429)${wait === null ? '' : `; it asks to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.round(waitBudgetMs / 1000)} s left to wait`}.`,
					{status: 429, headers: res.headers},
				);
			}
			if (res.status >= 500 && !retried) {
				await res.body?.cancel().catch(() => undefined);
				retried = true;
				await sleep(opts.retryDelayMs ?? 500, undefined, {signal});
				continue;
			}
			if (!res.ok) {
				const text = (await res.text().catch(() => '')).slice(0, 200);
				const kind = res.status === 401 || res.status === 403 ? 'unauthorized' : res.status >= 500 ? 'server' : 'client';
				const hint = kind === 'unauthorized' ? ' Check PEXELS_API_KEY.' : '';
				throw new PexelsError(kind, `Pexels ${path} answered ${res.status} ${res.statusText}${text ? `: ${text}` : ''}.${hint}`, {
					status: res.status,
					headers: res.headers,
				});
			}
			let json: unknown;
			try {
				json = await res.json();
			} catch (error) {
				throw new PexelsError('bad-response', `Pexels ${path} returned invalid JSON.`, {status: res.status, cause: error});
			}
			const parsed = schema.safeParse(json);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				throw new PexelsError(
					'bad-response',
					`Pexels ${path} returned an unexpected shape (${issue?.path.join('.')}: ${issue?.message}).`,
					{status: res.status},
				);
			}
			return parsed.data;
		}
	};

	return {
		async searchPhotos(query, o = {}) {
			const r = await request(
				'/v1/search',
				{query, orientation: o.orientation, per_page: o.perPage ?? 15},
				pexelsPhotoSearchSchema,
				o.signal,
			);
			return r.photos;
		},
		async searchVideos(query, o = {}) {
			const r = await request(
				'/videos/search',
				{query, orientation: o.orientation, per_page: o.perPage ?? 15},
				pexelsVideoSearchSchema,
				o.signal,
			);
			return r.videos;
		},
		get requests() {
			return requests;
		},
	};
};
