import {Hono} from 'hono';
import {describe, expect, it} from 'vitest';
import {errorToResponse} from './http-errors';
import {requireApiKey} from './require-api-key';
import {acceptSignedUrls, createUrlSigner, isSignablePath} from './signed-urls';

const ASSET = '/v1/assets/ast_0123456789abcdef01234567/content';
const FILE = '/v1/videos/vid_0123456789abcdef01234567/files/video.mp4';

/** A small app behind the same auth as the API: answers who called. */
const appWith = (apiKeys: string[]) => {
	const signer = createUrlSigner({apiKeys});
	const app = new Hono();
	app.use('*', acceptSignedUrls({signer, auth: requireApiKey({apiKeys})}));
	app.on(['GET', 'POST'], '*', (c) => c.text(c.get('apiKeyId')));
	app.onError((e, c) => c.json(errorToResponse(e).body, errorToResponse(e).status));
	return {app, signer};
};

describe('signed URLs', () => {
	it('opens a signed media path without a key, as the key that signed it, until it expires', async () => {
		const {app, signer} = appWith(['k1']);
		const now = Date.now();
		const {url, expiresAt} = signer.sign({path: ASSET, caller: 'key_abc', now});
		expect(Date.parse(expiresAt) - now).toBeLessThanOrEqual(signer.ttlMs);
		const res = await app.request(url);
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('key_abc');
		expect((await app.request(url, {method: 'HEAD'})).status).toBe(200);
		// Expired: the key is needed again.
		const old = signer.sign({path: ASSET, caller: 'key_abc', now: now - signer.ttlMs - 5000});
		expect((await app.request(old.url)).status).toBe(401);
	});

	it('refuses a signature moved to another path, a changed caller, another server key, a POST', async () => {
		const {app, signer} = appWith(['k1']);
		const {url} = signer.sign({path: ASSET, caller: 'key_abc', now: Date.now()});
		const query = url.slice(url.indexOf('?'));
		expect((await app.request(`${FILE}${query}`)).status).toBe(401);
		expect((await app.request(url.replace('kid=key_abc', 'kid=key_xyz'))).status).toBe(401);
		expect((await appWith(['k2']).app.request(url)).status).toBe(401);
		expect((await app.request(url, {method: 'POST'})).status).toBe(401);
		expect((await app.request(ASSET, {headers: {authorization: 'Bearer k1'}})).status).toBe(200);
	});

	it('signs only the media paths a browser tag loads', () => {
		expect(isSignablePath(ASSET)).toBe(true);
		expect(isSignablePath(FILE)).toBe(true);
		expect(isSignablePath('/v1/videos')).toBe(false);
		expect(isSignablePath('/v1/videos/vid_1/events')).toBe(false);
		expect(isSignablePath('/v1/videos/vid_1/files/../../x')).toBe(false);
		const {signer} = appWith(['k1']);
		expect(
			signer.verify({
				path: '/v1/videos',
				query: new URLSearchParams(signer.sign({path: '/v1/videos', caller: 'k', now: Date.now()}).url.split('?')[1]),
				now: Date.now(),
			}),
		).toBeNull();
	});
});
