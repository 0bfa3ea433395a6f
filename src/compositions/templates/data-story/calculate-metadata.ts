import {storyboardMetadata} from '../../components/storyboard-metadata';
import {dataStoryOptionsSchema} from './data-story-schema';

/** Size, frame rate and length of a data story: the storyboard's, through the one timing helper. */
export const calculateDataStoryMetadata = storyboardMetadata({templateId: 'data-story', optionsSchema: dataStoryOptionsSchema});
