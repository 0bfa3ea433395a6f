import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, open, readdir, rename, rm, stat, utimes} from 'node:fs/promises';
import {join} from 'node:path';
import {RenderInternals} from '@remotion/renderer';
import {findTemplate} from '../../compositions/registry';
import {frameSize, type Storyboard} from '../../compositions/storyboard';
import {imageDimensions} from '../media/image-dimensions';
import {jpegOrientation} from '../media/jpeg-orientation';
import {probeMedia} from '../media/probe-media';
import {isRemoteMedia, mediaRefsOf, type MediaRef} from '../media/storyboard-media-refs';
import {resolveQuality, type Quality} from './quality';
import {findLocalMedia, mediaSearchPath, withMediaBaseUrl} from './storyboard-media';

/** Media is only made smaller when it is at least this much larger than its box needs. */
const SHRINK_BELOW = 0.8;

/** Copies kept past this many bytes are removed, least recently used first. */
export const FRAME_SIZED_MEDIA_MAX_BYTES = 1024 * 2 ** 20;

/** The folder (under a renderer's cache) the frame-sized copies live in; mounted first for a render. */
export const frameSizedMediaDir = (cacheDir: string): string => join(cacheDir, 'frame-sized-media');

type Size = {width: number; height: number};

/**
 * The size a picture is drawn at when it covers its box (the whole frame, or the smaller box its
 * template declares, e.g. promo's feature card). Null when it is not larger than that by enough
 * to be worth a copy. Both sides even (h264).
 */
export const frameSizedSize = (media: Size, box: Size): Size | null => {
	const scale = Math.max(box.width / media.width, box.height / media.height);
	if (scale > SHRINK_BELOW) return null;
	const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
	return {width: even(media.width * scale), height: even(media.height * scale)};
};

/** How each kind of media is measured and copied; null: this file is left as it is. */
type CopyPlan = {size: Size; extension: string; args: string[]};

const AREA = (size: Size) => ['-vf', `scale=${size.width}:${size.height}:flags=area`];

const planClip = async (file: string, box: Size): Promise<CopyPlan | null> => {
	const info = await probeMedia(file).catch(() => null);
	if (!info?.hasVideo || !info.width || !info.height) return null;
	const size = frameSizedSize({width: info.width, height: info.height}, box);
	if (!size) return null;
	// Near-lossless, a keyframe every 30 frames so seeking in the page stays cheap, audio as it was.
	const video = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '12', '-pix_fmt', 'yuv420p', '-g', '30'];
	return {size, extension: 'mp4', args: [...AREA(size), ...video, '-c:a', 'copy', '-movflags', '+faststart']};
};

/** The first 64 KB of a file: enough for an image's header and its EXIF block. */
const head = async (file: string): Promise<Uint8Array> => {
	const handle = await open(file, 'r');
	try {
		const buf = new Uint8Array(64 * 1024);
		const {bytesRead} = await handle.read(buf, 0, buf.length, 0);
		return buf.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
};

const planImage = async (file: string, box: Size): Promise<CopyPlan | null> => {
	// JPEG and PNG only (Remotion's ffmpeg reads both; GIFs move, SVGs have no pixels to spare).
	if (!/\.(jpe?g|png)$/i.test(file)) return null;
	const bytes = await head(file);
	const dims = imageDimensions(bytes);
	// A photo to be turned by its EXIF orientation is left to the browser, which turns it.
	if (!dims || jpegOrientation(bytes) !== 1) return null;
	const size = frameSizedSize(dims, box);
	if (!size) return null;
	// PNG: no second lossy generation; at the frame's size it stays small.
	const pixels = /\.png$/i.test(file) ? 'rgba' : 'rgb24';
	return {size, extension: 'png', args: [...AREA(size), '-frames:v', '1', '-pix_fmt', pixels]};
};

/** One copy per source file and size, made once per process even when renders ask at the same time. */
const making = new Map<string, Promise<void>>();

const makeCopy = async (from: string, to: string, plan: CopyPlan) => {
	const part = `${to}.part-${process.pid}.${plan.extension}`;
	try {
		await RenderInternals.callFf({
			bin: 'ffmpeg',
			args: ['-hide_banner', '-loglevel', 'error', '-i', from, ...plan.args, '-y', part],
			indent: false,
			logLevel: 'error',
			binariesDirectory: null,
			cancelSignal: undefined,
		});
		await rename(part, to);
	} finally {
		await rm(part, {force: true}).catch(() => undefined);
	}
};

/** The copy's file name for a media reference, made if needed; null: the reference stays as it is. */
const frameSizedCopy = async (ref: MediaRef, mediaDir: string, box: Size, dir: string, maxBytes: number): Promise<string | null> => {
	if ((ref.kind !== 'video' && ref.kind !== 'image') || isRemoteMedia(ref.src)) return null;
	const file = findLocalMedia(ref.src, mediaDir);
	if (!file) return null;
	const plan = await (ref.kind === 'video' ? planClip(file, box) : planImage(file, box)).catch(() => null);
	if (!plan) return null;
	const {size: bytes, mtimeMs} = await stat(file);
	const key = createHash('sha256').update(`${file}\n${bytes}\n${mtimeMs}`).digest('hex').slice(0, 16);
	const name = `${key}-${plan.size.width}x${plan.size.height}.${plan.extension}`;
	const target = join(dir, name);
	if (existsSync(target)) {
		// Marked as used, so the size cap removes copies no render has asked for the longest.
		const now = new Date();
		await utimes(target, now, now).catch(() => undefined);
		return name;
	}
	await mkdir(dir, {recursive: true});
	let pending = making.get(target);
	if (!pending) {
		pending = makeCopy(file, target, plan).finally(() => making.delete(target));
		making.set(target, pending);
	}
	// A copy that cannot be made leaves the media as it is: the render goes on with the original.
	const made = await pending.then(
		() => true,
		() => false,
	);
	if (made) await evictPast(dir, maxBytes, target);
	return made ? name : null;
};

/** A copy used this recently may be in a render still running: it is never removed. */
const IN_USE_MS = 60 * 60 * 1000;

/** Removes the least recently used copies until the folder holds at most `maxBytes` (never `keep`, nor one in use). */
const evictPast = async (dir: string, maxBytes: number, keep: string) => {
	const names = await readdir(dir).catch(() => [] as string[]);
	const files = (
		await Promise.all(
			names
				.filter((n) => !n.includes('.part-'))
				.map(async (n) => {
					const s = await stat(join(dir, n)).catch(() => null);
					return s ? {path: join(dir, n), bytes: s.size, used: s.mtimeMs} : null;
				}),
		)
	).filter((f) => f !== null);
	let total = files.reduce((sum, f) => sum + f.bytes, 0);
	for (const f of files.sort((a, b) => a.used - b.used)) {
		if (total <= maxBytes) break;
		if (f.path === keep || f.used > Date.now() - IN_USE_MS) continue;
		await rm(f.path, {force: true}).catch(() => undefined);
		total -= f.bytes;
	}
};

/**
 * The box each media reference is drawn in at most: its scene's box when the storyboard's template
 * declares one (`mediaBoxes`), else the whole frame.
 */
const mediaBoxOf = (storyboard: Storyboard, frame: Size): ((ref: MediaRef) => Size) => {
	const boxes = findTemplate(storyboard.template)?.mediaBoxes?.(storyboard, frame) ?? [];
	const index = new Map(storyboard.scenes.map((scene, i) => [scene.id, i]));
	return (ref) => {
		const i = ref.sceneId === null ? undefined : index.get(ref.sceneId);
		return (i === undefined ? undefined : boxes[i]) ?? frame;
	};
};

/**
 * A copy of the storyboard whose local clips and photos larger than the box they are drawn in
 * (the output frame, or a smaller box the template declares) point at copies made at that box's
 * cover size (cached under the renderer's cache folder, keyed by the source
 * file and the size), and the folder to mount before the storyboard's own. Decoding a 4K clip for
 * a 720p frame costs the page time and memory; and the capture and web renderers shrink a picture
 * drawn at a third of its size with different filters (docs/web-fidelity.md, "seventh round"):
 * from about the frame's size, area-averaged, they draw the same pixels. Remote media, SVGs, GIFs
 * and media not larger than the frame are left as they are.
 */
export const withFrameSizedMedia = async (o: {
	storyboard: Storyboard;
	mediaDir: string;
	quality: Quality;
	/** The renderer's cache folder (the copies go to frameSizedMediaDir(cacheDir)). */
	cacheDir: string;
	/** Size cap of the copies' folder (default FRAME_SIZED_MEDIA_MAX_BYTES). */
	maxBytes?: number;
}): Promise<{storyboard: Storyboard; folders: string[]}> => {
	const frame = resolveQuality(o.quality, frameSize(o.storyboard.format));
	const dir = frameSizedMediaDir(o.cacheDir);
	const copy = structuredClone(o.storyboard);
	const boxOf = mediaBoxOf(copy, frame);
	let changed = false;
	for (const ref of mediaRefsOf(copy)) {
		const name = await frameSizedCopy(ref, o.mediaDir, boxOf(ref), dir, o.maxBytes ?? FRAME_SIZED_MEDIA_MAX_BYTES);
		if (!name) continue;
		ref.set(name);
		changed = true;
	}
	return {storyboard: changed ? copy : o.storyboard, folders: changed ? [dir] : []};
};

/**
 * Mounts a storyboard's media on the media server for one render (frame-sized copies first, then
 * the storyboard's folder and public/) and returns the render's input props, whose media point at
 * that mount. The caller unmounts `base` when the render ends.
 */
export const mountRenderMedia = async (o: {
	server: {mount(folders: string[]): string};
	storyboard: Storyboard;
	mediaDir: string;
	quality: Quality;
	cacheDir: string;
}): Promise<{base: string; inputProps: Storyboard}> => {
	const sized = await withFrameSizedMedia(o);
	const base = o.server.mount([...sized.folders, ...mediaSearchPath(o.mediaDir)]);
	return {base, inputProps: withMediaBaseUrl(sized.storyboard, base)};
};
