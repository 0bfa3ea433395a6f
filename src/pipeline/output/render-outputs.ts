import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {copyFile, mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {basename, join} from 'node:path';
import type {Storyboard} from '../../compositions/storyboard';
import {storyboardToSrt, storyboardToVtt} from '../captions';
import type {LambdaRenderInfo, OutputSink, Quality, RenderedVideo, Renderer, RenderProgress, StoredObject} from '../render';
import {findLocalMedia, localMediaPaths} from '../render';
import {outputPaths} from './output-folder';
import {posterStoryboard} from './poster-storyboard';

export type RenderOutputsProgress = {stage: RenderProgress['stage'] | 'poster' | 'captions'; progress: number};

export type RenderOutputsOptions = {
	storyboard: Storyboard;
	/** Folder relative media paths resolve against. */
	mediaDir: string;
	outDir: string;
	quality: Quality;
	renderer: Renderer;
	/** Render cache root (`<dataDir>/renders`); null disables the cache. */
	cacheDir: string | null;
	/** Re-render even when the cache has the result. */
	force?: boolean;
	/** Objects the video and poster may be written to instead of `outDir` (a job's keys in the shared bucket). */
	outputSink?: OutputSink | undefined;
	onProgress?: (p: RenderOutputsProgress) => void;
	signal?: AbortSignal;
};

/** Output files written straight into a bucket, by their file name (`video.mp4`, `poster.jpg`). */
export type StoredOutputs = Partial<Record<string, StoredObject>>;

export type RenderOutputsResult = {
	files: {video: string; poster: string; srt: string; vtt: string; credits: string};
	cacheHit: boolean;
	cacheKey: string | null;
	video: {width: number; height: number; fps: number; frames: number} | null;
	/** The renderer that drew the video and why, when it is not the one asked (see RenderedVideo). */
	renderedBy: {id: string; note: string | null} | null;
	/** The Lambda render, when the renderer was Lambda. */
	lambda: LambdaRenderInfo | null;
	/** The outputs the renderer wrote to their objects (see outputSink) rather than into `outDir`. */
	stored: StoredOutputs;
	/** Chunks of a chunked render: rendered now and reused from the chunk cache; null otherwise. */
	chunks: RenderedVideo['chunks'] | null;
	timings: Record<string, number>;
};

/** Content hash of what a render depends on: the storyboard, its local media, quality, renderer sources. */
export const renderCacheKey = async (o: {
	storyboard: Storyboard;
	mediaDir: string;
	quality: Quality;
	renderer: Renderer;
}): Promise<string> => {
	const hash = createHash('sha256');
	hash.update(JSON.stringify(o.storyboard)).update('\0').update(o.quality).update('\0');
	hash.update(o.renderer.id).update(await o.renderer.sourceHash());
	for (const path of [...new Set(localMediaPaths(o.storyboard))].sort()) {
		const file = findLocalMedia(path, o.mediaDir);
		hash
			.update(path)
			.update('\0')
			.update(file ? await readFile(file) : 'missing');
	}
	return hash.digest('hex').slice(0, 24);
};

/**
 * Renders a storyboard's video and poster and writes its captions and credits into `outDir`.
 * The same storyboard + media + quality + renderer sources return the cached files at once.
 */
export const renderOutputs = async (o: RenderOutputsOptions): Promise<RenderOutputsResult> => {
	const paths = outputPaths(o.outDir);
	await mkdir(o.outDir, {recursive: true});
	const timings: Record<string, number> = {};
	const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
		const t = performance.now();
		try {
			return await fn();
		} finally {
			timings[name] = Math.round(performance.now() - t);
		}
	};

	const cacheKey = o.cacheDir ? await renderCacheKey(o) : null;
	const cached = o.cacheDir && cacheKey ? join(o.cacheDir, cacheKey) : null;
	let cacheHit = false;
	let video: RenderOutputsResult['video'] = null;
	let renderedBy: RenderOutputsResult['renderedBy'] = null;
	let lambda: LambdaRenderInfo | null = null;
	const stored: StoredOutputs = {};
	const objectOf = (file: string) => o.outputSink?.(basename(file)) ?? null;
	let chunks: RenderOutputsResult['chunks'] = null;

	if (cached && !o.force && existsSync(join(cached, 'video.mp4')) && existsSync(join(cached, 'poster.jpg'))) {
		await copyFile(join(cached, 'video.mp4'), paths.video);
		await copyFile(join(cached, 'poster.jpg'), paths.poster);
		cacheHit = true;
		o.onProgress?.({stage: 'rendering', progress: 1});
	} else {
		const rendered = await time('render', () =>
			o.renderer.renderVideo({
				storyboard: o.storyboard,
				mediaDir: o.mediaDir,
				outFile: paths.video,
				outObject: objectOf(paths.video),
				quality: o.quality,
				signal: o.signal,
				// Forced or uncached: every chunk is rendered again too.
				reuseChunks: !o.force && o.cacheDir !== null,
				onProgress: (p) => o.onProgress?.(p),
			}),
		);
		if (rendered.stored) stored[basename(paths.video)] = rendered.stored;
		video = {width: rendered.width, height: rendered.height, fps: rendered.fps, frames: rendered.frames};
		if (rendered.renderedBy) renderedBy = {id: rendered.renderedBy, note: rendered.note ?? null};
		lambda = rendered.lambda ?? null;
		chunks = rendered.chunks ?? null;
		o.onProgress?.({stage: 'poster', progress: 0});
		const poster = await time('poster', () =>
			o.renderer.renderPoster({
				storyboard: posterStoryboard(o.storyboard),
				mediaDir: o.mediaDir,
				outFile: paths.poster,
				outObject: objectOf(paths.poster),
				quality: o.quality,
				signal: o.signal,
			}),
		);
		if (poster.stored) stored[basename(paths.poster)] = poster.stored;
		o.onProgress?.({stage: 'poster', progress: 1});
		// Outputs that went straight to a bucket are not on this machine to cache (a job's store keeps them).
		if (cached && Object.keys(stored).length === 0) await storeInCache(cached, paths.video, paths.poster);
	}

	o.onProgress?.({stage: 'captions', progress: 0});
	await writeFile(paths.srt, storyboardToSrt(o.storyboard));
	await writeFile(paths.vtt, storyboardToVtt(o.storyboard));
	await writeFile(paths.credits, `${JSON.stringify({credits: o.storyboard.credits}, null, 2)}\n`);
	o.onProgress?.({stage: 'captions', progress: 1});

	return {
		files: {video: paths.video, poster: paths.poster, srt: paths.srt, vtt: paths.vtt, credits: paths.credits},
		cacheHit,
		cacheKey,
		video,
		renderedBy,
		lambda,
		stored,
		chunks,
		timings,
	};
};

const storeInCache = async (dir: string, videoFile: string, posterFile: string): Promise<void> => {
	const temp = `${dir}.tmp-${process.pid}`;
	try {
		await mkdir(temp, {recursive: true});
		await copyFile(videoFile, join(temp, 'video.mp4'));
		await copyFile(posterFile, join(temp, 'poster.jpg'));
		await rm(dir, {recursive: true, force: true});
		await rename(temp, dir);
	} catch {
		// A cache is an optimisation: failing to store never fails the render.
		await rm(temp, {recursive: true, force: true}).catch(() => undefined);
	}
};
