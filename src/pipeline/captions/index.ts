export {absoluteCaptions, buildCues} from './caption-cues';
export type {CaptionCue, CueOptions} from './caption-cues';
export {storyboardToSrt, storyboardToVtt} from './subtitle-files';
export {attachParticles} from './attach-particles';
