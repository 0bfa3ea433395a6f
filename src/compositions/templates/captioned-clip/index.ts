export {captionedClipOptionsSchema} from './captioned-clip-schema';
export type {CaptionedClipOptions} from './captioned-clip-schema';
export {calculateCaptionedClipMetadata} from './calculate-metadata';
export {sentenceStarts} from './sentence-starts';
