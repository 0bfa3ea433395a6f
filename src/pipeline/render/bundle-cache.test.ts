import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {getHeapStatistics} from 'node:v8';
import {expect, it} from 'vitest';
import {bundleProject} from './bundle-cache';

it('a fresh bundle leaves no webpack garbage on the heap of the process that made it', async () => {
	const cacheDir = await mkdtemp(join(tmpdir(), 'promptreel-bundle-test-'));
	try {
		const before = getHeapStatistics().used_heap_size;
		const fresh = await bundleProject({cacheDir});
		const grownMb = (getHeapStatistics().used_heap_size - before) / 2 ** 20;
		expect(fresh.cached).toBe(false);
		// Webpack leaves ~190 MB behind that nothing would collect during the render that follows.
		expect(grownMb).toBeLessThan(60);
		const again = await bundleProject({cacheDir});
		expect(again).toMatchObject({cached: true, serveUrl: fresh.serveUrl, hash: fresh.hash});
	} finally {
		await rm(cacheDir, {recursive: true, force: true});
	}
}, 180_000);
