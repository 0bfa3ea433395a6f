import http from 'node:http';
import https from 'node:https';
import {guardedLookup, PRIVATE_ADDRESS_CODE, privateLiteral} from './guarded-lookup';

export type GuardedPostOptions = {
	url: string;
	body: string;
	headers: Record<string, string>;
	/** Whole request. Default 10 s. */
	timeoutMs?: number;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS. Default false. */
	allowPrivateNetwork?: boolean;
};

/** What came back: an HTTP status, or an error before one (`unrecoverable`: retrying cannot help). */
export type GuardedPostResult = {status: number | null; error: string | null; unrecoverable: boolean};

/**
 * POSTs a body and reads only the status. Redirects are not followed (a 3xx is a failed delivery):
 * a webhook receiver answers where it was registered, and a redirect must not lead the server
 * onto a private network. Private addresses are refused at connect time unless allowed.
 */
export const guardedPost = (o: GuardedPostOptions): Promise<GuardedPostResult> =>
	new Promise((resolve) => {
		let url: URL;
		try {
			url = new URL(o.url);
		} catch {
			resolve({status: null, error: `"${o.url}" is not a URL`, unrecoverable: true});
			return;
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			resolve({status: null, error: `only http(s) URLs, not ${url.protocol}`, unrecoverable: true});
			return;
		}
		const literal = o.allowPrivateNetwork ? null : privateLiteral(url);
		if (literal) {
			resolve({status: null, error: `${literal} is a private network address (set PROMPTREEL_ALLOW_PRIVATE_URLS to allow it)`, unrecoverable: true});
			return;
		}
		const lib = url.protocol === 'https:' ? https : http;
		const req = lib.request(
			url,
			{
				method: 'POST',
				headers: {...o.headers, 'content-length': String(Buffer.byteLength(o.body))},
				lookup: o.allowPrivateNetwork ? undefined : guardedLookup,
				signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
				// A fresh connection per delivery: a pooled socket would skip the connect-time check.
				agent: false,
			},
			(res) => {
				res.resume();
				const status = res.statusCode ?? 0;
				resolve({status, error: status >= 200 && status < 300 ? null : `HTTP ${status}`, unrecoverable: false});
			},
		);
		req.on('error', (e: NodeJS.ErrnoException) => {
			const isPrivate = e.code === PRIVATE_ADDRESS_CODE;
			resolve({
				status: null,
				error: isPrivate ? `${e.message} (set PROMPTREEL_ALLOW_PRIVATE_URLS to allow it)` : `${e.code ?? e.name}: ${e.message}`,
				unrecoverable: isPrivate,
			});
		});
		req.end(o.body);
	});
