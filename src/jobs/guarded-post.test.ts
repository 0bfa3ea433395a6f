import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startReceiver} from '../../test/support/server-harness';
import {guardedPost} from './guarded-post';

// The connect-time guard: names are checked on the address they resolve to when the socket
// connects, literals before connecting; redirects are never followed.
let ok: Awaited<ReturnType<typeof startReceiver>>;
let redirect: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
	ok = await startReceiver();
	redirect = await startReceiver(() => 302);
});
afterAll(async () => {
	await ok.close();
	await redirect.close();
});

const post = (url: string, allowPrivateNetwork = false) =>
	guardedPost({url, body: '{}', headers: {'content-type': 'application/json'}, allowPrivateNetwork, timeoutMs: 3000});

describe('guardedPost', () => {
	it('refuses a name that resolves to loopback at connect time, without sending anything', async () => {
		const res = await post(`http://localhost:${ok.port}/hook`);
		expect(res).toMatchObject({status: null, unrecoverable: true});
		expect(res.error).toMatch(/localhost resolves to a private address/);
		expect(ok.received).toHaveLength(0);
	});

	it('refuses private literals, IPv4-mapped IPv6 included', async () => {
		for (const url of [
			`http://127.0.0.1:${ok.port}/`,
			`http://[::ffff:127.0.0.1]:${ok.port}/`,
			`http://[::1]:${ok.port}/`,
			'http://192.168.1.1/',
			'http://[fe80::1]/',
			'http://169.254.169.254/',
		]) {
			const res = await post(url);
			expect(res.unrecoverable, url).toBe(true);
			expect(res.error, url).toMatch(/private network address/);
		}
		expect(ok.received).toHaveLength(0);
	});

	it('sends when private addresses are allowed; a redirect is a failed delivery, not followed', async () => {
		expect(await post(`http://localhost:${ok.port}/hook`, true)).toEqual({status: 200, error: null, unrecoverable: false});
		expect(ok.received).toHaveLength(1);
		expect(await post(redirect.url, true)).toMatchObject({status: 302, error: 'HTTP 302', unrecoverable: false});
	});

	it('reports a connection error as retryable', async () => {
		const res = await post('http://127.0.0.1:1/', true);
		expect(res).toMatchObject({status: null, unrecoverable: false});
		expect(res.error).toMatch(/ECONNREFUSED/);
	});
});
