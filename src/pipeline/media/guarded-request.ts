import http, {type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders} from 'node:http';
import https from 'node:https';
import {guardedLookup, privateLiteral} from './guarded-lookup';

export type GuardedRequestOptions = {
	url: URL;
	method: 'GET' | 'POST' | 'HEAD';
	headers: OutgoingHttpHeaders;
	signal?: AbortSignal | undefined;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: tests and trusted networks only. Default false. */
	allowPrivateNetwork?: boolean | undefined;
};

/** Why a URL was refused before connecting: `detail` is the protocol or the private address. */
export class GuardedUrlError extends Error {
	override name = 'GuardedUrlError';
	constructor(
		readonly reason: 'protocol' | 'private',
		readonly detail: string,
	) {
		super(reason === 'protocol' ? `only http(s) URLs, not ${detail}` : `${detail} is a private network address`);
	}
}

/**
 * One http(s) request (one redirect hop) that may only reach public addresses: a private IP
 * literal is refused before connecting (GuardedUrlError), a name is checked on the address it
 * resolves to when the socket connects (an `EPRIVATE` socket error; guarded-lookup.ts). Every
 * request gets a fresh connection: a pooled socket would skip the connect-time check. Media
 * downloads and webhook posts both go through here; callers follow redirects themselves, so each
 * hop is checked again.
 */
export const guardedRequest = (o: GuardedRequestOptions, onResponse: (res: IncomingMessage) => void): ClientRequest => {
	if (o.url.protocol !== 'http:' && o.url.protocol !== 'https:') throw new GuardedUrlError('protocol', o.url.protocol);
	const literal = o.allowPrivateNetwork ? null : privateLiteral(o.url);
	if (literal) throw new GuardedUrlError('private', literal);
	const lib = o.url.protocol === 'https:' ? https : http;
	return lib.request(
		o.url,
		{method: o.method, headers: o.headers, signal: o.signal, lookup: o.allowPrivateNetwork ? undefined : guardedLookup, agent: false},
		onResponse,
	);
};
