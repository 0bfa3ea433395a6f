import http, {type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders} from 'node:http';
import https from 'node:https';
import type {LookupFunction} from 'node:net';
import {createGuardedLookup, guardedLookup, privateLiteral} from './guarded-lookup';

export type GuardedRequestOptions = {
	url: URL;
	method: 'GET' | 'POST' | 'HEAD';
	headers: OutgoingHttpHeaders;
	signal?: AbortSignal | undefined;
	/** PROMPTREEL_ALLOW_PRIVATE_URLS: tests and trusted networks only. Default false. */
	allowPrivateNetwork?: boolean | undefined;
	/** Protocols this request may use. Default http and https (media downloads allow https only). */
	protocols?: readonly ('http:' | 'https:')[] | undefined;
	/** The name lookup under the guard (default the system resolver); tests map a name to loopback with it. */
	lookup?: LookupFunction | undefined;
};

/** Why a URL was refused before connecting: `detail` is the protocol or the private address. */
export class GuardedUrlError extends Error {
	override name = 'GuardedUrlError';
	constructor(
		readonly reason: 'protocol' | 'private',
		readonly detail: string,
		allowed: readonly string[] = ['http:', 'https:'],
	) {
		super(
			reason === 'protocol'
				? `only ${allowed.map((p) => p.replace(':', '')).join(' or ')} URLs, not ${detail}`
				: `${detail} is a private network address`,
		);
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
	const protocols: readonly string[] = o.protocols ?? ['http:', 'https:'];
	if (!protocols.includes(o.url.protocol)) throw new GuardedUrlError('protocol', o.url.protocol, protocols);
	const literal = o.allowPrivateNetwork ? null : privateLiteral(o.url);
	if (literal) throw new GuardedUrlError('private', literal);
	const lib = o.url.protocol === 'https:' ? https : http;
	const lookup = o.allowPrivateNetwork ? o.lookup : o.lookup ? createGuardedLookup(o.lookup) : guardedLookup;
	return lib.request(o.url, {method: o.method, headers: o.headers, signal: o.signal, lookup, agent: false}, onResponse);
};
