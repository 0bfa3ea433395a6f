import type {LookupFunction} from 'node:net';
import {GuardedUrlError, guardedRequest, PRIVATE_ADDRESS_CODE} from '../pipeline/media';

export type GuardedPostOptions = {
	url: string;
	body: string;
	headers: Record<string, string>;
	/** Whole request. Default 10 s. */
	timeoutMs?: number;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS. Default false. */
	allowPrivateNetwork?: boolean;
	/** The name lookup under the guard (default the system resolver). */
	lookup?: LookupFunction;
};

/** What came back: an HTTP status, or an error before one (`unrecoverable`: retrying cannot help). */
export type GuardedPostResult = {status: number | null; error: string | null; unrecoverable: boolean};

const ALLOW_HINT = '(set PROMPTREEL_ALLOW_PRIVATE_URLS to allow it)';

/**
 * POSTs a body and reads only the status, through the same connect-time guard as media downloads
 * (guardedRequest). Redirects are not followed (a 3xx is a failed delivery): a webhook receiver
 * answers where it was registered, and a redirect must not lead the server onto a private network.
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
		let req;
		try {
			req = guardedRequest(
				{
					url,
					method: 'POST',
					headers: {...o.headers, 'content-length': String(Buffer.byteLength(o.body))},
					signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
					allowPrivateNetwork: o.allowPrivateNetwork,
					lookup: o.lookup,
				},
				(res) => {
					res.resume();
					const status = res.statusCode ?? 0;
					resolve({status, error: status >= 200 && status < 300 ? null : `HTTP ${status}`, unrecoverable: false});
				},
			);
		} catch (error) {
			if (!(error instanceof GuardedUrlError)) throw error;
			resolve({status: null, error: error.reason === 'private' ? `${error.message} ${ALLOW_HINT}` : error.message, unrecoverable: true});
			return;
		}
		req.on('error', (e: NodeJS.ErrnoException) => {
			const isPrivate = e.code === PRIVATE_ADDRESS_CODE;
			resolve({
				status: null,
				error: isPrivate ? `${e.message} ${ALLOW_HINT}` : `${e.code ?? e.name}: ${e.message}`,
				unrecoverable: isPrivate,
			});
		});
		req.end(o.body);
	});
