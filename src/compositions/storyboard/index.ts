export * from './storyboard-schema';
export {computeTimeline, msToFrames, framesToMs, sceneMsToAbsoluteFrame} from './timing';
export type {Timeline, SceneTiming} from './timing';
export {frameSize, shortSideOf} from './dimensions';
export {textDirectionOf, isSpacelessLanguage, scriptFontOf} from './language-layout';
export type {FontFamily, TextDirection} from './language-layout';
export {captionWords, joinCaptionWords} from './caption-words';
export type {CaptionWord} from './caption-words';
