import {randomUUID} from 'node:crypto';
import type {Context, MiddlewareHandler} from 'hono';
import {routePath} from 'hono/route';
import type {Logger} from 'pino';
import type {Metrics} from './metrics';

declare module 'hono' {
	interface ContextVariableMap {
		/** The request's id: the caller's X-Request-Id when it is sane, else a new UUID; echoed in the answer. */
		requestId: string;
	}
}

/** A caller's request id is kept when it is 1-128 visible ASCII characters (it lands in logs as is). */
const SANE_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;
const JOB_IN_PATH = /\/v1\/videos\/(vid_[0-9a-f]{24})/;

/** The route a request matched (`/v1/videos/:id`), or `(unmatched)`: labels stay few whatever paths callers send. */
const routeOf = (c: Context): string => {
	try {
		const path = routePath(c, -1);
		return path.includes('*') ? '(unmatched)' : path;
	} catch {
		return '(unmatched)';
	}
};

/**
 * First middleware of the app: gives each request its id (accepted from `X-Request-Id` or
 * generated) and echoes it, then logs one line per request (method, route, status, duration, the
 * caller's key fingerprint, the job it names or created; successful reads at debug) and counts it
 * in the metrics. Never logs
 * headers or bodies, so keys and secrets stay out of the log.
 */
export const observeRequests =
	(o: {logger?: Logger | undefined; metrics?: Metrics | undefined}): MiddlewareHandler =>
	async (c, next) => {
		const given = c.req.header('x-request-id');
		const requestId = given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
		c.set('requestId', requestId);
		const started = performance.now();
		await next();
		const durationMs = Math.round((performance.now() - started) * 10) / 10;
		try {
			c.res.headers.set('X-Request-Id', requestId);
		} catch {
			// A response with immutable headers (fetched or streamed elsewhere): copy it.
			c.res = new Response(c.res.body, c.res);
			c.res.headers.set('X-Request-Id', requestId);
		}
		const status = c.res.status;
		const route = routeOf(c);
		const method = c.req.method;
		const uploadBytes = Number(c.req.header('content-length')) || undefined;
		o.metrics?.observeRequest({method, route, status, durationMs, uploadBytes});
		if (!o.logger) return;
		const jobId = JOB_IN_PATH.exec(c.res.headers.get('location') ?? '')?.[1] ?? JOB_IN_PATH.exec(c.req.path)?.[1];
		const fields = {requestId, method, route, path: c.req.path, status, durationMs, key: c.get('apiKeyId'), ...(jobId ? {jobId} : {})};
		// Reads that succeed (status polls, downloads, scrapes) are debug: a polling client would
		// otherwise drown the lines that matter; writes and every failure are info and up.
		const read = method === 'GET' || method === 'HEAD';
		const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : read ? 'debug' : 'info';
		o.logger[level](fields, `${method} ${c.req.path} ${status}`);
	};
