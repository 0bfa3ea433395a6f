import {storyboardMetadata} from '../../components/storyboard-metadata';
import {captionedClipOptionsSchema} from './captioned-clip-schema';

/** Size, frame rate and length of a captioned clip: the storyboard's, through the one timing helper. */
export const calculateCaptionedClipMetadata = storyboardMetadata({templateId: 'captioned-clip', optionsSchema: captionedClipOptionsSchema});
