import {mkdtempSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {computeTimeline, storyboardSchema, type Storyboard} from '../../../compositions/storyboard';
import {audioResidualDb, meanVolumeDb, probe} from '../../../../test/support/ffprobe';
import {SAMPLES_DIR, TEST_DATA_DIR} from '../../../../test/support/test-env';
import {renderStoryboard} from '../../output';
import {createLocalRenderer} from '../local-renderer';
import {planSceneChunks, sceneSpans} from './plan-chunks';
import {runsOfNeighbours} from './render-chunked';
import {framePsnr} from '../web/frame-psnr';

// 2 s chunks at 10 fps: the 3-scene sample (~11 s) makes 6 chunks, so one scene's share is visible.
const CHUNK_SECONDS = 2;
const FPS = 10;
const FRAMES_PER_CHUNK = CHUNK_SECONDS * FPS;

const out = mkdtempSync(join(tmpdir(), 'promptreel-chunks-test-'));
// Near-lossless h264 both ways, so PSNR measures what was drawn, not two lossy encoders' noise
// (draft's CRF 28 gives ~37 dB between two encodes of the same frames).
const encoding = {crf: 12};
// The bundle from the tests' data dir; an empty chunk cache of its own, so counts do not depend on earlier runs.
const chunked = createLocalRenderer({cacheDir: TEST_DATA_DIR, chunkCacheDir: join(out, 'chunks'), chunkSeconds: CHUNK_SECONDS, encoding});
const onePass = createLocalRenderer({cacheDir: TEST_DATA_DIR, chunkSeconds: null, encoding});
afterAll(async () => {
	await Promise.all([chunked.close(), onePass.close()]);
	rmSync(out, {recursive: true, force: true});
});

const loadSample = async (): Promise<Storyboard> => {
	const sample = storyboardSchema.parse(JSON.parse(await readFile(join(SAMPLES_DIR, 'landscape.json'), 'utf8')));
	return {...sample, format: {...sample.format, fps: FPS}};
};

/** The chunks a render of `sb` is cut into. */
const chunksOf = (sb: Storyboard) =>
	planSceneChunks({storyboard: sb, durationInFrames: computeTimeline(sb).durationInFrames, framesPerChunk: FRAMES_PER_CHUNK});

/** How many chunks a scene's frames (widened by one each side) overlap. */
const chunksOfScene = (sb: Storyboard, index: number): number => {
	const span = sceneSpans(sb)[index]!;
	return chunksOf(sb).filter((c) => c.from <= span.to && c.to >= span.from).length;
};

describe('chunked render (real Remotion renders at 360p, 10 fps)', {timeout: 600_000}, () => {
	it("re-renders only the chunks of an edited scene's title, and the result matches a full render", async () => {
		const original = await loadSample();
		const total = chunksOf(original).length;
		const first = await chunked.renderVideo({
			storyboard: original,
			mediaDir: SAMPLES_DIR,
			outFile: join(out, 'first.mp4'),
			quality: 'draft',
		});
		// Every chunk missing: one render of the whole range, cut into chunks after.
		expect(first.chunks).toEqual({framesPerChunk: FRAMES_PER_CHUNK, total, rendered: total, reused: 0, renders: 1});

		const edited = structuredClone(original);
		edited.scenes[1]!.title = 'An edited title';
		// Through the one render path, so report.json is checked too (a fresh render cache: no whole-video hit).
		const dataDir = join(out, 'data');
		const result = await renderStoryboard({
			storyboard: edited,
			mediaDir: SAMPLES_DIR,
			outDir: join(out, 'edited'),
			quality: 'draft',
			renderer: chunked,
			dataDir,
			complete: false,
		});
		const expected = chunksOfScene(edited, 1);
		expect(expected).toBeLessThanOrEqual(total / 2);
		// The scene's chunks are neighbours: one render draws them all.
		expect(result.report.chunks).toEqual({
			framesPerChunk: FRAMES_PER_CHUNK,
			total,
			rendered: expected,
			reused: total - expected,
			renders: 1,
		});
		const report = JSON.parse(await readFile(result.files.report!, 'utf8')) as {chunks: unknown};
		expect(report.chunks).toEqual(result.report.chunks);

		const full = await onePass.renderVideo({storyboard: edited, mediaDir: SAMPLES_DIR, outFile: join(out, 'full.mp4'), quality: 'draft'});
		expect(full.chunks).toBeUndefined();
		const a = probe(result.files.video!);
		const b = probe(full.file);
		expect([a.video.codec, a.audio?.codec]).toEqual(['h264', 'aac']);
		expect([a.video.codec, a.audio?.codec]).toEqual([b.video.codec, b.audio?.codec]);
		expect([a.video.width, a.video.height, a.video.frames]).toEqual([b.video.width, b.video.height, b.video.frames]);
		expect(a.video.frames).toBe(computeTimeline(edited).durationInFrames);
		expect(Math.abs(a.durationSec - b.durationSec)).toBeLessThan(1 / FPS);
		expect(Math.abs((a.audio?.durationSec ?? 0) - (b.audio?.durationSec ?? 0))).toBeLessThan(0.05);
		const psnr = await framePsnr({file: result.files.video!, reference: full.file});
		expect(psnr).toHaveLength(b.video.frames);
		const mean = psnr.reduce((sum, f) => sum + Math.min(f.psnr, 100), 0) / psnr.length;
		expect(mean).toBeGreaterThanOrEqual(40);
		// Every frame, not just on average: a frame out of step at a cut costs 10-25 dB.
		expect(Math.min(...psnr.map((f) => f.psnr))).toBeGreaterThanOrEqual(40);
		// The sound too: chunk WAVs cut sample-exact and encoded once, against the one-pass AAC, whose
		// encoder delay is not trimmed (it plays 42.7 ms late); a silent or doubled chunk costs 8 dB.
		const sound = audioResidualDb(result.files.video!, full.file);
		expect(Math.abs(sound.lagMs), `lag ${sound.lagMs} ms`).toBeLessThan(50);
		expect(sound.differenceDb - sound.signalDb, `difference ${sound.differenceDb} dB, signal ${sound.signalDb} dB`).toBeLessThan(-15);
		// The edited title is in the new video: scene 2's frames differ from the first render's.
		const changed = await framePsnr({file: result.files.video!, reference: first.file});
		const timing = computeTimeline(edited).scenes[1]!;
		const mid = changed[timing.startFrame + Math.floor(timing.durationInFrames / 2)]!;
		expect(mid.psnr).toBeLessThan(35);
	});

	it('re-renders every chunk the music reaches when only its volume changes', async () => {
		// The first scene alone, 4 s, no end card: two chunks, music under the narration.
		const sample = await loadSample();
		const sb: Storyboard = {...sample, scenes: [{...sample.scenes[0]!, durationMs: 4000}], endCard: {...sample.endCard, enabled: false}};
		const louder = structuredClone(sb);
		louder.music = {...louder.music!, volume: 1, duckedVolume: 0.6};
		const before = await chunked.renderVideo({storyboard: sb, mediaDir: SAMPLES_DIR, outFile: join(out, 'before.mp4'), quality: 'draft'});
		const after = await chunked.renderVideo({
			storyboard: louder,
			mediaDir: SAMPLES_DIR,
			outFile: join(out, 'louder.mp4'),
			quality: 'draft',
		});
		// The music plays under every frame: no chunk may keep the old sound.
		expect(before.chunks?.total).toBe(2);
		expect(after.chunks).toMatchObject({total: 2, rendered: 2, reused: 0});
		expect(meanVolumeDb(after.file, 0.5, 4) - meanVolumeDb(before.file, 0.5, 4)).toBeGreaterThan(3);
	});
});

describe('runsOfNeighbours', () => {
	it('groups chunks to render into runs of neighbours', () => {
		const c = (index: number) => ({chunk: {index, from: index * 10, to: index * 10 + 9}});
		const runs = runsOfNeighbours([c(0), c(1), c(3), c(5), c(6), c(7)]);
		expect(runs.map((r) => r.map((m) => m.chunk.index))).toEqual([[0, 1], [3], [5, 6, 7]]);
		expect(runsOfNeighbours([])).toEqual([]);
	});
});
