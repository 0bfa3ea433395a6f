export {explainerSchema, explainerPropsSchema, explainerOptionsSchema} from './explainer-schema';
export type {ExplainerProps, ExplainerOptions} from './explainer-schema';
export {calculateExplainerMetadata} from './calculate-metadata';
