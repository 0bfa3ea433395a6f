import type {CalculateMetadataFunction} from 'remotion';
import {storyboardMetadata} from '../../components/storyboard-metadata';
import {explainerOptionsSchema, type ExplainerProps} from './explainer-schema';

/**
 * Size, frame rate and length of an explainer video, all derived from the storyboard, and its
 * options checked before the first frame: the shared calculateMetadata every template uses
 * (Remotion does not validate input props on server renders, so they are parsed there).
 */
export const calculateExplainerMetadata: CalculateMetadataFunction<ExplainerProps> = storyboardMetadata({
	templateId: 'explainer',
	optionsSchema: explainerOptionsSchema,
}) as CalculateMetadataFunction<ExplainerProps>;
