export {audiogramOptionsSchema} from './audiogram-schema';
export type {AudiogramOptions} from './audiogram-schema';
export {calculateAudiogramMetadata} from './calculate-metadata';
export {audioSourceOf, formatClock} from './audio-source';
export type {AudioSource} from './audio-source';
export {coverOf} from './cover-of';
