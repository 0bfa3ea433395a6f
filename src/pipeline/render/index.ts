export type {Renderer, RenderProgress, RenderStage, RenderVideoOptions, RenderPosterOptions, RenderedVideo} from './renderer';
export {createLocalRenderer} from './local-renderer';
export type {LocalRendererOptions} from './local-renderer';
export {getBundle, bundleProject, hashBundleSources} from './bundle-cache';
export {resolveBrowserExecutableSync, CHROMIUM_OPTIONS, SYSTEM_BROWSER_CANDIDATES} from './browser';
export {QUALITIES, qualitySchema, resolveQuality} from './quality';
export type {Quality, ResolvedQuality} from './quality';
export {assertLocalMediaExist, withMediaBaseUrl, localMediaPaths, findLocalMedia, mediaSearchPath} from './storyboard-media';
export {startMediaServer} from './media-server';
