import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {SCENES_PER_BLOCK} from '../src/compositions/components/scene-series';
import {seriesBlocks} from '../src/compositions/components/series-blocks';
import {findTemplate} from '../src/compositions/registry';
import {computeTimeline, type Storyboard} from '../src/compositions/storyboard';
import {createLocalRenderer} from '../src/pipeline/render';
import {probe} from './support/ffprobe';
import {TEST_DATA_DIR} from './support/test-env';

// A storyboard longer than one block of scenes (SceneSeries mounts only the block around the
// current frame): real Remotion stills (360p) on either side of the frame where the second block
// takes over must be the frames one series over the same scenes draws. The reference is the
// storyboard's tail, short enough for one block: the same scenes at the same scene-local frames
// (the explainer seeds a scene's background by its index, so the tail's seed makes up the shift).
const renderer = createLocalRenderer({cacheDir: TEST_DATA_DIR});
const out = mkdtempSync(join(tmpdir(), 'promptreel-long-'));
afterAll(async () => {
	await renderer.close();
	rmSync(out, {recursive: true, force: true});
});

const sample = findTemplate('explainer')!.samples.landscape!;
const scenes: Storyboard['scenes'] = Array.from({length: SCENES_PER_BLOCK + 3}, (_, i) => {
	const scene = sample.scenes[i % sample.scenes.length]!;
	return {...scene, id: `${scene.id}-${i}`};
});
const storyboard: Storyboard = {...sample, scenes, endCard: {...sample.endCard, enabled: true}};
/** Scenes dropped from the front for the reference (a multiple of the sample's scene count). */
const DROPPED = 6;
const tail: Storyboard = {...storyboard, scenes: scenes.slice(DROPPED), seed: storyboard.seed + DROPPED * 7919};
const mediaDir = join(process.cwd(), 'src/compositions/templates/explainer/samples');

const still = async (sb: Storyboard, frame: number): Promise<Buffer> => {
	const file = join(out, `${sb.scenes.length}-${frame}.png`);
	await renderer.renderPoster({storyboard: sb, mediaDir, outFile: file, quality: 'draft', frame});
	expect(probe(file).video.height).toBe(360);
	return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {maxBuffer: 64 << 20});
};

/** Mean absolute difference per channel between two frames (0-255). */
const difference = (a: Buffer, b: Buffer): number => {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
	return sum / a.length;
};

describe('a storyboard longer than one block of scenes (real stills, 360p)', () => {
	const timeline = computeTimeline(storyboard);
	const items = [...timeline.scenes, ...(timeline.endCard ? [timeline.endCard] : [])];
	const blocks = seriesBlocks(items, SCENES_PER_BLOCK);

	it('is cut into blocks, the second taking over when the last scene of the first has ended', () => {
		expect(blocks.length).toBe(2);
		const lastOfFirst = timeline.scenes[SCENES_PER_BLOCK - 1]!;
		expect(blocks[1]!.from).toBe(lastOfFirst.startFrame + lastOfFirst.durationInFrames);
	});

	it('draws the frames around the boundary as one series over the same scenes does, and the end card', async () => {
		expect(seriesBlocks([...computeTimeline(tail).scenes, computeTimeline(tail).endCard!], SCENES_PER_BLOCK).length).toBe(1);
		const boundary = blocks[1]!.from;
		const shift = timeline.scenes[DROPPED]!.startFrame;
		for (const frame of [boundary - 1, boundary, boundary + 1]) {
			const [long, reference] = [await still(storyboard, frame), await still(tail, frame - shift)];
			// Near-lossless stills of the same picture: at most rasterization's last bits differ.
			expect(difference(long, reference), `frame ${frame}`).toBeLessThan(0.5);
			expect(long.reduce((s, v) => s + v, 0) / long.length).toBeGreaterThan(8);
		}
		const endCard = await still(storyboard, timeline.endCard!.startFrame + Math.round(timeline.endCard!.durationInFrames / 2));
		const reference = await still(tail, timeline.endCard!.startFrame - shift + Math.round(timeline.endCard!.durationInFrames / 2));
		expect(difference(endCard, reference)).toBeLessThan(0.5);
	});
});
