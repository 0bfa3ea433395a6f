export * from './storyboard-schema';
export {computeTimeline, msToFrames, framesToMs, sceneMsToAbsoluteFrame} from './timing';
export type {Timeline, SceneTiming} from './timing';
export {frameSize, shortSideOf} from './dimensions';
