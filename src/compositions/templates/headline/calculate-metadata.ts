import {storyboardMetadata} from '../../components/storyboard-metadata';
import {headlineOptionsSchema} from './headline-schema';

/** Size, frame rate and length of a news video: the storyboard's, through the one timing helper. */
export const calculateHeadlineMetadata = storyboardMetadata({templateId: 'headline', optionsSchema: headlineOptionsSchema});
