import {lookup as dnsLookup, type LookupAddress} from 'node:dns';
import {isIP, type LookupFunction} from 'node:net';
import {isPrivateAddress} from '../pipeline/media';

/** Thrown (as the socket's error) when a host resolves to a loopback, private or link-local address. */
export const PRIVATE_ADDRESS_CODE = 'EPRIVATE';

/**
 * A `lookup` for http(s).request that refuses private addresses. It runs when the socket connects,
 * so a name that resolves to a public address when a URL is checked and to a private one at
 * connect time (DNS rebinding) cannot slip through. IP literals skip DNS: check them with
 * `privateLiteral` before connecting.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
	dnsLookup(hostname, {...options, all: true}, (error, addresses: LookupAddress[]) => {
		if (error) return callback(error, '', 0);
		const list = Array.isArray(addresses) ? addresses : [];
		const blocked = list.find((a) => isPrivateAddress(a.address));
		if (blocked || list.length === 0) {
			const e = Object.assign(new Error(`${hostname} resolves to a private address (${blocked?.address ?? 'none'})`), {code: PRIVATE_ADDRESS_CODE});
			return callback(e, '', 0);
		}
		if ((options as {all?: boolean}).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
		return callback(null, list[0]!.address, list[0]!.family);
	});
};

/** The URL's host when it is a private IP literal (v4, v6, IPv4-mapped v6), else null. */
export const privateLiteral = (url: URL): string | null => {
	const host = url.hostname.replace(/^\[|\]$/g, '');
	return isIP(host) !== 0 && isPrivateAddress(host) ? host : null;
};
