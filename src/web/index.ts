// The web page (README.md, "The web page"): built by scripts/build-web.mjs from main.tsx.
export {App} from './app';
export {createApiClient, ApiCallError} from './api-client';
export {validateStoryboard} from './validate-storyboard';
export {mapMedia, mediaRefsOf, assetPathOf} from './map-media';
