import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {storyboardSchema, type Storyboard} from '../../compositions/storyboard';
import {probe} from '../../../test/support/ffprobe';
import {withExifOrientation} from '../../../test/support/exif-orientation';
import {ROOT} from '../../../test/support/test-env';
import {imageDimensions} from '../media/image-dimensions';
import {frameSizedSize, frameSizedMediaDir, withFrameSizedMedia} from './frame-sized-media';

const work = mkdtempSync(join(tmpdir(), 'promptreel-frame-sized-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const sample = async (template: string, name: string): Promise<Storyboard> =>
	storyboardSchema.parse(JSON.parse(await readFile(join(ROOT, 'src/compositions/templates', template, 'samples', `${name}.json`), 'utf8')));

const srcsOf = (sb: Storyboard, kind: 'video' | 'image') =>
	sb.scenes.flatMap((s) => [s.visual, ...s.shots.map((shot) => shot.visual)]).flatMap((v) => (v?.kind === kind ? [v.src] : []));
const videoSrcs = (sb: Storyboard) => srcsOf(sb, 'video');

describe('frameSizedSize', () => {
	it('covers the frame, keeps the aspect, rounds to even sides', () => {
		expect(frameSizedSize({width: 640, height: 640}, {width: 360, height: 360})).toEqual({width: 360, height: 360});
		// A 4K landscape clip for a 720p portrait frame: the height decides.
		expect(frameSizedSize({width: 3840, height: 2160}, {width: 720, height: 1280})).toEqual({width: 2276, height: 1280});
		expect(frameSizedSize({width: 3840, height: 2160}, {width: 1280, height: 720})).toEqual({width: 1280, height: 720});
	});

	it('leaves clips that are not much larger than the frame', () => {
		expect(frameSizedSize({width: 640, height: 640}, {width: 640, height: 360})).toBeNull();
		expect(frameSizedSize({width: 1920, height: 1080}, {width: 1920, height: 1080})).toBeNull();
		expect(frameSizedSize({width: 1400, height: 800}, {width: 1280, height: 720})).toBeNull();
	});
});

describe('withFrameSizedMedia (real ffmpeg)', () => {
	it('points clips larger than the draft frame at copies of the frame size, made once', async () => {
		// listicle's square sample shows the 640x640 bundled clips in a 360x360 draft frame.
		const storyboard = await sample('listicle', 'square');
		const before = structuredClone(storyboard);
		const cacheDir = join(work, 'cache');
		const r = await withFrameSizedMedia({storyboard, mediaDir: join(ROOT, 'public'), quality: 'draft', cacheDir});
		expect(storyboard).toEqual(before);
		expect(r.folders).toEqual([frameSizedMediaDir(cacheDir)]);
		const srcs = videoSrcs(r.storyboard);
		expect(srcs.length).toBeGreaterThan(0);
		for (const src of srcs) {
			expect(src).toMatch(/^[0-9a-f]{16}-360x360\.mp4$/);
			const p = probe(join(frameSizedMediaDir(cacheDir), src));
			expect([p.video.codec, p.video.width, p.video.height]).toEqual(['h264', 360, 360]);
			// Same length as the source (72 frames at 24 fps).
			expect(p.video.frames).toBe(72);
		}
		const file = join(frameSizedMediaDir(cacheDir), srcs[0] as string);
		const made = statSync(file).ino;
		const again = await withFrameSizedMedia({storyboard, mediaDir: join(ROOT, 'public'), quality: 'draft', cacheDir});
		expect(videoSrcs(again.storyboard)).toEqual(srcs);
		// Not made again (a new copy is a new file), only marked as used.
		expect(statSync(file).ino).toBe(made);
	});

	it('leaves the storyboard as it is when no clip is larger than the frame', async () => {
		const storyboard = await sample('listicle', 'square');
		const r = await withFrameSizedMedia({storyboard, mediaDir: join(ROOT, 'public'), quality: 'high', cacheDir: join(work, 'c2')});
		expect(r.storyboard).toBe(storyboard);
		expect(r.folders).toEqual([]);
	});

	it('renders with the original clip when a copy cannot be made', async () => {
		// A clip cut off after 4 KB: it cannot be read or copied; the other clip still gets its copy.
		const mediaDir = join(work, 'broken');
		const storyboard = await sample('listicle', 'square');
		mkdirSync(join(mediaDir, 'samples'), {recursive: true});
		const whole = readFileSync(join(ROOT, 'public/samples/life.mp4'));
		writeFileSync(join(mediaDir, 'samples/life.mp4'), whole.subarray(0, 4096));
		copyFileSync(join(ROOT, 'public/samples/zoom.mp4'), join(mediaDir, 'samples/zoom.mp4'));
		const r = await withFrameSizedMedia({storyboard, mediaDir, quality: 'draft', cacheDir: join(work, 'c3')});
		const srcs = videoSrcs(r.storyboard);
		expect(srcs).toContain('samples/life.mp4');
		expect(srcs.some((s) => /-360x360\.mp4$/.test(s))).toBe(true);
	});

	it('makes photos larger than the frame into PNGs of the cover size, and leaves a photo EXIF turns', async () => {
		// explainer's portrait sample shows 1280x1280 photos in a 360x640 draft frame: 640x640 covers it.
		const storyboard = await sample('explainer', 'portrait');
		const cacheDir = join(work, 'c4');
		const r = await withFrameSizedMedia({storyboard, mediaDir: join(ROOT, 'public'), quality: 'draft', cacheDir});
		const images = srcsOf(r.storyboard, 'image');
		expect(images.length).toBeGreaterThan(0);
		for (const src of images) {
			expect(src).toMatch(/^[0-9a-f]{16}-640x640\.png$/);
			expect(imageDimensions(readFileSync(join(frameSizedMediaDir(cacheDir), src)))).toEqual({width: 640, height: 640});
		}
		// The same photo with an EXIF orientation (6: turn a quarter clockwise) stays the original.
		const mediaDir = join(work, 'turned');
		const original = srcsOf(storyboard, 'image')[0] as string;
		mkdirSync(dirname(join(mediaDir, original)), {recursive: true});
		writeFileSync(join(mediaDir, original), withExifOrientation(readFileSync(join(ROOT, 'public', original)), 6));
		const turned = await withFrameSizedMedia({storyboard, mediaDir, quality: 'draft', cacheDir: join(work, 'c5')});
		expect(srcsOf(turned.storyboard, 'image')).toContain(original);
	});

	it("makes a clip drawn in a template's smaller box (promo's feature card) at that box's cover size", async () => {
		// promo's square sample: the hero's photo full frame, the feature's 640x640 clip in the card, which
		// at the 360x360 draft frame is 154.8 x 116.1 px (half the safe area's width, 3:4): 154x154 covers it.
		const storyboard = await sample('promo', 'square');
		const cacheDir = join(work, 'c7');
		const r = await withFrameSizedMedia({storyboard, mediaDir: join(ROOT, 'public'), quality: 'draft', cacheDir});
		const [feature] = videoSrcs(r.storyboard);
		expect(feature).toMatch(/^[0-9a-f]{16}-154x154\.mp4$/);
		const p = probe(join(frameSizedMediaDir(cacheDir), feature as string));
		expect([p.video.width, p.video.height, p.video.frames]).toEqual([154, 154, 72]);
		// The hero's photo covers the frame: its copy is frame-sized.
		expect(r.storyboard.scenes[0]?.visual).toMatchObject({kind: 'image', src: expect.stringMatching(/-360x360\.png$/)});
	});

	it('keeps its folder under the size cap, removing the copy unused the longest (not one used within the hour)', async () => {
		const storyboard = await sample('listicle', 'square');
		const cacheDir = join(work, 'c6');
		const dir = frameSizedMediaDir(cacheDir);
		const first = videoSrcs(
			(await withFrameSizedMedia({storyboard, mediaDir: join(ROOT, 'public'), quality: 'draft', cacheDir})).storyboard,
		);
		const [a, b] = [...new Set(first)] as [string, string];
		// Both clip copies last used two hours ago; b is gone and made again, which takes the folder past
		// the cap (the sample's photo copy, used now, stays either way).
		const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
		for (const n of [a, b]) utimesSync(join(dir, n), twoHoursAgo, twoHoursAgo);
		const bBytes = statSync(join(dir, b)).size;
		rmSync(join(dir, b));
		await withFrameSizedMedia({
			storyboard: onlyClip(storyboard, b, first),
			mediaDir: join(ROOT, 'public'),
			quality: 'draft',
			cacheDir,
			maxBytes: bBytes + 1,
		});
		expect(readdirSync(dir).filter((n) => n.endsWith('.mp4'))).toEqual([b]);
		// A copy used within the hour stays even past the cap.
		await withFrameSizedMedia({storyboard, mediaDir: join(ROOT, 'public'), quality: 'draft', cacheDir, maxBytes: 1});
		expect(
			readdirSync(dir)
				.filter((n) => n.endsWith('.mp4'))
				.sort(),
		).toEqual([a, b].sort());
	});
});

/** The storyboard with every clip replaced by the original that became `copy` (`copies`: a first run's srcs, in order). */
const onlyClip = (sb: Storyboard, copy: string, copies: string[]): Storyboard => {
	const original = videoSrcs(sb)[copies.indexOf(copy)] as string;
	const next = structuredClone(sb);
	for (const v of next.scenes.flatMap((s) => [s.visual, ...s.shots.map((shot) => shot.visual)])) {
		if (v?.kind === 'video') v.src = original;
	}
	return next;
};
