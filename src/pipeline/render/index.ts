export type {
	Renderer,
	RenderProgress,
	RenderStage,
	RenderVideoOptions,
	RenderPosterOptions,
	RenderedVideo,
	LambdaRenderInfo,
	OutputObject,
	OutputSink,
	StoredObject,
} from './renderer';
export {assertKnownTemplate} from './assert-known-template';
export {createLocalRenderer, DEFAULT_CHUNK_SECONDS} from './local-renderer';
export type {LocalRendererOptions} from './local-renderer';
export {getBundle, bundleProject, hashBundleSources} from './bundle-cache';
export {resolveBrowserExecutableSync, CHROMIUM_OPTIONS, SYSTEM_BROWSER_CANDIDATES} from './browser';
export {QUALITIES, qualitySchema, resolveQuality} from './quality';
export type {Quality, ResolvedQuality} from './quality';
export {assertLocalMediaExist, withMediaBaseUrl, withMediaUrls, localMediaPaths, findLocalMedia, mediaSearchPath} from './storyboard-media';
export {startMediaServer} from './media-server';
export {createWebRenderer} from './web';
export type {WebRendererOptions, WebRenderedVideo, WebRenderer} from './web';
export {usePrivateTempRoot} from './private-temp-root';
