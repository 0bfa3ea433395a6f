import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createVoiceCache, voiceCacheKey} from './voice-cache';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'promptreel-cache-test-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

const parts = {providerId: 'festival', voice: 'slt', rate: 1, language: 'en', text: 'Hello.', format: '.mp3'};

describe('voiceCacheKey', () => {
	it('changes with everything that changes the sound', () => {
		const base = voiceCacheKey(parts);
		expect(base).toMatch(/^[0-9a-f]{64}$/);
		expect(voiceCacheKey({...parts})).toBe(base);
		for (const change of [{providerId: 'x'}, {voice: 'x'}, {rate: 1.1}, {language: 'en-GB'}, {text: 'Hello!'}, {format: '.wav'}]) {
			expect(voiceCacheKey({...parts, ...change})).not.toBe(base);
		}
	});
});

describe('createVoiceCache', () => {
	it('stores audio and timings and gives them back; misses are null', async () => {
		const cache = createVoiceCache({cacheDir: path.join(dir, 'c')});
		const key = voiceCacheKey(parts);
		expect(await cache.get(key)).toBeNull();
		const src = path.join(dir, 'a.mp3');
		await writeFile(src, 'audio-bytes');
		const words = [{text: 'Hello.', startMs: 100, endMs: 400}];
		const stored = await cache.put(key, {audioFile: src, durationMs: 600, words, warnings: []});
		const hit = await cache.get(key);
		expect(hit).toEqual({audioFile: stored.audioFile, durationMs: 600, words, warnings: []});
		expect(await readFile(hit!.audioFile, 'utf8')).toBe('audio-bytes');
		// No temp files left behind by the atomic writes.
		const files = await readdir(path.dirname(hit!.audioFile));
		expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});
	it('treats an entry whose audio vanished as a miss', async () => {
		const cache = createVoiceCache({cacheDir: path.join(dir, 'd')});
		const key = voiceCacheKey({...parts, text: 'Gone.'});
		const src = path.join(dir, 'b.mp3');
		await writeFile(src, 'x');
		const stored = await cache.put(key, {audioFile: src, durationMs: 1, words: [], warnings: []});
		await rm(stored.audioFile);
		expect(await cache.get(key)).toBeNull();
	});
});
