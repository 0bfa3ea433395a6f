import type React from 'react';
import {interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Palette} from '../../storyboard';
import {clamp} from './promo-style';
import type {PromoOptions} from './promo-schema';

/** A tick drawn stroke by stroke, or the feature's number, in an accent disc. */
export const Badge: React.FC<{kind: PromoOptions['badge']; number: number; size: number; palette: Palette}> = ({
	kind,
	number,
	size,
	palette,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	if (kind === 'none') return null;
	const pop = spring({frame: frame - 6, fps, config: {damping: 10, stiffness: 200}, durationInFrames: 14});
	const draw = interpolate(frame, [10, 22], [0, 1], clamp);
	return (
		<div
			style={{
				width: size,
				height: size,
				flexShrink: 0,
				borderRadius: '50%',
				background: palette.accent,
				color: palette.background,
				display: 'flex',
				alignItems: 'center',
				justifyContent: 'center',
				fontSize: size * 0.52,
				fontWeight: 900,
				transform: `scale(${pop})`,
			}}
		>
			{kind === 'number' ? (
				<span dir="ltr">{number}</span>
			) : (
				<svg width={size * 0.56} height={size * 0.56} viewBox="0 0 24 24" style={{display: 'block'}}>
					<path
						d="M4 12.5 L10 18 L20 6"
						fill="none"
						stroke={palette.background}
						strokeWidth={3.4}
						strokeLinecap="round"
						strokeLinejoin="round"
						pathLength={1}
						strokeDasharray={1}
						strokeDashoffset={1 - draw}
					/>
				</svg>
			)}
		</div>
	);
};
