export {createWebRenderer} from './create-web-renderer';
export type {WebRendererOptions, WebRenderedVideo} from './create-web-renderer';
export {getWebPageBundle, hashWebPageSources} from './web-page-bundle';
export {guardPageNetwork, isLoopbackUrl} from './guard-page-network';
