import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {renderFrames, renderMedia, selectComposition} from '@remotion/renderer';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {storyboardSchema} from '../src/compositions/storyboard';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from '../src/pipeline/render/browser';
import {getBundle} from '../src/pipeline/render/bundle-cache';
import {type MediaServer, startMediaServer} from '../src/pipeline/render/media-server';
import {mediaSearchPath, withMediaBaseUrl} from '../src/pipeline/render/storyboard-media';
import {toneWav} from './fakes/make-media';
import {TEST_DATA_DIR} from './support/test-env';

// A narration is in the mix for as long as its file lasts and leaves it after (storyboard-audio.tsx,
// Voice): a voice left mounted to the end of the video sat in Remotion's asset list on every later
// frame, and the capture renderer's work per frame grew with the video's length. Audio only, 10 fps.

const FPS = 10;
const work = mkdtempSync(join(tmpdir(), 'promptreel-voice-length-'));
let server: MediaServer;
let base: string;
afterAll(async () => {
	server?.unmount(base);
	await server?.close();
	rmSync(work, {recursive: true, force: true});
});

/** A tone of a length, as the narration file of a scene. */
const tone = (name: string, seconds: number) => writeFileSync(join(work, 'media', name), toneWav(seconds));

const scene = (id: string, audio: string) => ({
	id,
	title: null,
	visual: {kind: 'procedural', style: 'waves', icon: null},
	transition: {type: 'none', direction: 'from-right', durationMs: 0},
	narration: {text: 'Tone.', audio, offsetMs: 200},
	durationMs: 2000,
	durationSource: 'user',
	captions: [],
});

const storyboard = storyboardSchema.parse({
	version: 2,
	title: 'Voices',
	template: 'explainer',
	language: 'en',
	format: {aspect: '16:9', resolution: '360p', fps: FPS},
	music: null,
	captionStyle: {enabled: false},
	endCard: {enabled: false, title: null, durationMs: 2000},
	scenes: [scene('a', 'media/long.wav'), scene('b', 'media/short.wav'), scene('c', 'media/long.wav')],
});

const browser = {browserExecutable: resolveBrowserExecutableSync(), chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'} as const;
const prepared = async () => {
	const {serveUrl} = await getBundle({cacheDir: TEST_DATA_DIR});
	const inputProps = withMediaBaseUrl(storyboard, base);
	const composition = await selectComposition({serveUrl, id: 'explainer', inputProps, ...browser});
	return {serveUrl, inputProps, composition};
};

beforeAll(async () => {
	mkdirSync(join(work, 'media'));
	tone('long.wav', 1.0);
	tone('short.wav', 0.55);
	server = await startMediaServer();
	base = server.mount(mediaSearchPath(work));
});

describe('a narration in the render', () => {
	it('is an asset on exactly the frames its file lasts, from its start, and on no later frame', async () => {
		const {serveUrl, inputProps, composition} = await prepared();
		const {assetsInfo} = await renderFrames({
			serveUrl,
			composition,
			inputProps,
			imageFormat: 'none',
			outputDir: null,
			onStart: () => undefined,
			onFrameUpdate: () => undefined,
			...browser,
		});
		const framesById = new Map<string, {src: string; frames: number[]}>();
		for (const {audioAndVideoAssets} of assetsInfo.assets) {
			for (const a of audioAndVideoAssets) {
				const entry = framesById.get(a.id) ?? {src: a.src, frames: []};
				entry.frames.push(a.frame);
				framesById.set(a.id, entry);
			}
		}
		const voices = [...framesById.values()].sort((x, y) => x.frames[0]! - y.frames[0]!);
		// Scene starts 0, 20, 40 frames; each voice 200 ms (2 frames) in; ceil(1.0 s) = 10, ceil(0.55 s) = 6 frames.
		expect(voices.map((v) => [v.src.split('/').pop(), v.frames[0], v.frames.length])).toEqual([
			['long.wav', 2, 10],
			['short.wav', 22, 6],
			['long.wav', 42, 10],
		]);
		for (const v of voices) expect(v.frames).toEqual(v.frames.map((_, i) => v.frames[0]! + i));
		expect(composition.durationInFrames).toBe(60);
	}, 120_000);

	it('plays whole: the mix holds each tone for its full length', async () => {
		const {serveUrl, inputProps, composition} = await prepared();
		const out = join(work, 'mix.wav');
		await renderMedia({serveUrl, composition, inputProps, codec: 'wav', outputLocation: out, ...browser});
		const {stderr} = spawnSync(
			'ffmpeg',
			['-hide_banner', '-nostdin', '-i', out, '-af', 'silencedetect=n=-50dB:d=0.05', '-f', 'null', '-'],
			{
				encoding: 'utf8',
			},
		);
		// The sounding stretches are what lies between silencedetect's silences.
		const edges = [...stderr.matchAll(/silence_(start|end): (-?[\d.]+)/g)].map((m) => ({kind: m[1], at: Number(m[2])}));
		const sounds: [number, number][] = [];
		for (let i = 0; i < edges.length; i++) {
			const e = edges[i]!;
			const next = edges[i + 1];
			if (e.kind === 'end' && next?.kind === 'start') sounds.push([e.at, next.at]);
		}
		expect(sounds).toHaveLength(3);
		const expected: [number, number][] = [
			[0.2, 1.2],
			[2.2, 2.75],
			[4.2, 5.2],
		];
		sounds.forEach(([from, to], i) => {
			expect(Math.abs(from - expected[i]![0])).toBeLessThan(0.03);
			expect(Math.abs(to - expected[i]![1])).toBeLessThan(0.03);
		});
	}, 120_000);
});
