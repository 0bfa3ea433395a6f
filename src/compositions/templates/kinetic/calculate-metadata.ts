import {storyboardMetadata} from '../../components/storyboard-metadata';
import {kineticOptionsSchema} from './kinetic-schema';

/** Size, frame rate and length of a kinetic video: the storyboard's, through the one timing helper. */
export const calculateKineticMetadata = storyboardMetadata({templateId: 'kinetic', optionsSchema: kineticOptionsSchema});
