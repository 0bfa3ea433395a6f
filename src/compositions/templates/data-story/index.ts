export {dataStoryOptionsSchema} from './data-story-schema';
export type {DataStoryOptions} from './data-story-schema';
export {calculateDataStoryMetadata} from './calculate-metadata';
export {niceScale, decimalsOf, formatValue} from './chart-scale';
