import {createLocalRenderer} from '../pipeline/render';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {http} from '../../test/support/server-harness';
import {loadConfig} from '../app/config';
import {startServer, type RunningServer} from './start-server';

// API keys and the rate limit over real HTTP on 127.0.0.1 (no worker: nothing renders).
const dirs: string[] = [];
const servers: RunningServer[] = [];

const start = async (env: Record<string, string>, host = '127.0.0.1', extra: {allowOpen?: boolean} = {}) => {
	const dataDir = mkdtempSync(join(tmpdir(), 'promptreel-auth-'));
	dirs.push(dataDir);
	const config = loadConfig(env);
	const server = await startServer({
		renderer: createLocalRenderer({cacheDir: dataDir}),
		host,
		port: 0,
		dataDir,
		server: {...config.server, concurrency: 0, ...extra},
		log: () => undefined,
	});
	servers.push(server);
	return server;
};

afterAll(async () => {
	for (const s of servers) await s.close({graceMs: 0});
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

const bearer = (key: string) => ({Authorization: `Bearer ${key}`});

describe('API keys (PROMPTREEL_API_KEYS)', () => {
	it('answers 401 without a valid key on every route but health, openapi and docs', async () => {
		const server = await start({
			PROMPTREEL_API_KEYS: 'key-one, key-two',
			PROMPTREEL_RATE_LIMIT_PER_MIN: '6000',
			PROMPTREEL_RATE_LIMIT_BURST: '100',
		});
		const api = http(server.url);
		const none = await api.get('/v1/videos');
		expect(none.status).toBe(401);
		expect(none.body.error).toMatchObject({code: 'UNAUTHORIZED'});
		expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
		const wrong = await api.get('/v1/videos', bearer('key-three'));
		expect(wrong.status).toBe(401);
		expect(wrong.body.error.message).toMatch(/not valid/);
		expect((await api.get('/v1/videos', {Authorization: 'Basic a2V5LW9uZQ=='})).status).toBe(401);
		expect((await api.call('POST', '/v1/videos', {json: {prompt: 'x'}})).status).toBe(401);
		expect((await api.get('/v1/videos/vid_000000000000000000000000/events')).status).toBe(401);
		expect((await api.call('POST', '/v1/assets', {body: 'x'})).status).toBe(401);
		expect((await api.call('POST', '/mcp', {json: {}})).status).toBe(401);

		expect((await api.get('/v1/videos', bearer('key-one'))).status).toBe(200);
		expect((await api.get('/v1/videos', bearer('key-two'))).status).toBe(200);
		const created = await api.call('POST', '/v1/videos', {json: {prompt: 'With a key'}, headers: bearer('key-two')});
		expect(created.status).toBe(202);

		expect((await api.get('/v1/health')).status).toBe(200);
		const doc = await api.get('/v1/openapi.json');
		expect(doc.status).toBe(200);
		expect(doc.body.components.securitySchemes.bearerAuth).toMatchObject({type: 'http', scheme: 'bearer'});
		expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/videos/{id}/events', '/v1/assets', '/v1/assets/{id}']));
		const docs = await api.get('/docs');
		expect(docs.status).toBe(200);
		expect(docs.headers.get('content-type')).toMatch(/text\/html/);
		expect(docs.text).toContain('/v1/openapi.json');
		expect(docs.text).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
	});

	it('limits each key with a token bucket: 429 with Retry-After, other keys unaffected', async () => {
		const server = await start({PROMPTREEL_API_KEYS: 'busy,calm', PROMPTREEL_RATE_LIMIT_PER_MIN: '60', PROMPTREEL_RATE_LIMIT_BURST: '5'});
		const api = http(server.url);
		const statuses: number[] = [];
		let limited = null as Awaited<ReturnType<typeof api.get>> | null;
		for (let i = 0; i < 8; i++) {
			const res = await api.get('/v1/templates', bearer('busy'));
			statuses.push(res.status);
			if (res.status === 429) limited ??= res;
		}
		expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
		expect(statuses.slice(5)).toEqual([429, 429, 429]);
		expect(limited!.body.error.code).toBe('RATE_LIMITED');
		expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect((await api.get('/v1/templates', bearer('calm'))).status).toBe(200);
		expect((await api.get('/v1/health')).status).toBe(200);
	});
});

describe('without keys', () => {
	it('is open on loopback, and refuses to listen elsewhere unless told to', async () => {
		const server = await start({});
		expect((await http(server.url).get('/v1/videos')).status).toBe(200);
		await expect(start({}, '0.0.0.0')).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0 without API keys/);
		const open = await start({}, '0.0.0.0', {allowOpen: true});
		expect((await http(`http://127.0.0.1:${open.port}`).get('/v1/videos')).status).toBe(200);
		const keyed = await start({PROMPTREEL_API_KEYS: 'k'}, '0.0.0.0');
		expect((await http(`http://127.0.0.1:${keyed.port}`).get('/v1/videos')).status).toBe(401);
	});

	it('parses the variables once and fails fast naming a wrong one', () => {
		expect(() => loadConfig({PROMPTREEL_ALLOW_PRIVATE_URLS: 'maybe'})).toThrow(/PROMPTREEL_ALLOW_PRIVATE_URLS/);
		expect(loadConfig({PROMPTREEL_API_KEYS: ' a, ,b '}).server.apiKeys).toEqual(['a', 'b']);
		expect(loadConfig({PROMPTREEL_ALLOW_PRIVATE_URLS: 'true'}).server.allowPrivateUrls).toBe(true);
	});
});
