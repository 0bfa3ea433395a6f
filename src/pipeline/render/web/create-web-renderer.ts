import {mkdir, rename, rm} from 'node:fs/promises';
import {dirname} from 'node:path';
import type {LogLevel} from '@remotion/renderer';
import {findTemplate, templateIds} from '../../../compositions/registry';
import type {Storyboard} from '../../../compositions/storyboard';
import {RenderCancelledError, RenderFailedError, UnknownTemplateError} from '../../errors';
import {mountRenderMedia} from '../frame-sized-media';
import {MEDIA_CACHE_BYTES} from '../media-cache-budget';
import {lazyBrowser} from '../lazy-browser';
import {purgeDecodedPicturesWhileRendering} from '../decoded-picture-purge';
import {createLocalRenderer, posterFrameOf} from '../local-renderer';
import {startMediaServer, type MediaServer} from '../media-server';
import {resolveQuality, type Quality} from '../quality';
import type {RenderPosterOptions, RenderVideoOptions, RenderedVideo, Renderer} from '../renderer';
import {assertLocalMediaExist} from '../storyboard-media';
import {guardPageNetwork, type BrowserPage} from './guard-page-network';
import type {WebPageRenderRequest, WebPageRenderResult, WebPageStillRequest, WebPaint} from './page/protocol';
import {captureUnlessWebEligible, webPaintOf} from './web-eligibility';
import {getWebPageBundle, hashWebPageSources} from './web-page-bundle';
import {startWebPageServer, type UploadSession, type WebPageServer} from './web-page-server';

export type WebRendererOptions = {
	/** Where the page bundle is cached (`<cacheDir>/web-bundles/<hash>`), and the capture renderer's bundle. */
	cacheDir: string;
	/** Browser to use; default: resolveBrowserExecutableSync(). */
	browserExecutable?: string | null;
	/** Remotion licence key for the web renderer (REMOTION_LICENSE_KEY); null: none. */
	licenseKey?: string | null;
	/**
	 * Which templates the capture renderer draws instead: returns why (it goes into the
	 * RenderedVideo's note), or null to render on the web. Default: the committed fidelity gate
	 * (web-eligibility.json), so a template that fails it falls back to capture.
	 */
	captureTemplates?: (templateId: string) => string | null;
	/** How the page paints a template (composer or Chromium's HTML-in-canvas). Default: the gate's choice. */
	paint?: (templateId: string) => WebPaint;
	/**
	 * H.264 bits per pixel per frame instead of the quality preset's; the fidelity gate renders
	 * near-lossless both ways (see LocalRendererOptions.encoding).
	 */
	bitsPerPixel?: number;
	/**
	 * Chunked renders (PROMPTREEL_RENDER_CHUNK_SEC): the capture renderer makes and caches them,
	 * for every template (the web renderer renders a video whole). null: none.
	 */
	chunkSeconds?: number | null;
	logLevel?: LogLevel;
};

/** A RenderedVideo that says which renderer made it and, after a fallback, why. */
export type WebRenderedVideo = RenderedVideo & {
	renderer: 'web' | 'local';
	/** How the page painted it (web renders only; null when the capture renderer drew it). */
	paint: WebPaint | null;
	/** Why the capture renderer drew it instead (the template failed the fidelity gate), else null. */
	note: string | null;
	/** Non-loopback requests the page started; each was failed before leaving the machine. */
	outboundRequests: string[];
	/** Non-loopback fetches the page refused before starting them (Remotion's usage report). */
	refusedRequests: string[];
};

/** A Renderer whose videos say which renderer drew them. */
export type WebRenderer = Omit<Renderer, 'renderVideo'> & {renderVideo(o: RenderVideoOptions): Promise<WebRenderedVideo>};

/** H.264 bits per pixel per frame of each quality (the capture path uses CRF; WebCodecs a bitrate). */
const BITS_PER_PIXEL: Record<Quality, number> = {draft: 0.12, standard: 0.15, high: 0.2};

/** The first line of an error thrown in the page, without puppeteer's prefix or the bundle's stack. */
const pageErrorMessage = (error: unknown): string =>
	(error instanceof Error ? error.message : String(error)).replace(/^Evaluation failed: /, '').split('\n')[0] ?? '';

const templateOf = (sb: Storyboard) => {
	const template = findTemplate(sb.template);
	if (!template) throw new UnknownTemplateError(sb.template, templateIds);
	return template;
};

/**
 * Renders in the page with @remotion/web-renderer: headless Chromium paints every frame onto a
 * canvas itself and encodes it with WebCodecs, instead of Remotion taking a screenshot per frame.
 * One browser, one page bundle (cached on disk by source hash), one media server and one page
 * server are shared by every render; each render gets a fresh page that may reach only loopback.
 * Posters, and templates listed by `captureTemplates`, go to the capture renderer on the same browser.
 */
export const createWebRenderer = (options: WebRendererOptions): WebRenderer => {
	const logLevel = options.logLevel ?? 'error';
	const pageLogLevel = logLevel === 'trace' ? 'verbose' : logLevel;
	const chunkSeconds = options.chunkSeconds ?? null;
	const gate = options.captureTemplates ?? captureUnlessWebEligible();
	const paintOf = options.paint ?? webPaintOf();
	const whyCapture = (templateId: string): string | null =>
		chunkSeconds === null
			? gate(templateId)
			: `Chunked renders (PROMPTREEL_RENDER_CHUNK_SEC=${chunkSeconds}) are made by the capture renderer, each chunk cached for the next edit`;
	const browser = lazyBrowser({browserExecutable: options.browserExecutable, logLevel});
	let mediaServer: Promise<MediaServer> | null = null;
	let pageServer: Promise<WebPageServer> | null = null;
	const getBrowser = browser.get;
	const getMediaServer = () => (mediaServer ??= startMediaServer());
	const getPageServer = () =>
		(pageServer ??= getWebPageBundle({cacheDir: options.cacheDir}).then((b) => startWebPageServer({bundleDir: b.dir})));
	const capture = createLocalRenderer({
		cacheDir: options.cacheDir,
		browserExecutable: options.browserExecutable,
		logLevel,
		sharedBrowser: getBrowser,
		chunkSeconds,
	});

	/**
	 * Everything a page render shares, for a video or a poster: the browser, servers and mounted
	 * media; the composition's size; a fresh page that may reach only loopback; the output written
	 * next to its target and renamed at the end, so a cancelled or failed render leaves no half file.
	 */
	const onWebPage = async <T>(
		what: 'the video' | 'the poster',
		o: RenderPosterOptions & {onProgress?: RenderVideoOptions['onProgress']},
		run: (job: {
			page: BrowserPage;
			templateId: string;
			inputProps: WebPageRenderRequest['inputProps'];
			quality: ReturnType<typeof resolveQuality>;
			fps: number;
			frames: number;
			upload: UploadSession;
		}) => Promise<T>,
	): Promise<T & {outboundRequests: string[]}> => {
		const template = templateOf(o.storyboard);
		assertLocalMediaExist(o.storyboard, o.mediaDir);
		if (o.signal?.aborted) throw new RenderCancelledError();
		o.onProgress?.({stage: 'bundling', progress: 0});
		const [puppeteer, media, server] = await Promise.all([getBrowser(), getMediaServer(), getPageServer()]);
		o.onProgress?.({stage: 'bundling', progress: 1});
		const {base, inputProps} = await mountRenderMedia({server: media, ...o, cacheDir: options.cacheDir});
		await mkdir(dirname(o.outFile), {recursive: true});
		const partFile = `${o.outFile}.part-${process.pid}`;
		let upload: UploadSession | null = null;
		let page: BrowserPage | null = null;
		let guard: Awaited<ReturnType<typeof guardPageNetwork>> | null = null;
		// The page's clip frames stay in Chrome's decoded-picture cache as on the capture path (docs/architecture.md).
		const stopPurging = purgeDecodedPicturesWhileRendering(puppeteer);
		const onAbort = () => void page?.evaluate(() => window.promptreelAbort?.()).catch(() => undefined);
		o.signal?.addEventListener('abort', onAbort, {once: true});
		try {
			const meta = await template.calculateMetadata({
				props: inputProps,
				defaultProps: inputProps,
				abortSignal: new AbortController().signal,
				compositionId: template.id,
				isRendering: true,
			});
			const size = {width: meta.width ?? 1920, height: meta.height ?? 1080};
			upload = await server.openUpload({outFile: partFile, onProgress: (p) => o.onProgress?.({stage: 'rendering', progress: p})});
			page = await puppeteer.newPage({
				context: () => null,
				logLevel,
				indent: false,
				pageIndex: 0,
				onBrowserLog: null,
				onLog: () => undefined,
			});
			guard = await guardPageNetwork(page);
			await page.goto({url: server.pageUrl, timeout: 60_000});
			if (o.signal?.aborted) throw new RenderCancelledError();
			const result = await run({
				page,
				templateId: template.id,
				inputProps,
				quality: resolveQuality(o.quality, size),
				fps: meta.fps ?? o.storyboard.format.fps,
				frames: meta.durationInFrames ?? 1,
				upload,
			});
			await upload.finish();
			await rename(partFile, o.outFile);
			return {...result, outboundRequests: guard.outbound()};
		} catch (error) {
			await upload?.finish().catch(() => undefined);
			await rm(partFile, {force: true}).catch(() => undefined);
			if (o.signal?.aborted) throw new RenderCancelledError();
			if (error instanceof RenderCancelledError) throw error;
			throw new RenderFailedError(`Rendering ${what} in the page failed: ${pageErrorMessage(error)}`, error);
		} finally {
			stopPurging();
			o.signal?.removeEventListener('abort', onAbort);
			await guard?.dispose().catch(() => undefined);
			await page?.close().catch(() => undefined);
			media.unmount(base);
		}
	};

	/** Calls a function of the page with a JSON request (a storyboard is JSON by construction: zod-parsed). */
	const callPage = async <R>(page: BrowserPage, fn: 'promptreelRender' | 'promptreelStill', request: unknown): Promise<R> =>
		(await page.evaluate(
			(name: string, r: unknown) => {
				const f = (window as unknown as Record<string, ((x: unknown) => Promise<unknown>) | undefined>)[name];
				return f ? f(r) : Promise.reject(new Error('The web render page did not load'));
			},
			fn,
			request as Parameters<typeof page.evaluate>[1],
		)) as R;

	const renderOnWeb = async (o: RenderVideoOptions): Promise<WebRenderedVideo> => {
		const started = performance.now();
		const r = await onWebPage('the video', o, async ({page, templateId, inputProps, quality, fps, frames, upload}) => {
			const request: WebPageRenderRequest = {
				templateId,
				paint: paintOf(templateId),
				inputProps,
				scale: quality.scale,
				videoBitrate: Math.round(quality.width * quality.height * fps * (options.bitsPerPixel ?? BITS_PER_PIXEL[o.quality])),
				muted: false,
				frameRange: null,
				uploadUrl: upload.uploadUrl,
				progressUrl: upload.progressUrl,
				licenseKey: options.licenseKey ?? null,
				logLevel: pageLogLevel,
				mediaCacheSizeInBytes: MEDIA_CACHE_BYTES,
			};
			const result = await callPage<WebPageRenderResult>(page, 'promptreelRender', request);
			return {width: quality.width, height: quality.height, fps, frames, refusedRequests: result.refusedRequests};
		});
		o.onProgress?.({stage: 'encoding', progress: 1});
		return {
			file: o.outFile,
			width: r.width,
			height: r.height,
			fps: r.fps,
			frames: r.frames,
			renderMs: performance.now() - started,
			renderer: 'web',
			renderedBy: 'web',
			paint: paintOf(o.storyboard.template),
			note: null,
			outboundRequests: r.outboundRequests,
			refusedRequests: r.refusedRequests,
		};
	};

	/** The poster as the page paints it: no capture bundle or page to open for one frame. */
	const posterOnWeb = async (o: RenderPosterOptions) => {
		await onWebPage('the poster', o, async ({page, templateId, inputProps, quality, frames, upload}) => {
			const request: WebPageStillRequest = {
				templateId,
				paint: paintOf(templateId),
				inputProps,
				scale: quality.scale,
				frame: Math.min(o.frame ?? posterFrameOf(o.storyboard), frames - 1),
				jpegQuality: quality.jpegQuality / 100,
				uploadUrl: upload.uploadUrl,
				licenseKey: options.licenseKey ?? null,
				logLevel: pageLogLevel,
			};
			return callPage<WebPageRenderResult>(page, 'promptreelStill', request);
		});
		return {file: o.outFile};
	};

	return {
		id: 'web',
		async renderVideo(o) {
			let reason = whyCapture(o.storyboard.template);
			if (reason === null) {
				try {
					return await renderOnWeb(o);
				} catch (error) {
					// A page that cannot encode (a browser without WebCodecs H.264, say) costs speed, not the video.
					if (!(error instanceof RenderFailedError) || o.signal?.aborted) throw error;
					reason = `${error.message} Rendered by the capture renderer instead.`;
				}
			}
			const video = await capture.renderVideo(o);
			return {...video, renderer: 'local', renderedBy: 'local', paint: null, note: reason, outboundRequests: [], refusedRequests: []};
		},
		async renderPoster(o) {
			if (whyCapture(o.storyboard.template) !== null) return capture.renderPoster(o);
			try {
				return await posterOnWeb(o);
			} catch (error) {
				if (!(error instanceof RenderFailedError) || o.signal?.aborted) throw error;
				return capture.renderPoster(o);
			}
		},
		sourceHash: () => hashWebPageSources(),
		async close() {
			const [m, s] = [mediaServer, pageServer];
			mediaServer = null;
			pageServer = null;
			await capture.close();
			await Promise.all([
				browser.close(),
				m?.then((x) => x.close()).catch(() => undefined),
				s?.then((x) => x.close()).catch(() => undefined),
			]);
		},
	};
};
