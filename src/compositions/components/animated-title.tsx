import type React from 'react';
import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Palette} from '../storyboard';
import {headingStyle, sceneTitleSize} from './heading-style';
import {fitLinesScale} from './fit-lines-scale';
import {useGroupEffects} from './group-opacity';
import {FONT_STACK} from './load-fonts';
import {useFrameLayout} from './use-frame-layout';
import {EdgeScrim} from './edge-scrim';
import {withAlpha} from './with-alpha';

export type TitlePlacement = 'top' | 'bottom';

/**
 * A scene's title (and optional line of text) springing in, over a soft scrim so it stays
 * readable on any image or clip. Sizes follow the frame's short side; long titles wrap.
 */
export const AnimatedTitle: React.FC<{
	title: string | null;
	text: string | null;
	palette: Palette;
	placement: TitlePlacement;
	/** Frames to wait before springing in, e.g. while the transition into the scene is running. */
	delayInFrames?: number;
	/** Draw the accent bar under the title. */
	underline?: boolean;
}> = ({title, text, palette, placement, delayInFrames = 0, underline = true}) => {
	const frame = useCurrentFrame() - delayInFrames;
	const {fps} = useVideoConfig();
	const {unit, safe, orientation, width} = useFrameLayout();
	const {groupOpacity} = useGroupEffects();
	if (!title && !text) return null;

	const enter = spring({frame: frame - 4, fps, config: {damping: 200}, durationInFrames: Math.round(fps * 0.7)});
	const enterText = spring({frame: frame - 10, fps, config: {damping: 200}, durationInFrames: Math.round(fps * 0.7)});
	const bar = interpolate(frame, [8, 8 + fps * 0.6], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	// At most two lines each (the room illustrationBox and titleBandPx keep): long words or titles shrink.
	const lineWidth = width - 2 * safe.side;
	const fitted = (t: string | null, size: number) =>
		size * fitLinesScale({words: (t ?? '').split(/\s+/), lineColumns: lineWidth / (size * 0.56), maxLines: 2});
	const titleSize = fitted(title, sceneTitleSize({unit, orientation}));
	const textSize = fitted(text, sceneTitleSize({unit, orientation}) * 0.5);
	const dir = placement === 'top' ? -1 : 1;

	return (
		<AbsoluteFill>
			<EdgeScrim edge={placement === 'top' ? 'top' : 'bottom'} color={palette.background} alpha={0.72} extent={0.45} />
			<AbsoluteFill
				style={{
					justifyContent: placement === 'top' ? 'flex-start' : 'flex-end',
					alignItems: 'center',
					paddingTop: placement === 'top' ? safe.top : 0,
					paddingBottom: placement === 'bottom' ? safe.bottom : 0,
					paddingLeft: safe.side,
					paddingRight: safe.side,
					fontFamily: FONT_STACK,
					color: palette.text,
					textAlign: 'center',
				}}
			>
				{title ? (
					<div
						data-layout="title"
						style={{
							...headingStyle(titleSize),
							position: 'relative',
							transform: `translateY(${dir * (1 - enter) * unit * 4}px)`,
							// Title and shadow fade in as one picture; at rest nothing is filtered.
							...groupOpacity(enter),
						}}
					>
						{/* The shadow is a copy of the title in the shadow's colour, a whole number of
						    pixels lower: the same picture as a hard drop-shadow, without a filter. A filter
						    on the title cost the web renderer's painter a third of the explainer's frame
						    time (docs/web-fidelity.md, "Filters cost"). */}
						<div
							aria-hidden
							style={{position: 'absolute', inset: 0, top: Math.max(1, Math.round(unit * 0.3)), color: withAlpha(palette.background, 0.45)}}
						>
							{title}
						</div>
						<div style={{position: 'relative'}}>{title}</div>
					</div>
				) : null}
				{title && underline ? (
					<div
						style={{
							width: unit * 14,
							height: Math.max(2, unit * 0.9),
							borderRadius: unit,
							marginTop: unit * 1.6,
							background: palette.accent,
							transform: `scaleX(${bar})`,
						}}
					/>
				) : null}
				{text ? (
					<div
						data-layout="text"
						style={{
							fontSize: textSize,
							fontWeight: 500,
							lineHeight: 1.25,
							marginTop: unit * 1.8,
							textWrap: 'balance',
							overflowWrap: 'anywhere',
							maxWidth: '100%',
							opacity: enterText * 0.92,
							transform: `translateY(${dir * (1 - enterText) * unit * 3}px)`,
						}}
					>
						{text}
					</div>
				) : null}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
