import type {TransitionPresentation, TransitionPresentationComponentProps} from '@remotion/transitions';
import type React from 'react';
import {AbsoluteFill} from 'remotion';

/**
 * A layer's opacity as a filter, so that it fades as one picture in both renderers. CSS `opacity`
 * on a container fades the container as a group; @remotion/web-renderer's painter instead multiplies
 * every descendant's alpha (docs/web-fidelity.md), so a scene's opaque background showed through its
 * own picture mid-fade (explainer square: 22 dB at frame 81). A `drop-shadow` filter makes the painter
 * draw the element and its children into one layer first and then apply the whole filter to it; the
 * shadow itself is transparent and unblurred, so it draws nothing. Chrome applies the same filter to
 * the same group, so the capture renderer's picture is the one CSS opacity gives.
 */
export const groupOpacity = (opacity: number): React.CSSProperties =>
	opacity >= 1 ? {} : {filter: `drop-shadow(0px 0px 0px transparent) opacity(${opacity})`};

type GroupFadeProps = Record<string, never>;

const GroupFadePresentation: React.FC<TransitionPresentationComponentProps<GroupFadeProps>> = ({
	children,
	presentationDirection,
	presentationProgress,
}) => <AbsoluteFill style={presentationDirection === 'entering' ? groupOpacity(presentationProgress) : undefined}>{children}</AbsoluteFill>;

/** @remotion/transitions' fade() (the entering scene fades in over the exiting one) with groupOpacity. */
export const groupFade = (): TransitionPresentation<GroupFadeProps> => ({component: GroupFadePresentation, props: {}});

/**
 * A text shadow (and the text's opacity) as a filter, for one text element without a background.
 * The web painter draws `text-shadow` with canvas shadows, which paints each glyph twice, so every
 * antialiased edge came out heavier than Chrome's (the explainer's scene titles). `drop-shadow`
 * of a text-only element is the same shadow in CSS, and the painter composes it as one layer.
 * Units are px; `blur` is the shadow's blur radius as in text-shadow.
 */
export const textShadowFilter = (o: {x?: number; y: number; blur?: number; color: string; opacity?: number}): React.CSSProperties => {
	const opacity = o.opacity ?? 1;
	return {filter: `drop-shadow(${o.x ?? 0}px ${o.y}px ${o.blur ?? 0}px ${o.color})${opacity < 1 ? ` opacity(${opacity})` : ''}`};
};
