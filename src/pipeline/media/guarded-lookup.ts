import {lookup as dnsLookup, type LookupAddress} from 'node:dns';
import {BlockList, isIP, type LookupFunction} from 'node:net';

/** Thrown (as the socket's error) when a host resolves to a loopback, private or link-local address. */
export const PRIVATE_ADDRESS_CODE = 'EPRIVATE';

// Addresses a server must never be led to by a user's URL: loopback, private, link-local, CGNAT,
// multicast, reserved, documentation and benchmarking ranges (IANA special-purpose registries).
const PRIVATE_V4 = new BlockList();
for (const [net, bits] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.88.99.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	// Multicast, reserved (240/4) and broadcast.
	['224.0.0.0', 3],
] as const) {
	PRIVATE_V4.addSubnet(net, bits, 'ipv4');
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included), or null. */
const ipv6Groups = (ip: string): number[] | null => {
	let text = ip.toLowerCase();
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
	if (dotted) {
		const b = dotted[1]!.split('.').map(Number);
		text = `${text.slice(0, -dotted[1]!.length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
	}
	const halves = text.split('::');
	if (halves.length > 2) return null;
	const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
	const head = part(halves[0]!);
	const tail = halves.length === 2 ? part(halves[1]!) : [];
	const groups = halves.length === 2 ? [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
	return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
};

const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * The IPv4 address an IPv6 address carries and that a connection to it reaches: IPv4-compatible
 * (::a.b.c.d, deprecated), IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4
 * (2002:AABB:CCDD::). Such addresses are judged by that IPv4 address, so `[::127.0.0.1]` and
 * `[64:ff9b::7f00:1]` are loopback while a DNS64 network's synthesized public addresses still work.
 */
const embeddedV4 = (g: number[]): string | null => {
	const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
	if (zeros(0, 6)) return v4Of(g[6]!, g[7]!);
	if (zeros(0, 5) && g[5] === 0xffff) return v4Of(g[6]!, g[7]!);
	if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4Of(g[6]!, g[7]!);
	if (g[0] === 0x2002) return v4Of(g[1]!, g[2]!);
	return null;
};

const PRIVATE_V6 = new BlockList();
for (const [net, bits] of [
	// Discard-only, Teredo (the IPv4 server inside is obfuscated), documentation, ORCHID.
	['100::', 64],
	['2001::', 32],
	['2001:db8::', 32],
	['2001:10::', 28],
	// NAT64 for local use (RFC 8215), unique local, site-local (deprecated), link-local, multicast.
	['64:ff9b:1::', 48],
	['fc00::', 7],
	['fec0::', 10],
	['fe80::', 10],
	['ff00::', 8],
] as const) {
	PRIVATE_V6.addSubnet(net, bits, 'ipv6');
}

/**
 * Loopback, private, link-local, CGNAT, multicast, reserved or unspecified, in IPv4 or IPv6 (an
 * IPv6 address that carries an IPv4 one is judged by it). Anything that is not an IP is private.
 */
export const isPrivateAddress = (ip: string): boolean => {
	const family = isIP(ip);
	if (family === 4) return PRIVATE_V4.check(ip, 'ipv4');
	if (family !== 6) return true;
	const groups = ipv6Groups(ip);
	if (!groups) return true;
	const v4 = embeddedV4(groups);
	if (v4) return PRIVATE_V4.check(v4, 'ipv4');
	return PRIVATE_V6.check(ip, 'ipv6');
};

/**
 * A `lookup` for http(s).request that refuses private addresses. It runs when the socket connects,
 * so a name that resolves to a public address when a URL is checked and to a private one at
 * connect time (DNS rebinding) cannot slip through. IP literals skip DNS: check them with
 * `privateLiteral` before connecting. `resolve` is the lookup under the guard (default
 * dns.lookup; tests pass one that maps a name to loopback instead of touching system files).
 */
export const createGuardedLookup =
	(resolve: LookupFunction = dnsLookup as unknown as LookupFunction): LookupFunction =>
	(hostname, options, callback) => {
		resolve(hostname, {...options, all: true}, ((error: NodeJS.ErrnoException | null, addresses: LookupAddress[] | string) => {
			if (error) return callback(error, '', 0);
			const list = Array.isArray(addresses) ? addresses : [];
			const blocked = list.find((a) => isPrivateAddress(a.address));
			if (blocked || list.length === 0) {
				// The message names no address: what an internal name resolves to is not the caller's to learn.
				const e = Object.assign(new Error(`${hostname} resolves to a private address`), {
					code: PRIVATE_ADDRESS_CODE,
					address: blocked?.address,
				});
				return callback(e, '', 0);
			}
			if ((options as {all?: boolean}).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
			return callback(null, list[0]!.address, list[0]!.family);
		}) as never);
	};

/** The guarded lookup over the system resolver. */
export const guardedLookup: LookupFunction = createGuardedLookup();

/** The URL's host when it is a private IP literal (v4, v6, IPv4-mapped v6), else null. */
export const privateLiteral = (url: URL): string | null => {
	const host = url.hostname.replace(/^\[|\]$/g, '');
	return isIP(host) !== 0 && isPrivateAddress(host) ? host : null;
};

/**
 * The host of a URL that names a loopback, private or link-local host directly (an IP literal,
 * `localhost`, `*.localhost`, with or without the root dot), else null: refused when a URL is
 * submitted, before any lookup. Names resolving to such addresses are refused at connect time.
 */
export const privateHostOf = (url: URL): string | null => {
	const host = url.hostname.toLowerCase().replace(/\.+$/, '');
	const literal = privateLiteral(url);
	if (literal) return literal;
	return host === 'localhost' || host.endsWith('.localhost') || host === '' ? url.hostname : null;
};
