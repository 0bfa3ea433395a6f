import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser} from '@remotion/renderer';
import {afterAll, describe, expect, it} from 'vitest';
import {findTemplate} from '../../../compositions/registry';
import {storyboardV2Schema, type Scene, type Storyboard} from '../../../compositions/storyboard';
import {probe} from '../../../../test/support/ffprobe';
import {SAMPLES_DIR, TEST_DATA_DIR} from '../../../../test/support/test-env';
import {measureLoudness} from '../../voice/measure-loudness';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from '../browser';
import {createLocalRenderer} from '../local-renderer';
import {createWebRenderer, type WebRenderedVideo} from './create-web-renderer';
import {guardPageNetwork} from './guard-page-network';
import {framePsnr} from './frame-psnr';
import {captureUnlessWebEligible, type WebEligibilityFile} from './web-eligibility';
import {GATE_ENCODING, WEB_PSNR_THRESHOLD_DB, webFidelity} from './web-fidelity';
import {openBlankPage} from '../../../../test/support/blank-page';

// The web renderer on its own (no gate): every template renders in the page.
const web = createWebRenderer({cacheDir: TEST_DATA_DIR, captureTemplates: () => null, bitsPerPixel: GATE_ENCODING.webBitsPerPixel});
const capture = createLocalRenderer({cacheDir: TEST_DATA_DIR, encoding: GATE_ENCODING.capture});
const out = mkdtempSync(join(tmpdir(), 'promptreel-web-render-'));
afterAll(async () => {
	await Promise.all([web.close(), capture.close()]);
	rmSync(out, {recursive: true, force: true});
});

/**
 * 60 frames of the explainer that pass through every part it paints: a Ken Burns image under a
 * scrim and a title, a clip, orbs with an icon, the gradient glow, fade, slide and wipe,
 * captions, a mono narration and the end card. The full samples are gated by
 * scripts/update-web-eligibility.ts, not here.
 */
const gateFixture = (): Storyboard => {
	const square = findTemplate('explainer')?.samples.square;
	if (!square) throw new Error('The explainer has no square sample');
	const [image, clip, procedural] = square.scenes as [Scene, Scene, Scene];
	const short = (
		scene: Scene,
		id: string,
		visual: Scene['visual'],
		transition: Scene['transition']['type'],
		keepVoice: boolean,
	): Scene => ({
		...scene,
		id,
		visual,
		durationMs: 600,
		transition: {type: transition, direction: 'from-right', durationMs: transition === 'none' ? 0 : 300},
		narration: keepVoice ? scene.narration : {...scene.narration, audio: null},
		captions: scene.captions.filter((c) => c.endMs <= 600),
	});
	return storyboardV2Schema.parse({
		...square,
		scenes: [
			short(image, 'image', image.visual, 'fade', true),
			short(clip, 'clip', clip.visual, 'slide', false),
			short(procedural, 'orbs', {kind: 'procedural', style: 'orbs', icon: 'samples/icon-spark.svg', extraIcons: []}, 'wipe', false),
			short(procedural, 'glow', {kind: 'procedural', style: 'gradient', icon: null, extraIcons: []}, 'none', false),
		],
		endCard: {...square.endCard, durationMs: 500},
	});
};

describe('web renderer vs capture renderer (real renders at 360p)', () => {
	it('explainer, 60 frames: same streams, length and loudness both ways; the gate verdict matches the committed one', async () => {
		const storyboard = gateFixture();
		const r = await webFidelity({template: 'explainer', sample: 'gate-fixture', storyboard, web, capture, outDir: out, quality: 'draft'});
		const [w, c] = [probe(r.webFile), probe(r.captureFile)];
		expect(r.frames).toBe(60);
		expect(w.video.codec).toBe('h264');
		expect(w.audio?.codec).toBe('aac');
		expect([w.video.width, w.video.height]).toEqual([c.video.width, c.video.height]);
		expect(w.video.frames).toBe(c.video.frames);
		expect(Math.abs(w.durationSec - c.durationSec)).toBeLessThan(1 / r.fps + 0.05);
		expect(Math.abs((w.audio?.durationSec ?? 0) - (c.audio?.durationSec ?? 0))).toBeLessThan(0.15);
		// A mono narration is as loud on both paths (ffmpeg's -3 dB mono-to-stereo upmix).
		const [lw, lc] = await Promise.all([
			measureLoudness({file: r.webFile, truePeak: false}),
			measureLoudness({file: r.captureFile, truePeak: false}),
		]);
		expect(
			Math.abs((lw.integratedLufs ?? -99) - (lc.integratedLufs ?? 0)),
			`web ${lw.integratedLufs} LUFS, capture ${lc.integratedLufs} LUFS`,
		).toBeLessThan(1);
		expect(r.comparedFrames).toBe(c.video.frames);
		// Both renderers paint the same picture (39.2 dB at the worst frame in YUV on 2026-12-03): a
		// dropped element, a wrong colour space or a frame out of step costs 10 dB or more. Whether the
		// template may use the web path is the committed gate's word, over whole samples
		// (web-fidelity.test.ts checks that file); this 60-frame fixture does not decide it.
		expect(r.minPsnr, `min ${r.minPsnr} dB at frame ${r.worstFrame}`).toBeGreaterThan(35);
		expect(r.meanPsnr).toBeGreaterThan(38);
		expect(r.passed).toBe(r.minPsnr >= WEB_PSNR_THRESHOLD_DB);
		// Nothing left the page: the usage report was refused before it was sent, nothing else tried.
		const video = r.webVideo as WebRenderedVideo;
		expect(video.renderer).toBe('web');
		expect(video.outboundRequests).toEqual([]);
		expect(video.refusedRequests.every((u) => u.startsWith('https://www.remotion.pro/'))).toBe(true);
	}, 300_000);
});

describe('offline', () => {
	it('the page guard fails and records a request to a non-loopback address', async () => {
		const executable = resolveBrowserExecutableSync();
		if (!executable) throw new Error('No Chromium: install it (apt-get install -y chromium)');
		const browser = await openBrowser('chrome', {browserExecutable: executable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
		try {
			const page = await openBlankPage(browser);
			const guard = await guardPageNetwork(page);
			// 203.0.113.0/24 is TEST-NET-3: never routed, so only the guard can answer quickly.
			const outcome = await page.evaluate(() =>
				fetch('http://203.0.113.7/usage').then(
					() => 'reached',
					(e: Error) => `failed: ${e.message}`,
				),
			);
			expect(outcome).toMatch(/^failed/);
			expect(guard.outbound()).toEqual(['http://203.0.113.7/usage']);
			await guard.dispose();
			await page.close();
		} finally {
			await browser.close({silent: true});
		}
	});
});

/** The kinetic square sample's first second: three words spoken, the page and its bands drawn. */
const kineticSecond = (): Storyboard => {
	const sample = findTemplate('kinetic')?.samples.square;
	if (!sample) throw new Error('kinetic has no square sample');
	const [scene] = sample.scenes as [Scene];
	return storyboardV2Schema.parse({
		...sample,
		scenes: [{...scene, durationMs: 1000, captions: scene.captions.filter((c) => c.endMs <= 1000)}],
		endCard: {...sample.endCard, enabled: false},
	});
};

/** The captioned-clip landscape sample's first second: the Mandelbrot clip under the hook sticker and captions. */
const clipSecond = (): Storyboard => {
	const sample = findTemplate('captioned-clip')?.samples.landscape;
	if (!sample) throw new Error('captioned-clip has no landscape sample');
	const [scene] = sample.scenes as [Scene];
	if (scene.visual.kind !== 'video') throw new Error('the first scene of captioned-clip/landscape is no longer a clip');
	return storyboardV2Schema.parse({
		...sample,
		scenes: [{...scene, durationMs: 1000, captions: scene.captions.filter((c) => c.endMs <= 1000)}],
		endCard: {...sample.endCard, enabled: false},
	});
};

describe("Chromium's HTML-in-canvas painter", () => {
	it('paints a clip at the size of its frame, as the capture renderer does', async () => {
		// Chromium draws a nested <canvas> (the clip) at its pixel size under drawElementImage and
		// ignores its CSS size: SceneVideo sizes it by a transform. Without that the clip filled a
		// third of the frame (13 dB at worst on 2026-12-04); with it 40-50 dB.
		const native = createWebRenderer({
			cacheDir: TEST_DATA_DIR,
			captureTemplates: () => null,
			paint: () => 'html-in-canvas',
			bitsPerPixel: GATE_ENCODING.webBitsPerPixel,
		});
		try {
			const storyboard = clipSecond();
			const r = await webFidelity({template: 'captioned-clip', sample: 'clip-second', storyboard, web: native, capture, outDir: out});
			expect(r.comparedFrames).toBe(30);
			expect(r.minPsnr, `min ${r.minPsnr} dB at frame ${r.worstFrame}`).toBeGreaterThan(33);
			expect(r.webVideo as WebRenderedVideo).toMatchObject({renderer: 'web', paint: 'html-in-canvas'});
			// The poster through the same painter (renderStillOnWeb with allowHtmlInCanvas).
			const [onWeb, byCapture] = [join(out, 'clip-poster-web.jpg'), join(out, 'clip-poster-capture.jpg')];
			await native.renderPoster({storyboard, mediaDir: SAMPLES_DIR, outFile: onWeb, quality: 'draft', frame: 15});
			await capture.renderPoster({storyboard, mediaDir: SAMPLES_DIR, outFile: byCapture, quality: 'draft', frame: 15});
			const [poster] = await framePsnr({file: onWeb, reference: byCapture});
			expect(poster?.psnr, 'poster PSNR web vs capture').toBeGreaterThan(30);
		} finally {
			await native.close();
		}
	}, 300_000);
});

describe('the committed gate chooses the path', () => {
	it('renders kinetic, which passed the gate (web-eligibility.json), in the page', async () => {
		const storyboard = kineticSecond();
		const gated = createWebRenderer({cacheDir: TEST_DATA_DIR});
		try {
			const video = (await gated.renderVideo({
				storyboard,
				mediaDir: SAMPLES_DIR,
				outFile: join(out, 'kinetic.mp4'),
				quality: 'draft',
			})) as WebRenderedVideo;
			expect(video.renderer).toBe('web');
			expect(video.note ?? null).toBeNull();
			expect(video.outboundRequests).toEqual([]);
			const p = probe(video.file);
			expect([p.video.codec, p.video.width, p.video.height, p.video.frames]).toEqual(['h264', 360, 360, 30]);
		} finally {
			await gated.close();
		}
	}, 300_000);
});

describe('fallback to capture', () => {
	it('renders a template that failed the gate with the capture renderer and says why', async () => {
		const failing: WebEligibilityFile = {
			generatedAt: '2026-12-02T00:00:00.000Z',
			thresholdDb: WEB_PSNR_THRESHOLD_DB,
			quality: 'draft',
			sourceHash: 'test',
			templates: {
				explainer: {
					eligible: false,
					reason: 'Template "explainer" failed the web fidelity gate (< 38 dB: square 21 dB at frame 12); rendered by the capture renderer',
					samples: {square: {minPsnr: 21, meanPsnr: 30, worstFrame: 12, framesBelow: 40, comparedFrames: 100}},
				},
			},
		};
		const gated = createWebRenderer({cacheDir: TEST_DATA_DIR, captureTemplates: captureUnlessWebEligible(failing)});
		try {
			// One scene and the end card; its transition into the end card is cut (the card is too short for it).
			const [first] = gateFixture().scenes as [Scene];
			const storyboard = {...gateFixture(), scenes: [{...first, transition: {...first.transition, type: 'none' as const, durationMs: 0}}]};
			const video = await gated.renderVideo({storyboard, mediaDir: SAMPLES_DIR, outFile: join(out, 'fallback.mp4'), quality: 'draft'});
			expect(video.renderer).toBe('local');
			expect(video.note).toMatch(/failed the web fidelity gate/);
			const p = probe(video.file);
			expect([p.video.codec, p.audio?.codec]).toEqual(['h264', 'aac']);
			expect(p.video.frames).toBe(video.frames);
		} finally {
			await gated.close();
		}
	}, 300_000);
});

describe('posters', () => {
	it('paints the poster of a gated template in the page, the same picture as the capture renderer', async () => {
		const storyboard = kineticSecond();
		const gated = createWebRenderer({cacheDir: TEST_DATA_DIR});
		try {
			const [onWeb, byCapture] = [join(out, 'poster-web.jpg'), join(out, 'poster-capture.jpg')];
			await gated.renderPoster({storyboard, mediaDir: SAMPLES_DIR, outFile: onWeb, quality: 'draft', frame: 20});
			await capture.renderPoster({storyboard, mediaDir: SAMPLES_DIR, outFile: byCapture, quality: 'draft', frame: 20});
			const p = probe(onWeb);
			expect([p.video.codec, p.video.width, p.video.height]).toEqual(['mjpeg', 360, 360]);
			const [frame] = await framePsnr({file: onWeb, reference: byCapture});
			// 44 dB on 2026-12-04; a poster of another frame or a blank page is below 25.
			expect(frame?.psnr, 'poster PSNR web vs capture').toBeGreaterThan(36);
		} finally {
			await gated.close();
		}
	}, 300_000);
});

describe('other fallbacks to capture', () => {
	/** Renders kineticSecond() with a web renderer of these options; it must come back from capture. */
	const renderByFallback = async (options: Partial<Parameters<typeof createWebRenderer>[0]>, name: string) => {
		const renderer = createWebRenderer({cacheDir: TEST_DATA_DIR, ...options});
		try {
			const video = await renderer.renderVideo({
				storyboard: kineticSecond(),
				mediaDir: SAMPLES_DIR,
				outFile: join(out, name),
				quality: 'draft',
			});
			expect(video.renderer).toBe('local');
			expect(probe(video.file).video.frames).toBe(30);
			return video;
		} finally {
			await renderer.close();
		}
	};

	it('chunked renders (PROMPTREEL_RENDER_CHUNK_SEC) go to the capture renderer, chunks cached, with a note', async () => {
		const video = await renderByFallback({chunkSeconds: 0.5}, 'chunked.mp4');
		expect(video.note).toMatch(/PROMPTREEL_RENDER_CHUNK_SEC=0.5/);
		expect(video.chunks?.total).toBe(2);
	}, 300_000);

	it('a page that cannot render falls back to the capture renderer and says why', async () => {
		// A negative bitrate is refused by the page's encoder setup: a real failure in the page.
		const video = await renderByFallback({bitsPerPixel: -1}, 'broken.mp4');
		expect(video.note).toMatch(
			/^Rendering the video in the page failed: TypeError: config.bitrate.+ Rendered by the capture renderer instead\.$/,
		);
	}, 300_000);
});
