export {prepareOutputFolder, slugify, outputPaths, OUTPUT_FILES} from './output-folder';
export type {OutputFileKey} from './output-folder';
export {renderOutputs, renderCacheKey} from './render-outputs';
export type {RenderOutputsOptions, RenderOutputsResult, RenderOutputsProgress} from './render-outputs';
