import type {TransitionPresentation, TransitionPresentationComponentProps} from '@remotion/transitions';
import type React from 'react';
import {createContext, useContext, useMemo} from 'react';
import {AbsoluteFill} from 'remotion';

/**
 * How a group's opacity and a text's shadow are written. `css`: CSS `opacity` and `text-shadow`,
 * for whatever Chrome paints itself (the capture renderer, and the web renderer's HTML-in-canvas
 * painter). `filter`: the same picture as CSS filters, for @remotion/web-renderer's own painter
 * (the composer), which draws CSS opacity and text-shadow differently (below). The web render page
 * provides `filter` when the composer paints; everything else gets `css`.
 *
 * Why not filters everywhere: on the capture path a composited element with a filter is drawn into
 * an offscreen surface on every compositor draw (about five per captured frame), and Chrome's
 * compositor here is software. At 720p against bare: explainer 0.66 -> 0.76, headline 0.64 -> 0.74
 * (docs/templates.md).
 */
export type GroupEffects = 'css' | 'filter';

export const GroupEffectsContext = createContext<GroupEffects>('css');

export type TextShadow = {x?: number; y: number; blur?: number; color: string; opacity?: number};

/**
 * A layer's opacity, so that it fades as one picture in every renderer. CSS `opacity` on a
 * container fades the container as a group; the composer instead multiplies every descendant's
 * alpha (docs/web-fidelity.md), so a scene's opaque background showed through its own picture
 * mid-fade (explainer square: 22 dB at frame 81). For the composer it is a `drop-shadow` filter,
 * which makes the painter draw the element and its children into one layer first and then apply the
 * whole filter to it; the shadow itself is transparent and unblurred, so it draws nothing. Chrome
 * applies the same filter to the same group, so it is the picture CSS opacity gives.
 */
export const groupOpacityFor = (effects: GroupEffects, opacity: number): React.CSSProperties => {
	if (opacity >= 1) return {};
	return effects === 'filter' ? {filter: `drop-shadow(0px 0px 0px transparent) opacity(${opacity})`} : {opacity};
};

/**
 * A text shadow (and the text's opacity), for one text element without a background. The composer
 * draws `text-shadow` with canvas shadows, which paints each glyph twice, so every antialiased edge
 * came out heavier than Chrome's (the explainer's scene titles); for it the shadow is a
 * `drop-shadow` filter, the same shadow in CSS, which the painter composes as one layer.
 * Units are px; `blur` is the shadow's blur radius as in text-shadow.
 */
export const textShadowFor = (effects: GroupEffects, o: TextShadow): React.CSSProperties => {
	const opacity = o.opacity ?? 1;
	const shadow = `${o.x ?? 0}px ${o.y}px ${o.blur ?? 0}px ${o.color}`;
	if (effects === 'filter') return {filter: `drop-shadow(${shadow})${opacity < 1 ? ` opacity(${opacity})` : ''}`};
	return {textShadow: shadow, ...(opacity < 1 ? {opacity} : {})};
};

/** The group effects of the current render: `groupOpacity(x)` and `textShadowStyle({...})` as style objects. */
export const useGroupEffects = () => {
	const effects = useContext(GroupEffectsContext);
	return useMemo(
		() => ({
			groupOpacity: (opacity: number) => groupOpacityFor(effects, opacity),
			textShadowStyle: (o: TextShadow) => textShadowFor(effects, o),
		}),
		[effects],
	);
};

type GroupFadeProps = Record<string, never>;

const GroupFadePresentation: React.FC<TransitionPresentationComponentProps<GroupFadeProps>> = ({
	children,
	presentationDirection,
	presentationProgress,
}) => {
	const {groupOpacity} = useGroupEffects();
	return (
		<AbsoluteFill style={presentationDirection === 'entering' ? groupOpacity(presentationProgress) : undefined}>{children}</AbsoluteFill>
	);
};

/** @remotion/transitions' fade() (the entering scene fades in over the exiting one) with the group's opacity. */
export const groupFade = (): TransitionPresentation<GroupFadeProps> => ({component: GroupFadePresentation, props: {}});
