import {createHash, createHmac, timingSafeEqual} from 'node:crypto';
import type {MiddlewareHandler} from 'hono';

/**
 * The GET routes a signed URL may open: media the browser loads by itself (`<img>`, `<audio>`,
 * `<video>`, a download link), which cannot send an Authorization header (README.md, "The web page").
 */
const SIGNABLE = [/^\/v1\/assets\/[A-Za-z0-9_-]+\/content$/, /^\/v1\/videos\/[A-Za-z0-9_-]+\/files\/[A-Za-z0-9._-]+$/];

/** Whether a path is one a signed URL may open. */
export const isSignablePath = (path: string): boolean => SIGNABLE.some((re) => re.test(path));

export type UrlSigner = {
	/** `path?exp=<unix s>&kid=<caller>&sig=<hex>`, valid until `exp`. */
	sign(options: {path: string; caller: string; now: number}): {url: string; expiresAt: string};
	/** The caller who signed the URL when its signature holds and it has not expired, else null. */
	verify(options: {path: string; query: URLSearchParams; now: number}): string | null;
	/** How long a signed URL stays valid, in ms. */
	ttlMs: number;
};

/**
 * Short-lived signed URLs (HMAC-SHA256 over path, expiry and caller). The secret is derived from the
 * API keys, so every process sharing the keys accepts the others' URLs and changing the keys
 * revokes them all; anyone who holds a key could open these paths anyway.
 */
export const createUrlSigner = (options: {apiKeys: readonly string[]; ttlMs?: number}): UrlSigner => {
	const secret = createHash('sha256')
		.update('promptreel signed urls\0')
		.update([...options.apiKeys].sort().join('\0'))
		.digest();
	const ttlMs = options.ttlMs ?? 15 * 60_000;
	const mac = (path: string, exp: string, kid: string) => createHmac('sha256', secret).update(`${path}\n${exp}\n${kid}`).digest();
	return {
		ttlMs,
		sign({path, caller, now}) {
			const exp = String(Math.floor((now + ttlMs) / 1000));
			const query = new URLSearchParams({exp, kid: caller, sig: mac(path, exp, caller).toString('hex')});
			return {url: `${path}?${query}`, expiresAt: new Date(Number(exp) * 1000).toISOString()};
		},
		verify({path, query, now}) {
			const exp = query.get('exp');
			const kid = query.get('kid');
			const sig = query.get('sig');
			if (!exp || !kid || !sig || !/^\d+$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig) || !isSignablePath(path)) return null;
			if (Number(exp) * 1000 < now) return null;
			return timingSafeEqual(mac(path, exp, kid), Buffer.from(sig, 'hex')) ? kid : null;
		},
	};
};

/**
 * Auth that also accepts a valid signed URL on a GET or HEAD of a signable path (the caller is the
 * key that signed it); every other request goes to `auth` (requireApiKey).
 */
export const acceptSignedUrls = (options: {signer: UrlSigner; auth: MiddlewareHandler}): MiddlewareHandler => {
	const {signer, auth} = options;
	return async (c, next) => {
		if ((c.req.method === 'GET' || c.req.method === 'HEAD') && new URL(c.req.url).searchParams.has('sig')) {
			const caller = signer.verify({path: c.req.path, query: new URL(c.req.url).searchParams, now: Date.now()});
			if (caller) {
				c.set('apiKeyId', caller);
				return next();
			}
		}
		return auth(c, next);
	};
};
