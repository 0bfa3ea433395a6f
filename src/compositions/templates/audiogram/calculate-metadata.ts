import {storyboardMetadata} from '../../components/storyboard-metadata';
import {audiogramOptionsSchema} from './audiogram-schema';

/** Size, frame rate and length of an audiogram: the storyboard's, through the one timing helper. */
export const calculateAudiogramMetadata = storyboardMetadata({templateId: 'audiogram', optionsSchema: audiogramOptionsSchema});
