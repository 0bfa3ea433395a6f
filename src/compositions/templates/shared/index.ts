export {SceneSeries} from './scene-series';
export type {SceneSlot} from './scene-series';
export {FittedLines} from './fitted-lines';
export {useFittedText} from './use-fitted-text';
export type {FittedText} from './use-fitted-text';
export {captionBandOf} from './caption-band';
