export {SceneSeries} from './scene-series';
export type {SceneSlot} from './scene-series';
export {FittedLines} from './fitted-lines';
export {useFittedText} from './use-fitted-text';
export type {FittedText} from './use-fitted-text';
export {captionBandOf} from './caption-band';
export {useSceneLayout} from './use-scene-layout';
export type {SceneLayout} from './use-scene-layout';
export {StoryboardChrome, StoryboardEndCard} from './storyboard-chrome';
