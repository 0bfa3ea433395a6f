import {randomBytes} from 'node:crypto';
import {createWriteStream} from 'node:fs';
import {mkdir, rename, rm} from 'node:fs/promises';
import type {LookupFunction} from 'node:net';
import {dirname} from 'node:path';
import {PromptreelError} from '../errors';
import {PRIVATE_ADDRESS_CODE} from './guarded-lookup';
import {GuardedUrlError, guardedRequest} from './guarded-request';
import {MEDIA_SIZE_LIMITS} from './media-size-limits';

export type DownloadMediaOptions = {
	url: string;
	/** Where the file goes; written whole (temporary file + rename) or not at all. */
	file: string;
	/** Largest body accepted, in bytes. Default MEDIA_SIZE_LIMITS.video (200 MB). */
	maxBytes?: number;
	/** Accepted content types, by prefix. Default ['image/', 'video/']. */
	acceptTypes?: readonly string[];
	/** Whole download, redirects included. Default 60 s. */
	timeoutMs?: number;
	/** Allow loopback and private addresses (tests, trusted networks). Default false. */
	allowPrivateNetwork?: boolean;
	/** Allow plain http (every redirect hop included). Default: only when allowPrivateNetwork. */
	allowHttp?: boolean;
	/** The name lookup under the guard (default the system resolver); tests map a name to loopback with it. */
	lookup?: LookupFunction;
	/** Default 5. */
	maxRedirects?: number;
	signal?: AbortSignal;
};

export type DownloadMediaResult = {file: string; bytes: number; contentType: string; finalUrl: string};

/** A download failed; `reason` says why in a few words, `url` which one. Retryable unless bad input. */
export class DownloadError extends PromptreelError {
	override name = 'DownloadError';
	readonly url: string;
	readonly reason: string;
	constructor(url: string, reason: string, options: {retryable?: boolean; cause?: unknown} = {}) {
		super('MEDIA_DOWNLOAD_FAILED', `Cannot download ${url}: ${reason}.`, {retryable: options.retryable ?? false, cause: options.cause});
		this.url = url;
		this.reason = reason;
	}
}

/** A few words for a socket error: its code, never the address or what the far end said. */
const socketReason = (e: NodeJS.ErrnoException): string => {
	if (e.code === PRIVATE_ADDRESS_CODE) return 'refused: private address';
	if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'the host name does not resolve';
	if (e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH')
		return `could not connect (${e.code})`;
	return e.code ? `network error (${e.code})` : 'network error';
};

/**
 * Downloads a media file over https (http only when allowed) with limits on size, type and time,
 * refusing private network addresses unless allowed: the address is checked when each redirect
 * hop connects (guardedRequest). A failure removes the partial file and throws DownloadError,
 * whose reason never echoes the remote body, the resolved address or the socket's message.
 */
export const downloadMedia = async (opts: DownloadMediaOptions): Promise<DownloadMediaResult> => {
	const maxBytes = opts.maxBytes ?? MEDIA_SIZE_LIMITS.video;
	const acceptTypes = opts.acceptTypes ?? ['image/', 'video/'];
	const timeoutMs = opts.timeoutMs ?? 60_000;
	const maxRedirects = opts.maxRedirects ?? 5;
	const protocols = (opts.allowHttp ?? opts.allowPrivateNetwork) ? (['http:', 'https:'] as const) : (['https:'] as const);
	opts.signal?.throwIfAborted();
	const timeout = AbortSignal.timeout(timeoutMs);
	const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
	await mkdir(dirname(opts.file), {recursive: true});
	const tmp = `${opts.file}.${process.pid}-${randomBytes(4).toString('hex')}.part`;

	const fetchOnce = (url: URL): Promise<{redirect: string} | DownloadMediaResult> =>
		new Promise((resolve, reject) => {
			const headers = {'user-agent': 'promptreel', accept: acceptTypes.map((t) => `${t}*`).join(', ')};
			let req;
			try {
				req = guardedRequest(
					{url, method: 'GET', headers, signal, allowPrivateNetwork: opts.allowPrivateNetwork, protocols, lookup: opts.lookup},
					(res) => {
						const status = res.statusCode ?? 0;
						if (status >= 300 && status < 400 && res.headers.location) {
							res.resume();
							resolve({redirect: new URL(res.headers.location, url).href});
							return;
						}
						if (status !== 200) {
							res.resume();
							reject(new DownloadError(url.href, `HTTP ${status}`, {retryable: status >= 500 || status === 429}));
							return;
						}
						const contentType = String(res.headers['content-type'] ?? '')
							.split(';')[0]!
							.trim()
							.toLowerCase();
						if (!acceptTypes.some((t) => contentType.startsWith(t))) {
							res.resume();
							reject(
								new DownloadError(
									url.href,
									`content type "${contentType || 'none'}" is not one of ${acceptTypes.map((t) => `${t}*`).join(', ')}`,
								),
							);
							return;
						}
						const declared = Number(res.headers['content-length'] ?? NaN);
						if (declared > maxBytes) {
							res.destroy();
							reject(new DownloadError(url.href, `${declared} bytes is over the limit of ${maxBytes}`));
							return;
						}
						let bytes = 0;
						const out = createWriteStream(tmp);
						res.on('data', (chunk: Buffer) => {
							bytes += chunk.length;
							if (bytes > maxBytes) {
								res.destroy(new DownloadError(url.href, `more than the limit of ${maxBytes} bytes`));
							}
						});
						res.on('error', (e) => {
							out.destroy();
							reject(e);
						});
						out.on('error', reject);
						out.on('finish', () => {
							if (res.complete) resolve({file: opts.file, bytes, contentType, finalUrl: url.href});
							else reject(new DownloadError(url.href, 'the connection closed early', {retryable: true}));
						});
						res.pipe(out);
					},
				);
			} catch (error) {
				reject(
					error instanceof GuardedUrlError
						? new DownloadError(url.href, error.reason === 'protocol' ? `refused: ${error.message}` : 'refused: private address')
						: error,
				);
				return;
			}
			req.on('error', reject);
			req.end();
		});

	try {
		let url = new URL(opts.url);
		for (let hop = 0; ; hop++) {
			const r = await fetchOnce(url);
			if ('redirect' in r) {
				if (hop >= maxRedirects) throw new DownloadError(opts.url, `more than ${maxRedirects} redirects`);
				url = new URL(r.redirect);
				continue;
			}
			await rename(tmp, opts.file);
			return r;
		}
	} catch (error) {
		await rm(tmp, {force: true}).catch(() => undefined);
		if (opts.signal?.aborted) throw opts.signal.reason;
		if (error instanceof DownloadError) throw error;
		if (timeout.aborted)
			throw new DownloadError(opts.url, `timed out after ${Math.round(timeoutMs / 1000)} s`, {retryable: true, cause: error});
		const e = error as NodeJS.ErrnoException;
		throw new DownloadError(opts.url, socketReason(e), {retryable: e.code !== PRIVATE_ADDRESS_CODE, cause: error});
	}
};
