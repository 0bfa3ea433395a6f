import {lookup as dnsLookup, type LookupAddress} from 'node:dns';
import {BlockList, isIP, type LookupFunction} from 'node:net';

/** Thrown (as the socket's error) when a host resolves to a loopback, private or link-local address. */
export const PRIVATE_ADDRESS_CODE = 'EPRIVATE';

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

/**
 * The host of a URL that names a loopback, private or link-local host directly (an IP literal,
 * `localhost` or `*.localhost`), else null: refused when a URL is submitted, before any lookup.
 */
export const privateHostOf = (url: URL): string | null => {
	const host = url.hostname.toLowerCase();
	const literal = privateLiteral(url);
	if (literal) return literal;
	return host === 'localhost' || host.endsWith('.localhost') ? host : null;
};
