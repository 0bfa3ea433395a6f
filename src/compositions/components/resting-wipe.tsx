import type {TransitionPresentation, TransitionPresentationComponentProps} from '@remotion/transitions';
import {wipe, type WipeProps} from '@remotion/transitions/wipe';
import type React from 'react';
import {Internals} from 'remotion';

const Wipe = wipe().component;

/** Whether a presentation is at rest: before its transition (exiting, 0) or after it (entering, 1). */
export const isResting = (direction: 'entering' | 'exiting', progress: number): boolean =>
	direction === 'entering' ? progress >= 1 : progress <= 0;

const NO_CLIP: React.CSSProperties = {clipPath: undefined};

/** Greatest common divisor (Euclid). */
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A wipe's progress moved to the nearest one whose straight edge falls on a whole pixel of every
 * render size of the composition (draft, standard and full: a 1080-short frame renders at 1/3, 2/3
 * and 1, so every 3 CSS pixels). An edge between pixels is drawn half-covered, and the capture and
 * web renderers round that half differently (docs/web-fidelity.md, "seventh round"). Diagonal
 * wipes, and a wipe outside a composition, keep their progress.
 */
export const snapWipeProgress = (
	progress: number,
	direction: WipeProps['direction'],
	size: {width: number; height: number} | null,
): number => {
	if (!size || progress <= 0 || progress >= 1) return progress;
	const along =
		direction === 'from-top' || direction === 'from-bottom'
			? size.height
			: direction === 'from-left' || direction === 'from-right' || direction === undefined
				? size.width
				: null;
	if (along === null) return progress;
	const short = Math.min(size.width, size.height);
	const step = short / gcd(short, DRAFT_SHORT_SIDE);
	return (Math.round((progress * along) / step) * step) / along;
};

/** The short side of a draft render (quality.ts); the larger presets are multiples of it. */
const DRAFT_SHORT_SIDE = 360;

const RestingWipePresentation: React.FC<TransitionPresentationComponentProps<WipeProps>> = (props) => {
	const config = Internals.useUnsafeVideoConfig();
	if (!isResting(props.presentationDirection, props.presentationProgress)) {
		const progress = snapWipeProgress(props.presentationProgress, props.passedProps.direction, config);
		return <Wipe {...props} presentationProgress={progress} />;
	}
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
