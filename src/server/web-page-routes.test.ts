import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {OpenAPIHono} from '@hono/zod-openapi';
import {afterAll, describe, expect, it} from 'vitest';
import {errorToResponse, validationHook} from './http-errors';
import {createUrlSigner} from './signed-urls';
import {isWebPagePath, registerWebPage} from './web-page-routes';

const root = mkdtempSync(join(tmpdir(), 'promptreel-web-routes-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

const appWith = (webDir: string) => {
	const publicDir = join(root, 'public');
	mkdirSync(join(publicDir, 'music'), {recursive: true});
	writeFileSync(join(publicDir, 'music/pad.mp3'), 'ID3');
	writeFileSync(join(root, 'secret.txt'), 'secret');
	const app = new OpenAPIHono({defaultHook: validationHook});
	app.use('*', async (c, next) => {
		c.set('apiKeyId', 'key_test');
		await next();
	});
	registerWebPage(app, {webDir, publicDir, signer: createUrlSigner({apiKeys: ['k']})});
	app.onError((e, c) => c.json(errorToResponse(e).body, errorToResponse(e).status));
	return app;
};

describe('web page routes', () => {
	it('serves the built page at / and its files under /web/, and the bundled media under /web/media/', async () => {
		const webDir = join(root, 'web');
		mkdirSync(webDir, {recursive: true});
		writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
		writeFileSync(join(webDir, 'entry.js'), 'console.log(1)');
		const app = appWith(webDir);
		const page = await app.request('/');
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
		expect(page.headers.get('cache-control')).toBe('no-cache');
		expect((await app.request('/web/entry.js')).headers.get('content-type')).toMatch(/javascript/);
		const music = await app.request('/web/media/music/pad.mp3');
		expect(music.status).toBe(200);
		expect(music.headers.get('content-type')).toBe('audio/mpeg');
		for (const path of ['/web/media/../secret.txt', '/web/media/..%2Fsecret.txt', '/web/%E0%A4%A', '/web/missing.js'])
			expect((await app.request(path)).status, path).toBe(404);
		expect(isWebPagePath('/')).toBe(true);
		expect(isWebPagePath('/web/entry.js')).toBe(true);
		expect(isWebPagePath('/v1/videos')).toBe(false);
	});

	it('says how to build the page when it is not built', async () => {
		const res = await appWith(join(root, 'not-built')).request('/');
		expect(res.status).toBe(503);
		expect(await res.text()).toContain('npm run build');
	});

	it('signs asset and file paths, and refuses any other path with its field', async () => {
		const app = appWith(join(root, 'web'));
		const post = (paths: string[]) =>
			app.request('/v1/signed-urls', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({paths})});
		const ok = await post(['/v1/assets/ast_1/content', '/v1/videos/vid_1/files/video.mp4']);
		expect(ok.status).toBe(200);
		const {data} = (await ok.json()) as {data: {path: string; url: string; expiresAt: string}[]};
		expect(data.map((d) => d.path)).toEqual(['/v1/assets/ast_1/content', '/v1/videos/vid_1/files/video.mp4']);
		expect(data[0]!.url).toMatch(/^\/v1\/assets\/ast_1\/content\?exp=\d+&kid=key_test&sig=[0-9a-f]{64}$/);
		const bad = await post(['/v1/videos']);
		expect(bad.status).toBe(422);
		const body = (await bad.json()) as {error: {issues: {path: string; message: string}[]}};
		expect(body.error.issues[0]!.path).toMatch(/paths\.0/);
		expect(body.error.issues[0]!.message).toMatch(/Only \/v1\/assets/);
	});
});
