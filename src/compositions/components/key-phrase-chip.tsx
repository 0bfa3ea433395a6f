import type React from 'react';
import {AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Palette} from '../storyboard';
import {FONT_STACK} from './load-fonts';
import {useFrameLayout} from './use-frame-layout';
import {withAlpha} from './with-alpha';

/**
 * A shot's key phrase as a chip on the illustration's lower edge: springs in when its word is
 * spoken, fades out before the next shot. Frame 0 is the shot's start; `durationInFrames` its length.
 */
export const KeyPhraseChip: React.FC<{text: string; palette: Palette; centerX: number; top: number; durationInFrames: number}> = ({
	text,
	palette,
	centerX,
	top,
	durationInFrames,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit, width, safe} = useFrameLayout();
	const enter = spring({frame, fps, config: {damping: 12, stiffness: 140}, durationInFrames: Math.round(fps * 0.5)});
	const leave = interpolate(frame, [durationInFrames - 6, durationInFrames - 1], [1, 0], {
		extrapolateLeft: 'clamp',
		extrapolateRight: 'clamp',
	});
	return (
		<AbsoluteFill>
			<div
				data-layout="key-phrase"
				style={{
					position: 'absolute',
					left: centerX,
					top,
					maxWidth: width - safe.side * 2,
					transform: `translate(-50%, 0) scale(${0.7 + 0.3 * enter})`,
					opacity: Math.min(enter, leave),
					padding: `${unit * 0.9}px ${unit * 2.4}px`,
					borderRadius: unit * 4,
					background: palette.accent,
					color: palette.background,
					fontFamily: FONT_STACK,
					fontWeight: 800,
					fontSize: unit * 4.6,
					lineHeight: 1.15,
					whiteSpace: 'nowrap',
					overflow: 'hidden',
					textOverflow: 'ellipsis',
					boxShadow: `0 ${unit * 0.6}px 0 ${withAlpha(palette.background, 0.5)}`,
				}}
			>
				{text}
			</div>
		</AbsoluteFill>
	);
};
