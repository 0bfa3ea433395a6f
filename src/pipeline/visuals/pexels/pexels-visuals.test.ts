import {existsSync} from 'node:fs';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakePexels, type FakePexels} from '../../../../test/fakes/fake-pexels';
import type {FindVisualsOptions} from '../visuals-provider';
import {createPexelsClient} from './pexels-client';
import {createPexelsVisuals, PEXELS_CREDIT} from './pexels-visuals';
import {createRequestBudget} from './request-budget';

let dir: string;
let fake: FakePexels | null = null;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'promptreel-pexels-visuals-'));
});
afterAll(() => rm(dir, {recursive: true, force: true}));
afterEach(async () => {
	await fake?.close();
	fake = null;
});

const provider = (f: FakePexels, cache = join(dir, 'cache')) =>
	createPexelsVisuals({
		client: createPexelsClient({
			apiKey: 'fake-pexels-key',
			baseUrl: f.url,
			budget: createRequestBudget({limit: 200}),
			retryDelayMs: 20,
			rateLimitWaitBudgetMs: 3000,
		}),
		cacheDir: cache,
		allowPrivateNetwork: true,
	});

const scenes: FindVisualsOptions['scenes'] = [
	{
		sceneId: 'scene-1',
		keywords: ['magma chamber underground', 'molten lava glow', 'lava'],
		title: 'Molten Rock',
		narration: '',
		durationMs: 6000,
	},
	{sceneId: 'scene-2', keywords: ['volcano eruption at night', 'volcano'], title: 'Eruption', narration: '', durationMs: 6000},
	{
		sceneId: 'scene-3',
		keywords: ['volcanic cone aerial view', 'volcano mountain', 'mountain'],
		title: 'Cone',
		narration: '',
		durationMs: 6000,
	},
	{sceneId: 'scene-4', keywords: ['quantum entanglement', 'abstract idea'], title: 'Nothing', narration: '', durationMs: 6000},
];

const find = async (f: FakePexels, mediaDir: string, o: Partial<FindVisualsOptions> = {}, cache?: string) => {
	const warnings: string[] = [];
	const result = await provider(f, cache).find({
		scenes,
		aspect: '16:9',
		target: {width: 640, height: 360},
		mediaDir,
		onWarning: (code, m) => warnings.push(`${code}: ${m}`),
		...o,
	});
	return {...result, warnings};
};

describe('Pexels visuals against a local fake server', () => {
	it("walks each scene's queries specific -> generic, picks videos and photos at the right size, credits them", async () => {
		fake = await startFakePexels();
		const mediaDir = join(dir, 'out1', 'media');
		const r = await find(fake, mediaDir);
		expect(r.visuals.map((v) => v && [v.kind, v.query])).toEqual([
			['video', 'molten lava glow'],
			['video', 'volcano eruption at night'],
			['image', 'volcano mountain'],
			null,
		]);
		// The empty first query of scene 1 moved on to the next; scene 4 found nothing anywhere.
		expect(fake.requests.filter((q) => q.query === 'magma chamber underground').map((q) => q.path)).toEqual([
			'/videos/search',
			'/v1/search',
		]);
		expect(r.misses).toEqual([{sceneId: 'scene-4', reason: 'no usable Pexels video or photo for "quantum entanglement", "abstract idea"'}]);
		// 360p render: the 640x360 file, not 4K; the clip's length measured from the file.
		expect(r.visuals[0]!.file).toBe(join(mediaDir, 'pexels-video-3066401-640x360.mp4'));
		expect(r.visuals[0]!.durationMs).toBeGreaterThan(2500);
		expect(existsSync(r.visuals[2]!.file)).toBe(true);
		expect(r.visuals[2]!.credit).toEqual({
			kind: 'image',
			title: 'Photo: volcano mountain under blue sky',
			author: 'Ana Lima',
			authorUrl: 'https://www.pexels.com/@ana-lima',
			url: 'https://www.pexels.com/photo/volcano-mountain-under-blue-sky-7001/',
			license: 'Pexels License',
			source: 'Pexels',
		});
		expect(r.credits).toEqual([PEXELS_CREDIT]);
		expect(fake.requests.every((q) => q.orientation === 'landscape')).toBe(true);

		// Cached by id and size: a second run downloads nothing.
		const before = fake.downloads.length;
		await find(fake, join(dir, 'out2', 'media'));
		expect(fake.downloads.length).toBe(before);
		expect((await readdir(join(dir, 'cache'))).sort()).toContain('pexels-video-3066401-640x360.mp4');
	});

	it('never uses one clip for two scenes', async () => {
		fake = await startFakePexels();
		const same = [0, 1, 2].map((i) => ({sceneId: `s${i}`, keywords: ['lava'], title: '', narration: '', durationMs: 4000}));
		const r = await find(fake, join(dir, 'same', 'media'), {scenes: same});
		const ids = r.visuals.map((v) => v?.sourceUrl);
		expect(ids.filter(Boolean)).toHaveLength(2); // two lava clips in the library
		expect(new Set(ids.filter(Boolean)).size).toBe(2);
		expect(r.misses.map((m) => m.sceneId)).toEqual(['s2']);
	});

	it('tries the next result when a download fails, naming the scene and the URL', async () => {
		fake = await startFakePexels({brokenMedia: {3066403: 'missing', 3066404: 'html'}});
		const r = await find(fake, join(dir, 'broken', 'media'), {scenes: [scenes[1]!]}, join(dir, 'fresh-cache'));
		const warnings = r.warnings.filter((w) => w.startsWith('MEDIA_DOWNLOAD_FAILED'));
		expect(warnings[0]).toMatch(
			/^MEDIA_DOWNLOAD_FAILED: scene-2: could not download http:\/\/127\.0\.0\.1:\d+\/video-files\/3066403\/640x360\.mp4 \(HTTP 404\)/,
		);
		expect(warnings[1]).toMatch(/3066404.*content type "text\/html"/);
		// The next query's results are used: the photo.
		expect(r.visuals[0]).toMatchObject({kind: 'image', query: 'volcano'});
	});

	it('waits out a 429, skips a query that fails with 500, and gives up cleanly when Pexels is down', async () => {
		fake = await startFakePexels({rateLimit: {count: 1, retryAfterSec: 1}, failQueries: ['molten lava glow']});
		const r = await find(fake, join(dir, 'limited', 'media'), {scenes: [scenes[0]!]});
		expect(fake.requests[0]!.status).toBe(429);
		expect(r.warnings.some((w) => /PEXELS_SEARCH_FAILED: scene-1: Pexels video search for "molten lava glow" failed \(.*500/.test(w))).toBe(
			true,
		);
		expect(r.visuals[0]).toMatchObject({kind: 'video', query: 'lava'});
		await fake.close();

		fake = await startFakePexels({downStatus: 503});
		const down = await find(fake, join(dir, 'down', 'media'));
		expect(down.visuals).toEqual([null, null, null, null]);
		expect(down.credits).toEqual([]);
		expect(down.misses).toHaveLength(4);
		expect(down.misses[3]!.reason).toMatch(/^Pexels stopped answering usefully: .*503/);
		// It stopped asking: 3 failed searches, each retried once.
		expect(fake.requests).toHaveLength(6);
	});
});
