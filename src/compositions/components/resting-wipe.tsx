import type {TransitionPresentation, TransitionPresentationComponentProps} from '@remotion/transitions';
import {wipe, type WipeProps} from '@remotion/transitions/wipe';
import type React from 'react';

const Wipe = wipe().component;

/** Whether a presentation is at rest: before its transition (exiting, 0) or after it (entering, 1). */
export const isResting = (direction: 'entering' | 'exiting', progress: number): boolean =>
	direction === 'entering' ? progress >= 1 : progress <= 0;

const NO_CLIP: React.CSSProperties = {clipPath: undefined};

const RestingWipePresentation: React.FC<TransitionPresentationComponentProps<WipeProps>> = (props) => {
	if (!isResting(props.presentationDirection, props.presentationProgress)) return <Wipe {...props} />;
	const {innerEnterStyle, innerExitStyle} = props.passedProps;
	// The same element tree as while wiping (nothing remounts), without the clip.
	return (
		<Wipe
			{...props}
			passedProps={{
				...props.passedProps,
				innerEnterStyle: {...innerEnterStyle, ...NO_CLIP},
				innerExitStyle: {...innerExitStyle, ...NO_CLIP},
			}}
		/>
	);
};

/**
 * @remotion/transitions' wipe(), clipping its scene only while it wipes. TransitionSeries wraps a
 * scene in the presentations of its transitions for the scene's whole length (their progress rests
 * at 0 before the wipe and at 1 after it), and wipe's polygon at rest still covers the frame, so the
 * scene carried a CSS clip-path on every frame. Chrome's software compositor (all the capture path
 * has here) then draws the whole scene into an offscreen surface and masks it, every time it draws:
 * traced with `npm run profile-frames`, that was most of promo's cost (docs/templates.md, Speed).
 */
export const restingWipe = (props: WipeProps = {}): TransitionPresentation<WipeProps> => ({component: RestingWipePresentation, props});
