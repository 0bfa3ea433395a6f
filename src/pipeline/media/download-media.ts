import {randomBytes} from 'node:crypto';
import {lookup as dnsLookup, type LookupAddress} from 'node:dns';
import {createWriteStream} from 'node:fs';
import {mkdir, rename, rm} from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import {BlockList, isIP, type LookupFunction} from 'node:net';
import {dirname} from 'node:path';
import {PromptreelError} from '../errors';

export type DownloadMediaOptions = {
	url: string;
	/** Where the file goes; written whole (temporary file + rename) or not at all. */
	file: string;
	/** Largest body accepted, in bytes. Default 200 MB. */
	maxBytes?: number;
	/** Accepted content types, by prefix. Default ['image/', 'video/']. */
	acceptTypes?: readonly string[];
	/** Whole download, redirects included. Default 60 s. */
	timeoutMs?: number;
	/** Allow loopback and private addresses (tests, trusted networks). Default false. */
	allowPrivateNetwork?: boolean;
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

const PRIVATE = new BlockList();
for (const [net, bits] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.168.0.0', 16],
	['224.0.0.0', 3],
] as const) {
	PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
	['::', 128],
	['::1', 128],
	['fc00::', 7],
	['fe80::', 10],
	['ff00::', 8],
] as const) {
	PRIVATE.addSubnet(net, bits, 'ipv6');
}

/** Loopback, private, link-local, CGNAT, multicast or unspecified (IPv4-mapped IPv6 included). */
export const isPrivateAddress = (ip: string): boolean => {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
	if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
	const family = isIP(ip);
	if (family === 0) return true;
	return PRIVATE.check(ip, family === 4 ? 'ipv4' : 'ipv6');
};

// The address is checked when the socket connects, not before: a name that resolves to a public
// address at check time and a private one at connect time (DNS rebinding) cannot slip through.
const guardedLookup: LookupFunction = (hostname, options, callback) => {
	dnsLookup(hostname, {...options, all: true}, (error, addresses: LookupAddress[]) => {
		if (error) return callback(error, '', 0);
		const list = Array.isArray(addresses) ? addresses : [];
		const blocked = list.find((a) => isPrivateAddress(a.address));
		if (blocked || list.length === 0) {
			const e = Object.assign(new Error(`${hostname} resolves to a private address (${blocked?.address ?? 'none'})`), {code: 'EPRIVATE'});
			return callback(e, '', 0);
		}
		if ((options as {all?: boolean}).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
		return callback(null, list[0]!.address, list[0]!.family);
	});
};

/**
 * Downloads a media file over http(s) with limits on size, type and time, refusing private
 * network addresses unless allowed. A failure removes the partial file and throws DownloadError.
 */
export const downloadMedia = async (opts: DownloadMediaOptions): Promise<DownloadMediaResult> => {
	const maxBytes = opts.maxBytes ?? 200 * 1024 * 1024;
	const acceptTypes = opts.acceptTypes ?? ['image/', 'video/'];
	const timeoutMs = opts.timeoutMs ?? 60_000;
	const maxRedirects = opts.maxRedirects ?? 5;
	opts.signal?.throwIfAborted();
	const timeout = AbortSignal.timeout(timeoutMs);
	const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
	await mkdir(dirname(opts.file), {recursive: true});
	const tmp = `${opts.file}.${process.pid}-${randomBytes(4).toString('hex')}.part`;

	const fetchOnce = (url: URL): Promise<{redirect: string} | DownloadMediaResult> =>
		new Promise((resolve, reject) => {
			if (url.protocol !== 'https:' && url.protocol !== 'http:') {
				reject(new DownloadError(url.href, `only http(s) URLs can be downloaded, not ${url.protocol}`));
				return;
			}
			const literal = url.hostname.replace(/^\[|\]$/g, '');
			if (!opts.allowPrivateNetwork && isIP(literal) !== 0 && isPrivateAddress(literal)) {
				reject(new DownloadError(url.href, `${literal} is a private network address`));
				return;
			}
			const lib = url.protocol === 'https:' ? https : http;
			const req = lib.get(url, {signal, lookup: opts.allowPrivateNetwork ? undefined : guardedLookup, headers: {'user-agent': 'promptreel', accept: acceptTypes.map((t) => `${t}*`).join(', ')}}, (res) => {
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
				const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
				if (!acceptTypes.some((t) => contentType.startsWith(t))) {
					res.resume();
					reject(new DownloadError(url.href, `content type "${contentType || 'none'}" is not one of ${acceptTypes.map((t) => `${t}*`).join(', ')}`));
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
			});
			req.on('error', reject);
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
		if (timeout.aborted) throw new DownloadError(opts.url, `timed out after ${Math.round(timeoutMs / 1000)} s`, {retryable: true, cause: error});
		const e = error as NodeJS.ErrnoException;
		throw new DownloadError(opts.url, e.code === 'EPRIVATE' ? e.message : `${e.code ?? 'error'} ${e.message}`, {retryable: e.code !== 'EPRIVATE', cause: error});
	}
};
