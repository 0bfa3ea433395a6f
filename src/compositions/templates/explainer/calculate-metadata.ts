import type {CalculateMetadataFunction} from 'remotion';
import {computeTimeline, frameSize} from '../../storyboard';
import {explainerSchema, type ExplainerProps} from './explainer-schema';

/**
 * Size, frame rate and length of an explainer video, all derived from the storyboard: Remotion does
 * not validate input props on server renders, so they are parsed here, and the parsed storyboard
 * (defaults applied) is what the component receives.
 */
export const calculateExplainerMetadata: CalculateMetadataFunction<ExplainerProps> = ({props}) => {
	const storyboard = explainerSchema.parse(props);
	const {width, height} = frameSize(storyboard.format);
	const timeline = computeTimeline(storyboard);
	return {
		width,
		height,
		fps: storyboard.format.fps,
		durationInFrames: timeline.durationInFrames,
		props: storyboard,
	};
};
