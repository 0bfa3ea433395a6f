import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {renderMedia, selectComposition} from '@remotion/renderer';
import {afterAll, describe, expect, it} from 'vitest';
import {storyboardSchema} from '../src/compositions/storyboard';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from '../src/pipeline/render/browser';
import {getBundle} from '../src/pipeline/render/bundle-cache';
import {startMediaServer} from '../src/pipeline/render/media-server';
import {mediaSearchPath, withMediaBaseUrl} from '../src/pipeline/render/storyboard-media';
import {TEST_DATA_DIR} from './support/test-env';

// Issue 15 item 6, measured on a render: the music stays ducked across a pause in the speech under
// 1.5 s (README.md, "Music") instead of pumping, and rises in a longer one. Audio only (wav codec, no
// frames captured), 10 fps, narration files of digital silence so the mix is the music alone while
// the captions say "speaking".

const work = mkdtempSync(join(tmpdir(), 'promptreel-ducking-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const WINDOW_MS = 100;
/** Speech 0.2-1.7 s in every scene; scene lengths leave a 1.0 s pause, then a 2.5 s one. */
const scene = (id: string, durationMs: number) => ({
	id,
	title: null,
	visual: {kind: 'procedural', style: 'waves', icon: null},
	transition: {type: 'none', direction: 'from-right', durationMs: 0},
	narration: {text: 'Hush.', audio: 'media/silence.wav', offsetMs: 200},
	durationMs,
	durationSource: 'user',
	captions: [{text: 'Hush.', startMs: 200, endMs: 1700, timestampMs: 900, confidence: 1}],
});

/** RMS level (dBFS) of each 100 ms of a mono 48 kHz render, by ffmpeg's astats. */
const rmsWindows = (file: string): number[] => {
	const out = execFileSync(
		'ffmpeg',
		[
			'-hide_banner',
			'-nostdin',
			'-i',
			file,
			'-af',
			`aformat=channel_layouts=mono:sample_rates=48000,asetnsamples=n=${(48000 * WINDOW_MS) / 1000}:p=0,astats=metadata=1:reset=1,ametadata=print:key=lavfi.astats.Overall.RMS_level:file=-`,
			'-f',
			'null',
			'-',
		],
		{encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']},
	);
	return [...out.matchAll(/RMS_level=(-?[\d.]+|-inf)/g)].map((m) => (m[1] === '-inf' ? -120 : Number(m[1])));
};

describe('music ducking measured on an audio-only render', () => {
	it('stays ducked (<= 3 dB change) across a 1.0 s pause, audibly, and rises in a 2.5 s one', async () => {
		const media = join(work, 'media');
		mkdirSync(media);
		execFileSync('ffmpeg', [
			'-hide_banner',
			'-loglevel',
			'error',
			'-f',
			'lavfi',
			'-i',
			'anullsrc=r=48000:cl=mono',
			'-t',
			'1.5',
			join(media, 'silence.wav'),
		]);
		const storyboard = storyboardSchema.parse({
			version: 2,
			title: 'Ducking',
			template: 'explainer',
			language: 'en',
			format: {aspect: '16:9', resolution: '360p', fps: 10},
			music: {src: 'music/calm-pad.mp3', volume: 0.25, duckedVolume: 0.08, fadeOutMs: 500, durationMs: 24_000},
			captionStyle: {enabled: false},
			endCard: {enabled: false, title: null, durationMs: 2000},
			scenes: [scene('a', 2500), scene('b', 4000), scene('c', 2200)],
		});
		const server = await startMediaServer();
		const base = server.mount(mediaSearchPath(work));
		const {serveUrl} = await getBundle({cacheDir: TEST_DATA_DIR});
		const inputProps = withMediaBaseUrl(storyboard, base);
		const browser = {browserExecutable: resolveBrowserExecutableSync(), chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'} as const;
		const composition = await selectComposition({
			serveUrl,
			id: 'explainer',
			inputProps,
			...browser,
		});
		const out = join(work, 'mix.wav');
		try {
			await renderMedia({
				serveUrl,
				composition,
				inputProps,
				codec: 'wav',
				outputLocation: out,
				...browser,
			});
		} finally {
			server.unmount(base);
			await server.close();
		}
		const rms = rmsWindows(out);
		// Levels averaged as power, in dBFS: the pad's own swell from one 100 ms to the next is no pumping.
		const level = (fromMs: number, toMs: number) => {
			const xs = rms.slice(fromMs / WINDOW_MS, toMs / WINDOW_MS);
			return 10 * Math.log10(xs.reduce((a, x) => a + 10 ** (x / 10), 0) / xs.length);
		};
		// The speech a second either side of the 1.0 s pause (1.7-2.7 s), after the fade-in.
		const ducked = level(700, 1700) / 2 + level(2700, 3700) / 2;
		// The loudest 300 ms of that pause, and the middle of the 2.5 s pause (4.2-6.7 s) once the ramp is done.
		const pauseMax = Math.max(...[1700, 1800, 1900, 2000, 2100, 2200, 2300, 2400].map((t) => level(t, t + 300)));
		const open = level(4800, 6100);
		console.log(
			`ducked ${ducked.toFixed(1)} dBFS; loudest 300 ms of the 1.0 s pause ${pauseMax.toFixed(1)} dBFS (${(pauseMax - ducked).toFixed(1)} dB); middle of the 2.5 s pause ${open.toFixed(1)} dBFS (+${(open - ducked).toFixed(1)} dB)`,
		);
		expect(Math.abs(pauseMax - ducked)).toBeLessThanOrEqual(3);
		expect(ducked).toBeGreaterThan(-45);
		// The measure sees a real rise: 0.25 against 0.08 is ~10 dB.
		expect(open - ducked).toBeGreaterThan(7);
	}, 120_000);
});
