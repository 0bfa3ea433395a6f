export {explainerSchema} from './explainer-schema';
export type {ExplainerProps} from './explainer-schema';
export {calculateExplainerMetadata} from './calculate-metadata';
