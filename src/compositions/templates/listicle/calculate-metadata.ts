import {storyboardMetadata} from '../../components/storyboard-metadata';
import {listicleOptionsSchema} from './listicle-schema';

/** Size, frame rate and length of a listicle: the storyboard's, through the one timing helper. */
export const calculateListicleMetadata = storyboardMetadata({templateId: 'listicle', optionsSchema: listicleOptionsSchema});
