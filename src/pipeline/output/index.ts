export {prepareOutputFolder, slugify, outputPaths, OUTPUT_FILES, isRunFolder, chooseRenderFolder} from './output-folder';
export type {OutputFileKey} from './output-folder';
export {renderOutputs, renderCacheKey} from './render-outputs';
export type {RenderOutputsOptions, RenderOutputsResult, RenderOutputsProgress, StoredOutputs} from './render-outputs';
export {checkStoryboard, checkStoryboardWithWarnings} from './check-storyboard';
export type {CheckStoryboardOptions} from './check-storyboard';
export {renderStoryboard} from './render-storyboard';
export type {RenderStoryboardOptions, RenderStoryboardResult, RenderStoryboardProgress} from './render-storyboard';
export {
	runReportSchema,
	newRunReport,
	writeRunReport,
	recordRunError,
	stageNameSchema,
	reportWarningSchema,
	reportFallbackSchema,
} from './run-report';
export type {RunReport, ReportWarning, ReportFallback, StageName} from './run-report';
export {previewRender} from './preview-render';
export type {RenderPreview, PreviewRenderOptions, RemoteMediaCheck} from './preview-render';
export {estimateRenderTime, measuredSpeeds} from './estimate-render-time';
export type {RenderTimeEstimate, MeasuredSpeed} from './estimate-render-time';
