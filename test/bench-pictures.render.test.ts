import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser, type HeadlessBrowser} from '@remotion/renderer';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {visualsFps} from '../src/cli/commands/bench-templates';
import {findTemplate} from '../src/compositions/registry';
import {computeTimeline, frameSize, type Storyboard} from '../src/compositions/storyboard';
import {CHROMIUM_OPTIONS, getBundle, resolveBrowserExecutableSync, startMediaServer} from '../src/pipeline/render';
import type {MediaServer} from '../src/pipeline/render/media-server';
import {probe} from './support/ffprobe';
import {TEST_DATA_DIR} from './support/test-env';

// The bench's "pictures alone" render (bench-visuals), the floor the template rows are read
// against: a real 360p render of two one-second scenes, a photo then a clip, each shown full frame.
const sample = findTemplate('headline')!.samples.landscape!;
const [photo, clip] = sample.scenes;
const storyboard: Storyboard = {
	...sample,
	scenes: [photo!, clip!].map((scene) => ({
		...scene,
		durationMs: 1000,
		captions: [],
		transition: {...scene.transition, type: 'none' as const},
	})),
	endCard: {...sample.endCard, enabled: false},
};
const mediaDir = join(process.cwd(), 'src/compositions/templates/headline/samples');
const out = mkdtempSync(join(tmpdir(), 'promptreel-pictures-'));
const executable = resolveBrowserExecutableSync();
let browser: HeadlessBrowser;
let mediaServer: MediaServer;

beforeAll(async () => {
	if (!executable) throw new Error('Chromium is needed (.ci/run installs it)');
	browser = await openBrowser('chrome', {browserExecutable: executable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
	mediaServer = await startMediaServer();
});
afterAll(async () => {
	await mediaServer?.close();
	await browser?.close({silent: true});
	rmSync(out, {recursive: true, force: true});
});

const frameAt = (file: string, frame: number): Buffer =>
	execFileSync(
		'ffmpeg',
		['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
		{
			maxBuffer: 16 << 20,
		},
	);

const mean = (b: Buffer) => b.reduce((s, v) => s + v, 0) / b.length;
const spread = (b: Buffer) => {
	const m = mean(b);
	return Math.sqrt(b.reduce((s, v) => s + (v - m) ** 2, 0) / b.length);
};

describe("the bench renders a storyboard's pictures alone (real render, 360p)", () => {
	it("draws each scene's picture full frame for the storyboard's length", async () => {
		const {serveUrl} = await getBundle({cacheDir: TEST_DATA_DIR});
		const frames = computeTimeline(storyboard).durationInFrames;
		const file = join(out, 'pictures.mp4');
		const fps = await visualsFps({
			serveUrl,
			browser,
			browserExecutable: executable!,
			mediaServer,
			storyboard,
			mediaDir,
			cacheDir: TEST_DATA_DIR,
			size: {...frameSize(storyboard.format), fps: storyboard.format.fps, frames},
			quality: 'draft',
			outFile: file,
		});
		expect(fps).toBeGreaterThan(0);
		const video = probe(file).video;
		expect([video.width, video.height, video.frames]).toEqual([640, 360, frames]);
		const first = frameAt(file, Math.round(frames / 4));
		const second = frameAt(file, Math.round((frames * 3) / 4));
		// A picture, not the plain background: the photo's and the clip's pixels vary across the frame.
		expect(spread(first)).toBeGreaterThan(20);
		expect(spread(second)).toBeGreaterThan(20);
		// Two different pictures: the photo, then the clip.
		let diff = 0;
		for (let i = 0; i < first.length; i++) diff += Math.abs(first[i]! - second[i]!);
		expect(diff / first.length).toBeGreaterThan(20);
	});
});
