import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBrowser} from '@remotion/renderer';
import {afterAll, describe, expect, it} from 'vitest';
import {templates} from '../../../compositions/registry';
import {probe} from '../../../../test/support/ffprobe';
import {SAMPLES_DIR, TEST_DATA_DIR} from '../../../../test/support/test-env';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from '../browser';
import {createLocalRenderer} from '../local-renderer';
import {createWebRenderer, type WebRenderedVideo} from './create-web-renderer';
import {guardPageNetwork} from './guard-page-network';
import {captureUnlessWebEligible, isWebEligible, type WebEligibilityFile} from './web-eligibility';
import {WEB_PSNR_THRESHOLD_DB, webFidelity} from './web-fidelity';

// The web renderer on its own (no gate): every template renders in the page.
const web = createWebRenderer({cacheDir: TEST_DATA_DIR, captureTemplates: () => null});
const capture = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-web-render-'));
afterAll(async () => {
	await Promise.all([web.close(), capture.close()]);
	rmSync(out, {recursive: true, force: true});
});

const cases = templates.flatMap((t) => Object.keys(t.samples).map((sample) => [t.id, sample] as const));

describe('web renderer vs capture renderer (real renders at 360p)', () => {
	it.each(cases)('%s/%s: same streams and length both ways; the gate verdict matches the committed one', async (template, sample) => {
		const r = await webFidelity({template, sample, web, capture, outDir: out, quality: 'draft'});
		const [w, c] = [probe(r.webFile), probe(r.captureFile)];
		expect(w.video.codec).toBe('h264');
		expect(w.audio?.codec).toBe('aac');
		expect([w.video.width, w.video.height]).toEqual([c.video.width, c.video.height]);
		expect(w.video.frames).toBe(c.video.frames);
		expect(Math.abs(w.durationSec - c.durationSec)).toBeLessThan(1 / r.fps + 0.05);
		expect(Math.abs((w.audio?.durationSec ?? 0) - (c.audio?.durationSec ?? 0))).toBeLessThan(0.15);
		expect(r.comparedFrames).toBe(c.video.frames);
		// The committed gate file decides the renderer: a fresh measurement must agree with it.
		expect(r.passed, `min ${r.minPsnr} dB at frame ${r.worstFrame}`).toBe(isWebEligible(template).eligible);
		// Nothing left the page: the usage report was refused before it was sent, nothing else tried.
		const video = r.webVideo as WebRenderedVideo;
		expect(video.renderer).toBe('web');
		expect(video.outboundRequests).toEqual([]);
		expect(video.refusedRequests.every((u) => u.startsWith('https://www.remotion.pro/'))).toBe(true);
	}, 600_000);
});

describe('offline', () => {
	it('the page guard fails and records a request to a non-loopback address', async () => {
		const executable = resolveBrowserExecutableSync();
		if (!executable) throw new Error('No Chromium: install it (apt-get install -y chromium)');
		const browser = await openBrowser('chrome', {browserExecutable: executable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error'});
		try {
			const page = await browser.newPage({context: () => null, logLevel: 'error', indent: false, pageIndex: 0, onBrowserLog: null, onLog: () => undefined});
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
			const storyboard = templates[0]!.samples.square!;
			const video = await gated.renderVideo({storyboard, mediaDir: SAMPLES_DIR, outFile: join(out, 'fallback.mp4'), quality: 'draft'});
			expect(video.renderer).toBe('local');
			expect(video.note).toMatch(/failed the web fidelity gate/);
			const p = probe(video.file);
			expect([p.video.codec, p.audio?.codec]).toEqual(['h264', 'aac']);
			expect(p.video.frames).toBe(video.frames);
		} finally {
			await gated.close();
		}
	}, 600_000);
});
