import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakePexels, type FakePexels} from '../../../../test/fakes/fake-pexels';
import {createPexelsClient, PexelsError, retryDelayMs} from './pexels-client';
import {createRequestBudget} from './request-budget';

let dir: string;
let fake: FakePexels | null = null;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'promptreel-pexels-client-'));
});
afterAll(() => rm(dir, {recursive: true, force: true}));
afterEach(async () => {
	await fake?.close();
	fake = null;
});

const client = (f: FakePexels, o: {wait?: number; limit?: number; file?: string; key?: string} = {}) =>
	createPexelsClient({
		apiKey: o.key ?? 'fake-pexels-key',
		baseUrl: f.url,
		budget: createRequestBudget({limit: o.limit ?? 200, file: o.file}),
		rateLimitWaitBudgetMs: o.wait ?? 5000,
		retryDelayMs: 50,
		timeoutMs: 2000,
	});

describe('Pexels client against a local fake server (fetch, documented REST API)', () => {
	it('searches videos and photos with the key, the orientation and an encoded query', async () => {
		fake = await startFakePexels();
		const c = client(fake);
		const videos = await c.searchVideos('volcano eruption', {orientation: 'landscape'});
		expect(videos.map((v) => v.id)).toEqual([3066403]);
		expect(videos[0]!.video_files.map((f) => `${f.width}x${f.height}`)).toEqual(['640x360', '1280x720', '1920x1080', '3840x2160']);
		const photos = await c.searchPhotos('volcano & mountain', {orientation: 'landscape'});
		expect(photos[0]!.photographer).toBe('Ana Lima');
		// The "&" stayed inside the query (the official client would have split it).
		expect(fake.requests.map((r) => [r.path, r.query, r.orientation, r.auth])).toEqual([
			['/videos/search', 'volcano eruption', 'landscape', 'fake-pexels-key'],
			['/v1/search', 'volcano & mountain', 'landscape', 'fake-pexels-key'],
		]);
		expect(c.requests).toBe(2);
	});

	it('waits out a 429 using Retry-After or X-Ratelimit-Reset, within its budget', async () => {
		fake = await startFakePexels({rateLimit: {count: 1, retryAfterSec: 1}});
		const started = Date.now();
		expect(await client(fake).searchVideos('lava')).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
		await fake.close();

		// Asked to wait longer than the budget: fails at once with the status and headers kept.
		fake = await startFakePexels({rateLimit: {count: 5, resetInSec: 600}});
		const error = (await client(fake, {wait: 2000})
			.searchVideos('lava')
			.catch((e: unknown) => e)) as PexelsError;
		expect(error).toBeInstanceOf(PexelsError);
		expect(error).toMatchObject({kind: 'rate-limited', status: 429, fatal: true});
		expect(error.rateLimit.remaining).toBe(0);
		expect(error.message).toMatch(/asks to wait (599|600) s/);
		expect(fake.requests).toHaveLength(1);

		expect(retryDelayMs(new Headers({'retry-after': '3'}))).toBe(3000);
		expect(retryDelayMs(new Headers({'x-ratelimit-reset': '1010'}), 1_000_000)).toBe(10_000);
		expect(retryDelayMs(new Headers())).toBeNull();
	});

	it('retries a 500 once, then reports it; a bad key is fatal', async () => {
		fake = await startFakePexels({failQueries: ['lava']});
		const error = (await client(fake)
			.searchVideos('lava')
			.catch((e: unknown) => e)) as PexelsError;
		expect(error).toMatchObject({kind: 'server', status: 500, fatal: false});
		expect(fake.requests.map((r) => r.status)).toEqual([500, 500]);
		const unauthorized = (await client(fake, {key: 'wrong'})
			.searchPhotos('lava')
			.catch((e: unknown) => e)) as PexelsError;
		expect(unauthorized).toMatchObject({kind: 'unauthorized', status: 401, fatal: true});
		expect(unauthorized.message).toContain('PEXELS_API_KEY');
	});

	it('counts requests in a persisted hourly budget and stops at the limit', async () => {
		fake = await startFakePexels();
		const file = join(dir, 'requests.json');
		await client(fake, {limit: 2, file}).searchVideos('lava');
		// A second client (the next run) sees the same count.
		const second = client(fake, {limit: 2, file});
		await second.searchVideos('volcano');
		const error = (await second.searchVideos('mountain').catch((e: unknown) => e)) as PexelsError;
		expect(error).toMatchObject({kind: 'budget', fatal: true});
		expect(error.message).toMatch(/limit of 200 Pexels requests an hour/);
		expect(fake.requests).toHaveLength(2);
		expect((JSON.parse(await readFile(file, 'utf8')) as {requests: number[]}).requests).toHaveLength(2);
	});

	it('times out a request that never answers', async () => {
		const {listen} = await import('../../../../test/fakes/listen');
		const hung = await listen(() => undefined);
		try {
			const c = createPexelsClient({
				apiKey: 'k',
				baseUrl: hung.url,
				budget: createRequestBudget({limit: 10}),
				timeoutMs: 300,
				retryDelayMs: 10,
			});
			const started = Date.now();
			await expect(c.searchVideos('lava')).rejects.toMatchObject({kind: 'timeout'});
			expect(Date.now() - started).toBeLessThan(2000);
		} finally {
			await hung.close();
		}
	});
});
