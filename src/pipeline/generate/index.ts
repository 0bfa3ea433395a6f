export {generateVideo} from './generate-video';
export type {GenerateVideoOptions, GenerateVideoResult, GenerateProgress} from './generate-video';
export {generateOptionsSchema} from './generate-options';
export type {GenerateOptions, GenerateOptionsInput} from './generate-options';
export type {GenerationReport, ReportWarning, ReportFallback, StageName} from './generation-report';
export {wordsToCaptions} from './words-to-captions';
export {chooseMusic, bundledMusicIds} from './music-choice';
