export {headlineOptionsSchema} from './headline-schema';
export type {HeadlineOptions} from './headline-schema';
export {calculateHeadlineMetadata} from './calculate-metadata';
export {sourceLineOf} from './source-line';
