import {mkdtempSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {computeTimeline, storyboardSchema} from '../../compositions/storyboard';
import {probe} from '../../../test/support/ffprobe';
import {SAMPLES_DIR, TEST_DATA_DIR} from '../../../test/support/test-env';
import {RenderCancelledError} from '../errors';
import {createLocalRenderer} from './local-renderer';

const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-render-'));
afterAll(async () => {
	await renderer.close();
	rmSync(out, {recursive: true, force: true});
});

const loadSample = async (name: string) => storyboardSchema.parse(JSON.parse(await readFile(join(SAMPLES_DIR, `${name}.json`), 'utf8')));

describe('local renderer (real Remotion renders at 360p)', () => {
	it.each([
		['portrait', 360, 640],
		['square', 360, 360],
	])('renders the %s sample to an h264 mp4 with narration', async (name, width, height) => {
		const sample = await loadSample(name);
		// The portrait sample at 10 fps: any frame rate renders, and fewer frames cost less CI time.
		const storyboard = name === 'portrait' ? {...sample, format: {...sample.format, fps: 10}} : sample;
		const file = join(out, `${name}.mp4`);
		const stages = new Set<string>();
		const result = await renderer.renderVideo({
			storyboard,
			mediaDir: SAMPLES_DIR,
			outFile: file,
			quality: 'draft',
			onProgress: (p) => stages.add(p.stage),
		});
		const p = probe(file);
		expect(p.video.codec).toBe('h264');
		expect([p.video.width, p.video.height]).toEqual([width, height]);
		expect(p.video.frames).toBe(computeTimeline(storyboard).durationInFrames);
		expect(result.frames).toBe(p.video.frames);
		expect(p.audio?.codec).toBe('aac');
		expect(Math.abs((p.audio?.durationSec ?? 0) - p.video.durationSec)).toBeLessThan(0.15);
		expect(stages.has('rendering')).toBe(true);
	});

	it('renders a poster still', async () => {
		const storyboard = await loadSample('landscape');
		const file = join(out, 'poster.jpg');
		await renderer.renderPoster({storyboard, mediaDir: SAMPLES_DIR, outFile: file, quality: 'draft'});
		const bytes = await readFile(file);
		expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
		const p = probe(file);
		expect([p.video.width, p.video.height]).toEqual([640, 360]);
	});

	it('cancels a render without closing the shared browser', async () => {
		const storyboard = await loadSample('landscape');
		const controller = new AbortController();
		const rendering = renderer.renderVideo({
			storyboard,
			mediaDir: SAMPLES_DIR,
			outFile: join(out, 'cancelled.mp4'),
			quality: 'draft',
			signal: controller.signal,
			onProgress: (p) => {
				if (p.stage === 'rendering' && p.progress > 0.05) controller.abort();
			},
		});
		await expect(rendering).rejects.toBeInstanceOf(RenderCancelledError);
		// The same renderer (same browser) still works afterwards.
		const still = join(out, 'after-cancel.jpg');
		await renderer.renderPoster({storyboard, mediaDir: SAMPLES_DIR, outFile: still, quality: 'draft', frame: 0});
		expect((await readFile(still)).length).toBeGreaterThan(1000);
	});

	it('names the scene and path of a missing media file', async () => {
		const storyboard = await loadSample('landscape');
		storyboard.scenes[0]!.narration.audio = 'missing/narration.mp3';
		await expect(renderer.renderVideo({storyboard, mediaDir: SAMPLES_DIR, outFile: join(out, 'x.mp4'), quality: 'draft'})).rejects.toThrow(
			/scenes\.0 .*narration: media file "missing\/narration\.mp3" not found/,
		);
	});

	it('lists the valid templates for an unknown one', async () => {
		const storyboard = {...(await loadSample('landscape')), template: 'nope'};
		await expect(renderer.renderVideo({storyboard, mediaDir: SAMPLES_DIR, outFile: join(out, 'x.mp4'), quality: 'draft'})).rejects.toThrow(
			/Unknown template "nope"\. Valid templates: explainer/,
		);
	});
});
