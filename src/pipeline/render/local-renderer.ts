import {usePrivateTempRoot} from './private-temp-root';
import {mkdir} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {makeCancelSignal, renderMedia, renderStill, type HeadlessBrowser, type LogLevel} from '@remotion/renderer';
import {computeTimeline, type Storyboard} from '../../compositions/storyboard';
import {RenderCancelledError, RenderFailedError} from '../errors';
import {assertKnownTemplate} from './assert-known-template';
import {CHROMIUM_OPTIONS} from './browser';
import {chunkFingerprints, hashMediaFiles, openChunkCache, planSceneChunks, renderChunked, type ChunkMediaOptions} from './chunks';
import {getBundle, hashBundleSources} from './bundle-cache';
import {mountRenderMedia} from './frame-sized-media';
import {lazyBrowser} from './lazy-browser';
import {startMediaServer, type MediaServer} from './media-server';
import {resolveComposition} from './resolve-composition';
import {resolveQuality} from './quality';
import type {RenderPosterOptions, RenderVideoOptions, RenderedVideo, Renderer} from './renderer';
import {boxFilteredChroma, chainFfmpegOverrides} from './box-filtered-chroma';
import {limitX264Lookahead} from './x264-lookahead';
import {purgeDecodedPicturesWhileRendering} from './decoded-picture-purge';
import {MEDIA_CACHE_BYTES} from './media-cache-budget';
import {assertLocalMediaExist} from './storyboard-media';

/** Decoded-media budget of a render page (Remotion's minimum is 240 MB). */

/**
 * How long one delayRender() (loading the root component, fonts, seeking a frame) may take before
 * the render fails. Remotion's default, 30 s, failed 4 of 7 panel renders on a 2-core machine at
 * load 9 (three browsers rendering at once); a render on a busy machine should be slow, not lost.
 */
const DELAY_RENDER_TIMEOUT_MS = 120_000;

export type LocalRendererOptions = {
	/** Where bundles are cached (`<cacheDir>/bundles/<hash>`). */
	cacheDir: string;
	/** Browser to use; default: resolveBrowserExecutableSync(). */
	browserExecutable?: string | null;
	/** Frames rendered in parallel; 1 was fastest on 2 cores (README, Speed). */
	concurrency?: number;
	logLevel?: LogLevel;
	onBundleProgress?: (progress: number) => void;
	/**
	 * A browser owned by someone else (the web renderer shares its one): used instead of opening
	 * one, and left open by close().
	 */
	sharedBrowser?: () => Promise<HeadlessBrowser>;
	/**
	 * Encoder settings instead of the quality preset's (CRF, JPEG quality of the captured frames,
	 * or PNG frames). The web fidelity gate renders near-lossless both ways, so that it measures how
	 * the two renderers paint, not two lossy encoders' noise: its capture reference takes PNG
	 * frames, because Chrome's JPEG screenshots are 4:2:0 even at quality 100 (a second chroma
	 * subsampling before the encoder's own), and subsamples chroma by a 2x2 box, as the web
	 * renderer's encoder does (`boxFilteredChroma`).
	 */
	encoding?: {crf?: number; jpegQuality?: number; imageFormat?: 'jpeg' | 'png'; chroma?: 'box'};
	/**
	 * Length of the chunks a video is rendered in, in seconds of video (PROMPTREEL_RENDER_CHUNK_SEC;
	 * DEFAULT_CHUNK_SECONDS is the suggested length); each chunk is cached under
	 * `<cacheDir>/renders`, so an edit re-renders only the chunks it reaches. null (the default)
	 * renders the whole video in one pass: on 2 cores each chunk costs seconds of its own
	 * (docs/architecture.md, "Chunked renders"), so chunking is for edit loops, opted into.
	 */
	chunkSeconds?: number | null;
	/** Where chunks are cached; default the render cache, `<cacheDir>/renders`. */
	chunkCacheDir?: string;
	/** Size the cached chunks may take before the least recently used go (default 2 GB). */
	chunkCacheMaxBytes?: number;
};

/** Remotion's frame format options: JPEG at the preset's quality, or PNG (no jpegQuality then). */
const frameFormat = (q: {imageFormat?: 'jpeg' | 'png'; jpegQuality: number}) =>
	q.imageFormat === 'png' ? {imageFormat: 'png' as const} : {imageFormat: 'jpeg' as const, jpegQuality: q.jpegQuality};

/**
 * Chunk length. Neighbouring chunks to render are rendered together, so short chunks cost little
 * more than cutting; they make an edit re-render less. 5 s: one scene of the 60 s bench storyboard
 * (10 s) touches 3 of 12. `npm run bench -- --parts incremental` measures both sides
 * (bench/incremental-results.md).
 */
export const DEFAULT_CHUNK_SECONDS = 5;
const DEFAULT_CHUNK_CACHE_BYTES = 2 * 1024 ** 3;
/** Shorter chunks are not worth a cache entry each. */
const MIN_FRAMES_PER_CHUNK = 5;
/** Bumped when what a chunk file holds changes without the sources changing. */
const CHUNK_FORMAT = 4;

/** The poster frame of a storyboard: a moment into the first scene where its title has settled. */
export const posterFrameOf = (sb: Storyboard): number => {
	const timeline = computeTimeline(sb);
	const first = timeline.scenes[0];
	if (!first) return 0;
	const settle = Math.round(sb.format.fps * 1.6);
	return Math.min(first.startFrame + settle, first.startFrame + Math.max(0, first.durationInFrames - 1));
};

/** Wires an AbortSignal to Remotion's cancel signal; returns a disposer. */
const linkCancel = (signal: AbortSignal | undefined) => {
	const {cancelSignal, cancel} = makeCancelSignal();
	if (signal?.aborted) cancel();
	const onAbort = () => cancel();
	signal?.addEventListener('abort', onAbort, {once: true});
	return {cancelSignal, dispose: () => signal?.removeEventListener('abort', onAbort)};
};

/**
 * Renders on this machine with one shared bundle (cached on disk by source hash), one shared
 * browser and one media server. Cancelling a render never closes the shared browser.
 */
export const createLocalRenderer = (options: LocalRendererOptions): Renderer => {
	// Browser profiles and Remotion's asset folders go to a temp folder of ours, cleaned at start.
	usePrivateTempRoot();
	const logLevel = options.logLevel ?? 'error';
	const concurrency = options.concurrency ?? 1;
	const browser = lazyBrowser({browserExecutable: options.browserExecutable, logLevel});
	let mediaServer: Promise<MediaServer> | null = null;
	const executable = browser.executable;
	const getBrowser = () => (options.sharedBrowser ? options.sharedBrowser() : browser.get());
	const getMediaServer = () => (mediaServer ??= startMediaServer());
	const chunkSeconds = options.chunkSeconds ?? null;
	const chunkCache = openChunkCache({
		dir: options.chunkCacheDir ?? join(options.cacheDir, 'renders'),
		maxBytes: options.chunkCacheMaxBytes ?? DEFAULT_CHUNK_CACHE_BYTES,
	});

	/** Everything a render or a still needs: the bundle, browser, props and composition. */
	const prepare = async (o: RenderVideoOptions | RenderPosterOptions, onBundleProgress?: (p: number) => void) => {
		assertKnownTemplate(o.storyboard.template);
		assertLocalMediaExist(o.storyboard, o.mediaDir);
		const [bundleResult, puppeteerInstance, server] = await Promise.all([
			getBundle({cacheDir: options.cacheDir, onProgress: onBundleProgress ?? options.onBundleProgress}),
			getBrowser(),
			getMediaServer(),
		]);
		const {base, inputProps} = await mountRenderMedia({server, ...o, cacheDir: options.cacheDir});
		const composition = await resolveComposition({templateId: o.storyboard.template, inputProps, signal: o.signal}).catch(
			(error: unknown) => {
				server.unmount(base);
				throw error;
			},
		);
		const quality = {...resolveQuality(o.quality, composition), ...options.encoding};
		return {serveUrl: bundleResult.serveUrl, puppeteerInstance, inputProps, composition, quality, release: () => server.unmount(base)};
	};

	const wrapError = (error: unknown, what: string, signal: AbortSignal | undefined): Error => {
		if (signal?.aborted) return new RenderCancelledError();
		if (error instanceof Error && error.name !== 'Error') return error;
		return new RenderFailedError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, error);
	};

	return {
		id: 'local',
		async renderVideo(o): Promise<RenderedVideo> {
			const started = performance.now();
			if (o.signal?.aborted) throw new RenderCancelledError();
			const ready = await prepare(o, (p) => o.onProgress?.({stage: 'bundling', progress: p}));
			const cancel = linkCancel(o.signal);
			const stopPurging = purgeDecodedPicturesWhileRendering(ready.puppeteerInstance);
			let chunkStats: RenderedVideo['chunks'];
			try {
				await mkdir(dirname(o.outFile), {recursive: true});
				const media: ChunkMediaOptions = {
					serveUrl: ready.serveUrl,
					composition: ready.composition,
					inputProps: ready.inputProps,
					// Converted and tagged as BT.709, like the web renderer's WebCodecs output and what
					// players assume for HD; Remotion 4's default is BT.601 (untagged matrix).
					colorSpace: 'bt709',
					overwrite: true,
					puppeteerInstance: ready.puppeteerInstance,
					browserExecutable: executable(),
					chromiumOptions: CHROMIUM_OPTIONS,
					scale: ready.quality.scale,
					crf: ready.quality.crf,
					...frameFormat(ready.quality),
					x264Preset: ready.quality.x264Preset,
					concurrency,
					cancelSignal: cancel.cancelSignal,
					logLevel,
					// Decoded clip frames of <Video> (@remotion/media), bounded (media-cache-budget.ts).
					mediaCacheSizeInBytes: MEDIA_CACHE_BYTES,
					ffmpegOverride:
						ready.quality.chroma === 'box' ? chainFfmpegOverrides(limitX264Lookahead(), boxFilteredChroma) : limitX264Lookahead(),
					timeoutInMilliseconds: DELAY_RENDER_TIMEOUT_MS,
				};
				if (chunkSeconds === null) {
					await renderMedia({
						...media,
						codec: 'h264',
						outputLocation: o.outFile,
						onProgress: (p) => {
							const stage = p.stitchStage === 'muxing' || p.renderedDoneIn !== null ? 'encoding' : 'rendering';
							o.onProgress?.({stage, progress: p.progress});
						},
					});
				} else {
					const framesPerChunk = Math.max(MIN_FRAMES_PER_CHUNK, Math.round(chunkSeconds * ready.composition.fps));
					const chunks = planSceneChunks({storyboard: o.storyboard, durationInFrames: ready.composition.durationInFrames, framesPerChunk});
					const {width, height, fps, durationInFrames} = ready.composition;
					const {scale, crf, jpegQuality, x264Preset, imageFormat = 'jpeg', chroma = 'zscale'} = ready.quality;
					const fingerprints = chunkFingerprints({
						storyboard: o.storyboard,
						chunks,
						mediaHash: await hashMediaFiles({storyboard: o.storyboard, mediaDir: o.mediaDir}),
						settings: {
							format: CHUNK_FORMAT,
							sourceHash: await hashBundleSources(),
							composition: ready.composition.id,
							size: [width, height, fps, durationInFrames],
							encoding: {scale, crf, jpegQuality, imageFormat, chroma, x264Preset, colorSpace: media.colorSpace, framesPerChunk},
						},
					});
					chunkStats = await renderChunked({
						media,
						outFile: o.outFile,
						chunks,
						fingerprints,
						framesPerChunk,
						cache: chunkCache,
						reuse: o.reuseChunks !== false,
						onProgress: o.onProgress,
						signal: o.signal,
					});
				}
			} catch (error) {
				throw wrapError(error, 'Rendering the video', o.signal);
			} finally {
				stopPurging();
				cancel.dispose();
				ready.release();
			}
			return {
				file: o.outFile,
				width: ready.quality.width,
				height: ready.quality.height,
				fps: ready.composition.fps,
				frames: ready.composition.durationInFrames,
				renderMs: performance.now() - started,
				...(chunkStats ? {chunks: chunkStats} : {}),
			};
		},
		async renderPoster(o) {
			const ready = await prepare(o);
			const cancel = linkCancel(o.signal);
			try {
				await mkdir(dirname(o.outFile), {recursive: true});
				await renderStill({
					serveUrl: ready.serveUrl,
					composition: ready.composition,
					inputProps: ready.inputProps,
					output: o.outFile,
					overwrite: true,
					frame: Math.min(o.frame ?? posterFrameOf(o.storyboard), ready.composition.durationInFrames - 1),
					imageFormat: 'jpeg',
					jpegQuality: ready.quality.jpegQuality,
					scale: ready.quality.scale,
					puppeteerInstance: ready.puppeteerInstance,
					browserExecutable: executable(),
					chromiumOptions: CHROMIUM_OPTIONS,
					cancelSignal: cancel.cancelSignal,
					logLevel,
					timeoutInMilliseconds: DELAY_RENDER_TIMEOUT_MS,
				});
			} catch (error) {
				throw wrapError(error, 'Rendering the poster', o.signal);
			} finally {
				cancel.dispose();
				ready.release();
			}
			return {file: o.outFile};
		},
		sourceHash: () => hashBundleSources(),
		async close() {
			const m = mediaServer;
			mediaServer = null;
			await Promise.all([browser.close(), m?.then((x) => x.close()).catch(() => undefined)]);
		},
	};
};
